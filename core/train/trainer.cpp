#include "train/trainer.h"

#include "common/errors.h"
#include "common/freed_memory.h"
#include "models/folded_inference.h"
#include "models/graph_module.h"
#include "train/feature_cache.h"
#include "train/gradient_norms.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>

namespace tl {

void TrainingControl::requestStop()
{
    m_stop = true;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_wake.notify_all();
}

void TrainingControl::setPaused(bool paused)
{
    m_paused = paused;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_wake.notify_all();
}

bool TrainingControl::waitWhilePaused()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_wake.wait(lock, [this] { return !m_paused.load() || m_stop.load(); });
    return !m_stop.load();
}

torch::Device resolveDevice(const std::string& setting)
{
    if (setting == "cuda") {
        if (!torch::cuda::is_available())
            throw InvalidArgument("device 'cuda' was asked for, but this LibTorch build sees no CUDA device");
        return torch::Device(torch::kCUDA);
    }
    if (setting == "auto" && torch::cuda::is_available())
        return torch::Device(torch::kCUDA);
    return torch::Device(torch::kCPU);
}

namespace {

std::string nodeOf(const std::string& parameterName)
{
    const auto dot = parameterName.rfind('.');
    return dot == std::string::npos ? parameterName : parameterName.substr(0, dot);
}

bool allCached(const std::vector<std::vector<int64_t>>& batches, const FeatureCache* cache)
{
    if (!cache || batches.empty())
        return false;
    for (const std::vector<int64_t>& ids : batches)
        if (!ids.empty() && !cache->containsAll(ids))
            return false;
    return true;
}

template <typename Options>
void setGroupLr(torch::optim::OptimizerParamGroup& group, double lr)
{
    static_cast<Options&>(group.options()).lr(lr);
}

}  // namespace

Trainer::Trainer(std::shared_ptr<GraphModule> model, FreezePlan plan, OptimConfig optim, ScheduleConfig schedule,
                 int epochs, int64_t stepsPerEpoch, torch::Device device)
    : m_model(std::move(model)),
      m_plan(std::move(plan)),
      m_optim(std::move(optim)),
      m_schedule(schedule, m_optim.lr, stepsPerEpoch, epochs),
      m_device(device)
{
    // Each step frees and takes again the same large activation tensors.
    retainFreedMemory();
    m_model->to(m_device);
    // Every parameter joins the optimiser; freezing works through requires_grad, so gradual
    // unfreezing only flips flags. Groups share a learning-rate multiplier and decay choice.
    std::map<std::pair<double, bool>, std::vector<torch::Tensor>> groups;
    for (const auto& p : m_model->named_parameters()) {
        const std::string node = nodeOf(p.key());
        const Node* n = m_model->spec().find(node);
        const bool isBias = p.key().size() > 5 && p.key().compare(p.key().size() - 5, 5, ".bias") == 0;
        const bool normOrBias = (n && n->kind == NodeKind::BatchNorm) || isBias;
        const bool decay = m_optim.decayNormAndBias || !normOrBias;
        groups[{m_plan.lrMultiplier(node), decay}].push_back(p.value());
    }
    std::vector<torch::optim::OptimizerParamGroup> paramGroups;
    for (auto& [key, params] : groups) {
        const double decay = key.second ? m_optim.weightDecay : 0.0;
        m_groupMultipliers.push_back(key.first);
        if (m_optim.name == "sgd") {
            auto o = std::make_unique<torch::optim::SGDOptions>(m_optim.lr);
            o->momentum(m_optim.momentum).nesterov(m_optim.nesterov && m_optim.momentum > 0).weight_decay(decay);
            paramGroups.emplace_back(params, std::move(o));
        } else if (m_optim.name == "adam") {
            auto o = std::make_unique<torch::optim::AdamOptions>(m_optim.lr);
            o->betas({m_optim.beta1, m_optim.beta2}).weight_decay(decay);
            paramGroups.emplace_back(params, std::move(o));
        } else {
            auto o = std::make_unique<torch::optim::AdamWOptions>(m_optim.lr);
            o->betas({m_optim.beta1, m_optim.beta2}).weight_decay(decay);
            paramGroups.emplace_back(params, std::move(o));
        }
    }
    if (m_optim.name == "sgd")
        m_optimizer = std::make_unique<torch::optim::SGD>(paramGroups, torch::optim::SGDOptions(m_optim.lr));
    else if (m_optim.name == "adam")
        m_optimizer = std::make_unique<torch::optim::Adam>(paramGroups, torch::optim::AdamOptions(m_optim.lr));
    else if (m_optim.name == "adamw")
        m_optimizer = std::make_unique<torch::optim::AdamW>(paramGroups, torch::optim::AdamWOptions(m_optim.lr));
    else
        throw InvalidArgument("unknown optimiser '" + m_optim.name + "'");
    if (!m_optim.classWeights.empty()) {
        if (static_cast<int64_t>(m_optim.classWeights.size()) != m_model->spec().numClasses)
            throw InvalidArgument("class_weights has " + std::to_string(m_optim.classWeights.size())
                                  + " entries for " + std::to_string(m_model->spec().numClasses) + " classes");
        m_classWeights = torch::tensor(m_optim.classWeights, torch::kFloat32).to(m_device);
    }
    m_segmentationLoss.crossEntropyWeight = m_optim.crossEntropyWeight;
    m_segmentationLoss.diceWeight = m_optim.diceWeight;
    m_segmentationLoss.labelSmoothing = m_optim.labelSmoothing;
    m_segmentationLoss.classWeights = m_classWeights;
    applyFreeze();
}

