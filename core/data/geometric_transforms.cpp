#include "data/transforms.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

/// PIL resizes with an antialiasing filter when shrinking; OpenCV's area interpolation is the
/// closest equivalent, and bilinear when enlarging matches PIL's bilinear there.
int imageInterpolation(cv::Size from, cv::Size to)
{
    return (to.width < from.width || to.height < from.height) ? cv::INTER_AREA : cv::INTER_LINEAR;
}

void resizeSample(Sample& sample, cv::Size to)
{
    if (sample.image.size() == to)
        return;
    cv::Mat image;
    cv::resize(sample.image, image, to, 0, 0, imageInterpolation(sample.image.size(), to));
    sample.image = image;
    if (!sample.mask.empty()) {
        cv::Mat mask;
        // NEAREST_EXACT samples pixel centres like PIL's nearest; plain NEAREST is shifted by half a pixel.
        cv::resize(sample.mask, mask, to, 0, 0, cv::INTER_NEAREST_EXACT);
        sample.mask = mask;
    }
}

void cropSample(Sample& sample, cv::Rect rect)
{
    sample.image = sample.image(rect).clone();
    if (!sample.mask.empty())
        sample.mask = sample.mask(rect).clone();
}

}  // namespace

cv::Size Resize::outputSize(int height, int width, int size)
{
    const int64_t shortSide = std::min(height, width);
    const int64_t longSide = std::max(height, width);
    const int newLong = static_cast<int>(double(int64_t(size) * longSide) / double(shortSide));
    return width <= height ? cv::Size(size, newLong) : cv::Size(newLong, size);
}

void Resize::apply(Sample& sample, SampleRng&) const
{
    resizeSample(sample, outputSize(sample.image.rows, sample.image.cols, m_size));
}

cv::Rect CenterCrop::cropRect(int height, int width, int cropHeight, int cropWidth)
{
    // nearbyint rounds half to even under the default rounding mode, like Python's round().
    const int top = static_cast<int>(std::nearbyint((height - cropHeight) / 2.0));
    const int left = static_cast<int>(std::nearbyint((width - cropWidth) / 2.0));
    return {left, top, cropWidth, cropHeight};
}

void CenterCrop::apply(Sample& sample, SampleRng&) const
{
    const int h = sample.image.rows;
    const int w = sample.image.cols;
    if (m_width > w || m_height > h) {
        const int left = m_width > w ? (m_width - w) / 2 : 0;
        const int top = m_height > h ? (m_height - h) / 2 : 0;
        const int right = m_width > w ? (m_width - w + 1) / 2 : 0;
        const int bottom = m_height > h ? (m_height - h + 1) / 2 : 0;
        cv::copyMakeBorder(sample.image, sample.image, top, bottom, left, right, cv::BORDER_CONSTANT, cv::Scalar::all(0));
        if (!sample.mask.empty())
            cv::copyMakeBorder(sample.mask, sample.mask, top, bottom, left, right, cv::BORDER_CONSTANT,
                               cv::Scalar::all(maskFill));
    }
    cropSample(sample, cropRect(sample.image.rows, sample.image.cols, m_height, m_width));
}

RandomResizedCrop::RandomResizedCrop(int height, int width, double scaleMin, double scaleMax, double ratioMin,
                                     double ratioMax)
    : m_height(height), m_width(width), m_scale{scaleMin, scaleMax}, m_ratio{ratioMin, ratioMax}
{
}

cv::Rect RandomResizedCrop::cropRect(int height, int width, SampleRng& rng) const
{
    const double area = double(height) * width;
    const double logRatio[2] = {std::log(m_ratio[0]), std::log(m_ratio[1])};
    for (int attempt = 0; attempt < 10; ++attempt) {
        const double targetArea = area * rng.uniform(m_scale[0], m_scale[1]);
        const double aspect = std::exp(rng.uniform(logRatio[0], logRatio[1]));
        const int w = static_cast<int>(std::nearbyint(std::sqrt(targetArea * aspect)));
        const int h = static_cast<int>(std::nearbyint(std::sqrt(targetArea / aspect)));
        if (w > 0 && w <= width && h > 0 && h <= height) {
            const int top = static_cast<int>(rng.between(0, height - h));
            const int left = static_cast<int>(rng.between(0, width - w));
            return {left, top, w, h};
        }
    }
    const double inRatio = double(width) / height;
    int w = width;
    int h = height;
    if (inRatio < std::min(m_ratio[0], m_ratio[1])) {
        h = static_cast<int>(std::nearbyint(w / std::min(m_ratio[0], m_ratio[1])));
    } else if (inRatio > std::max(m_ratio[0], m_ratio[1])) {
        w = static_cast<int>(std::nearbyint(h * std::max(m_ratio[0], m_ratio[1])));
    }
    return {(width - w) / 2, (height - h) / 2, w, h};
}

void RandomResizedCrop::apply(Sample& sample, SampleRng& rng) const
{
    const cv::Rect rect = cropRect(sample.image.rows, sample.image.cols, rng);
    Sample cropped;
    cropped.image = sample.image(rect);
    if (!sample.mask.empty())
        cropped.mask = sample.mask(rect);
    const cv::Size to(m_width, m_height);
    cv::Mat image;
    cv::resize(cropped.image, image, to, 0, 0, imageInterpolation(rect.size(), to));
    sample.image = image;
    if (!sample.mask.empty()) {
        cv::Mat mask;
        cv::resize(cropped.mask, mask, to, 0, 0, cv::INTER_NEAREST_EXACT);
        sample.mask = mask;
    }
}

void RandomHorizontalFlip::apply(Sample& sample, SampleRng& rng) const
{
    if (!rng.chance(m_p))
        return;
    // Into new matrices: the input may be shared with the decoded-image cache.
    cv::Mat image;
    cv::flip(sample.image, image, 1);
    sample.image = image;
    if (!sample.mask.empty()) {
        cv::Mat mask;
        cv::flip(sample.mask, mask, 1);
        sample.mask = mask;
    }
}

void RandomRotation::apply(Sample& sample, SampleRng& rng) const
{
    const double angle = rng.uniform(m_low, m_high);
    // Pixel-centre coordinates: the centre of a w-wide image is (w - 1) / 2, as torchvision's grid.
    const cv::Point2f centre((sample.image.cols - 1) * 0.5f, (sample.image.rows - 1) * 0.5f);
    const cv::Mat rotation = cv::getRotationMatrix2D(centre, angle, 1.0);
    cv::Mat image;
    cv::warpAffine(sample.image, image, rotation, sample.image.size(), m_bilinear ? cv::INTER_LINEAR : cv::INTER_NEAREST,
                   cv::BORDER_CONSTANT, cv::Scalar::all(0));
    sample.image = image;
    if (!sample.mask.empty()) {
        cv::Mat mask;
        cv::warpAffine(sample.mask, mask, rotation, sample.mask.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT,
                       cv::Scalar::all(maskFill));
        sample.mask = mask;
    }
}

}  // namespace tl
