#include "train/lr_finder.h"

#include "common/errors.h"
#include "data/data_loader.h"
#include "data/dataset_split.h"
#include "data/image_folder.h"
#include "data/validation_folder.h"
#include "data/sample_source.h"
#include "data/transform_pipeline.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/run_setup.h"
#include "weights/state_dict.h"
#include "weights/weight_matching.h"

#include <torch/torch.h>

#include <cmath>
#include <sstream>
#include <thread>

namespace tl {

namespace {

/// Everything a sweep changes, copied before it and written back after it.
class TrainerSnapshot {
public:
    TrainerSnapshot(GraphModule& model, torch::optim::Optimizer& optimizer, const FreezePlan& plan)
        : m_plan(plan), m_rng(at::detail::getDefaultCPUGenerator().get_state())
    {
        torch::NoGradGuard noGrad;
        for (const auto& p : model.named_parameters())
            m_tensors.emplace_back(p.value(), p.value().clone());
        for (const auto& b : model.named_buffers())
            m_tensors.emplace_back(b.value(), b.value().clone());
        torch::serialize::OutputArchive archive;
        optimizer.save(archive);
        std::ostringstream bytes;
        archive.save_to(bytes);
        m_optimizer = bytes.str();
    }

    void restore(GraphModule& model, torch::optim::Optimizer& optimizer, FreezePlan& plan, torch::Device device) const
    {
        {
            torch::NoGradGuard noGrad;
            for (const auto& [live, saved] : m_tensors)
                live.copy_(saved);
        }
        model.zero_grad();
        // Loading adds the saved per-parameter state but keeps state the sweep created.
        optimizer.state().clear();
        std::istringstream bytes(m_optimizer);
        torch::serialize::InputArchive archive;
        archive.load_from(bytes, device);
        optimizer.load(archive);
        plan = m_plan;
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        generator.set_state(m_rng);
    }

private:
    std::vector<std::pair<torch::Tensor, torch::Tensor>> m_tensors;
    std::string m_optimizer;
    FreezePlan m_plan;
    torch::Tensor m_rng;
};

void setLearningRate(torch::optim::Optimizer& optimizer, const std::vector<double>& multipliers, double lr)
{
    for (size_t g = 0; g < optimizer.param_groups().size(); ++g)
        optimizer.param_groups()[g].options().set_lr(lr * multipliers[g]);
}

}  // namespace

void LrFinder::validate(const LrFinderOptions& o)
{
    if (!(o.startLr > 0) || !(o.endLr > o.startLr) || !std::isfinite(o.endLr))
        throw InvalidArgument("the learning-rate range must satisfy 0 < start < end (start "
                              + std::to_string(o.startLr) + ", end " + std::to_string(o.endLr) + ")");
    if (o.steps < 2 || o.steps > 100000)
        throw InvalidArgument("the sweep needs between 2 and 100000 steps, not " + std::to_string(o.steps));
}

LrFinderResult LrFinder::run(Trainer& trainer, BatchStream& train, const LrFinderOptions& o, TrainingControl* control)
{
    validate(o);
    GraphModule& model = *trainer.m_model;
    torch::optim::Optimizer& optimizer = *trainer.m_optimizer;
    const TrainerSnapshot snapshot(model, optimizer, trainer.m_plan);
    LrFinderResult result;
    try {
        if (trainer.m_plan.advanceToEpoch(0))
            trainer.applyFreeze();
        trainer.setTrainingMode();
        std::vector<std::string> fetch{model.spec().output};
        fetch.insert(fetch.end(), model.spec().auxOutputs.begin(), model.spec().auxOutputs.end());
        int64_t epoch = 0;
        train.startEpoch(epoch);
        double average = 0.0;
        double best = 0.0;
        for (int i = 0; i < o.steps; ++i) {
            if (control && !control->waitWhilePaused())
                break;
            std::optional<TrainBatch> batch = train.next();
            if (!batch) {
                // A short training set: the sweep goes on over the next epoch's batches.
                train.startEpoch(++epoch);
                batch = train.next();
                if (!batch)
                    throw Error("the learning-rate range test found no training batch");
            }
            const double lr = o.startLr * std::pow(o.endLr / o.startLr, double(i) / double(o.steps - 1));
            setLearningRate(optimizer, trainer.m_groupMultipliers, lr);
            optimizer.zero_grad();
            const torch::Tensor loss = trainer.loss(model.run(batch->images.to(trainer.m_device), fetch),
                                                    batch->targets.to(trainer.m_device));
            const double value = loss.item<double>();
            if (!std::isfinite(value)) {
                result.diverged = true;
                break;
            }
            loss.backward();
            optimizer.step();
            average = o.smoothing * average + (1.0 - o.smoothing) * value;
            const double smoothed = average / (1.0 - std::pow(o.smoothing, i + 1));
            result.points.push_back({lr, value, smoothed});
            if (i == 0 || smoothed < best)
                best = smoothed;
            if (smoothed > o.divergeFactor * best) {
                result.diverged = true;
                break;
            }
        }
    } catch (...) {
        snapshot.restore(model, optimizer, trainer.m_plan, trainer.m_device);
        trainer.applyFreeze();
        throw;
    }
    snapshot.restore(model, optimizer, trainer.m_plan, trainer.m_device);
    trainer.applyFreeze();
    suggest(result);
    return result;
}

void LrFinder::suggest(LrFinderResult& r)
{
    const std::vector<LrPoint>& p = r.points;
    r.steepestLr = r.minLossLr = r.suggestedLr = 0.0;
    if (p.empty())
        return;
    size_t lowest = 0;
    for (size_t i = 1; i < p.size(); ++i)
        if (p[i].smoothed < p[lowest].smoothed)
            lowest = i;
    r.minLossLr = p[lowest].lr / 10.0;
    // The steepest fall of the smoothed loss per decade of learning rate, on the way down to its
    // minimum: the rate at which training makes the fastest progress and is still stable.
    double steepest = 0.0;
    for (size_t i = 1; i + 1 < p.size() && i <= lowest; ++i) {
        const double slope = (p[i + 1].smoothed - p[i - 1].smoothed) / std::log10(p[i + 1].lr / p[i - 1].lr);
        if (slope < steepest) {
            steepest = slope;
            r.steepestLr = p[i].lr;
        }
    }
    r.suggestedLr = r.steepestLr > 0 ? r.steepestLr : r.minLossLr;
}

LrFinderResult findLearningRate(const Experiment& e, const LrFinderOptions& options, TrainingControl* control)
{
    LrFinder::validate(options);
    if (e.task != ExperimentTask::Classification)
        throw ExperimentError("the learning-rate range test runs on classification experiments only");
    applyThreadSetting(e.train.threads);
    const torch::Device device = resolveDevice(e.train.device);

    // The training split as a run would draw it.
    ClassificationIndex index = scanImageFolder(e.data.train);
    if (!e.data.val.empty())
        useValidationFolder(index, e.data.val);
    SplitOptions split;
    split.valFraction = e.data.valFraction;
    split.seed = e.data.splitSeed;
    assignSplit(index, split);
    requireTrainable(index);
    const int64_t classes = static_cast<int64_t>(index.classes.size());
    if (e.model.numClasses && e.model.numClasses != classes)
        throw ExperimentError("model.num_classes is " + std::to_string(e.model.numClasses) + " but " + e.data.train
                              + " has " + std::to_string(classes) + " classes");

    torch::manual_seed(e.train.seed);
    BuildOptions build;
    build.numClasses = classes;
    build.inChannels = e.model.inChannels;
    build.zeroInitResidual = e.model.zeroInitResidual;
    auto model = std::make_shared<GraphModule>(buildArch(e.model.arch, build));
    if (e.freeze.preset != FreezePreset::FromScratch && !e.model.weights.empty() && e.model.weights != "none") {
        const std::filesystem::path file = startingWeightsFile(e.model.weights);
        requireBackboneLoaded(loadWeightsFile(*model, file.string()), file, e.model.arch);
    }

    const int size = static_cast<int>(e.data.imageSize ? e.data.imageSize : model->spec().defaultInputH);
    const int channels = static_cast<int>(e.model.inChannels);
    DecodeOptions decode;
    decode.channels = channels;
    LoaderOptions loaderOptions;
    loaderOptions.batchSize = e.train.batchSize;
    loaderOptions.threads = e.train.loaderThreads;
    loaderOptions.seed = e.train.seed;
    // The training images exactly as a run would see them.
    const auto source = std::make_shared<ImageFolderSource>(index, Split::Train, decode);
    auto transforms = std::make_shared<TransformPipeline>(
        randomAugmentation(e.data.augment).empty()
            ? classificationEvalTransforms(e.data.augment, size, channels)
            : TransformPipeline::classificationTrain(size, augmentOptions(e.data.augment), channels));
    transforms->setNormalization(normalizationFor(e.data.normalize, channels, *source));
    DataLoader loader(source, transforms, loaderOptions);
    BatchStream stream = streamOf(loader);
    Trainer trainer(model, FreezePlan(model->spec(), e.freeze), e.optim, e.schedule, e.train.epochs,
                    stream.batchesPerEpoch, device);
    return LrFinder::run(trainer, stream, options, control);
}

}  // namespace tl
