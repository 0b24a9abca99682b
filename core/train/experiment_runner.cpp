#include "train/experiment_runner.h"

#include "common/errors.h"
#include "data/data_loader.h"
#include "data/dataset_split.h"
#include "data/image_folder.h"
#include "data/sample_source.h"
#include "data/transform_pipeline.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/classification_report.h"
#include "train/pretrain_stage.h"
#include "train/run_setup.h"
#include "train/segmentation_data.h"
#include "train/segmentation_runner.h"
#include "weights/state_dict.h"
#include "weights/weight_matching.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <sstream>
#include <thread>

namespace tl {

namespace {

constexpr const char* kLastCheckpoint = "checkpoint_last.pt";
constexpr const char* kBestCheckpoint = "checkpoint_best.pt";
constexpr const char* kFinalWeights = "model.pth";

std::string csvNumber(double v)
{
    std::ostringstream s;
    s.precision(8);
    s << v;
    return s.str();
}

/// Writes iteration metrics to metrics.csv and passes them on.
class CsvObserver final : public TrainingObserver {
public:
    CsvObserver(const RunFolder& folder, TrainingObserver* next) : m_folder(folder), m_next(next) {}
    void onIteration(const IterationMetrics& m) override
    {
        m_folder.appendLine("metrics.csv",
                            std::to_string(m.step) + "," + std::to_string(m.epoch) + "," + csvNumber(m.loss) + ","
                                + csvNumber(m.accuracy) + "," + csvNumber(m.lr) + "," + csvNumber(m.imagesPerSecond),
                            "step,epoch,loss,accuracy,lr,images_per_second");
        if (m_next)
            m_next->onIteration(m);
    }
    void onEpoch(const EpochMetrics& m) override
    {
        if (m_next)
            m_next->onEpoch(m);
    }
    void onStage(const std::string& stage, int epochs) override
    {
        if (m_next)
            m_next->onStage(stage, epochs);
    }
    std::optional<std::chrono::milliseconds> gradientNormPeriod() const override
    {
        return m_next ? m_next->gradientNormPeriod() : std::nullopt;
    }
    void onGradientNorms(int64_t step, const std::vector<std::pair<std::string, double>>& norms) override
    {
        if (m_next)
            m_next->onGradientNorms(step, norms);
    }

private:
    const RunFolder& m_folder;
    TrainingObserver* m_next;
};

}  // namespace

const char* toString(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Finished: return "finished";
    case RunOutcome::EarlyStopped: return "early_stopped";
    case RunOutcome::Stopped: return "stopped";
    case RunOutcome::Diverged: return "diverged";
    }
    return "?";
}

ExperimentRunner::ExperimentRunner(Experiment experiment, RunFolder folder, bool resuming, LogFunction log)
    : m_experiment(std::move(experiment)), m_folder(std::move(folder)), m_resuming(resuming), m_log(std::move(log))
{
}

ExperimentRunner::ExperimentRunner(Experiment experiment, const std::filesystem::path& runsDir, LogFunction log)
    : ExperimentRunner(experiment, RunFolder::create(runsDir, experiment.name), false, std::move(log))
{
    m_folder.writeText("experiment.json", toJson(m_experiment).dump(2) + "\n");
}

ExperimentRunner ExperimentRunner::resume(const std::filesystem::path& runDir, LogFunction log)
{
    RunFolder folder = RunFolder::open(runDir);
    Experiment e = parseExperiment(nlohmann::json::parse(folder.readText("experiment.json"), nullptr, false),
                                   folder.file("experiment.json").string());
    if (!std::filesystem::exists(folder.file(kLastCheckpoint))) {
        // Stopped in the source stage or the target's first epoch: the target starts afresh.
        if (e.pretrain) {
            folder.truncateAfter("metrics.csv", 0);
            folder.truncateAfter("epochs.csv", 0);
            return ExperimentRunner(std::move(e), std::move(folder), false, std::move(log));
        }
        throw Error(runDir.string() + ": no checkpoint to resume from (the run stopped before its first epoch ended)");
    }
    return ExperimentRunner(std::move(e), std::move(folder), true, std::move(log));
}

