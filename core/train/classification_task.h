#pragma once

#include "data/dataset_types.h"
#include "train/run_task.h"

#include <memory>

namespace tl {

class ConfusionLog;
struct Experiment;

/// One class per image: an image folder, cross-entropy, top-1/top-5 and macro F1 per epoch,
/// confusion.json and val_predictions.csv; the best epoch has the highest validation top-1.
class ClassificationTask final : public RunTask {
public:
    ClassificationTask(const Experiment& experiment, const RunFolder& folder);
    ~ClassificationTask() override;

    const char* name() const override { return "classification"; }
    TaskData prepareData(bool resuming, const LogFunction& log) override;
    std::shared_ptr<TransformPipeline> trainTransforms(int size, int channels) const override;
    std::shared_ptr<TransformPipeline> evalTransforms(int size, int channels) const override;
    std::string epochsHeader() const override;
    std::string epochsRow(const EpochMetrics& m) const override;
    const char* valScoreName() const override { return "val_top1"; }
    double valScore(const EvalMetrics& val) const override { return val.top1; }
    void bestFigures(const EvalMetrics& val, std::map<std::string, double>& best) const override;
    void addSummary(nlohmann::json& summary, const RunSummary& run) const override;
    void describeEpoch(std::ostream& line, const EpochMetrics& m) const override;
    void startEpochs(int firstEpoch) override;
    void afterValidation(int epoch, const EvalMetrics& val, bool best) override;
    void afterRun(GraphModule& model, BatchStream& val, torch::Device device) override;

private:
    const Experiment& m_experiment;
    const RunFolder& m_folder;
    ClassificationIndex m_index;
    std::unique_ptr<ConfusionLog> m_confusion;
};

}  // namespace tl
