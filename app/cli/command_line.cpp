#include "cli/command.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <exception>
#include <cstdio>
#include <cstring>
#include <memory>

namespace tl::cli {

const std::vector<Command>& commands()
{
    static const std::vector<Command> all{
        {QStringLiteral("models"), QCoreApplication::translate("cli", "List every architecture of the zoo"),
         modelsCommand},
        {QStringLiteral("inspect"),
         QCoreApplication::translate("cli", "Show an architecture's nodes, shapes, edges and parameters"),
         inspectCommand},
        {QStringLiteral("predict"),
         QCoreApplication::translate("cli", "Classify an image with an architecture and a weight file"), predictCommand},
        {QStringLiteral("convert"), QCoreApplication::translate("cli", "Convert weights between .pth and .safetensors"),
         convertCommand},
        {QStringLiteral("train"), QCoreApplication::translate("cli", "Train an experiment file headless"),
         trainCommand},
        {QStringLiteral("resume"), QCoreApplication::translate("cli", "Continue a stopped run from its checkpoint"),
         resumeCommand},
        {QStringLiteral("lr-find"),
         QCoreApplication::translate("cli", "Sweep the learning rate over a few batches and suggest one"), lrFindCommand},
        {QStringLiteral("scan"),
         QCoreApplication::translate("cli", "Check a dataset folder: classes, splits, duplicates, skipped files"),
         scanCommand},
        {QStringLiteral("demo-data"),
         QCoreApplication::translate("cli", "Write the procedural demo datasets as image folders"), demoDataCommand},
        {QStringLiteral("report"), QCoreApplication::translate("cli", "Write a run's report as HTML and PDF"),
         reportCommand},
        {QStringLiteral("export"),
         QCoreApplication::translate("cli", "Export a run's model (.pth, .safetensors) and metrics (JSON, CSV)"),
         exportCommand},
    };
    return all;
}

bool isCommand(const QString& name)
{
    for (const Command& c : commands())
        if (c.name == name)
            return true;
    return false;
}

void printError(const QString& message)
{
    QTextStream err(stderr);
    err << "transferlab: " << message << Qt::endl;
}

void printOut(const QString& text)
{
    QTextStream out(stdout);
    out << text;
    out.flush();
}

namespace {

QtMessageHandler previousHandler = nullptr;

// A GUI application started for drawing warns about a missing session runtime folder (common in
// containers and CI); it changes nothing for files written, so it must not break the one-line
// error contract of the command line.
void quietGuiWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    if (previousHandler)
        previousHandler(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

QString usage()
{
    QString text = QCoreApplication::translate("cli",
                                               "Usage: transferlab [COMMAND] [OPTIONS]\n\n"
                                               "Without a command the desktop application starts.\n\n"
                                               "Commands:\n");
    for (const Command& c : commands())
        text += QStringLiteral("  %1  %2\n").arg(c.name, -10).arg(c.summary);
    text += QCoreApplication::translate("cli",
                                        "\nOptions:\n"
                                        "  -h, --help     Show this help\n"
                                        "  -v, --version  Show the version\n\n"
                                        "Desktop application: transferlab [--experiment FILE] [--train]\n\n"
                                        "Run 'transferlab COMMAND --help' for the options of a command.\n");
    return text;
}

}  // namespace

int runCommandLine(int argc, char** argv)
{
    // A command that draws gets a GUI application on the offscreen platform: it renders fonts and
    // widgets into files and never needs a display.
    const bool draws = argc > 1 && std::strcmp(argv[1], "report") == 0;
    if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (draws)
        previousHandler = qInstallMessageHandler(quietGuiWarnings);
    const std::unique_ptr<QCoreApplication> application(draws ? new QApplication(argc, argv)
                                                              : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("transferlab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRANSFERLAB_VERSION));
    const QStringList args = QCoreApplication::arguments();
    const QString first = args.value(1);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        printOut(QStringLiteral("transferlab %1\n").arg(QStringLiteral(TRANSFERLAB_VERSION)));
        return Success;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printOut(usage());
        return Success;
    }
    for (const Command& c : commands()) {
        if (c.name != first)
            continue;
        QStringList rest = args;
        rest.removeAt(1);
        rest[0] = QStringLiteral("transferlab %1").arg(c.name);
        try {
            return c.run(rest);
        } catch (const std::exception& e) {
            printError(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
            return Failure;
        }
    }
    printError(QCoreApplication::translate("cli", "unknown command '%1'; run 'transferlab --help' for the list")
                   .arg(first));
    return UsageError;
}

}  // namespace tl::cli
