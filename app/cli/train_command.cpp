#include "cli/arch_options.h"
#include "cli/command.h"
#include "cli/train_progress.h"

#include "common/errors.h"
#include "train/experiment_runner.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

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
    const std::string path = config.toStdString();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        printError(QCoreApplication::translate("cli", "%1: cannot be opened").arg(config));
        return Failure;
    }
    std::ostringstream text;
    text << in.rdbuf();
    nlohmann::json document = nlohmann::json::parse(text.str(), nullptr, false);
    if (document.is_discarded()) {
        printError(QCoreApplication::translate("cli", "%1: not valid JSON").arg(config));
        return Failure;
    }
    for (const QString& assignment : parser.values(QStringLiteral("set")))
        applyOverride(document, assignment.toStdString());
    Experiment experiment = parseExperiment(document, path);
    // Relative data and weight paths are relative to the experiment file, as a user expects.
    const std::filesystem::path base = std::filesystem::path(path).parent_path();
    for (std::string* p : {&experiment.data.train, &experiment.data.val, &experiment.model.weights})
        if (!p->empty() && *p != "none" && std::filesystem::path(*p).is_relative())
            *p = (base / *p).lexically_normal().string();
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
