#pragma once

#include "data/dataset_types.h"
#include "train/run_task.h"

namespace tl {

struct Experiment;

/// One class per pixel: image/mask pairs, cross-entropy + soft Dice, pixel accuracy, IoU and
/// Dice per epoch; the best epoch has the highest validation mean IoU. Masks move with their
/// images through every geometric transform (nearest-neighbour).
class SegmentationTask final : public RunTask {
public:
    SegmentationTask(const Experiment& experiment, const RunFolder& folder);

    const char* name() const override { return "segmentation"; }
    TaskData prepareData(bool resuming, const LogFunction& log) override;
    void adjustBuild(BuildOptions& options) const override;
    std::shared_ptr<TransformPipeline> trainTransforms(int size, int channels) const override;
    std::shared_ptr<TransformPipeline> evalTransforms(int size, int channels) const override;
    std::string epochsHeader() const override;
    std::string epochsRow(const EpochMetrics& m) const override;
    const char* valScoreName() const override { return "val_miou"; }
    double valScore(const EvalMetrics& val) const override;
    void bestFigures(const EvalMetrics& val, std::map<std::string, double>& best) const override;
    void addSummary(nlohmann::json& summary, const RunSummary& run) const override;
    void describeEpoch(std::ostream& line, const EpochMetrics& m) const override;

private:
    int64_t classCount() const;

    const Experiment& m_experiment;
    const RunFolder& m_folder;
    SegmentationIndex m_index;
    int64_t m_classes = 0;
};

}  // namespace tl