Trainer::~Trainer() = default;

void Trainer::applyFreeze()
{
    for (auto& p : m_model->named_parameters())
        p.value().set_requires_grad(m_plan.isParameterTrainable(p.key()));
}

void Trainer::setTrainingMode()
{
    m_model->train();
    // Frozen BatchNorm layers normalise with the statistics they were loaded with, and keep them.
    for (const std::string& id : m_plan.batchNormsInEval())
        m_model->layer(id)->eval();
}

torch::Tensor Trainer::loss(const std::vector<torch::Tensor>& outputs, const torch::Tensor& targets) const
{
    if (m_model->spec().segmentation) {
        torch::Tensor total = segmentationLoss(outputs.front(), targets, m_segmentationLoss);
        for (size_t i = 1; i < outputs.size(); ++i)
            total = total + m_optim.auxLossWeight * segmentationLoss(outputs[i], targets, m_segmentationLoss);
        return total;
    }
    auto options = torch::nn::functional::CrossEntropyFuncOptions().label_smoothing(m_optim.labelSmoothing);
    if (m_classWeights.defined())
        options.weight(m_classWeights);
    torch::Tensor total = torch::nn::functional::cross_entropy(outputs.front(), targets, options);
    for (size_t i = 1; i < outputs.size(); ++i)
        total = total + m_optim.auxLossWeight * torch::nn::functional::cross_entropy(outputs[i], targets, options);
    return total;
}

