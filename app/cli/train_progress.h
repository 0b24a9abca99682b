#pragma once

#include "train/experiment_runner.h"
#include "train/trainer.h"

#include <chrono>
#include <string>

namespace tl::cli {

/// Shows training progress on the command line: a progress bar with ETA on a terminal, plain
/// lines otherwise, or one JSON event per line. Ctrl-C asks the run to stop after its batch.
class TrainProgress final : public TrainingObserver {
public:
    TrainProgress(bool json, int epochs);
    ~TrainProgress() override;

    /// Routes SIGINT to `control` (checked after every batch).
    void watchInterrupts(TrainingControl* control);
    void started(const std::string& runDir);
    void finished(const RunSummary& summary, const std::string& runDir);

    void onIteration(const IterationMetrics& m) override;
    void onEpoch(const EpochMetrics& m) override;
    void onStage(const std::string& stage, int epochs) override;

private:
    void emit(const std::string& line, bool transient = false);
    /// "epoch 3/10", or "pretrain epoch 3/10" while the source stage trains.
    std::string epochLabel(int epoch) const;
    /// What chose the best epoch and its figure, named for what it measures.
    static std::string bestText(const RunSummary& summary);

    bool m_json;
    bool m_terminal;
    int m_epochs;
    std::string m_stage;         // empty for a run of one stage, else "pretrain" or "target"
    int m_epochsThisStage = 0;   // counted since this process started the stage, for the ETA
    TrainingControl* m_control = nullptr;
    std::chrono::steady_clock::time_point m_start;  // of the current stage in this process
    std::chrono::steady_clock::time_point m_lastPrint;
    int64_t m_firstStep = -1;
    bool m_lineOpen = false;
};

}  // namespace tl::cli
