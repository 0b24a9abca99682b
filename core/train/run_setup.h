#pragma once

#include "train/trainer.h"

#include <filesystem>
#include <functional>
#include <string>

namespace tl {

class DataLoader;
class FreezePlan;
class SampleSource;
class TransformPipeline;
struct AugmentConfig;
struct AugmentOptions;
struct Experiment;
struct LoadReport;
struct Normalization;

/// A number as the run folder's CSV files write it (8 significant digits).
std::string csvNumber(double value);

/// The loader's augmentation for an experiment's `data.augment`.
AugmentOptions augmentOptions(const AugmentConfig& augment);

/// The transforms that validation and prediction of a classification run use: torchvision's
/// Resize(size / 0.875) + CenterCrop(size) when training crops at random (RandomResizedCrop
/// zooms in), else Resize(size) + CenterCrop(size), the very images training saw, so that a
/// model is judged at the scale it learned.
TransformPipeline classificationEvalTransforms(const AugmentConfig& augment, int size, int channels);

/// The input normalisation `data.normalize` asks for: "imagenet" (torchvision's statistics),
/// "none" (pixels in [0, 1] as they are) or "dataset" (the mean and standard deviation of the
/// training images, measured on up to 500 of them, evenly spread).
Normalization normalizationFor(const std::string& setting, int channels, const SampleSource& train);

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
