#include "train/segmentation_loss.h"

#include "common/errors.h"
#include "data/transforms.h"

#include <torch/torch.h>

#include <string>

namespace tl {

static_assert(kIgnoreIndex == maskFill, "pixels the transforms uncover must be the ones the loss ignores");

namespace {

void checkShapes(const torch::Tensor& logits, const torch::Tensor& targets)
{
    if (logits.dim() != 4 || targets.dim() != 3 || logits.size(0) != targets.size(0)
        || logits.size(2) != targets.size(1) || logits.size(3) != targets.size(2))
        throw InvalidArgument("segmentation loss needs [N, C, H, W] scores and [N, H, W] masks of the same size");
}

}  // namespace

torch::Tensor softDiceLoss(const torch::Tensor& logits, const torch::Tensor& targets, double smooth,
                           int64_t ignoreIndex)
{
    checkShapes(logits, targets);
    const int64_t classes = logits.size(1);
    const torch::Tensor labelled = targets.ne(ignoreIndex).unsqueeze(1).to(logits.dtype());
    const torch::Tensor probabilities = torch::softmax(logits, 1) * labelled;
    // one_hot needs valid indices everywhere; the ignored pixels are zeroed by `labelled` anyway.
    const torch::Tensor truth =
        torch::one_hot(targets.masked_fill(targets.eq(ignoreIndex), 0), classes).permute({0, 3, 1, 2}).to(logits.dtype())
        * labelled;
    const std::vector<int64_t> overPixels{0, 2, 3};
    const torch::Tensor intersection = (probabilities * truth).sum(overPixels);
    const torch::Tensor cardinality = probabilities.sum(overPixels) + truth.sum(overPixels);
    const torch::Tensor dice = (2.0 * intersection + smooth) / (cardinality + smooth);
    return 1.0 - dice.mean();
}

torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& targets,
                               const SegmentationLossOptions& options)
{
    checkShapes(logits, targets);
    const int64_t classes = logits.size(1);
    const torch::Tensor labelled = targets.ne(options.ignoreIndex);
    const int64_t labelledCount = labelled.sum().item<int64_t>();
    if (labelledCount > 0) {
        const torch::Tensor valid = targets.masked_select(labelled);
        const int64_t low = valid.min().item<int64_t>();
        const int64_t high = valid.max().item<int64_t>();
        if (low < 0 || high >= classes)
            throw InvalidArgument("a mask holds class index " + std::to_string(low < 0 ? low : high) + ", but the model has "
                                  + std::to_string(classes) + " classes (0 to " + std::to_string(classes - 1)
                                  + "; " + std::to_string(options.ignoreIndex) + " marks unlabelled pixels)");
    }
    torch::Tensor total = torch::zeros({}, logits.options());
    if (options.crossEntropyWeight > 0 && labelledCount > 0) {
        auto ce = torch::nn::functional::CrossEntropyFuncOptions()
                      .ignore_index(options.ignoreIndex)
                      .label_smoothing(options.labelSmoothing);
        if (options.classWeights.defined())
            ce.weight(options.classWeights);
        total = total + options.crossEntropyWeight * torch::nn::functional::cross_entropy(logits, targets, ce);
    }
    if (options.diceWeight > 0)
        total = total + options.diceWeight * softDiceLoss(logits, targets, options.smooth, options.ignoreIndex);
    // Keeps the graph connected to the logits when neither term applies, so backward() still works.
    return labelledCount > 0 ? total : total + logits.sum() * 0.0;
}

}  // namespace tl
