#include "train/segmentation_metrics.h"

#include "common/errors.h"

#include <torch/torch.h>

#include <cmath>
#include <limits>
#include <string>

namespace tl {

SegmentationMetrics::SegmentationMetrics(int64_t classes, int64_t ignoreIndex)
    : m_classes(classes), m_ignoreIndex(ignoreIndex), m_counts(size_t(classes * classes), 0)
{
    if (classes < 0)
        throw InvalidArgument("segmentation metrics need a class count of at least 0");
}

void SegmentationMetrics::add(const torch::Tensor& predicted, const torch::Tensor& truth)
{
    if (!predicted.sizes().equals(truth.sizes()))
        throw InvalidArgument("segmentation metrics: prediction and truth differ in shape");
    const torch::Tensor t = truth.flatten().to(torch::kCPU, torch::kLong);
    const torch::Tensor p = predicted.flatten().to(torch::kCPU, torch::kLong);
    const torch::Tensor labelled = t.ne(m_ignoreIndex);
    const torch::Tensor truthLabelled = t.masked_select(labelled);
    const torch::Tensor predictedLabelled = p.masked_select(labelled);
    if (truthLabelled.numel() == 0)
        return;
    for (const auto& [values, what] : {std::pair{truthLabelled, "truth"}, std::pair{predictedLabelled, "prediction"}}) {
        const int64_t low = values.min().item<int64_t>();
        const int64_t high = values.max().item<int64_t>();
        if (low < 0 || high >= m_classes)
            throw InvalidArgument(std::string("segmentation metrics: the ") + what + " holds class index "
                                  + std::to_string(low < 0 ? low : high) + " for " + std::to_string(m_classes)
                                  + " classes");
    }
    // One bincount over (truth, prediction) pairs instead of a loop over every pixel.
    const torch::Tensor pairs = torch::bincount(truthLabelled * m_classes + predictedLabelled, {}, m_classes * m_classes);
    const auto counts = pairs.accessor<int64_t, 1>();
    for (int64_t i = 0; i < m_classes * m_classes; ++i)
        m_counts[size_t(i)] += counts[i];
    m_pixels += truthLabelled.numel();
}

SegmentationScores SegmentationMetrics::scores() const
{
    SegmentationScores s;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    int64_t correct = 0;
    int present = 0;
    for (int64_t c = 0; c < m_classes; ++c) {
        const int64_t tp = count(c, c);
        int64_t truth = 0;
        int64_t predicted = 0;
        for (int64_t o = 0; o < m_classes; ++o) {
            truth += count(c, o);
            predicted += count(o, c);
        }
        correct += tp;
        const int64_t fp = predicted - tp;
        const int64_t fn = truth - tp;
        if (tp + fp + fn == 0) {
            s.iou.push_back(nan);
            s.dice.push_back(nan);
            continue;
        }
        s.iou.push_back(double(tp) / double(tp + fp + fn));
        s.dice.push_back(2.0 * double(tp) / double(2 * tp + fp + fn));
        s.meanIou += s.iou.back();
        s.meanDice += s.dice.back();
        ++present;
    }
    if (present > 0) {
        s.meanIou /= present;
        s.meanDice /= present;
    }
    s.pixelAccuracy = m_pixels > 0 ? double(correct) / double(m_pixels) : 0.0;
    return s;
}

std::pair<int64_t, int64_t> labelledPixelHits(const torch::Tensor& logits, const torch::Tensor& targets,
                                              int64_t ignoreIndex)
{
    const torch::Tensor labelled = targets.ne(ignoreIndex);
    const int64_t hits = logits.argmax(1).eq(targets).logical_and(labelled).sum().item<int64_t>();
    return {hits, labelled.sum().item<int64_t>()};
}

}  // namespace tl
