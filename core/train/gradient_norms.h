#pragma once

#include <string>
#include <utility>
#include <vector>

namespace torch::nn {
class Module;
}

namespace tl {

/// (layer id, L2 norm of the layer's gradient), in the module's parameter order.
using LayerGradientNorms = std::vector<std::pair<std::string, double>>;

/// The L2 norm of each layer's gradient over all its parameters; the layer id is the parameter
/// name up to its last dot, which is the ArchSpec node id. Layers whose parameters do not train
/// (requires_grad off) or got no gradient are absent. Reads the gradients once and brings all
/// norms to the host in one transfer, so a CUDA run pays one synchronisation, not one per tensor.
LayerGradientNorms layerGradientNorms(const torch::nn::Module& module);

}  // namespace tl
