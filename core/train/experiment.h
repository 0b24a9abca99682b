#pragma once

#include "train/freeze_plan.h"
#include "train/lr_schedule.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <map>
#include <optional>
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
    int64_t unetBaseWidth = 64;    // U-Net's first level width; every level down doubles it
    bool zeroInitResidual = false; // ResNet from scratch: last BatchNorm of each block starts at 0
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
    double crossEntropyWeight = 1.0;  // segmentation: the loss is this x cross-entropy + diceWeight x soft Dice
    double diceWeight = 1.0;
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

/// What the model predicts: one class per image, or one class per pixel (image/mask pairs).
enum class ExperimentTask { Classification, Segmentation };
const char* toString(ExperimentTask task);
bool parseExperimentTask(const std::string& text, ExperimentTask& task);

/// A first training stage on a related source dataset ("pretrain"): the target stage starts from
/// its trained layers, all but the output head. Entries not given follow the experiment's own.
struct PretrainConfig {
    DataConfig data;   // its image folder; image size, augmentation and normalisation as data's
    int epochs = 10;
    FreezeConfig freeze;  // default: everything trains
    OptimConfig optim;    // default: the experiment's optimiser without its class weights
};

/// A transfer-learning experiment as saved in an experiment file ("transferlab-experiment/1").
struct Experiment {
    std::string name = "experiment";
    ExperimentTask task = ExperimentTask::Classification;
    ModelConfig model;
    DataConfig data;
    FreezeConfig freeze;
    OptimConfig optim;
    ScheduleConfig schedule;
    TrainConfig train;
    std::optional<PretrainConfig> pretrain;
};

constexpr const char* kExperimentFormat = "transferlab-experiment/1";

/// Parses an experiment; throws ExperimentError whose message names `fileName`, the JSON path
/// of the offending entry and the reason (unknown key, wrong type, value out of range).
Experiment parseExperiment(const nlohmann::json& document, const std::string& fileName);
Experiment loadExperiment(const std::string& path);
nlohmann::json toJson(const Experiment& experiment);

/// The experiment with its relative data and weight paths (pretrain stage included) made
/// absolute against `base`, the experiment file's folder: where a user means them to be.
Experiment withPathsRelativeTo(Experiment experiment, const std::filesystem::path& base);

/// Applies "a.b.c=value" to a document (value parsed as JSON, else taken as a string).
void applyOverride(nlohmann::json& document, const std::string& assignment);

}  // namespace tl
