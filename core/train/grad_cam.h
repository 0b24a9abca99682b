#pragma once

#include <torch/types.h>

#include <string>
#include <vector>

namespace tl {

class ArchSpec;
class GraphModule;

/// A class activation map: one value in [0, 1] per input pixel, row by row.
struct ClassActivationMap {
    int height = 0;
    int width = 0;
    std::vector<float> values;
    std::string node;  // the feature node it was computed at
    int64_t classIndex = 0;
};

/// The node Grad-CAM looks at: walking back from the first global pooling or flatten node of the
/// main path, the nearest node whose output is still a spatial map (4-D, more than one position)
/// and not just a resampling of one (adaptive pooling). Throws InvalidArgument for networks that
/// have no such node (per-pixel models, inputs too small).
std::string gradCamNode(const ArchSpec& spec, int64_t height, int64_t width);

/// Grad-CAM (Selvaraju et al., 2017) of one image (1 x C x H x W) for `classIndex` (-1: the top
/// class): the feature maps at `node` (empty: gradCamNode()) weighted by the spatial mean of the
/// class logit's gradient, ReLU, bilinearly upsampled to H x W and scaled to [0, 1]. Runs in eval
/// mode and leaves the model as it found it: its mode, its parameters' requires_grad flags and
/// their gradients.
ClassActivationMap gradCam(GraphModule& model, const torch::Tensor& input, int64_t classIndex = -1,
                           const std::string& node = {});

}  // namespace tl