ExperimentRunner ExperimentRunner::startIn(Experiment experiment, const std::filesystem::path& runDir, LogFunction log)
{
    ExperimentRunner runner(std::move(experiment), RunFolder::createAt(runDir), false, std::move(log));
    runner.m_folder.writeText("experiment.json", toJson(runner.m_experiment).dump(2) + "\n");
    return runner;
}

void ExperimentRunner::log(const std::string& line) const
{
    m_folder.appendLine("log.txt", line);
    if (m_log)
        m_log(line);
}

RunSummary ExperimentRunner::run(TrainingObserver* observer, TrainingControl* control)
{
    const Experiment& e = m_experiment;
    if (e.task == ExperimentTask::Segmentation) {
        CsvObserver csv(m_folder, observer);
        return runSegmentation(e, m_folder, m_resuming, [this](const std::string& line) { log(line); }, &csv, control);
    }
    requireTaskFits(e);
    const int threads = applyThreadSetting(e.train.threads);
    const torch::Device device = resolveDevice(e.train.device);

    // Data: folders, split (saved with the run so it can be repeated exactly).
    ClassificationIndex index = scanImageFolder(e.data.train);
    SplitOptions split;
    split.valFraction = e.data.valFraction;
    split.seed = e.data.splitSeed;
    if (m_resuming && std::filesystem::exists(m_folder.file("split.json")))
        loadSplit(index, m_folder.file("split.json"));
    else
        assignSplit(index, split);
    requireTrainable(index);
    if (!m_resuming)
        saveSplit(index, m_folder.file("split.json"), split);
    for (const SkippedFile& s : index.skipped)
        log("skipped " + s.path + ": " + s.reason);
    const int64_t classes = static_cast<int64_t>(index.classes.size());
    if (e.model.numClasses && e.model.numClasses != classes)
        throw ExperimentError("model.num_classes is " + std::to_string(e.model.numClasses) + " but " + e.data.train
                              + " has " + std::to_string(classes) + " classes");

    // The source stage first, in its own run folder; the target stage starts from its layers.
    std::optional<PretrainResult> pretrained;
    if (e.pretrain) {
        if (observer)
            observer->onStage(kPretrainFolder, e.pretrain->epochs);
        pretrained = runPretrainStage(e, m_folder.path(), [this](const std::string& line) { log(line); }, observer,
                                      control);
        if (!pretrained->complete) {
            RunSummary stopped;
            stopped.outcome = pretrained->summary.outcome;
            stopped.message = "pretrain stage " + std::string(toString(stopped.outcome)) + ": "
                            + pretrained->summary.message;
            log(stopped.message);
            return stopped;
        }
    }
    if (pretrained && observer)
        observer->onStage("target", e.train.epochs);
    const std::string weights = pretrained ? pretrained->weights.string() : e.model.weights;

    // Model and its starting weights.
    torch::manual_seed(e.train.seed);
    BuildOptions build;
    build.numClasses = classes;
    build.inChannels = e.model.inChannels;
    auto model = std::make_shared<GraphModule>(buildArch(e.model.arch, build));
    const bool scratch = e.freeze.preset == FreezePreset::FromScratch;
    if (!m_resuming && !scratch && !weights.empty() && weights != "none") {
        const std::filesystem::path file = startingWeightsFile(weights);
        const LoadReport report = pretrained ? loadSourceBackbone(*model, file)
                                             : loadWeightsFile(*model, file.string());
        requireBackboneLoaded(report, file, e.model.arch);
        log(describeLoad(report, file, classes));
    }

    // Loaders.
    const ArchSpec& spec = model->spec();
    const int size = static_cast<int>(e.data.imageSize ? e.data.imageSize : spec.defaultInputH);
    AugmentOptions augment;
    augment.scaleMin = e.data.augment.randomResizedCrop ? e.data.augment.minScale : 1.0;
    augment.horizontalFlip = e.data.augment.horizontalFlip;
    augment.rotationDegrees = e.data.augment.rotationDegrees;
    augment.brightness = augment.contrast = augment.saturation = e.data.augment.colorJitter;
    const int channels = static_cast<int>(e.model.inChannels);
    const std::string randomness = randomAugmentation(e.data.augment);
    auto trainPipeline = std::make_shared<TransformPipeline>(TransformPipeline::classificationTrain(size, augment, channels));
    if (randomness.empty()) {
        // Without augmentation the training images must be exactly the same every epoch, or the
        // cached features would be wrong: RandomResizedCrop at full scale still draws an aspect
        // ratio and can shift a non-square image by a pixel. Resizing the shorter side and
        // cropping the centre gives the same full-image result on square images, deterministically.
        trainPipeline = std::make_shared<TransformPipeline>(size, size, channels);
        trainPipeline->add(std::make_shared<Resize>(size));
        trainPipeline->add(std::make_shared<CenterCrop>(size, size));
    }
    auto evalPipeline = std::make_shared<TransformPipeline>(TransformPipeline::classificationEval(size, channels));
    DecodeOptions decode;
    decode.channels = channels;
    LoaderOptions loaderOptions;
    loaderOptions.batchSize = e.train.batchSize;
    loaderOptions.threads = e.train.loaderThreads;
    loaderOptions.seed = e.train.seed;
    DataLoader trainLoader(std::make_shared<ImageFolderSource>(index, Split::Train, decode), trainPipeline, loaderOptions);
    loaderOptions.shuffle = false;
    DataLoader valLoader(std::make_shared<ImageFolderSource>(index, Split::Val, decode), evalPipeline, loaderOptions);
    BatchStream trainStream = streamOf(trainLoader);
    BatchStream valStream = streamOf(valLoader);
    const bool hasVal = index.count(Split::Val) > 0;
    attachFeatureCaches(e, FreezePlan(spec, e.freeze), trainStream, size_t(index.count(Split::Train)), valStream,
                        size_t(index.count(Split::Val)), m_folder.path(), [this](const std::string& line) { log(line); });

    Trainer trainer(model, FreezePlan(spec, e.freeze), e.optim, e.schedule, e.train.epochs,
                    trainStream.batchesPerEpoch, device);
    int firstEpoch = 0;
    RunSummary summary;
    if (m_resuming) {
        firstEpoch = trainer.loadCheckpoint(m_folder.file(kLastCheckpoint).string());
        m_folder.truncateAfter("metrics.csv", trainer.step());
        m_folder.truncateAfter("epochs.csv", firstEpoch);  // its lines count epochs from 1
        if (std::filesystem::exists(m_folder.file("summary.json"))) {
            const auto previous = nlohmann::json::parse(m_folder.readText("summary.json"), nullptr, false);
            summary.bestEpoch = previous.value("best_epoch", -1);
            summary.bestValTop1 = previous.value("best_val_top1", 0.0);
            summary.bestValMacroF1 = previous.value("best_val_macro_f1", 0.0);
        }
        log("resumed at epoch " + std::to_string(firstEpoch + 1));
    }
    log("training " + e.model.arch + " on " + std::to_string(index.count(Split::Train)) + " images, "
        + std::to_string(index.count(Split::Val)) + " for validation, " + std::to_string(classes) + " classes, "
        + std::to_string(threads) + " threads, " + (device.is_cuda() ? "CUDA" : "CPU"));

    CsvObserver csv(m_folder, observer);
    ConfusionLog confusion(m_folder, index.classes, firstEpoch);
    const ImageFolderSource valFiles(index, Split::Val, decode);
    // With the final model (a stopped run: the last checkpoint's), for the misclassified gallery.
    const auto writeValPredictions = [&] {
        if (hasVal)
            writePredictions(m_folder, predictSamples(*model, valStream, device,
                                                      [&valFiles](int64_t i) { return valFiles.path(size_t(i)); }));
    };
    int sinceBest = 0;
    summary.epochsDone = firstEpoch;
    const auto writeSummary = [&] {
        nlohmann::json j{{"outcome", toString(summary.outcome)},
                         {"message", summary.message},
                         {"epochs_done", summary.epochsDone},
                         {"best_epoch", summary.bestEpoch},
                         {"best_val_top1", summary.bestValTop1},
                         {"best_val_macro_f1", summary.bestValMacroF1},
                         {"final_train_loss", summary.last.trainLoss},
                         {"final_train_accuracy", summary.last.trainAccuracy},
                         {"images_per_second", summary.last.imagesPerSecond},
                         {"classes", index.classes},
                         {"device", device.is_cuda() ? "cuda" : "cpu"},
                         {"threads", threads},
                         {"torch_version", TORCH_VERSION},
                         {"transferlab_version", TRANSFERLAB_VERSION}};
        if (summary.last.val)
            j["final_val"] = {{"loss", summary.last.val->loss}, {"top1", summary.last.val->top1}, {"top5", summary.last.val->top5},
                              {"macro_f1", summary.last.val->confusion.macroF1()}};
        if (pretrained)
            j["pretrain"] = pretrained->summaryEntry;
        m_folder.writeText("summary.json", j.dump(2) + "\n");
    };
    for (int epoch = firstEpoch; epoch < e.train.epochs; ++epoch) {
        EpochMetrics m;
        try {
            m = trainer.trainEpoch(epoch, trainStream, &csv, control);
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
            if (std::filesystem::exists(m_folder.file(kLastCheckpoint))) {
                trainer.loadCheckpoint(m_folder.file(kLastCheckpoint).string());
                writeValPredictions();
            }
            return summary;
        }
        if (hasVal)
            m.val = trainer.evaluate(valStream, epoch);
        csv.onEpoch(m);
        summary.last = m;
        summary.epochsDone = epoch + 1;
        m_folder.appendLine("epochs.csv",
                            std::to_string(epoch + 1) + "," + csvNumber(m.trainLoss) + "," + csvNumber(m.trainAccuracy) + ","
                                + (m.val ? csvNumber(m.val->loss) + "," + csvNumber(m.val->top1) + "," + csvNumber(m.val->top5)
                                         : std::string(",,"))
                                + "," + csvNumber(m.seconds) + "," + csvNumber(m.imagesPerSecond) + ","
                                + (m.val ? csvNumber(m.val->confusion.macroF1()) : std::string()),
                            "epoch,train_loss,train_accuracy,val_loss,val_top1,val_top5,seconds,images_per_second,"
                            "val_macro_f1");
        trainer.saveCheckpoint(m_folder.file(kLastCheckpoint).string(), epoch + 1);
        const double score = m.val ? m.val->top1 : m.trainAccuracy;
        if (summary.bestEpoch < 0 || score > summary.bestValTop1) {
            summary.bestEpoch = epoch + 1;
            summary.bestValTop1 = score;
            summary.bestValMacroF1 = m.val ? m.val->confusion.macroF1() : 0.0;
            sinceBest = 0;
            m_folder.copyFile(kLastCheckpoint, kBestCheckpoint);  // the same state, just written
        } else {
            ++sinceBest;
        }
        if (m.val)
            confusion.record(epoch + 1, m.val->confusion, summary.bestEpoch == epoch + 1);
        std::ostringstream line;
        line << "epoch " << epoch + 1 << "/" << e.train.epochs << ": train loss " << m.trainLoss << ", accuracy "
             << m.trainAccuracy;
        if (m.val)
            line << "; val loss " << m.val->loss << ", top-1 " << m.val->top1;
        log(line.str());
        writeSummary();
        if (e.train.earlyStopPatience > 0 && sinceBest >= e.train.earlyStopPatience) {
            summary.outcome = RunOutcome::EarlyStopped;
            summary.message = "no improvement for " + std::to_string(sinceBest) + " epochs";
            log(summary.message);
            break;
        }
    }
    writeWeights(m_folder.file(kFinalWeights).string(), stateDictOf(*model));
    writeSummary();
    writeValPredictions();
    return summary;
}

}  // namespace tl
