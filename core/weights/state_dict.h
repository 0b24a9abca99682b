#pragma once

#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace torch::nn {
class Module;
}

namespace tl {

/// One named tensor of a weight file. `tensor` is undefined when only the layout was read,
/// or when the data is read on demand through `fetch`.
struct NamedTensor {
    std::string name;
    torch::ScalarType dtype = torch::kFloat;
    std::vector<int64_t> shape;
    torch::Tensor tensor;
    /// With TensorData::OnDemand: reads the tensor's data from the file (a fresh tensor on every
    /// call); throws WeightsError naming the file when the data is damaged.
    std::function<torch::Tensor()> fetch = {};
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

/// How much of each tensor readWeights takes from the file.
enum class TensorData {
    Read,        // every tensor's data, into `tensor`
    LayoutOnly,  // names, dtypes and shapes only
    /// Layout now, data when `fetch` is called: a loader then holds one tensor at a time
    /// rather than a second copy of the whole model. Files other than zip .pth are read whole.
    OnDemand,
};

/// Reads any supported weight file, recognised by its first bytes (not its extension).
/// Throws WeightsError.
WeightFile readWeights(const std::string& path, TensorData data = TensorData::Read);

/// Writes .safetensors when `path` ends so, else a zip .pth; atomically (temporary + rename).
void writeWeights(const std::string& path, const StateDict& tensors);

/// Named tensors of a module's parameters and buffers, in state_dict order.
StateDict stateDictOf(const torch::nn::Module& module);

}  // namespace tl
