#include "data/transforms.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace tl {

namespace {

cv::Mat toFloat(const cv::Mat& image)
{
    if (image.depth() == CV_32F)
        return image;
    cv::Mat out;
    image.convertTo(out, CV_32F, 1.0 / 255.0);
    return out;
}

/// torchvision's rgb_to_grayscale weights for tensors.
cv::Mat grey(const cv::Mat& rgb)
{
    cv::Mat out;
    cv::transform(rgb, out, cv::Matx13f(0.2989f, 0.587f, 0.114f));
    return out;
}

void clamp01(cv::Mat& image)
{
    cv::max(image, 0.0, image);
    cv::min(image, 1.0, image);
}

void blend(cv::Mat& image, const cv::Mat& other, double factor)
{
    cv::addWeighted(image, factor, other, 1.0 - factor, 0.0, image);
    clamp01(image);
}

}  // namespace

ColorJitter::ColorJitter(double brightness, double contrast, double saturation, double hue)
    : m_brightness(brightness), m_contrast(contrast), m_saturation(saturation), m_hue(std::min(hue, 0.5))
{
}

void ColorJitter::adjustBrightness(cv::Mat& image, double factor)
{
    image *= factor;
    clamp01(image);
}

void ColorJitter::adjustContrast(cv::Mat& image, double factor)
{
    const double mean = cv::mean(image.channels() == 3 ? grey(image) : image)[0];
    cv::Mat meanImage(image.size(), image.type(), cv::Scalar::all(mean));
    blend(image, meanImage, factor);
}

void ColorJitter::adjustSaturation(cv::Mat& image, double factor)
{
    if (image.channels() != 3)
        return;
    cv::Mat g;
    cv::cvtColor(grey(image), g, cv::COLOR_GRAY2RGB);
    blend(image, g, factor);
}

void ColorJitter::adjustHue(cv::Mat& image, double shift)
{
    if (image.channels() != 3)
        return;
    cv::Mat hsv;
    cv::cvtColor(image, hsv, cv::COLOR_RGB2HSV);  // float: H in [0, 360)
    for (int y = 0; y < hsv.rows; ++y) {
        auto* row = hsv.ptr<cv::Vec3f>(y);
        for (int x = 0; x < hsv.cols; ++x) {
            float h = row[x][0] + static_cast<float>(shift * 360.0);
            h -= 360.0f * std::floor(h / 360.0f);
            row[x][0] = h;
        }
    }
    cv::cvtColor(hsv, image, cv::COLOR_HSV2RGB);
    clamp01(image);
}

void ColorJitter::apply(Sample& sample, SampleRng& rng) const
{
    std::array<int, 4> order{0, 1, 2, 3};
    seededShuffle(order, rng);
    const double b = rng.uniform(std::max(0.0, 1.0 - m_brightness), 1.0 + m_brightness);
    const double c = rng.uniform(std::max(0.0, 1.0 - m_contrast), 1.0 + m_contrast);
    const double s = rng.uniform(std::max(0.0, 1.0 - m_saturation), 1.0 + m_saturation);
    const double h = rng.uniform(-m_hue, m_hue);
    cv::Mat image = sample.image.depth() == CV_32F ? sample.image.clone() : toFloat(sample.image);
    for (int step : order) {
        if (step == 0 && m_brightness > 0)
            adjustBrightness(image, b);
        else if (step == 1 && m_contrast > 0)
            adjustContrast(image, c);
        else if (step == 2 && m_saturation > 0)
            adjustSaturation(image, s);
        else if (step == 3 && m_hue > 0)
            adjustHue(image, h);
    }
    sample.image = image;
}

}  // namespace tl
