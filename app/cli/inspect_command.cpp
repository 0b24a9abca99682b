#include "cli/arch_options.h"
#include "cli/command.h"

#include "graph/spec_json.h"
#include "models/zoo.h"

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
    if (parser.isSet(json)) {
        const nlohmann::json description = describeSpec(spec, archOptions.height, archOptions.width);
        printOut(QString::fromStdString(description.dump(2)) + QLatin1Char('\n'));
    } else {
        printOut(QString::fromStdString(summaryTable(spec, archOptions.height, archOptions.width)));
    }
    return Success;
}

}  // namespace tl::cli
