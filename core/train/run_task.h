#pragma once

#include "train/trainer.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>

namespace tl {

class GraphModule;
class RunFolder;
class SampleSource;
class TransformPipeline;
struct BuildOptions;
struct RunSummary;

/// Where a run's validation images came from, as split.json and summary.json record it.
struct ValidationSource {
    std::string kind = "none";  // "folder" (data.val), "split_folders" (val/ in data.train), "fraction", "none"
    std::string folder;         // data.val, for "folder"
    int64_t images = 0;
};

/// A task's data, split and ready for the loaders.
struct TaskData {
    std::shared_ptr<SampleSource> train;
    std::shared_ptr<SampleSource> val;  // holds no sample when the run has no validation data
    int64_t classes = 0;
    ValidationSource validation;
};

/// What one kind of task brings to the run pipeline (RunPipeline): its data and split, its model
/// options and transforms, its columns in epochs.csv, the validation score that picks the best
/// epoch and the files it adds. A further task (detection, regression) is one more implementation.
class RunTask {
public:
    using LogFunction = std::function<void(const std::string&)>;
    virtual ~RunTask() = default;

    /// summary.json's "task".
    virtual const char* name() const = 0;
    /// Scans the data and splits it: restored from the run folder's split.json when resuming,
    /// else drawn and saved there.
    virtual TaskData prepareData(bool resuming, const LogFunction& log) = 0;
    /// Task-specific build options (U-Net's width) on top of classes and channels.
    virtual void adjustBuild(BuildOptions& /*options*/) const {}
    virtual std::shared_ptr<TransformPipeline> trainTransforms(int size, int channels) const = 0;
    virtual std::shared_ptr<TransformPipeline> evalTransforms(int size, int channels) const = 0;

    /// epochs.csv: the header, and the row of one epoch (its number first).
    virtual std::string epochsHeader() const = 0;
    virtual std::string epochsRow(const EpochMetrics& m) const = 0;
    /// The validation score that picks the best epoch, higher is better: its summary name
    /// ("val_top1") and value.
    virtual const char* valScoreName() const = 0;
    virtual double valScore(const EvalMetrics& val) const = 0;
    /// The best_* figures of a validated epoch, named as in summary.json.
    virtual void bestFigures(const EvalMetrics& val, std::map<std::string, double>& best) const = 0;
    /// What the task adds to summary.json: its final figures, classes, the accuracy's name.
    virtual void addSummary(nlohmann::json& summary, const RunSummary& run) const = 0;
    /// The part of an epoch's log line after the training loss.
    virtual void describeEpoch(std::ostream& line, const EpochMetrics& m) const = 0;

    /// Before the first epoch this process trains; `firstEpoch` > 0 when resuming.
    virtual void startEpochs(int /*firstEpoch*/) {}
    /// After each validated epoch (`best`: it is the best so far).
    virtual void afterValidation(int /*epoch*/, const EvalMetrics& /*val*/, bool /*best*/) {}
    /// With the model the run leaves (final, or a stopped run's last checkpoint).
    virtual void afterRun(GraphModule& /*model*/, BatchStream& /*val*/, torch::Device /*device*/) {}
};

}  // namespace tl