EpochMetrics Trainer::trainEpoch(int epoch, BatchStream& train, TrainingObserver* observer, TrainingControl* control)
{
    if (m_plan.advanceToEpoch(epoch))
        applyFreeze();
    setTrainingMode();
    EpochMetrics metrics;
    metrics.epoch = epoch;
    const auto epochStart = std::chrono::steady_clock::now();
    auto lastReport = epochStart;
    double lossSum = 0.0;
    int64_t correct = 0;
    int64_t counted = 0;  // targets scored: images, or pixels for segmentation
    int64_t seen = 0;
    int64_t seenSinceReport = 0;
    FeatureCache* cache = cacheFor(train);
    std::vector<std::vector<int64_t>> planned;
    if (cache && train.batchIndices)
        planned = train.batchIndices(epoch);
    const bool cachedEpoch = allCached(planned, cache);
    if (!cachedEpoch)
        train.startEpoch(epoch);
    const std::unique_ptr<FoldedInference> prefix = cachedEpoch ? nullptr : frozenPrefix();
    size_t cursor = 0;
    std::vector<std::string> fetch{m_model->spec().output};
    fetch.insert(fetch.end(), m_model->spec().auxOutputs.begin(), m_model->spec().auxOutputs.end());
    const std::optional<std::chrono::milliseconds> wanted = observer ? observer->gradientNormPeriod() : std::nullopt;
    const std::chrono::milliseconds normPeriod = wanted.value_or(std::chrono::milliseconds::zero());
    std::optional<std::chrono::steady_clock::time_point> lastNorms;
    std::chrono::steady_clock::duration normGap{};  // 50 times the last computation's cost
    while (true) {
        if (control && !control->waitWhilePaused())
            break;
        std::optional<TrainBatch> batch = nextBatch(train, cache, cachedEpoch ? &planned : nullptr, cursor);
        if (!batch)
            break;
        const torch::Tensor targets = batch->targets.to(m_device);
        const double lr = m_schedule.at(m_step);
        for (size_t g = 0; g < m_optimizer->param_groups().size(); ++g) {
            auto& group = m_optimizer->param_groups()[g];
            const double groupLr = lr * m_groupMultipliers[g];
            if (m_optim.name == "sgd")
                setGroupLr<torch::optim::SGDOptions>(group, groupLr);
            else if (m_optim.name == "adam")
                setGroupLr<torch::optim::AdamOptions>(group, groupLr);
            else
                setGroupLr<torch::optim::AdamWOptions>(group, groupLr);
        }
        // Gradients are dropped rather than zeroed: backward then hands each parameter its
        // fresh gradient instead of adding it to a buffer of zeros (as PyTorch 2's default).
        for (auto& group : m_optimizer->param_groups())
            for (auto& p : group.params())
                p.mutable_grad().reset();
        // BatchNorm updates its running statistics during the forward pass; keep a copy so that a
        // diverging batch cannot leave NaN statistics behind.
        std::vector<std::pair<torch::Tensor, torch::Tensor>> statistics;
        {
            torch::NoGradGuard noGrad;
            for (auto& b : m_model->named_buffers())
                statistics.emplace_back(b.value(), b.value().clone());
        }
        const std::vector<torch::Tensor> outputs = forwardBatch(*batch, cache, prefix.get(), fetch);
        const torch::Tensor batchLoss = loss(outputs, targets);
        const double lossValue = batchLoss.item<double>();
        if (!std::isfinite(lossValue)) {
            torch::NoGradGuard noGrad;
            for (auto& [live, saved] : statistics)
                live.copy_(saved);
            throw DivergedError("the loss became " + std::string(std::isnan(lossValue) ? "NaN" : "infinite")
                                + " at step " + std::to_string(m_step)
                                + "; lower the learning rate. The last good checkpoint is kept.");
        }
        batchLoss.backward();
        LayerGradientNorms norms;
        if (wanted) {
            const auto now = std::chrono::steady_clock::now();
            // Besides the observer's period, a network with many parameters and little compute
            // (VGG on small images) waits 50 times as long as a computation took: at most ~2%.
            const auto gap = normPeriod.count() > 0 ? std::max<std::chrono::steady_clock::duration>(normPeriod, normGap)
                                                    : std::chrono::steady_clock::duration::zero();
            if (!lastNorms || now - *lastNorms >= gap) {
                norms = layerGradientNorms(*m_model);  // reads the gradients only; the step is unchanged
                lastNorms = now;
                normGap = (std::chrono::steady_clock::now() - now) * 50;
            }
        }
        m_optimizer->step();
        ++m_step;
        if (!norms.empty())
            observer->onGradientNorms(m_step, norms);

        const int64_t n = targets.size(0);
        // Images, or labelled pixels for segmentation.
        const auto [hits, units] = m_model->spec().segmentation
                                       ? labelledPixelHits(outputs.front(), targets)
                                       : std::pair{outputs.front().argmax(1).eq(targets).sum().item<int64_t>(),
                                                   targets.numel()};
        lossSum += lossValue * n;
        correct += hits;
        counted += units;
        seen += n;
        seenSinceReport += n;
        if (observer) {
            const auto now = std::chrono::steady_clock::now();
            const double since = std::chrono::duration<double>(now - lastReport).count();
            IterationMetrics it;
            it.epoch = epoch;
            it.step = m_step;
            it.loss = lossValue;
            it.accuracy = static_cast<double>(hits) / static_cast<double>(std::max<int64_t>(1, units));
            it.lr = lr;
            it.imagesPerSecond = since > 0 ? static_cast<double>(seenSinceReport) / since : 0.0;
            lastReport = now;
            seenSinceReport = 0;
            observer->onIteration(it);
        }
        if (control && control->stopRequested())
            break;
    }
    metrics.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStart).count();
    metrics.trainLoss = seen ? lossSum / static_cast<double>(seen) : 0.0;
    metrics.trainAccuracy = counted ? static_cast<double>(correct) / static_cast<double>(counted) : 0.0;
    metrics.imagesPerSecond = metrics.seconds > 0 ? static_cast<double>(seen) / metrics.seconds : 0.0;
    return metrics;
}

