#pragma once

#include <torch/types.h>

#include <cstdint>

namespace tl {

/// The mask value of unlabelled pixels (object borders, "don't care" regions); the value the
/// geometric transforms fill uncovered mask pixels with, as Pascal VOC does.
constexpr int64_t kIgnoreIndex = 255;

struct SegmentationLossOptions {
    double crossEntropyWeight = 1.0;
    double diceWeight = 1.0;
    double smooth = 1.0;  // keeps the Dice ratio defined for classes absent from a batch
    int64_t ignoreIndex = kIgnoreIndex;
    double labelSmoothing = 0.0;  // cross-entropy term only
    torch::Tensor classWeights;   // optional [C], cross-entropy term only
};

/// Soft Dice loss (Milletari et al. 2016, V-Net): 1 - mean over classes of
/// (2 sum(p t) + smooth) / (sum(p) + sum(t) + smooth), where p are the softmax probabilities and t
/// the one-hot truth, summed over the batch and every labelled pixel. `logits` [N, C, H, W],
/// `targets` [N, H, W] class indices; pixels equal to ignoreIndex count for nothing.
torch::Tensor softDiceLoss(const torch::Tensor& logits, const torch::Tensor& targets, double smooth = 1.0,
                           int64_t ignoreIndex = kIgnoreIndex);

/// crossEntropyWeight * cross-entropy (mean over labelled pixels) + diceWeight * soft Dice. Cross-
/// entropy alone learns small classes slowly when the background dominates; Dice scores every class
/// by its overlap whatever its size. A batch without a labelled pixel gives 0, not NaN.
/// Throws InvalidArgument when a target is neither a class of `logits` nor ignoreIndex.
torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& targets,
                               const SegmentationLossOptions& options = {});

}  // namespace tl
