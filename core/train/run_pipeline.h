#pragma once

#include "data/transform_pipeline.h"
#include "train/experiment_runner.h"
#include "train/run_task.h"

#include <memory>
#include <optional>

namespace tl {

class GraphModule;
struct PretrainResult;

/// The run of an experiment, the same for every task: the task's data and split, the optional
/// source stage, the model with its starting weights, loaders and feature caches, then the epoch
/// loop with checkpoints (last and best), the best epoch (by the task's validation score, or by
/// the lowest training loss without validation data), early stopping, epochs.csv and summary.json.
class RunPipeline {
public:
    RunPipeline(const Experiment& experiment, const RunFolder& folder, bool resuming, RunTask& task,
                RunTask::LogFunction log);
    ~RunPipeline();

    RunSummary run(TrainingObserver* observer, TrainingControl* control);

private:
    /// Trains the source stage when the experiment has one; false when it did not finish.
    bool pretrain(TrainingObserver* observer, TrainingControl* control, RunSummary& stopped);
    std::shared_ptr<GraphModule> buildModel() const;
    int inputSize(const GraphModule& model) const;
    void restoreBest(RunSummary& summary) const;
    /// Updates the best epoch with `m`; true when `m` is the new best.
    bool updateBest(RunSummary& summary, const EpochMetrics& m) const;
    void writeSummary(const RunSummary& summary) const;
    void logEpoch(const EpochMetrics& m) const;
    /// Restores a resumed run's trainer and files; returns the epoch to continue with.
    int startOrResume(Trainer& trainer, RunSummary& summary) const;
    void trainEpochs(Trainer& trainer, BatchStream& train, BatchStream& val, int firstEpoch, RunSummary& summary,
                     TrainingObserver* observer, TrainingControl* control);
    /// A stop request: the summary says so, and the files of the last completed epoch stay.
    void stopped(Trainer& trainer, BatchStream& val, int epoch, RunSummary& summary);

    const Experiment& m_experiment;
    const RunFolder& m_folder;
    bool m_resuming;
    RunTask& m_task;
    RunTask::LogFunction m_log;
    TaskData m_data;
    std::unique_ptr<PretrainResult> m_pretrained;
    Normalization m_normalization;
    std::string m_initReference;
    int m_threads = 1;
    torch::Device m_device{torch::kCPU};
};

}  // namespace tl
