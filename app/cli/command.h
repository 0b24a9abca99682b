#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace tl::cli {

/// Exit codes shared by every subcommand.
enum ExitCode { Success = 0, Failure = 1, UsageError = 2, Diverged = 3, Interrupted = 130 };

/// A headless subcommand of the `transferlab` executable.
struct Command {
    QString name;
    QString summary;
    std::function<int(const QStringList& arguments)> run;  // arguments start with the program name
};

const std::vector<Command>& commands();
bool isCommand(const QString& name);

/// Runs argv as a subcommand (or --help/--version) and returns the exit code; never throws.
int runCommandLine(int argc, char** argv);

/// Writes a one-line error to stderr, prefixed with the program name.
void printError(const QString& message);
void printOut(const QString& text);

int modelsCommand(const QStringList& arguments);
int inspectCommand(const QStringList& arguments);
int predictCommand(const QStringList& arguments);
int convertCommand(const QStringList& arguments);
int scanCommand(const QStringList& arguments);
int demoDataCommand(const QStringList& arguments);
int trainCommand(const QStringList& arguments);
int resumeCommand(const QStringList& arguments);
int lrFindCommand(const QStringList& arguments);
int reportCommand(const QStringList& arguments);
int exportCommand(const QStringList& arguments);

}  // namespace tl::cli
