#pragma once

#include "train/freeze_plan.h"
#include "train/lr_schedule.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <string>
#include <vector>

namespace tl {

/// Random augmentation applied to training images.
struct AugmentConfig {
    bool randomResizedCrop = true;
    double minScale = 0.08;
    bool horizontalFlip = true;
    double rotationDegrees = 0.0;
    double colorJitter = 0.0;  // brightness/contrast/saturation strength
};

struct ModelConfig {
    std::string arch = "resnet18";
    std::string weights = "none";  // a weight file, a run folder, or "none"
    int64_t numClasses = 0;        // 0 = the number of classes found in the data
    int64_t inChannels = 3;
};

struct DataConfig {
    std::string train;  // image folder (with class sub-folders, or train/ val/ test/)
    std::string val;    // optional separate validation folder
    double valFraction = 0.2;
    int64_t imageSize = 0;  // 0 = the architecture's default
    uint64_t splitSeed = 0;
    AugmentConfig augment;
    std::string normalize = "imagenet";  // "imagenet", "dataset" or "none"
};

struct OptimConfig {
    std::string name = "sgd";  // sgd, adam, adamw
    double lr = 0.01;
    double momentum = 0.9;
    bool nesterov = false;
    double weightDecay = 1e-4;
    bool decayNormAndBias = false;  // apply weight decay to BatchNorm parameters and biases too
    double beta1 = 0.9;
    double beta2 = 0.999;
    double labelSmoothing = 0.0;
    std::vector<double> classWeights;
    double auxLossWeight = 0.3;  // GoogLeNet's auxiliary classifiers (Szegedy et al. 2014)
};

struct TrainConfig {
    int epochs = 10;
    int64_t batchSize = 32;
    uint64_t seed = 0;
    std::string device = "auto";  // auto, cpu, cuda
    int threads = 0;              // 0 = all cores
    bool cacheFrozenFeatures = true;
    int earlyStopPatience = 0;    // 0 = off
    int loaderThreads = 2;
};

/// A transfer-learning experiment as saved in an experiment file ("transferlab-experiment/1").
struct Experiment {
    std::string name = "experiment";
    ModelConfig model;
    DataConfig data;
    FreezeConfig freeze;
    OptimConfig optim;
    ScheduleConfig schedule;
    TrainConfig train;
};

constexpr const char* kExperimentFormat = "transferlab-experiment/1";

/// Parses an experiment; throws ExperimentError whose message names `fileName`, the JSON path
/// of the offending entry and the reason (unknown key, wrong type, value out of range).
Experiment parseExperiment(const nlohmann::json& document, const std::string& fileName);
Experiment loadExperiment(const std::string& path);
nlohmann::json toJson(const Experiment& experiment);

/// Applies "a.b.c=value" to a document (value parsed as JSON, else taken as a string).
void applyOverride(nlohmann::json& document, const std::string& assignment);

}  // namespace tl
