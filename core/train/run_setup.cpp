#include "train/run_setup.h"

#include "common/errors.h"
#include "data/data_loader.h"
#include "data/sample_rng.h"
#include "data/sample_source.h"
#include "data/transform_pipeline.h"
#include "train/experiment.h"
#include "train/feature_cache.h"
#include "weights/weight_matching.h"

#include <torch/torch.h>

#include <algorithm>
#include <sstream>
#include <thread>

namespace tl {

namespace {

// The frozen prefix's outputs kept in memory per split before they go to disk.
constexpr int64_t kFeatureCacheBytes = int64_t(1) << 30;

/// The batches' sample indices that DataLoader delivers for an epoch, computed as it does
/// (seeded Fisher-Yates over the source positions, stream ~0), so that a fully cached epoch can
/// skip decoding and still see the same batches in the same order. Checked by the feature-cache
/// test, which compares a cached run with an uncached one.
std::function<std::vector<std::vector<int64_t>>(int64_t)> loaderOrder(size_t samples, int64_t batchSize, bool shuffle,
                                                                      uint64_t seed)
{
    return [=](int64_t epoch) {
        std::vector<size_t> order(samples);
        for (size_t i = 0; i < samples; ++i)
            order[i] = i;
        if (shuffle) {
            SampleRng rng(seed, uint64_t(epoch), ~uint64_t(0));
            seededShuffle(order, rng);
        }
        std::vector<std::vector<int64_t>> batches;
        for (size_t begin = 0; begin < samples; begin += size_t(batchSize)) {
            const size_t end = std::min(samples, begin + size_t(batchSize));
            batches.emplace_back(order.begin() + long(begin), order.begin() + long(end));
        }
        return batches;
    };
}

constexpr size_t kNormalizationSamples = 500;

}  // namespace

std::string csvNumber(double v)
{
    std::ostringstream s;
    s.precision(8);
    s << v;
    return s.str();
}

AugmentOptions augmentOptions(const AugmentConfig& a)
{
    AugmentOptions options;
    options.scaleMin = a.randomResizedCrop ? a.minScale : 1.0;
    options.horizontalFlip = a.horizontalFlip;
    options.rotationDegrees = a.rotationDegrees;
    options.brightness = options.contrast = options.saturation = a.colorJitter;
    return options;
}

TransformPipeline classificationEvalTransforms(const AugmentConfig& a, int size, int channels)
{
    if (a.randomResizedCrop)
        return TransformPipeline::classificationEval(size, channels);
    TransformPipeline pipeline(size, size, channels);
    pipeline.add(std::make_shared<Resize>(size));
    pipeline.add(std::make_shared<CenterCrop>(size, size));
    return pipeline;
}

Normalization normalizationFor(const std::string& setting, int channels, const SampleSource& train)
{
    if (setting == "imagenet")
        return Normalization::imagenet(channels);
    if (setting == "none")
        return {std::vector<float>(size_t(channels), 0.f), std::vector<float>(size_t(channels), 1.f)};
    if (setting != "dataset")
        throw InvalidArgument("unknown normalisation '" + setting + "' (imagenet, dataset, none)");
    std::vector<cv::Mat> images;
    const size_t n = train.size();
    const size_t count = std::min(n, kNormalizationSamples);
    for (size_t k = 0; k < count; ++k) {
        try {
            images.push_back(train.load(k * n / count).image);
        } catch (const DataError&) {
            // A bad image is skipped here as the loader skips it.
        }
    }
    if (images.empty())
        throw DataError("no training image could be read to measure the dataset's normalisation");
    return Normalization::measure(images);
}

int applyThreadSetting(int configured)
{
    const int threads = configured > 0 ? configured : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    return threads;
}

BatchStream streamOf(DataLoader& loader)
{
    BatchStream s;
    s.batchesPerEpoch = loader.batchesPerEpoch();
    s.startEpoch = [&loader](int64_t epoch) { loader.startEpoch(epoch); };
    s.next = [&loader]() -> std::optional<TrainBatch> {
        std::optional<Batch> b = loader.next();
        if (!b)
            return std::nullopt;
        return TrainBatch{b->images, b->targets, b->indices};
    };
    return s;
}

std::filesystem::path startingWeightsFile(const std::string& setting)
{
    const std::filesystem::path p(setting);
    if (std::filesystem::is_directory(p)) {
        const std::filesystem::path trained = p / "model.pth";
        if (std::filesystem::exists(trained))
            return trained;
        throw Error(setting + ": this run folder has no trained weights (model.pth) yet");
    }
    return p;
}

void requireBackboneLoaded(const LoadReport& report, const std::filesystem::path& file, const std::string& arch)
{
    if (!report.backboneLoads())
        throw Error(file.string() + ": does not fit " + arch + " (" + std::to_string(report.missing.size()) + " missing, "
                    + std::to_string(report.mismatched.size()) + " mismatched tensors)");
}

std::string describeLoad(const LoadReport& report, const std::filesystem::path& file, int64_t classes)
{
    return "weights " + file.string() + ": " + std::to_string(report.matched.size()) + " tensors loaded"
         + (report.headReinitialised ? ", new " + std::to_string(classes) + "-class head" : "");
}

std::string randomAugmentation(const AugmentConfig& a)
{
    std::string why;
    const auto add = [&why](const char* what) { why += std::string(why.empty() ? "" : ", ") + what; };
    if (a.randomResizedCrop)
        add("random_resized_crop");
    if (a.horizontalFlip)
        add("horizontal flip");
    if (a.rotationDegrees > 0)
        add("rotation");
    if (a.colorJitter > 0)
        add("colour jitter");
    return why;
}

void attachFeatureCaches(const Experiment& e, const FreezePlan& plan, BatchStream& train, size_t trainSamples,
                         BatchStream& val, size_t valSamples, const std::filesystem::path& spillDir,
                         const std::function<void(const std::string&)>& log)
{
    if (!e.train.cacheFrozenFeatures)
        return;
    const std::vector<std::string> cut = FeatureCache::cutOf(plan);
    FeatureCacheOptions options;
    options.memoryBytes = kFeatureCacheBytes;
    options.spillDir = spillDir;
    // The validation images never change, so their features can be reused even when the
    // training images are augmented; a later unfreezing step may make a cut appear.
    val.features = std::make_shared<FeatureCache>(options);
    val.batchIndices = loaderOrder(valSamples, e.train.batchSize, false, e.train.seed);
    const std::string randomness = randomAugmentation(e.data.augment);
    if (!randomness.empty()) {
        log("feature caching is off for training: random augmentation (" + randomness
            + ") changes the frozen layers' inputs every epoch");
    } else {
        train.features = std::make_shared<FeatureCache>(options);
        train.batchIndices = loaderOrder(trainSamples, e.train.batchSize, true, e.train.seed);
    }
    if (cut.empty())
        log("feature caching has nothing to cache yet: no layer before the first trainable one is frozen");
    else
        log("feature caching at " + std::to_string(cut.size()) + " tensor(s) from the frozen prefix, first '" + cut.front()
            + "'");
}

}  // namespace tl
