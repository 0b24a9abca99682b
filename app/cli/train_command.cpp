#include "cli/arch_options.h"
#include "cli/command.h"
#include "cli/experiment_input.h"
#include "cli/train_progress.h"

#include "common/errors.h"
#include "train/experiment_runner.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace tl::cli {

namespace {

QCommandLineOption jsonProgressOption()
{
    return {QStringLiteral("json-progress"), QCoreApplication::translate("cli", "Print one JSON event per line.")};
}

int exitCodeFor(const RunSummary& summary)
{
    switch (summary.outcome) {
    case RunOutcome::Finished:
    case RunOutcome::EarlyStopped: return Success;
    case RunOutcome::Diverged: return Diverged;
    case RunOutcome::Stopped: return Interrupted;
    }
    return Failure;
}

int runAndReport(ExperimentRunner& runner, bool jsonProgress)
{
    TrainProgress progress(jsonProgress, runner.experiment().train.epochs);
    TrainingControl control;
    progress.watchInterrupts(&control);
    progress.started(runner.folder().path().string());
    const RunSummary summary = runner.run(&progress, &control);
    progress.finished(summary, runner.folder().path().string());
    return exitCodeFor(summary);
}

}  // namespace

int trainCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Train an experiment headless. Exit codes: 0 done, 1 failed, 2 bad usage, 3 the loss diverged, "
               "130 interrupted (resumable with 'transferlab resume RUN_DIR')."));
    parser.addOption({QStringLiteral("config"), QCoreApplication::translate("cli", "Experiment file (JSON)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("out"), QCoreApplication::translate("cli", "Folder for run folders (default: runs)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("set"),
                      QCoreApplication::translate("cli", "Override an entry, e.g. --set optim.lr=0.001 (repeatable)."),
                      QStringLiteral("KEY=VALUE")});
    parser.addOption(jsonProgressOption());
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    const QString config = parser.value(QStringLiteral("config"));
    if (config.isEmpty()) {
        printError(QCoreApplication::translate("cli", "--config is required"));
        return UsageError;
    }
    Experiment experiment = readExperimentArgument(config, parser.values(QStringLiteral("set")));
    const QString out = parser.isSet(QStringLiteral("out")) ? parser.value(QStringLiteral("out")) : QStringLiteral("runs");
    ExperimentRunner runner(std::move(experiment), out.toStdString());
    return runAndReport(runner, parser.isSet(QStringLiteral("json-progress")));
}

int resumeCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("cli", "Continue a stopped or killed run from its last checkpoint."));
    parser.addPositionalArgument(QStringLiteral("RUN_DIR"), QCoreApplication::translate("cli", "The run folder."));
    parser.addOption(jsonProgressOption());
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate("cli", "resume takes one run folder"));
        return UsageError;
    }
    ExperimentRunner runner = ExperimentRunner::resume(parser.positionalArguments().front().toStdString());
    return runAndReport(runner, parser.isSet(QStringLiteral("json-progress")));
}

}  // namespace tl::cli
