#include "train/segmentation_runner.h"

#include "common/errors.h"
#include "data/data_loader.h"
#include "data/dataset_split.h"
#include "data/sample_source.h"
#include "data/segmentation_folder.h"
#include "data/transform_pipeline.h"
#include "graph/shape_inference.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/run_setup.h"
#include "train/segmentation_data.h"
#include "weights/state_dict.h"
#include "weights/weight_matching.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace tl {

namespace {

// The same names as a classification run, so resume and the tools that read run folders work alike.
constexpr const char* kLastCheckpoint = "checkpoint_last.pt";
constexpr const char* kBestCheckpoint = "checkpoint_best.pt";
constexpr const char* kFinalWeights = "model.pth";
constexpr const char* kEpochsHeader =
    "epoch,train_loss,train_pixel_accuracy,val_loss,val_pixel_accuracy,val_miou,val_dice,seconds,images_per_second";

std::string csvNumber(double v)
{
    std::ostringstream s;
    s.precision(8);
    s << v;
    return s.str();
}

/// NaN (a class absent from prediction and truth) as JSON null.
nlohmann::json perClass(const std::vector<double>& values)
{
    nlohmann::json out = nlohmann::json::array();
    for (double v : values)
        out.push_back(std::isnan(v) ? nlohmann::json() : nlohmann::json(v));
    return out;
}

/// The dataset with its split: restored from the run folder when resuming, else drawn and saved.
SegmentationIndex splitData(const Experiment& e, const RunFolder& folder, bool resuming)
{
    SegmentationIndex index = scanSegmentationFolder(e.data.train);
    if (resuming && fs::exists(folder.file("split.json"))) {
        loadSegmentationSplit(index, folder.file("split.json"));
    } else {
        SplitOptions split;
        split.valFraction = e.data.valFraction;
        split.seed = e.data.splitSeed;
        assignSplit(index, split);
        saveSegmentationSplit(index, folder.file("split.json"), split.valFraction, split.seed);
    }
    if (index.count(Split::Train) == 0)
        throw DataError(e.data.train + ": no image/mask pair for training");
    return index;
}

int64_t classCount(const Experiment& e, const SegmentationIndex& index, const DecodeOptions& decode)
{
    std::string where;
    const int64_t highest = highestMaskClass(index, decode, &where);
    if (highest < 0)
        throw DataError(e.data.train + ": no mask holds a labelled pixel");
    if (e.model.numClasses == 0)
        return std::max<int64_t>(2, highest + 1);
    if (highest >= e.model.numClasses)
        throw ExperimentError("/model/num_classes is " + std::to_string(e.model.numClasses) + " but " + where
                              + " holds class index " + std::to_string(highest));
    return e.model.numClasses;
}

}  // namespace

