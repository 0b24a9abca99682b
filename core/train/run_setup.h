#pragma once

#include "train/trainer.h"

#include <filesystem>
#include <functional>
#include <string>

namespace tl {

class DataLoader;
class FreezePlan;
struct AugmentConfig;
struct Experiment;
struct LoadReport;

/// Sets LibTorch's intra-op thread count from a `train.threads` setting (0: every core) and
/// returns it; LibTorch itself would use one thread on some machines.
int applyThreadSetting(int configured);

/// The loader's batches as the trainer's stream; the loader must outlive it.
BatchStream streamOf(DataLoader& loader);

/// The weight file a `model.weights` setting names: the file itself, or a run folder's trained
/// model. Throws Error when the run folder has no trained weights yet.
std::filesystem::path startingWeightsFile(const std::string& setting);

/// Throws Error naming `file` when its tensors left the backbone of `arch` unloaded.
void requireBackboneLoaded(const LoadReport& report, const std::filesystem::path& file, const std::string& arch);

/// "weights FILE: N tensors loaded[, new C-class head]", for a run's log.
std::string describeLoad(const LoadReport& report, const std::filesystem::path& file, int64_t classes);

/// What in `augment` changes a training image at random from epoch to epoch ("horizontal flip,
/// rotation"), or empty when every epoch sees the same images.
std::string randomAugmentation(const AugmentConfig& augment);

/// Gives the streams a cache of the frozen prefix's outputs when `train.cache_frozen_features`
/// asks for it: validation always (its images never change), training only without random
/// augmentation. The streams must deliver `trainSamples` and `valSamples` samples in the order
/// DataLoader does with the experiment's batch size and seed. What it did goes to `log`.
void attachFeatureCaches(const Experiment& e, const FreezePlan& plan, BatchStream& train, size_t trainSamples,
                         BatchStream& val, size_t valSamples, const std::filesystem::path& spillDir,
                         const std::function<void(const std::string&)>& log);

}  // namespace tl
