#pragma once

#include "train/confusion_matrix.h"
#include "train/experiment.h"
#include "train/freeze_plan.h"
#include "train/lr_schedule.h"
#include "train/segmentation_loss.h"
#include "train/segmentation_metrics.h"

#include <torch/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace torch::optim {
class Optimizer;
}

namespace tl {

class GraphModule;
class FoldedInference;

/// Images and class indices of one batch, already on any device.
struct TrainBatch {
    torch::Tensor images;
    torch::Tensor targets;
    std::vector<int64_t> indices = {};  // each sample's position in its source; the feature-cache key
    std::map<std::string, torch::Tensor> features = {};  // cut tensors from a feature cache, instead of images
};

class FeatureCache;

/// Where batches come from; the data loader and tests provide one.
struct BatchStream {
    std::function<void(int64_t epoch)> startEpoch;
    std::function<std::optional<TrainBatch>()> next;
    int64_t batchesPerEpoch = 0;
    /// Optional: the frozen prefix's outputs for this stream's samples, reused across epochs.
    /// Set it only when the samples are the same every epoch (no random augmentation).
    std::shared_ptr<FeatureCache> features = {};
    /// Optional: each batch's sample indices of an epoch, in the order next() would deliver them,
    /// without decoding anything; with it, an epoch whose samples are all cached reads no image.
    std::function<std::vector<std::vector<int64_t>>(int64_t epoch)> batchIndices = {};
};

struct IterationMetrics {
    int epoch = 0;
    int64_t step = 0;  // optimisation steps since the start of the run
    double loss = 0.0;
    double accuracy = 0.0;
    double lr = 0.0;
    double imagesPerSecond = 0.0;
};

struct EvalMetrics {
    double loss = 0.0;
    double top1 = 0.0;
    double top5 = 0.0;
    ConfusionMatrix confusion;  // classification only
    std::optional<SegmentationScores> segmentation;  // per-pixel models; top1 is then the pixel accuracy
};

struct EpochMetrics {
    int epoch = 0;
    double trainLoss = 0.0;
    double trainAccuracy = 0.0;
    std::optional<EvalMetrics> val;
    double seconds = 0.0;
    double imagesPerSecond = 0.0;
};

/// Receives metrics as they happen; called on the training thread.
class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onIteration(const IterationMetrics&) {}
    virtual void onEpoch(const EpochMetrics&) {}
    /// An experiment with a source stage trains twice; this comes before each stage ("pretrain",
    /// then "target") with that stage's epoch count, so progress and ETA restart with it.
    virtual void onStage(const std::string& /*stage*/, int /*epochs*/) {}
    /// Per-layer gradient norms cost one pass over the gradients, so they are computed only for
    /// an observer that asks: at most once per this period, and no more often than keeps their
    /// cost near 2% of the training time (zero: every step, whatever it costs); never by default.
    virtual std::optional<std::chrono::milliseconds> gradientNormPeriod() const { return std::nullopt; }
    /// The L2 norm of each training layer's gradient (by ArchSpec node id) after the backward pass
    /// of optimisation step `step` (counted as IterationMetrics::step); frozen layers are absent.
    virtual void onGradientNorms(int64_t /*step*/, const std::vector<std::pair<std::string, double>>& /*norms*/) {}
};

/// Thread-safe stop and pause, checked between batches.
class TrainingControl {
public:
    void requestStop();
    void setPaused(bool paused);
    bool stopRequested() const { return m_stop.load(); }
    bool paused() const { return m_paused.load(); }
    /// Blocks while paused; returns false when a stop was requested.
    bool waitWhilePaused();

private:
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_paused{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

/// A NaN or infinite loss; the run stops and keeps its last good checkpoint.
class DivergedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Trains one GraphModule under a freeze plan: optimiser with per-group learning-rate
/// multipliers, the schedule per step, label smoothing, class weights, auxiliary losses,
/// frozen BatchNorm in eval mode, and checkpoints with the full optimiser state.
class Trainer {
public:
    Trainer(std::shared_ptr<GraphModule> model, FreezePlan plan, OptimConfig optim, ScheduleConfig schedule,
            int epochs, int64_t stepsPerEpoch, torch::Device device);
    ~Trainer();

    /// One pass over `train`; returns early (with what it has) when stopped.
    EpochMetrics trainEpoch(int epoch, BatchStream& train, TrainingObserver* observer, TrainingControl* control);
    EvalMetrics evaluate(BatchStream& data, int64_t epoch = 0);

    void saveCheckpoint(const std::string& path, int nextEpoch) const;
    /// Restores model, optimiser and counters; returns the epoch to continue with.
    int loadCheckpoint(const std::string& path);

    int64_t step() const { return m_step; }
    FreezePlan& plan() { return m_plan; }
    GraphModule& model() { return *m_model; }

private:
    friend class LrFinder;  // sweeps the learning rate over this trainer's own optimiser and loss

    void applyFreeze();
    void setTrainingMode();
    /// `fetch` for a batch: from cached features when the stream's cache holds all its samples,
    /// else a forward pass whose frozen part is run by `prefix` (when there is one), filling
    /// the cache on the way.
    std::vector<torch::Tensor> forwardBatch(const TrainBatch& batch, FeatureCache* cache,
                                            const FoldedInference* prefix, const std::vector<std::string>& fetch);
    /// The frozen prefix of the current freeze plan with the current weights, folded; nullptr
    /// when nothing beyond the input is frozen.
    std::unique_ptr<FoldedInference> frozenPrefix() const;
    /// The stream's cache when it can serve the current freeze plan, else nullptr.
    FeatureCache* cacheFor(BatchStream& stream);
    /// The next batch: from the stream, or from the cache alone when `planned` lists the epoch.
    std::optional<TrainBatch> nextBatch(BatchStream& stream, FeatureCache* cache,
                                        const std::vector<std::vector<int64_t>>* planned, size_t& cursor);
    torch::Tensor loss(const std::vector<torch::Tensor>& outputs, const torch::Tensor& targets) const;

    std::shared_ptr<GraphModule> m_model;
    FreezePlan m_plan;
    OptimConfig m_optim;
    LrSchedule m_schedule;
    torch::Device m_device;
    std::unique_ptr<torch::optim::Optimizer> m_optimizer;
    std::vector<double> m_groupMultipliers;
    torch::Tensor m_classWeights;
    SegmentationLossOptions m_segmentationLoss;
    int64_t m_step = 0;
};

/// CPU or CUDA as configured; throws InvalidArgument for "cuda" on a machine without it.
torch::Device resolveDevice(const std::string& setting);

}  // namespace tl
