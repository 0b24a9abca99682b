#pragma once

#include <QString>

#include <torch/types.h>

namespace tl::cli {

/// How `predict` turns an image file into the network's input.
struct PredictInput {
    int64_t channels = 3;
    int64_t cropH = 224;
    int64_t cropW = 224;
    bool preprocess = true;  // resize the shorter side (256 for a 224 crop) and centre-crop
};

/// Decodes an image (any name: the bytes are read by Qt and decoded by OpenCV) into a
/// 1xCxHxW float tensor scaled to [0,1] and ImageNet-normalised, the way torchvision's
/// ToTensor + Normalize do. Throws tl::Error naming the file.
torch::Tensor loadPredictImage(const QString& path, const PredictInput& input);

}  // namespace tl::cli
