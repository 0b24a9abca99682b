#include "train/segmentation_task.h"

#include "common/errors.h"
#include "data/dataset_split.h"
#include "data/sample_source.h"
#include "data/segmentation_folder.h"
#include "data/transform_pipeline.h"
#include "data/validation_folder.h"
#include "models/zoo.h"
#include "train/experiment.h"
#include "train/experiment_runner.h"
#include "train/run_setup.h"
#include "train/segmentation_data.h"

#include <cmath>
#include <filesystem>

namespace tl {

namespace {

/// NaN (a class absent from prediction and truth) as JSON null.
nlohmann::json perClass(const std::vector<double>& values)
{
    nlohmann::json out = nlohmann::json::array();
    for (double v : values)
        out.push_back(std::isnan(v) ? nlohmann::json() : nlohmann::json(v));
    return out;
}

}  // namespace

SegmentationTask::SegmentationTask(const Experiment& experiment, const RunFolder& folder)
    : m_experiment(experiment), m_folder(folder)
{
    if (experiment.pretrain)
        throw ExperimentError("/pretrain: a source stage is for classification; a segmentation run starts from "
                              "model.weights instead");
}

TaskData SegmentationTask::prepareData(bool resuming, const LogFunction& log)
{
    const Experiment& e = m_experiment;
    m_index = scanSegmentationFolder(e.data.train);
    SplitOptions split;
    split.valFraction = e.data.valFraction;
    split.seed = e.data.splitSeed;
    if (!e.data.val.empty()) {
        useValidationFolder(m_index, e.data.val);
        split.valSource = "folder";
        split.valFolder = e.data.val;
    } else if (m_index.presplit) {
        split.valSource = "split_folders";
    }
    if (resuming && std::filesystem::exists(m_folder.file("split.json")))
        loadSegmentationSplit(m_index, m_folder.file("split.json"));
    else
        assignSplit(m_index, split);
    if (m_index.count(Split::Train) == 0)
        throw DataError(e.data.train + ": no image/mask pair for training");
    if (m_index.count(Split::Val) == 0)
        split.valSource = "none";
    if (!resuming)
        saveSegmentationSplit(m_index, m_folder.file("split.json"), split);
    for (const SkippedFile& s : m_index.skipped)
        log("skipped " + s.path + ": " + s.reason);
    for (const std::string& w : m_index.warnings)
        log("warning: " + w);

    m_classes = classCount();
    DecodeOptions decode;
    decode.channels = static_cast<int>(e.model.inChannels);
    TaskData data;
    data.train = std::make_shared<SegmentationSource>(m_index, Split::Train, decode);
    data.val = std::make_shared<SegmentationSource>(m_index, Split::Val, decode);
    data.classes = m_classes;
    data.validation = {split.valSource, split.valFolder, m_index.count(Split::Val)};
    return data;
}

int64_t SegmentationTask::classCount() const
{
    const Experiment& e = m_experiment;
    DecodeOptions decode;
    decode.channels = static_cast<int>(e.model.inChannels);
    std::string where;
    const int64_t highest = highestMaskClass(m_index, decode, &where);
    if (highest < 0)
        throw DataError(e.data.train + ": no mask holds a labelled pixel");
    if (e.model.numClasses == 0)
        return std::max<int64_t>(2, highest + 1);
    if (highest >= e.model.numClasses)
        throw ExperimentError("/model/num_classes is " + std::to_string(e.model.numClasses) + " but " + where
                              + " holds class index " + std::to_string(highest));
    return e.model.numClasses;
}

void SegmentationTask::adjustBuild(BuildOptions& options) const
{
    options.unetBaseWidth = m_experiment.model.unetBaseWidth;
}

std::shared_ptr<TransformPipeline> SegmentationTask::trainTransforms(int size, int channels) const
{
    const AugmentConfig& a = m_experiment.data.augment;
    if (randomAugmentation(a).empty())
        return evalTransforms(size, channels);
    return std::make_shared<TransformPipeline>(TransformPipeline::segmentationTrain(size, augmentOptions(a), channels));
}

std::shared_ptr<TransformPipeline> SegmentationTask::evalTransforms(int size, int channels) const
{
    return std::make_shared<TransformPipeline>(TransformPipeline::segmentationEval(size, channels));
}

std::string SegmentationTask::epochsHeader() const
{
    return "epoch,train_loss,train_pixel_accuracy,val_loss,val_pixel_accuracy,val_miou,val_dice,seconds,"
           "images_per_second";
}

std::string SegmentationTask::epochsRow(const EpochMetrics& m) const
{
    const SegmentationScores* v = m.val ? &*m.val->segmentation : nullptr;
    return std::to_string(m.epoch + 1) + "," + csvNumber(m.trainLoss) + "," + csvNumber(m.trainAccuracy) + ","
         + (v ? csvNumber(m.val->loss) + "," + csvNumber(v->pixelAccuracy) + "," + csvNumber(v->meanIou) + ","
                    + csvNumber(v->meanDice)
              : std::string(",,,"))
         + "," + csvNumber(m.seconds) + "," + csvNumber(m.imagesPerSecond);
}

double SegmentationTask::valScore(const EvalMetrics& val) const
{
    return val.segmentation->meanIou;
}

void SegmentationTask::bestFigures(const EvalMetrics& val, std::map<std::string, double>& best) const
{
    best["best_val_miou"] = val.segmentation->meanIou;
    best["best_val_pixel_accuracy"] = val.segmentation->pixelAccuracy;
}

void SegmentationTask::addSummary(nlohmann::json& j, const RunSummary& run) const
{
    j["final_train_pixel_accuracy"] = run.last.trainAccuracy;
    j["classes"] = m_classes;
    if (run.last.val && run.last.val->segmentation) {
        const SegmentationScores& s = *run.last.val->segmentation;
        j["final_val"] = {{"loss", run.last.val->loss}, {"pixel_accuracy", s.pixelAccuracy},
                          {"miou", s.meanIou},           {"dice", s.meanDice},
                          {"iou", perClass(s.iou)},      {"dice_per_class", perClass(s.dice)}};
    }
}

void SegmentationTask::describeEpoch(std::ostream& line, const EpochMetrics& m) const
{
    line << ", pixel accuracy " << m.trainAccuracy;
    if (m.val && m.val->segmentation)
        line << "; val loss " << m.val->loss << ", pixel accuracy " << m.val->segmentation->pixelAccuracy << ", mIoU "
             << m.val->segmentation->meanIou << ", Dice " << m.val->segmentation->meanDice;
}

}  // namespace tl
