#pragma once

#include "train/experiment.h"
#include "train/run_folder.h"
#include "train/trainer.h"

#include <functional>
#include <string>

namespace tl {

/// How a run ended.
enum class RunOutcome { Finished, EarlyStopped, Stopped, Diverged };

struct RunSummary {
    RunOutcome outcome = RunOutcome::Finished;
    int epochsDone = 0;
    int bestEpoch = -1;
    double bestValTop1 = 0.0;       // segmentation: the best epoch's pixel accuracy
    double bestValMeanIou = 0.0;    // segmentation only; picks the best checkpoint there
    double bestValMacroF1 = 0.0;    // classification: the best epoch's macro-averaged F1
    EpochMetrics last;
    std::string message;  // why it stopped, for the user
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
