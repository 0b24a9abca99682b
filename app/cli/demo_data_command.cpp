#include "cli/arch_options.h"
#include "cli/command.h"

#include "data/demo_data.h"

#include <QCoreApplication>

namespace tl::cli {

namespace {

bool readCount(const QCommandLineParser& parser, const QCommandLineOption& option, int minimum, int& value)
{
    bool ok = false;
    value = parser.value(option).toInt(&ok);
    if (ok && value >= minimum)
        return true;
    printError(QCoreApplication::translate("cli", "--%1 needs a number of at least %2")
                   .arg(option.names().front())
                   .arg(minimum));
    return false;
}

}  // namespace

int demoDataCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Write the procedural demo datasets: a source task (8 shapes, many images), a target task "
               "(5 other shapes, few images) and a small segmentation set, as image folders."));
    parser.addPositionalArgument(QStringLiteral("OUT_DIR"), QCoreApplication::translate("cli", "Folder to write into."));
    const DemoDataOptions defaults;
    const QCommandLineOption size(QStringLiteral("size"), QCoreApplication::translate("cli", "Image side in pixels."),
                                  QStringLiteral("PX"), QString::number(defaults.imageSize));
    const QCommandLineOption seed(QStringLiteral("seed"), QCoreApplication::translate("cli", "Random seed."),
                                  QStringLiteral("N"), QString::number(defaults.seed));
    const QCommandLineOption source(QStringLiteral("source-per-class"),
                                    QCoreApplication::translate("cli", "Training images per source class."),
                                    QStringLiteral("N"), QString::number(defaults.sourceTrainPerClass));
    const QCommandLineOption target(QStringLiteral("target-per-class"),
                                    QCoreApplication::translate("cli", "Training images per target class."),
                                    QStringLiteral("N"), QString::number(defaults.targetTrainPerClass));
    const QCommandLineOption val(QStringLiteral("val-per-class"),
                                 QCoreApplication::translate("cli", "Validation images per class, both tasks."),
                                 QStringLiteral("N"), QString::number(defaults.targetValPerClass));
    const QCommandLineOption segmentation(QStringLiteral("segmentation"),
                                          QCoreApplication::translate("cli", "Segmentation images (0: none)."),
                                          QStringLiteral("N"), QString::number(defaults.segmentationImages));
    parser.addOptions({size, seed, source, target, val, segmentation});
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate("cli", "give one output folder; see --help"));
        return UsageError;
    }
    DemoDataOptions options;
    int valPerClass = 0;
    if (!readCount(parser, size, 16, options.imageSize) || !readCount(parser, source, 1, options.sourceTrainPerClass) ||
        !readCount(parser, target, 1, options.targetTrainPerClass) || !readCount(parser, val, 1, valPerClass) ||
        !readCount(parser, segmentation, 0, options.segmentationImages))
        return UsageError;
    options.sourceValPerClass = valPerClass;
    options.targetValPerClass = valPerClass;
    bool ok = false;
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        printError(QCoreApplication::translate("cli", "--seed needs a non-negative number"));
        return UsageError;
    }
    const QString out = parser.positionalArguments().front();
    const DemoDataSummary summary = writeDemoData(std::filesystem::u8path(out.toStdString()), options);
    printOut(QCoreApplication::translate("cli", "Wrote %1 source, %2 target and %3 segmentation images to %4\n")
                 .arg(summary.sourceImages)
                 .arg(summary.targetImages)
                 .arg(summary.segmentationImages)
                 .arg(out));
    return Success;
}

}  // namespace tl::cli
