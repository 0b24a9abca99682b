#include "cli/arch_options.h"
#include "cli/command.h"

#include "report/metrics_export.h"
#include "report/model_export.h"
#include "report/run_data.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace tl::cli {

int exportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Export a run's trained model as a torchvision state_dict (.pth for torch.load(f, weights_only=True), "
               "or .safetensors) and its metrics as JSON or CSV."));
    parser.addPositionalArgument(QStringLiteral("RUN_DIR"), QCoreApplication::translate("cli", "The run folder."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QCoreApplication::translate("cli", "pth or safetensors (default: from --out's extension)."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), QCoreApplication::translate("cli", "Model file to write."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption weights(QStringLiteral("weights"),
                                     QCoreApplication::translate("cli", "final (model.pth, default), best or last checkpoint."),
                                     QStringLiteral("WHICH"), QStringLiteral("final"));
    const QCommandLineOption metrics(QStringLiteral("metrics"),
                                     QCoreApplication::translate("cli", "Metrics file to write, .json or .csv."),
                                     QStringLiteral("FILE"));
    parser.addOptions({format, out, weights, metrics});
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate("cli", "export needs exactly one RUN_DIR"));
        return UsageError;
    }
    if (!parser.isSet(out) && !parser.isSet(metrics)) {
        printError(QCoreApplication::translate("cli", "nothing to export: give --out FILE and/or --metrics FILE"));
        return UsageError;
    }
    QString kind = parser.value(format).toLower();
    const QString outPath = parser.value(out);
    if (parser.isSet(out) && kind.isEmpty()) {
        const QString suffix = QFileInfo(outPath).suffix().toLower();
        kind = suffix == QLatin1String("safetensors") ? QStringLiteral("safetensors")
             : suffix == QLatin1String("pth") || suffix == QLatin1String("pt") ? QStringLiteral("pth")
                                                                               : QString();
        if (kind.isEmpty()) {
            printError(QCoreApplication::translate("cli", "--format is required: %1 ends neither in .pth nor in .safetensors").arg(outPath));
            return UsageError;
        }
    }
    if (parser.isSet(format) && kind != QLatin1String("pth") && kind != QLatin1String("safetensors")) {
        printError(QCoreApplication::translate("cli", "--format must be pth or safetensors, got '%1'").arg(parser.value(format)));
        return UsageError;
    }
    if (parser.isSet(format) && !parser.isSet(out)) {
        printError(QCoreApplication::translate("cli", "--format needs --out FILE"));
        return UsageError;
    }
    const QString which = parser.value(weights);
    report::ExportedWeights exported = report::ExportedWeights::Final;
    if (which == QLatin1String("best"))
        exported = report::ExportedWeights::Best;
    else if (which == QLatin1String("last"))
        exported = report::ExportedWeights::Last;
    else if (which != QLatin1String("final")) {
        printError(QCoreApplication::translate("cli", "--weights must be final, best or last, got '%1'").arg(which));
        return UsageError;
    }
    const QString metricsPath = parser.value(metrics);
    const QString metricsSuffix = QFileInfo(metricsPath).suffix().toLower();
    if (parser.isSet(metrics) && metricsSuffix != QLatin1String("json") && metricsSuffix != QLatin1String("csv")) {
        printError(QCoreApplication::translate("cli", "--metrics must name a .json or .csv file, got '%1'").arg(metricsPath));
        return UsageError;
    }
    const QString runDir = parser.positionalArguments().front();
    if (!QFileInfo(runDir).isDir() || !QFileInfo::exists(runDir + QStringLiteral("/experiment.json"))) {
        printError(QCoreApplication::translate("cli", "%1: not a run folder (no experiment.json)").arg(runDir));
        return Failure;
    }

    if (parser.isSet(out)) {
        const int tensors = report::exportModel(runDir, exported, kind == QLatin1String("safetensors"), outPath);
        printOut(QCoreApplication::translate("cli", "wrote %1 (%2 tensors)\n").arg(outPath).arg(tensors));
    }
    if (parser.isSet(metrics)) {
        const report::RunData run = report::loadRun(runDir);
        const QByteArray bytes = metricsSuffix == QLatin1String("json") ? report::metricsJson(run) : report::metricsCsv(run);
        QSaveFile file(metricsPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            printError(QCoreApplication::translate("cli", "%1: cannot be written (%2)").arg(metricsPath, file.errorString()));
            return Failure;
        }
        printOut(QCoreApplication::translate("cli", "wrote %1\n").arg(metricsPath));
    }
    return Success;
}

}  // namespace tl::cli
