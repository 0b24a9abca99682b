#pragma once

#include "data/sample_rng.h"

#include <opencv2/core/mat.hpp>

#include <cstdint>

namespace tl {

/// An image (8-bit RGB or grey, or float [0, 1] after colour jitter) and, for segmentation, its
/// class-index mask, as they flow through the transforms.
struct Sample {
    cv::Mat image;
    cv::Mat mask;  // empty for classification
    int64_t label = -1;
};

/// One step of a pipeline. Geometric steps move image and mask together; random ones draw only
/// from the sample's own generator, so the result does not depend on threads.
class Transform {
public:
    virtual ~Transform() = default;
    virtual void apply(Sample& sample, SampleRng& rng) const = 0;
};

/// Value masks get where rotation or padding uncovers pixels: the usual "ignore" class index.
constexpr int maskFill = 255;

/// torchvision's Resize(int): the shorter side becomes `size`, the longer one int(size * long / short).
class Resize final : public Transform {
public:
    explicit Resize(int size) : m_size(size) {}
    void apply(Sample& sample, SampleRng& rng) const override;
    static cv::Size outputSize(int height, int width, int size);

private:
    int m_size;
};

/// torchvision's CenterCrop: offsets round half to even (Python's round), zero padding when the
/// image is smaller than the crop.
class CenterCrop final : public Transform {
public:
    CenterCrop(int height, int width) : m_height(height), m_width(width) {}
    void apply(Sample& sample, SampleRng& rng) const override;
    static cv::Rect cropRect(int height, int width, int cropHeight, int cropWidth);

private:
    int m_height;
    int m_width;
};

/// torchvision's RandomResizedCrop: ten tries at an area in scale x image and a log-uniform
/// aspect ratio, then the central crop clamped to the ratio range; resized to the output size.
class RandomResizedCrop final : public Transform {
public:
    RandomResizedCrop(int height, int width, double scaleMin = 0.08, double scaleMax = 1.0,
                      double ratioMin = 3.0 / 4.0, double ratioMax = 4.0 / 3.0);
    void apply(Sample& sample, SampleRng& rng) const override;
    cv::Rect cropRect(int height, int width, SampleRng& rng) const;

private:
    int m_height;
    int m_width;
    double m_scale[2];
    double m_ratio[2];
};

class RandomHorizontalFlip final : public Transform {
public:
    explicit RandomHorizontalFlip(double p = 0.5) : m_p(p) {}
    void apply(Sample& sample, SampleRng& rng) const override;

private:
    double m_p;
};

/// torchvision's RandomRotation: an angle uniform in [-degrees, degrees], counter-clockwise, about
/// the image centre, same size, uncovered pixels 0 (masks: maskFill). Nearest neighbour by default,
/// as torchvision; masks always nearest.
class RandomRotation final : public Transform {
public:
    explicit RandomRotation(double degrees, bool bilinear = false) : m_low(-degrees), m_high(degrees), m_bilinear(bilinear) {}
    RandomRotation(double low, double high, bool bilinear) : m_low(low), m_high(high), m_bilinear(bilinear) {}
    void apply(Sample& sample, SampleRng& rng) const override;

private:
    double m_low;
    double m_high;
    bool m_bilinear;
};

/// torchvision's ColorJitter on RGB: brightness, contrast, saturation and hue in a random order,
/// factors uniform in [max(0, 1 - x), 1 + x] (hue: [-hue, hue], at most 0.5). Works in float
/// [0, 1]; the image leaves as CV_32F.
class ColorJitter final : public Transform {
public:
    ColorJitter(double brightness, double contrast, double saturation, double hue);
    void apply(Sample& sample, SampleRng& rng) const override;

    /// The single adjustments, on CV_32F images in [0, 1], as torchvision.transforms.functional.
    static void adjustBrightness(cv::Mat& image, double factor);
    static void adjustContrast(cv::Mat& image, double factor);
    static void adjustSaturation(cv::Mat& image, double factor);
    static void adjustHue(cv::Mat& image, double shift);

private:
    double m_brightness;
    double m_contrast;
    double m_saturation;
    double m_hue;
};

}  // namespace tl
