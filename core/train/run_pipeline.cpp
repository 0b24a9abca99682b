#include "train/run_pipeline.h"

#include "common/errors.h"
#include "data/data_loader.h"
#include "data/sample_source.h"
#include "graph/shape_inference.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/pretrain_stage.h"
#include "train/run_setup.h"
#include "train/segmentation_data.h"
#include "weights/state_dict.h"
#include "weights/weight_matching.h"

#include <torch/torch.h>

#include <filesystem>
#include <sstream>

namespace tl {

namespace {

constexpr const char* kLastCheckpoint = "checkpoint_last.pt";
constexpr const char* kBestCheckpoint = "checkpoint_best.pt";
constexpr const char* kFinalWeights = "model.pth";

/// Writes iteration metrics to metrics.csv and passes everything on.
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

nlohmann::json floats(const std::vector<float>& values)
{
    nlohmann::json out = nlohmann::json::array();
    for (float v : values)
        out.push_back(double(v));
    return out;
}

}  // namespace

RunPipeline::RunPipeline(const Experiment& experiment, const RunFolder& folder, bool resuming, RunTask& task,
                         RunTask::LogFunction log)
    : m_experiment(experiment), m_folder(folder), m_resuming(resuming), m_task(task), m_log(std::move(log))
{
}

RunPipeline::~RunPipeline() = default;

bool RunPipeline::pretrain(TrainingObserver* observer, TrainingControl* control, RunSummary& stopped)
{
    const Experiment& e = m_experiment;
    if (!e.pretrain)
        return true;
    if (observer)
        observer->onStage(kPretrainFolder, e.pretrain->epochs);
    m_pretrained = std::make_unique<PretrainResult>(runPretrainStage(e, m_folder.path(), m_log, observer, control));
    if (!m_pretrained->complete) {
        stopped.outcome = m_pretrained->summary.outcome;
        stopped.message = "pretrain stage " + std::string(toString(stopped.outcome)) + ": "
                        + m_pretrained->summary.message;
        m_log(stopped.message);
        return false;
    }
    if (observer)
        observer->onStage("target", e.train.epochs);
    return true;
}

std::shared_ptr<GraphModule> RunPipeline::buildModel() const
{
    const Experiment& e = m_experiment;
    torch::manual_seed(e.train.seed);
    BuildOptions build;
    build.numClasses = m_data.classes;
    build.inChannels = e.model.inChannels;
    build.zeroInitResidual = e.model.zeroInitResidual;
    m_task.adjustBuild(build);
    auto model = std::make_shared<GraphModule>(buildArch(e.model.arch, build));
    const std::string weights = m_pretrained ? m_pretrained->weights.string() : e.model.weights;
    const bool scratch = e.freeze.preset == FreezePreset::FromScratch;
    if (m_resuming || scratch || weights.empty() || weights == "none")
        return model;
    const std::filesystem::path file = startingWeightsFile(weights);
    const LoadReport report = m_pretrained ? loadSourceBackbone(*model, file) : loadWeightsFile(*model, file.string());
    requireBackboneLoaded(report, file, e.model.arch);
    m_log(describeLoad(report, file, m_data.classes));
    return model;
}

int RunPipeline::inputSize(const GraphModule& model) const
{
    const Experiment& e = m_experiment;
    const int size = static_cast<int>(e.data.imageSize ? e.data.imageSize : model.spec().defaultInputH);
    try {
        inferShapes(model.spec(), size, size);
    } catch (const ShapeError& shape) {
        throw ExperimentError("/data/image_size " + std::to_string(size) + " does not fit " + e.model.arch + ": "
                              + shape.what());
    }
    return size;
}

void RunPipeline::restoreBest(RunSummary& summary) const
{
    if (!std::filesystem::exists(m_folder.file("summary.json")))
        return;
    const auto previous = nlohmann::json::parse(m_folder.readText("summary.json"), nullptr, false);
    if (!previous.is_object())
        return;
    summary.bestEpoch = previous.value("best_epoch", -1);
    // Runs written before best_by existed chose their best epoch by validation top-1.
    summary.bestBy = previous.value("best_by", previous.contains("best_val_miou") ? "val_miou" : "val_top1");
    for (auto it = previous.begin(); it != previous.end(); ++it)
        if (it.key().rfind("best_", 0) == 0 && it.key() != "best_epoch" && it->is_number())
            summary.best[it.key()] = it->get<double>();
}

bool RunPipeline::updateBest(RunSummary& summary, const EpochMetrics& m) const
{
    // Without validation data the lowest training loss picks the best epoch: a training score
    // must not pass for a validation one.
    const bool validated = m.val.has_value();
    const std::string by = validated ? m_task.valScoreName() : "train_loss";
    const std::string key = "best_" + by;
    const bool better = summary.bestEpoch < 0 || summary.bestBy != by || !summary.best.count(key)
                     || (validated ? m_task.valScore(*m.val) > summary.best.at(key) : m.trainLoss < summary.best.at(key));
    if (!better)
        return false;
    summary.bestEpoch = m.epoch + 1;
    summary.bestBy = by;
    summary.best.clear();
    summary.best["best_train_loss"] = m.trainLoss;
    if (validated)
        m_task.bestFigures(*m.val, summary.best);
    return true;
}

void RunPipeline::writeSummary(const RunSummary& summary) const
{
    nlohmann::json j{{"task", m_task.name()},
                     {"outcome", toString(summary.outcome)},
                     {"message", summary.message},
                     {"epochs_done", summary.epochsDone},
                     {"best_epoch", summary.bestEpoch},
                     {"best_by", summary.bestBy},
                     {"final_train_loss", summary.last.trainLoss},
                     {"images_per_second", summary.last.imagesPerSecond},
                     {"validation", {{"source", m_data.validation.kind}, {"images", m_data.validation.images}}},
                     {"normalization", {{"mean", floats(m_normalization.mean)}, {"std", floats(m_normalization.std)}}},
                     {"initialization", m_initReference},
                     {"device", m_device.is_cuda() ? "cuda" : "cpu"},
                     {"threads", m_threads},
                     {"torch_version", TORCH_VERSION},
                     {"transferlab_version", TRANSFERLAB_VERSION}};
    if (!m_data.validation.folder.empty())
        j["validation"]["folder"] = m_data.validation.folder;
    for (const auto& [name, value] : summary.best)
        j[name] = value;
    m_task.addSummary(j, summary);
    if (m_pretrained)
        j["pretrain"] = m_pretrained->summaryEntry;
    m_folder.writeText("summary.json", j.dump(2) + "\n");
}

void RunPipeline::logEpoch(const EpochMetrics& m) const
{
    std::ostringstream line;
    line << "epoch " << m.epoch + 1 << "/" << m_experiment.train.epochs << ": train loss " << m.trainLoss;
    m_task.describeEpoch(line, m);
    m_log(line.str());
}

int RunPipeline::startOrResume(Trainer& trainer, RunSummary& summary) const
{
    int firstEpoch = 0;
    if (m_resuming) {
        firstEpoch = trainer.loadCheckpoint(m_folder.file(kLastCheckpoint).string());
        m_folder.truncateAfter("metrics.csv", trainer.step());
        m_folder.truncateAfter("epochs.csv", firstEpoch);  // its lines count epochs from 1
        restoreBest(summary);
        m_log("resumed at epoch " + std::to_string(firstEpoch + 1));
    }
    summary.epochsDone = firstEpoch;
    m_task.startEpochs(firstEpoch);
    return firstEpoch;
}

RunSummary RunPipeline::run(TrainingObserver* observer, TrainingControl* control)
{
    const Experiment& e = m_experiment;
    requireTaskFits(e);
    m_threads = applyThreadSetting(e.train.threads);
    m_device = resolveDevice(e.train.device);
    m_data = m_task.prepareData(m_resuming, m_log);
    RunSummary summary;
    if (!pretrain(observer, control, summary))
        return summary;

    const std::shared_ptr<GraphModule> model = buildModel();
    const ArchSpec& spec = model->spec();
    m_initReference = spec.init.reference;
    const int size = inputSize(*model);
    const int channels = static_cast<int>(e.model.inChannels);
    m_normalization = normalizationFor(e.data.normalize, channels, *m_data.train);
    const std::shared_ptr<TransformPipeline> trainTransforms = m_task.trainTransforms(size, channels);
    const std::shared_ptr<TransformPipeline> evalTransforms = m_task.evalTransforms(size, channels);
    trainTransforms->setNormalization(m_normalization);
    evalTransforms->setNormalization(m_normalization);
    LoaderOptions loaderOptions;
    loaderOptions.batchSize = e.train.batchSize;
    loaderOptions.threads = e.train.loaderThreads;
    loaderOptions.seed = e.train.seed;
    DataLoader trainLoader(m_data.train, trainTransforms, loaderOptions);
    loaderOptions.shuffle = false;
    DataLoader valLoader(m_data.val, evalTransforms, loaderOptions);
    BatchStream trainStream = streamOf(trainLoader);
    BatchStream valStream = streamOf(valLoader);
    attachFeatureCaches(e, FreezePlan(spec, e.freeze), trainStream, m_data.train->size(), valStream, m_data.val->size(),
                        m_folder.path(), m_log);

    Trainer trainer(model, FreezePlan(spec, e.freeze), e.optim, e.schedule, e.train.epochs, trainStream.batchesPerEpoch,
                    m_device);
    const int firstEpoch = startOrResume(trainer, summary);
    const ValidationSource& v = m_data.validation;
    m_log("training " + e.model.arch + " (" + m_task.name() + ") on " + std::to_string(m_data.train->size())
          + " images, " + std::to_string(v.images) + " for validation ("
          + (v.kind == "folder" ? "folder " + v.folder : v.kind == "none" ? "none" : v.kind) + "), "
          + std::to_string(m_data.classes) + " classes, " + std::to_string(size) + " px, " + std::to_string(m_threads)
          + " threads, " + std::to_string(e.train.loaderThreads) + " loader threads, " + (m_device.is_cuda() ? "CUDA" : "CPU"));
    trainEpochs(trainer, trainStream, valStream, firstEpoch, summary, observer, control);
    return summary;
}

void RunPipeline::stopped(Trainer& trainer, BatchStream& val, int epoch, RunSummary& summary)
{
    summary.outcome = RunOutcome::Stopped;
    summary.message = "stopped during epoch " + std::to_string(epoch + 1)
                    + "; resume continues from the last completed epoch";
    m_log(summary.message);
    writeSummary(summary);
    if (std::filesystem::exists(m_folder.file(kLastCheckpoint))) {
        trainer.loadCheckpoint(m_folder.file(kLastCheckpoint).string());
        m_task.afterRun(trainer.model(), val, m_device);
    }
}

void RunPipeline::trainEpochs(Trainer& trainer, BatchStream& train, BatchStream& val, int firstEpoch,
                              RunSummary& summary, TrainingObserver* observer, TrainingControl* control)
{
    const Experiment& e = m_experiment;
    CsvObserver csv(m_folder, observer);
    const bool hasVal = m_data.val->size() > 0;
    int sinceBest = 0;
    for (int epoch = firstEpoch; epoch < e.train.epochs; ++epoch) {
        EpochMetrics m;
        try {
            m = trainer.trainEpoch(epoch, train, &csv, control);
        } catch (const DivergedError& diverged) {
            summary.outcome = RunOutcome::Diverged;
            summary.message = diverged.what();
            m_log(summary.message);
            writeSummary(summary);
            return;
        }
        if (control && control->stopRequested())
            return stopped(trainer, val, epoch, summary);
        if (hasVal)
            m.val = trainer.evaluate(val, epoch);
        csv.onEpoch(m);
        summary.last = m;
        summary.epochsDone = epoch + 1;
        m_folder.appendLine("epochs.csv", m_task.epochsRow(m), m_task.epochsHeader());
        trainer.saveCheckpoint(m_folder.file(kLastCheckpoint).string(), epoch + 1);
        const bool best = updateBest(summary, m);
        sinceBest = best ? 0 : sinceBest + 1;
        if (best)
            m_folder.copyFile(kLastCheckpoint, kBestCheckpoint);  // the same state, just written
        if (m.val)
            m_task.afterValidation(epoch, *m.val, best);
        logEpoch(m);
        writeSummary(summary);
        if (e.train.earlyStopPatience > 0 && sinceBest >= e.train.earlyStopPatience) {
            summary.outcome = RunOutcome::EarlyStopped;
            summary.message = "no improvement for " + std::to_string(sinceBest) + " epochs";
            m_log(summary.message);
            break;
        }
    }
    writeWeights(m_folder.file(kFinalWeights).string(), stateDictOf(trainer.model()));
    writeSummary(summary);
    m_task.afterRun(trainer.model(), val, m_device);
}

}  // namespace tl
