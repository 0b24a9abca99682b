#include "cli/arch_options.h"
#include "cli/command.h"
#include "cli/weights_options.h"

#include "graph/spec_json.h"
#include "models/zoo.h"
#include "weights/hub_cache.h"
#include "weights/state_dict.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace tl::cli {

int inspectCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Show an architecture's nodes, output shapes, edges, parameters and buffers."));
    ArchOptions archOptions;
    archOptions.addTo(parser);
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("cli", "Print JSON."));
    parser.addOption(json);
    const QCommandLineOption weights(
        QStringLiteral("weights"),
        QCoreApplication::translate("cli", "Weight file (.pth or .safetensors) to match against the architecture."),
        QStringLiteral("FILE"));
    parser.addOption(weights);
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QCoreApplication::translate("cli", "unexpected argument '%1'").arg(parser.positionalArguments().front()));
        return UsageError;
    }
    QString error;
    if (!archOptions.read(parser, error)) {
        printError(error);
        return UsageError;
    }
    const ArchSpec spec = buildArch(archOptions.arch.toStdString(), archOptions.build);
    LoadReport report;
    HashCheck hash = HashCheck::NotChecked;
    if (parser.isSet(weights)) {
        const std::string path = nativePath(parser.value(weights));
        report = matchWeights(readWeights(path, TensorData::LayoutOnly).tensors, spec).report;
        hash = checkHubHash(path);
    }
    if (parser.isSet(json)) {
        nlohmann::json description = describeSpec(spec, archOptions.height, archOptions.width);
        if (parser.isSet(weights)) {
            description["load_report"] = loadReportJson(report);
            description["load_report"]["sha256_prefix"] = toString(hash);
        }
        printOut(QString::fromStdString(description.dump(2)) + QLatin1Char('\n'));
    } else {
        printOut(QString::fromStdString(summaryTable(spec, archOptions.height, archOptions.width)));
        if (parser.isSet(weights))
            printOut(QCoreApplication::translate("cli", "\nWeights: %1 matched, %2 missing, %3 unexpected, %4 with "
                                                        "another shape%5; SHA-256 in name: %6\n")
                         .arg(report.matched.size())
                         .arg(report.missing.size())
                         .arg(report.unexpected.size())
                         .arg(report.mismatched.size())
                         .arg(report.headReinitialised
                                  ? QCoreApplication::translate("cli", " (only the head differs: it starts fresh)")
                                  : QString())
                         .arg(QLatin1String(toString(hash))));
    }
    if (hash == HashCheck::Mismatch) {
        printError(QCoreApplication::translate("cli", "%1: SHA-256 does not start with the hash in its name")
                       .arg(parser.value(weights)));
        return Failure;
    }
    return Success;
}

}  // namespace tl::cli
