#include "train/classification_task.h"

#include "common/errors.h"
#include "data/dataset_split.h"
#include "data/image_folder.h"
#include "data/sample_source.h"
#include "data/transform_pipeline.h"
#include "data/validation_folder.h"
#include "train/classification_report.h"
#include "train/experiment.h"
#include "train/experiment_runner.h"
#include "train/run_setup.h"

#include <filesystem>

namespace tl {

ClassificationTask::ClassificationTask(const Experiment& experiment, const RunFolder& folder)
    : m_experiment(experiment), m_folder(folder)
{
}

ClassificationTask::~ClassificationTask() = default;

TaskData ClassificationTask::prepareData(bool resuming, const LogFunction& log)
{
    const Experiment& e = m_experiment;
    m_index = scanImageFolder(e.data.train);
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
        loadSplit(m_index, m_folder.file("split.json"));
    else
        assignSplit(m_index, split);
    requireTrainable(m_index);
    if (m_index.count(Split::Val) == 0)
        split.valSource = "none";
    if (!resuming)
        saveSplit(m_index, m_folder.file("split.json"), split);
    for (const SkippedFile& s : m_index.skipped)
        log("skipped " + s.path + ": " + s.reason);
    for (const std::string& w : m_index.warnings)
        log("warning: " + w);

    const int64_t classes = static_cast<int64_t>(m_index.classes.size());
    if (e.model.numClasses && e.model.numClasses != classes)
        throw ExperimentError("model.num_classes is " + std::to_string(e.model.numClasses) + " but " + e.data.train
                              + " has " + std::to_string(classes) + " classes");
    DecodeOptions decode;
    decode.channels = static_cast<int>(e.model.inChannels);
    TaskData data;
    data.train = std::make_shared<ImageFolderSource>(m_index, Split::Train, decode);
    data.val = std::make_shared<ImageFolderSource>(m_index, Split::Val, decode);
    data.classes = classes;
    data.validation = {split.valSource, split.valFolder, m_index.count(Split::Val)};
    return data;
}

std::shared_ptr<TransformPipeline> ClassificationTask::trainTransforms(int size, int channels) const
{
    const AugmentConfig& a = m_experiment.data.augment;
    if (!randomAugmentation(a).empty())
        return std::make_shared<TransformPipeline>(TransformPipeline::classificationTrain(size, augmentOptions(a), channels));
    // Without augmentation the training images must be exactly the same every epoch, or cached
    // features would be wrong: RandomResizedCrop at full scale still draws an aspect ratio and
    // can shift a non-square image by a pixel.
    return std::make_shared<TransformPipeline>(classificationEvalTransforms(a, size, channels));
}

std::shared_ptr<TransformPipeline> ClassificationTask::evalTransforms(int size, int channels) const
{
    return std::make_shared<TransformPipeline>(classificationEvalTransforms(m_experiment.data.augment, size, channels));
}

std::string ClassificationTask::epochsHeader() const
{
    return "epoch,train_loss,train_accuracy,val_loss,val_top1,val_top5,seconds,images_per_second,val_macro_f1";
}

std::string ClassificationTask::epochsRow(const EpochMetrics& m) const
{
    const auto& v = m.val;
    return std::to_string(m.epoch + 1) + "," + csvNumber(m.trainLoss) + "," + csvNumber(m.trainAccuracy) + ","
         + (v ? csvNumber(v->loss) + "," + csvNumber(v->top1) + "," + csvNumber(v->top5) : std::string(",,")) + ","
         + csvNumber(m.seconds) + "," + csvNumber(m.imagesPerSecond) + ","
         + (v ? csvNumber(v->confusion.macroF1()) : std::string());
}

void ClassificationTask::bestFigures(const EvalMetrics& val, std::map<std::string, double>& best) const
{
    best["best_val_top1"] = val.top1;
    best["best_val_macro_f1"] = val.confusion.macroF1();
}

void ClassificationTask::addSummary(nlohmann::json& j, const RunSummary& run) const
{
    j["final_train_accuracy"] = run.last.trainAccuracy;
    j["classes"] = m_index.classes;
    if (const auto& v = run.last.val)
        j["final_val"] = {{"loss", v->loss}, {"top1", v->top1}, {"top5", v->top5}, {"macro_f1", v->confusion.macroF1()}};
}

void ClassificationTask::describeEpoch(std::ostream& line, const EpochMetrics& m) const
{
    line << ", accuracy " << m.trainAccuracy;
    if (m.val)
        line << "; val loss " << m.val->loss << ", top-1 " << m.val->top1;
}

void ClassificationTask::startEpochs(int firstEpoch)
{
    m_confusion = std::make_unique<ConfusionLog>(m_folder, m_index.classes, firstEpoch);
}

void ClassificationTask::afterValidation(int epoch, const EvalMetrics& val, bool best)
{
    m_confusion->record(epoch + 1, val.confusion, best);
}

void ClassificationTask::afterRun(GraphModule& model, BatchStream& val, torch::Device device)
{
    if (m_index.count(Split::Val) == 0)
        return;
    const ImageFolderSource files(m_index, Split::Val);
    // With the model the run leaves, for the gallery of the worst mistakes.
    writePredictions(m_folder, predictSamples(model, val, device, [&files](int64_t i) { return files.path(size_t(i)); }));
}

}  // namespace tl