FeatureCache* Trainer::cacheFor(BatchStream& stream)
{
    if (!stream.features)
        return nullptr;
    return stream.features->bind(m_plan, *m_model) ? stream.features.get() : nullptr;
}

std::optional<TrainBatch> Trainer::nextBatch(BatchStream& stream, FeatureCache* cache,
                                             const std::vector<std::vector<int64_t>>* planned, size_t& cursor)
{
    if (!planned)
        return stream.next();
    // Samples the loader would have skipped as unreadable were never cached, so a planned batch
    // is exactly what next() delivers; empty batches do not exist there either.
    while (cursor < planned->size() && (*planned)[cursor].empty())
        ++cursor;
    if (cursor >= planned->size())
        return std::nullopt;
    TrainBatch batch;
    batch.indices = (*planned)[cursor++];
    batch.features = cache->features(batch.indices, m_device, &batch.targets);
    return batch;
}

std::vector<torch::Tensor> Trainer::forwardBatch(const TrainBatch& batch, FeatureCache* cache,
                                                 const FoldedInference* prefix, const std::vector<std::string>& fetch)
{
    if (!batch.features.empty())
        return m_model->runFrom(batch.features, fetch);
    if (cache && cache->containsAll(batch.indices))
        return m_model->runFrom(cache->features(batch.indices, m_device), fetch);
    const torch::Tensor images = batch.images.to(m_device);
    if (!prefix)
        return m_model->run(images, fetch);
    const std::vector<torch::Tensor> cut = prefix->run(images);
    if (cache && !batch.indices.empty())
        cache->store(batch.indices, cut, batch.targets);
    std::map<std::string, torch::Tensor> feeds;
    for (size_t k = 0; k < cut.size(); ++k)
        feeds.emplace(prefix->outputs()[k], cut[k]);
    return m_model->runFrom(feeds, fetch);
}

std::unique_ptr<FoldedInference> Trainer::frozenPrefix() const
{
    // Nothing in the prefix needs a gradient, so it runs without autograd, folded, in oneDNN's
    // layout where that pays. Cached or not, every pass computes the prefix this same way, so
    // a cached run's features equal an uncached run's bit for bit.
    const std::vector<std::string> cut = FeatureCache::cutOf(m_plan);
    if (cut.empty())
        return nullptr;
    return std::make_unique<FoldedInference>(*m_model, m_plan.frozenPrefixMask(), cut);
}

