#include "cli/command.h"
#include "language.h"
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTimer>

#include <cstring>

namespace {

/// The window's own options; every other argument is a subcommand (or --help/--version) that
/// runs headless, without a display.
bool wantsWindow(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--experiment") != 0 && std::strncmp(argv[i], "--experiment=", 13) != 0
            && std::strcmp(argv[i], "--train") != 0 && (i == 1 || std::strcmp(argv[i - 1], "--experiment") != 0))
            return false;
    return true;
}

}  // namespace

int main(int argc, char** argv)
{
    if (!wantsWindow(argc, argv))
        return tl::cli::runCommandLine(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TransferLab"));
    QApplication::setOrganizationName(QStringLiteral("TransferLab"));
    QApplication::setApplicationVersion(QStringLiteral(TRANSFERLAB_VERSION));
    tl::Language::install(app, tl::Language::resolve(tl::Language::configured(), QLocale::system().name()));
    QCommandLineParser parser;
    const QCommandLineOption experiment(QStringLiteral("experiment"),
                                        QApplication::translate("main", "Open this experiment file."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption train(QStringLiteral("train"),
                                   QApplication::translate("main", "Start training the experiment at once."));
    parser.addOption(experiment);
    parser.addOption(train);
    parser.process(app);
    tl::MainWindow window;
    window.show();
    window.openStartupExperiment(parser.value(experiment));
    if (parser.isSet(train))
        QTimer::singleShot(0, &window, &tl::MainWindow::startTraining);
    return QApplication::exec();
}
