#include "train/experiment_runner.h"

#include "common/errors.h"
#include "train/classification_task.h"
#include "train/run_pipeline.h"
#include "train/segmentation_task.h"

#include <nlohmann/json.hpp>

namespace tl {

namespace {

constexpr const char* kLastCheckpoint = "checkpoint_last.pt";

}  // namespace

const char* toString(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Finished: return "finished";
    case RunOutcome::EarlyStopped: return "early_stopped";
    case RunOutcome::Stopped: return "stopped";
    case RunOutcome::Diverged: return "diverged";
    }
    return "?";
}

ExperimentRunner::ExperimentRunner(Experiment experiment, RunFolder folder, bool resuming, LogFunction log)
    : m_experiment(std::move(experiment)), m_folder(std::move(folder)), m_resuming(resuming), m_log(std::move(log))
{
}

ExperimentRunner::ExperimentRunner(Experiment experiment, const std::filesystem::path& runsDir, LogFunction log)
    : ExperimentRunner(experiment, RunFolder::create(runsDir, experiment.name), false, std::move(log))
{
    m_folder.writeText("experiment.json", toJson(m_experiment).dump(2) + "\n");
}

ExperimentRunner ExperimentRunner::resume(const std::filesystem::path& runDir, LogFunction log)
{
    RunFolder folder = RunFolder::open(runDir);
    Experiment e = parseExperiment(nlohmann::json::parse(folder.readText("experiment.json"), nullptr, false),
                                   folder.file("experiment.json").string());
    if (!std::filesystem::exists(folder.file(kLastCheckpoint))) {
        // Stopped in the source stage or the target's first epoch: the target starts afresh.
        if (e.pretrain) {
            folder.truncateAfter("metrics.csv", 0);
            folder.truncateAfter("epochs.csv", 0);
            return ExperimentRunner(std::move(e), std::move(folder), false, std::move(log));
        }
        throw Error(runDir.string() + ": no checkpoint to resume from (the run stopped before its first epoch ended)");
    }
    return ExperimentRunner(std::move(e), std::move(folder), true, std::move(log));
}

ExperimentRunner ExperimentRunner::startIn(Experiment experiment, const std::filesystem::path& runDir, LogFunction log)
{
    ExperimentRunner runner(std::move(experiment), RunFolder::createAt(runDir), false, std::move(log));
    runner.m_folder.writeText("experiment.json", toJson(runner.m_experiment).dump(2) + "\n");
    return runner;
}

void ExperimentRunner::log(const std::string& line) const
{
    m_folder.appendLine("log.txt", line);
    if (m_log)
        m_log(line);
}

RunSummary ExperimentRunner::run(TrainingObserver* observer, TrainingControl* control)
{
    std::unique_ptr<RunTask> task;
    if (m_experiment.task == ExperimentTask::Segmentation)
        task = std::make_unique<SegmentationTask>(m_experiment, m_folder);
    else
        task = std::make_unique<ClassificationTask>(m_experiment, m_folder);
    RunPipeline pipeline(m_experiment, m_folder, m_resuming, *task, [this](const std::string& line) { log(line); });
    return pipeline.run(observer, control);
}

double RunSummary::bestFigure(const std::string& name, double fallback) const
{
    const auto found = best.find(name);
    return found == best.end() ? fallback : found->second;
}

}  // namespace tl
