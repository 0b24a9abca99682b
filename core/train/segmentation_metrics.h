#pragma once

#include "train/segmentation_loss.h"

#include <torch/types.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace tl {

/// The scores of a segmentation model over some pixels. A class that appears neither in the truth
/// nor in the prediction has no IoU or Dice (NaN) and is left out of the means, as in the Pascal VOC
/// and Cityscapes evaluations; a class missing from a small validation set must not count as 0.
struct SegmentationScores {
    double pixelAccuracy = 0.0;
    std::vector<double> iou;   // per class: TP / (TP + FP + FN)
    std::vector<double> dice;  // per class: 2 TP / (2 TP + FP + FN)
    double meanIou = 0.0;
    double meanDice = 0.0;
};

/// Pixel confusion counts accumulated over the batches of an epoch, so the scores are those of the
/// whole epoch rather than a mean of per-batch scores. Unlabelled pixels are not counted.
class SegmentationMetrics {
public:
    explicit SegmentationMetrics(int64_t classes = 0, int64_t ignoreIndex = kIgnoreIndex);

    /// `predicted` and `truth`: class indices of the same shape, on any device. Throws
    /// InvalidArgument for a truth value that is neither a class nor the ignore index.
    void add(const torch::Tensor& predicted, const torch::Tensor& truth);

    int64_t classes() const { return m_classes; }
    int64_t count(int64_t truth, int64_t predicted) const { return m_counts[size_t(truth * m_classes + predicted)]; }
    int64_t pixels() const { return m_pixels; }
    SegmentationScores scores() const;

private:
    int64_t m_classes;
    int64_t m_ignoreIndex;
    std::vector<int64_t> m_counts;  // row = truth, column = prediction
    int64_t m_pixels = 0;
};

/// (correct, labelled) pixels of one batch of scores [N, C, H, W] against masks [N, H, W].
std::pair<int64_t, int64_t> labelledPixelHits(const torch::Tensor& logits, const torch::Tensor& targets,
                                              int64_t ignoreIndex = kIgnoreIndex);

}  // namespace tl
