#include "cli/command.h"
#include "main_window.h"

#include <QApplication>

int main(int argc, char** argv)
{
    // Any argument means the command line: subcommands and --help/--version run headless,
    // without a display, and anything else gets a one-line error rather than a window.
    if (argc > 1)
        return tl::cli::runCommandLine(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TransferLab"));
    QApplication::setOrganizationName(QStringLiteral("TransferLab"));
    QApplication::setApplicationVersion(QStringLiteral(TRANSFERLAB_VERSION));
    tl::MainWindow window;
    window.showArchitecture(QStringLiteral("resnet18"));
    window.show();
    return QApplication::exec();
}
