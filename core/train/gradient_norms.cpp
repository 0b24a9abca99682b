#include "train/gradient_norms.h"

#include <torch/torch.h>

#include <cmath>
#include <unordered_map>

namespace tl {

LayerGradientNorms layerGradientNorms(const torch::nn::Module& module)
{
    torch::NoGradGuard noGrad;
    std::vector<size_t> layerOf;  // per norm: its index in `result`
    std::vector<torch::Tensor> norms;
    LayerGradientNorms result;
    std::unordered_map<std::string, size_t> index;
    for (const auto& p : module.named_parameters()) {
        const torch::Tensor& grad = p.value().grad();
        // A layer frozen after it trained keeps a zeroed gradient; it is still frozen, so absent.
        if (!p.value().requires_grad() || !grad.defined())
            continue;
        const auto dot = p.key().rfind('.');
        const std::string layer = dot == std::string::npos ? p.key() : p.key().substr(0, dot);
        const auto [it, inserted] = index.try_emplace(layer, result.size());
        if (inserted)
            result.emplace_back(layer, 0.0);
        layerOf.push_back(it->second);
        norms.push_back(grad.norm().to(torch::kFloat64));
    }
    if (norms.empty())
        return result;
    const torch::Tensor host = torch::stack(norms).to(torch::kCPU).contiguous();
    const double* values = host.data_ptr<double>();
    // A layer's norm over all its parameters: the root of the sum of its tensors' squared norms.
    for (size_t i = 0; i < layerOf.size(); ++i)
        result[layerOf[i]].second += values[i] * values[i];
    for (auto& entry : result)
        entry.second = std::sqrt(entry.second);
    return result;
}

}  // namespace tl
