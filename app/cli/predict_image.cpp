#include "cli/predict_image.h"

#include "common/errors.h"

#include <QFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <cmath>

namespace tl::cli {

torch::Tensor loadPredictImage(const QString& path, const PredictInput& input)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(path.toStdString() + ": cannot open: " + file.errorString().toStdString());
    const QByteArray bytes = file.readAll();
    const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.constData()));
    // PIL, which torchvision reads with, ignores EXIF orientation; so does this.
    const int flags = (input.channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR) | cv::IMREAD_IGNORE_ORIENTATION;
    cv::Mat image = bytes.isEmpty() ? cv::Mat() : cv::imdecode(raw, flags);
    if (image.empty())
        throw Error(path.toStdString() + ": not an image OpenCV can decode");
    if (input.channels == 3)
        cv::cvtColor(image, image, cv::COLOR_BGR2RGB);
    if (input.preprocess) {
        // torchvision's evaluation transform: Resize(256) then CenterCrop(224), scaled to the crop.
        const double shorter = std::round(std::min(input.cropH, input.cropW) * 256.0 / 224.0);
        const double scale = shorter / std::min(image.rows, image.cols);
        const int w = std::max(int(input.cropW), int(std::lround(image.cols * scale)));
        const int h = std::max(int(input.cropH), int(std::lround(image.rows * scale)));
        cv::resize(image, image, cv::Size(w, h), 0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
        const int top = int(std::lround((h - input.cropH) / 2.0));
        const int left = int(std::lround((w - input.cropW) / 2.0));
        image = image(cv::Rect(left, top, int(input.cropW), int(input.cropH))).clone();
    }
    torch::Tensor t = torch::from_blob(image.data, {image.rows, image.cols, image.channels()}, torch::kUInt8)
                          .permute({2, 0, 1})
                          .to(torch::kFloat)
                          .div(255);
    const torch::Tensor mean = input.channels == 1 ? torch::tensor({0.449f}) : torch::tensor({0.485f, 0.456f, 0.406f});
    const torch::Tensor stdev = input.channels == 1 ? torch::tensor({0.226f}) : torch::tensor({0.229f, 0.224f, 0.225f});
    return t.sub(mean.view({-1, 1, 1})).div(stdev.view({-1, 1, 1})).unsqueeze(0).contiguous();
}

}  // namespace tl::cli
