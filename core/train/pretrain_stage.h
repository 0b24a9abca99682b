#pragma once

#include "train/experiment.h"
#include "train/experiment_runner.h"
#include "weights/weight_matching.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace tl {

class GraphModule;

/// The folder of the source stage inside the run folder of an experiment with "pretrain".
constexpr const char* kPretrainFolder = "pretrain";

/// What the source stage left for the target stage.
struct PretrainResult {
    bool complete = false;            // trained to its end; otherwise `summary` says why not
    RunSummary summary;
    std::filesystem::path weights;    // its trained model.pth
    nlohmann::json summaryEntry;      // summary.json's "pretrain": {"run", "best_val_top1", "epochs"}
};

/// The experiment the source stage runs: the target's model, schedule and training settings with
/// the stage's data, epochs, freeze and optimiser, and as many classes as the source has.
Experiment pretrainExperiment(const Experiment& target);

/// Trains the source stage in `<runDir>/pretrain` (a run folder of its own), resuming it when a
/// previous attempt was stopped or killed there, and returning at once when it already finished.
PretrainResult runPretrainStage(const Experiment& target, const std::filesystem::path& runDir,
                                const ExperimentRunner::LogFunction& log, TrainingObserver* observer,
                                TrainingControl* control);

/// Loads the source stage's weights into the target model: every layer but the output head,
/// which starts fresh even when source and target happen to have as many classes.
LoadReport loadSourceBackbone(GraphModule& model, const std::filesystem::path& weights);

}  // namespace tl
