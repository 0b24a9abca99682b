#pragma once

#include <torch/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace torch::nn {
class Module;
}

namespace tl {

/// One named tensor of a weight file. `tensor` is undefined when only the layout was read.
struct NamedTensor {
    std::string name;
    torch::ScalarType dtype = torch::kFloat;
    std::vector<int64_t> shape;
    torch::Tensor tensor;
};

/// Tensors in file order, names unique.
using StateDict = std::vector<NamedTensor>;

enum class WeightFormat { PthZip, PthLegacy, Safetensors };

/// What a weight file holds, with where the state_dict was found inside it.
struct WeightFile {
    std::string path;
    WeightFormat format = WeightFormat::PthZip;
    std::string nestedKey;  // e.g. "state_dict" when the file is a checkpoint dict; empty otherwise
    StateDict tensors;
};

const char* toString(WeightFormat format);
/// "float32", "bfloat16", ... as Python spells torch dtypes.
std::string dtypeName(torch::ScalarType dtype);

/// Reads any supported weight file, recognised by its first bytes (not its extension).
/// With `layoutOnly` only names, dtypes and shapes are read. Throws WeightsError.
WeightFile readWeights(const std::string& path, bool layoutOnly = false);

/// Writes .safetensors when `path` ends so, else a zip .pth; atomically (temporary + rename).
void writeWeights(const std::string& path, const StateDict& tensors);

/// Named tensors of a module's parameters and buffers, in state_dict order.
StateDict stateDictOf(const torch::nn::Module& module);

}  // namespace tl