RunSummary runSegmentation(const Experiment& e, const RunFolder& folder, bool resuming,
                           const std::function<void(const std::string&)>& log, TrainingObserver* observer,
                           TrainingControl* control)
{
    requireTaskFits(e);
    if (e.pretrain)
        throw ExperimentError("/pretrain: a source stage is for classification; a segmentation run starts from "
                              "model.weights instead");
    const int threads = applyThreadSetting(e.train.threads);
    const torch::Device device = resolveDevice(e.train.device);

    SegmentationIndex index = splitData(e, folder, resuming);
    for (const SkippedFile& s : index.skipped)
        log("skipped " + s.path + ": " + s.reason);
    DecodeOptions decode;
    decode.channels = static_cast<int>(e.model.inChannels);
    const int64_t classes = classCount(e, index, decode);

    torch::manual_seed(e.train.seed);
    BuildOptions build;
    build.numClasses = classes;
    build.inChannels = e.model.inChannels;
    build.unetBaseWidth = e.model.unetBaseWidth;
    auto model = std::make_shared<GraphModule>(buildArch(e.model.arch, build));
    const ArchSpec& spec = model->spec();
    const int size = static_cast<int>(e.data.imageSize ? e.data.imageSize : spec.defaultInputH);
    try {
        inferShapes(spec, size, size);
    } catch (const ShapeError& shape) {
        throw ExperimentError("/data/image_size " + std::to_string(size) + " does not fit " + e.model.arch + ": "
                              + shape.what());
    }
    if (!resuming && e.freeze.preset != FreezePreset::FromScratch && !e.model.weights.empty() && e.model.weights != "none") {
        const fs::path file = startingWeightsFile(e.model.weights);
        const LoadReport report = loadWeightsFile(*model, file.string());
        requireBackboneLoaded(report, file, e.model.arch);
        log(describeLoad(report, file, classes));
    }

    // Every geometric step moves image and mask together, masks nearest-neighbour; colour jitter
    // touches the image only.
    AugmentOptions augment;
    augment.scaleMin = e.data.augment.randomResizedCrop ? e.data.augment.minScale : 1.0;
    augment.horizontalFlip = e.data.augment.horizontalFlip;
    augment.rotationDegrees = e.data.augment.rotationDegrees;
    augment.brightness = augment.contrast = augment.saturation = e.data.augment.colorJitter;
    const int channels = static_cast<int>(e.model.inChannels);
    auto trainPipeline = std::make_shared<TransformPipeline>(
        randomAugmentation(e.data.augment).empty() ? TransformPipeline::segmentationEval(size, channels)
                                                   : TransformPipeline::segmentationTrain(size, augment, channels));
    auto evalPipeline = std::make_shared<TransformPipeline>(TransformPipeline::segmentationEval(size, channels));
    LoaderOptions loaderOptions;
    loaderOptions.batchSize = e.train.batchSize;
    loaderOptions.threads = e.train.loaderThreads;
    loaderOptions.seed = e.train.seed;
    DataLoader trainLoader(std::make_shared<SegmentationSource>(index, Split::Train, decode), trainPipeline, loaderOptions);
    loaderOptions.shuffle = false;
    DataLoader valLoader(std::make_shared<SegmentationSource>(index, Split::Val, decode), evalPipeline, loaderOptions);
    BatchStream trainStream = streamOf(trainLoader);
    BatchStream valStream = streamOf(valLoader);
    const bool hasVal = index.count(Split::Val) > 0;
    attachFeatureCaches(e, FreezePlan(spec, e.freeze), trainStream, size_t(index.count(Split::Train)), valStream,
                        size_t(index.count(Split::Val)), folder.path(), log);

    Trainer trainer(model, FreezePlan(spec, e.freeze), e.optim, e.schedule, e.train.epochs, trainStream.batchesPerEpoch,
                    device);
    int firstEpoch = 0;
    RunSummary summary;
    if (resuming) {
        firstEpoch = trainer.loadCheckpoint(folder.file(kLastCheckpoint).string());
        folder.truncateAfter("metrics.csv", trainer.step());
        folder.truncateAfter("epochs.csv", firstEpoch);  // its lines count epochs from 1
        if (fs::exists(folder.file("summary.json"))) {
            const auto previous = nlohmann::json::parse(folder.readText("summary.json"), nullptr, false);
            if (previous.is_object()) {
                summary.bestEpoch = previous.value("best_epoch", -1);
                summary.bestValMeanIou = previous.value("best_val_miou", 0.0);
                summary.bestValTop1 = previous.value("best_val_pixel_accuracy", 0.0);
            }
        }
        log("resumed at epoch " + std::to_string(firstEpoch + 1));
    }
    log("training " + e.model.arch + " for segmentation on " + std::to_string(index.count(Split::Train)) + " images, "
        + std::to_string(index.count(Split::Val)) + " for validation, " + std::to_string(classes) + " classes, "
        + std::to_string(size) + " px, " + std::to_string(threads) + " threads, " + (device.is_cuda() ? "CUDA" : "CPU"));

    int sinceBest = 0;
    summary.epochsDone = firstEpoch;
    const auto writeSummary = [&] {
        nlohmann::json j{{"task", "segmentation"},
                         {"outcome", toString(summary.outcome)},
                         {"message", summary.message},
                         {"epochs_done", summary.epochsDone},
                         {"best_epoch", summary.bestEpoch},
                         {"best_val_miou", summary.bestValMeanIou},
                         {"best_val_pixel_accuracy", summary.bestValTop1},
                         {"final_train_loss", summary.last.trainLoss},
                         {"final_train_pixel_accuracy", summary.last.trainAccuracy},
                         {"images_per_second", summary.last.imagesPerSecond},
                         {"classes", classes},
                         {"image_size", size},
                         {"device", device.is_cuda() ? "cuda" : "cpu"},
                         {"threads", threads},
                         {"torch_version", TORCH_VERSION},
                         {"transferlab_version", TRANSFERLAB_VERSION}};
        if (summary.last.val && summary.last.val->segmentation) {
            const SegmentationScores& s = *summary.last.val->segmentation;
            j["final_val"] = {{"loss", summary.last.val->loss}, {"pixel_accuracy", s.pixelAccuracy},
                              {"miou", s.meanIou},           {"dice", s.meanDice},
                              {"iou", perClass(s.iou)},      {"dice_per_class", perClass(s.dice)}};
        }
        folder.writeText("summary.json", j.dump(2) + "\n");
    };
    for (int epoch = firstEpoch; epoch < e.train.epochs; ++epoch) {
        EpochMetrics m;
        try {
            m = trainer.trainEpoch(epoch, trainStream, observer, control);
        } catch (const DivergedError& diverged) {
            summary.outcome = RunOutcome::Diverged;
            summary.message = diverged.what();
            log(summary.message);
            writeSummary();
            return summary;
        }
        if (control && control->stopRequested()) {
            summary.outcome = RunOutcome::Stopped;
            summary.message = "stopped during epoch " + std::to_string(epoch + 1)
                            + "; resume continues from the last completed epoch";
            log(summary.message);
            writeSummary();
            return summary;
        }
        if (hasVal)
            m.val = trainer.evaluate(valStream, epoch);
        if (observer)
            observer->onEpoch(m);
        summary.last = m;
        summary.epochsDone = epoch + 1;
        const SegmentationScores* val = m.val ? &*m.val->segmentation : nullptr;
        folder.appendLine("epochs.csv",
                          std::to_string(epoch + 1) + "," + csvNumber(m.trainLoss) + "," + csvNumber(m.trainAccuracy) + ","
                              + (val ? csvNumber(m.val->loss) + "," + csvNumber(val->pixelAccuracy) + ","
                                           + csvNumber(val->meanIou) + "," + csvNumber(val->meanDice)
                                     : std::string(",,,"))
                              + "," + csvNumber(m.seconds) + "," + csvNumber(m.imagesPerSecond),
                          kEpochsHeader);
        trainer.saveCheckpoint(folder.file(kLastCheckpoint).string(), epoch + 1);
        // Without validation images the best epoch is the one with the best training pixel accuracy.
        const double score = val ? val->meanIou : m.trainAccuracy;
        if (summary.bestEpoch < 0 || score > (val ? summary.bestValMeanIou : summary.bestValTop1)) {
            summary.bestEpoch = epoch + 1;
            summary.bestValMeanIou = val ? val->meanIou : 0.0;
            summary.bestValTop1 = val ? val->pixelAccuracy : m.trainAccuracy;
            sinceBest = 0;
            folder.copyFile(kLastCheckpoint, kBestCheckpoint);  // the same state, just written
        } else {
            ++sinceBest;
        }
        std::ostringstream line;
        line << "epoch " << epoch + 1 << "/" << e.train.epochs << ": train loss " << m.trainLoss
             << ", pixel accuracy " << m.trainAccuracy;
        if (val)
            line << "; val loss " << m.val->loss << ", pixel accuracy " << val->pixelAccuracy << ", mIoU "
                 << val->meanIou << ", Dice " << val->meanDice;
        log(line.str());
        writeSummary();
        if (e.train.earlyStopPatience > 0 && sinceBest >= e.train.earlyStopPatience) {
            summary.outcome = RunOutcome::EarlyStopped;
            summary.message = "no improvement for " + std::to_string(sinceBest) + " epochs";
            log(summary.message);
            break;
        }
    }
    writeWeights(folder.file(kFinalWeights).string(), stateDictOf(*model));
    writeSummary();
    return summary;
}

}  // namespace tl
