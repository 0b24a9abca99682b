#pragma once

#include "data/transforms.h"

#include <memory>
#include <vector>

namespace tl {

/// Per-channel statistics that turn [0, 1] pixels into network inputs: (x - mean) / std.
struct Normalization {
    std::vector<float> mean{0.485f, 0.456f, 0.406f};  // ImageNet, as torchvision's pretrained weights expect
    std::vector<float> std{0.229f, 0.224f, 0.225f};

    static Normalization imagenet(int channels = 3);
    /// The dataset's own statistics, measured over the given 8-bit or float images.
    static Normalization measure(const std::vector<cv::Mat>& images);
};

struct AugmentOptions {
    double scaleMin = 0.08;  // RandomResizedCrop's smallest area fraction
    double scaleMax = 1.0;
    bool horizontalFlip = true;
    double rotationDegrees = 0;
    double brightness = 0;
    double contrast = 0;
    double saturation = 0;
    double hue = 0;
};

/// The transforms of one split, ending in a fixed output size, and the normalisation that writes
/// a sample into a batch tensor's memory.
class TransformPipeline {
public:
    TransformPipeline(int outputHeight, int outputWidth, int channels = 3);

    TransformPipeline& add(std::shared_ptr<const Transform> transform);
    void setNormalization(const Normalization& normalization);

    int outputHeight() const { return m_height; }
    int outputWidth() const { return m_width; }
    int channels() const { return m_channels; }

    /// Runs every transform; throws DataError when the result is not the output size.
    void apply(Sample& sample, SampleRng& rng) const;
    /// Writes a transformed image as normalised CHW floats.
    void writeImage(const cv::Mat& image, float* chw) const;
    /// Writes a transformed mask as int64 class indices.
    static void writeMask(const cv::Mat& mask, int64_t* hw);

    /// RandomResizedCrop(size) + flip (+ rotation, colour jitter as asked), as torchvision's
    /// ImageNet training recipe.
    static TransformPipeline classificationTrain(int size, const AugmentOptions& options = {}, int channels = 3);
    /// Resize(size / 0.875) + CenterCrop(size): 256 and 224 for 224, torchvision's evaluation recipe.
    static TransformPipeline classificationEval(int size, int channels = 3);
    /// The same geometry on image and mask; masks resized nearest-neighbour.
    static TransformPipeline segmentationTrain(int size, const AugmentOptions& options, int channels = 3);
    static TransformPipeline segmentationEval(int size, int channels = 3);

private:
    int m_height;
    int m_width;
    int m_channels;
    std::vector<std::shared_ptr<const Transform>> m_transforms;
    std::vector<float> m_scale;   // 1 / (255 std) for 8-bit input
    std::vector<float> m_offset;  // -mean / std
    Normalization m_normalization;
};

}  // namespace tl
