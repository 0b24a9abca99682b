#include "data/transform_pipeline.h"

#include "common/errors.h"

#include <cmath>

namespace tl {

Normalization Normalization::imagenet(int channels)
{
    Normalization n;
    if (channels == 1) {
        // The ImageNet luminance statistics, for one-channel models.
        n.mean = {0.449f};
        n.std = {0.226f};
    }
    return n;
}

Normalization Normalization::measure(const std::vector<cv::Mat>& images)
{
    if (images.empty())
        return imagenet();
    const int channels = images.front().channels();
    std::vector<double> sum(size_t(channels), 0.0);
    std::vector<double> squares(size_t(channels), 0.0);
    double pixels = 0;
    for (const cv::Mat& image : images) {
        if (image.channels() != channels)
            continue;
        cv::Mat f;
        image.convertTo(f, CV_64F, image.depth() == CV_8U ? 1.0 / 255.0 : 1.0);
        const cv::Scalar s = cv::sum(f);
        const cv::Scalar q = cv::sum(f.mul(f));
        for (int c = 0; c < channels; ++c) {
            sum[size_t(c)] += s[c];
            squares[size_t(c)] += q[c];
        }
        pixels += double(image.total());
    }
    Normalization n;
    n.mean.assign(size_t(channels), 0.f);
    n.std.assign(size_t(channels), 1.f);
    for (size_t c = 0; c < size_t(channels) && pixels > 0; ++c) {
        const double mean = sum[c] / pixels;
        n.mean[c] = float(mean);
        n.std[c] = float(std::max(std::sqrt(std::max(squares[c] / pixels - mean * mean, 0.0)), 1e-3));
    }
    return n;
}

TransformPipeline::TransformPipeline(int outputHeight, int outputWidth, int channels)
    : m_height(outputHeight), m_width(outputWidth), m_channels(channels)
{
    if (outputHeight <= 0 || outputWidth <= 0 || (channels != 1 && channels != 3))
        throw InvalidArgument("a transform pipeline needs a positive output size and 1 or 3 channels");
    setNormalization(Normalization::imagenet(channels));
}

TransformPipeline& TransformPipeline::add(std::shared_ptr<const Transform> transform)
{
    m_transforms.push_back(std::move(transform));
    return *this;
}

void TransformPipeline::setNormalization(const Normalization& normalization)
{
    if (int(normalization.mean.size()) != m_channels || int(normalization.std.size()) != m_channels)
        throw InvalidArgument("normalisation has " + std::to_string(normalization.mean.size()) +
                              " channels, the pipeline " + std::to_string(m_channels));
    m_normalization = normalization;
    m_scale.resize(size_t(m_channels));
    m_offset.resize(size_t(m_channels));
    for (size_t c = 0; c < size_t(m_channels); ++c) {
        m_scale[c] = 1.0f / normalization.std[c];
        m_offset[c] = -normalization.mean[c] / normalization.std[c];
    }
}

void TransformPipeline::apply(Sample& sample, SampleRng& rng) const
{
    for (const auto& transform : m_transforms)
        transform->apply(sample, rng);
    if (sample.image.rows != m_height || sample.image.cols != m_width || sample.image.channels() != m_channels)
        throw DataError("the transforms end at " + std::to_string(sample.image.cols) + "x" +
                        std::to_string(sample.image.rows) + ", not the output size");
}

void TransformPipeline::writeImage(const cv::Mat& image, float* chw) const
{
    const size_t plane = size_t(m_height) * size_t(m_width);
    const bool bytes = image.depth() == CV_8U;
    std::vector<float> scale(m_scale);
    if (bytes)
        for (float& s : scale)
            s /= 255.0f;
    for (int y = 0; y < m_height; ++y) {
        for (int c = 0; c < m_channels; ++c) {
            float* out = chw + size_t(c) * plane + size_t(y) * size_t(m_width);
            const float a = scale[size_t(c)];
            const float b = m_offset[size_t(c)];
            if (bytes) {
                const uint8_t* in = image.ptr<uint8_t>(y) + c;
                for (int x = 0; x < m_width; ++x)
                    out[x] = float(in[x * m_channels]) * a + b;
            } else {
                const float* in = image.ptr<float>(y) + c;
                for (int x = 0; x < m_width; ++x)
                    out[x] = in[x * m_channels] * a + b;
            }
        }
    }
}

void TransformPipeline::writeMask(const cv::Mat& mask, int64_t* hw)
{
    for (int y = 0; y < mask.rows; ++y) {
        int64_t* out = hw + size_t(y) * size_t(mask.cols);
        if (mask.depth() == CV_16U) {
            const uint16_t* in = mask.ptr<uint16_t>(y);
            for (int x = 0; x < mask.cols; ++x)
                out[x] = in[x];
        } else {
            const uint8_t* in = mask.ptr<uint8_t>(y);
            for (int x = 0; x < mask.cols; ++x)
                out[x] = in[x];
        }
    }
}

namespace {

void addAugmentation(TransformPipeline& p, const AugmentOptions& o)
{
    if (o.horizontalFlip)
        p.add(std::make_shared<RandomHorizontalFlip>());
    if (o.rotationDegrees > 0)
        p.add(std::make_shared<RandomRotation>(o.rotationDegrees));
    if (o.brightness > 0 || o.contrast > 0 || o.saturation > 0 || o.hue > 0)
        p.add(std::make_shared<ColorJitter>(o.brightness, o.contrast, o.saturation, o.hue));
}

int evalResize(int size) { return int(std::lround(size / 0.875)); }

}  // namespace

TransformPipeline TransformPipeline::classificationTrain(int size, const AugmentOptions& options, int channels)
{
    TransformPipeline p(size, size, channels);
    p.add(std::make_shared<RandomResizedCrop>(size, size, options.scaleMin, options.scaleMax));
    addAugmentation(p, options);
    return p;
}

TransformPipeline TransformPipeline::classificationEval(int size, int channels)
{
    TransformPipeline p(size, size, channels);
    p.add(std::make_shared<Resize>(evalResize(size)));
    p.add(std::make_shared<CenterCrop>(size, size));
    return p;
}

TransformPipeline TransformPipeline::segmentationTrain(int size, const AugmentOptions& options, int channels)
{
    return classificationTrain(size, options, channels);  // every geometric step moves the mask too
}

TransformPipeline TransformPipeline::segmentationEval(int size, int channels)
{
    TransformPipeline p(size, size, channels);
    p.add(std::make_shared<Resize>(size));
    p.add(std::make_shared<CenterCrop>(size, size));
    return p;
}

}  // namespace tl
