#include "cli/command.h"

#include <QCoreApplication>
#include <QTextStream>

#include <exception>
#include <cstdio>

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
        {QStringLiteral("scan"),
         QCoreApplication::translate("cli", "Check a dataset folder: classes, splits, duplicates, skipped files"),
         scanCommand},
        {QStringLiteral("demo-data"),
         QCoreApplication::translate("cli", "Write the procedural demo datasets as image folders"), demoDataCommand},
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
                                        "Run 'transferlab COMMAND --help' for the options of a command.\n");
    return text;
}

}  // namespace

int runCommandLine(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
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