EvalMetrics Trainer::evaluate(BatchStream& data, int64_t epoch)
{
    torch::NoGradGuard noGrad;
    m_model->eval();
    const int classes = static_cast<int>(m_model->spec().numClasses);
    EvalMetrics metrics;
    metrics.confusion = ConfusionMatrix(classes);
    const bool perPixel = m_model->spec().segmentation;
    SegmentationMetrics pixels(perPixel ? classes : 0);
    double lossSum = 0.0;
    int64_t top5 = 0;
    int64_t seen = 0;
    FeatureCache* cache = cacheFor(data);
    std::vector<std::vector<int64_t>> planned;
    if (cache && data.batchIndices)
        planned = data.batchIndices(epoch);
    const bool cachedEpoch = allCached(planned, cache);
    if (!cachedEpoch)
        data.startEpoch(epoch);
    size_t cursor = 0;
    const std::vector<std::string> fetch{m_model->spec().output};
    const std::unique_ptr<FoldedInference> prefix = cachedEpoch ? nullptr : frozenPrefix();
    while (std::optional<TrainBatch> batch = nextBatch(data, cache, cachedEpoch ? &planned : nullptr, cursor)) {
        const torch::Tensor targets = batch->targets.to(m_device);
        const torch::Tensor logits = forwardBatch(*batch, cache, prefix.get(), fetch).front();
        lossSum += loss({logits}, targets).item<double>() * static_cast<double>(targets.size(0));
        if (perPixel) {
            pixels.add(logits.argmax(1), targets);
            seen += targets.size(0);
            continue;
        }
        const torch::Tensor predicted = logits.argmax(1).flatten().to(torch::kCPU);
        const torch::Tensor truth = targets.flatten().to(torch::kCPU);
        const auto p = predicted.accessor<int64_t, 1>();
        const auto t = truth.accessor<int64_t, 1>();
        for (int64_t i = 0; i < p.size(0); ++i)
            metrics.confusion.add(t[i], p[i]);
        if (logits.dim() == 2) {
            const int64_t k = std::min<int64_t>(5, logits.size(1));
            const torch::Tensor best = std::get<1>(logits.topk(k, 1));
            top5 += best.eq(targets.unsqueeze(1)).any(1).sum().item<int64_t>();
        }
        seen += targets.size(0);
    }
    metrics.loss = seen ? lossSum / static_cast<double>(seen) : 0.0;
    metrics.top1 = metrics.confusion.accuracy();
    if (perPixel) {
        metrics.segmentation = pixels.scores();
        metrics.top1 = metrics.segmentation->pixelAccuracy;
    }
    metrics.top5 = seen ? static_cast<double>(top5) / static_cast<double>(seen) : 0.0;
    return metrics;
}

void Trainer::saveCheckpoint(const std::string& path, int nextEpoch) const
{
    torch::serialize::OutputArchive archive;
    torch::serialize::OutputArchive modelArchive;
    m_model->save(modelArchive);
    archive.write("model", modelArchive);
    torch::serialize::OutputArchive optimArchive;
    m_optimizer->save(optimArchive);
    archive.write("optimizer", optimArchive);
    archive.write("step", torch::tensor(m_step, torch::kInt64));
    archive.write("next_epoch", torch::tensor(static_cast<int64_t>(nextEpoch), torch::kInt64));
    archive.write("cpu_rng", at::detail::getDefaultCPUGenerator().get_state());
    // Written next to the target and renamed over it, so a crash never leaves half a checkpoint.
    const std::string temporary = path + ".partial";
    archive.save_to(temporary);
    std::filesystem::rename(temporary, path);
}

int Trainer::loadCheckpoint(const std::string& path)
{
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path, m_device);
    } catch (const c10::Error& e) {
        throw Error(path + ": not a readable checkpoint");
    }
    torch::serialize::InputArchive modelArchive;
    archive.read("model", modelArchive);
    m_model->load(modelArchive);
    torch::serialize::InputArchive optimArchive;
    archive.read("optimizer", optimArchive);
    m_optimizer->load(optimArchive);
    torch::Tensor step;
    torch::Tensor nextEpoch;
    torch::Tensor rng;
    archive.read("step", step);
    archive.read("next_epoch", nextEpoch);
    archive.read("cpu_rng", rng);
    at::Generator generator = at::detail::getDefaultCPUGenerator();
    generator.set_state(rng);
    m_step = step.item<int64_t>();
    applyFreeze();
    return static_cast<int>(nextEpoch.item<int64_t>());
}

}  // namespace tl
