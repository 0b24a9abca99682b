#pragma once

#include "train/experiment.h"
#include "train/run_folder.h"
#include "train/trainer.h"

#include <functional>
#include <map>
#include <string>

namespace tl {

/// How a run ended.
enum class RunOutcome { Finished, EarlyStopped, Stopped, Diverged };

struct RunSummary {
    RunOutcome outcome = RunOutcome::Finished;
    int epochsDone = 0;
    int bestEpoch = -1;
    /// What chose the best epoch: "val_top1" or "val_miou" with validation data, else
    /// "train_loss" (lowest); summary.json's "best_by".
    std::string bestBy;
    /// The best epoch's figures as summary.json names them ("best_val_top1",
    /// "best_val_macro_f1", "best_val_miou", "best_train_loss"): only what was measured.
    std::map<std::string, double> best;
    EpochMetrics last;
    std::string message;  // why it stopped, for the user

    /// One of `best`, or `fallback` when that figure was not measured.
    double bestFigure(const std::string& name, double fallback = -1.0) const;
};

/// Runs an experiment end to end in a run folder: scans and splits the data, builds the model,
/// loads its weights, trains with checkpoints after every epoch (last and best), writes
/// metrics.csv, epochs.csv, summary.json and the final weights, and resumes a stopped run.
class ExperimentRunner {
public:
    using LogFunction = std::function<void(const std::string&)>;

    /// A new run of `experiment` in a fresh folder under `runsDir`.
    ExperimentRunner(Experiment experiment, const std::filesystem::path& runsDir, LogFunction log = {});
    /// Continues the run in `runDir` from its last checkpoint (or, for an experiment with a
    /// pretrain stage stopped before the target's first epoch, from that stage).
    static ExperimentRunner resume(const std::filesystem::path& runDir, LogFunction log = {});
    /// A new run of `experiment` in exactly `runDir`, which must not exist yet.
    static ExperimentRunner startIn(Experiment experiment, const std::filesystem::path& runDir, LogFunction log = {});

    RunSummary run(TrainingObserver* observer = nullptr, TrainingControl* control = nullptr);

    const RunFolder& folder() const { return m_folder; }
    const Experiment& experiment() const { return m_experiment; }

private:
    ExperimentRunner(Experiment experiment, RunFolder folder, bool resuming, LogFunction log);
    void log(const std::string& line) const;

    Experiment m_experiment;
    RunFolder m_folder;
    bool m_resuming = false;
    LogFunction m_log;
};

const char* toString(RunOutcome outcome);

}  // namespace tl
