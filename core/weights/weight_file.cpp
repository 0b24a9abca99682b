#include "weights/state_dict.h"

#include "common/errors.h"
#include "weights/mapped_file.h"
#include "weights/pth_reader.h"
#include "weights/pth_writer.h"
#include "weights/safetensors.h"

#include <torch/torch.h>

#include <cstring>

namespace tl {

const char* toString(WeightFormat format)
{
    switch (format) {
    case WeightFormat::PthZip: return "pth";
    case WeightFormat::PthLegacy: return "pth-legacy";
    case WeightFormat::Safetensors: return "safetensors";
    }
    return "?";
}

std::string dtypeName(torch::ScalarType dtype)
{
    switch (dtype) {
    case torch::kFloat: return "float32";
    case torch::kDouble: return "float64";
    case torch::kHalf: return "float16";
    case torch::kBFloat16: return "bfloat16";
    case torch::kLong: return "int64";
    case torch::kInt: return "int32";
    case torch::kShort: return "int16";
    case torch::kChar: return "int8";
    case torch::kByte: return "uint8";
    case torch::kBool: return "bool";
    default: return c10::toString(dtype);
    }
}

WeightFile readWeights(const std::string& path, TensorData data)
{
    const std::shared_ptr<const MappedFile> file = MappedFile::open(path);
    const unsigned char* d = file->data();
    const size_t n = file->size();
    if (n >= 4 && std::memcmp(d, "PK\x03\x04", 4) == 0)
        return readZipPth(file, data);
    if (n >= 2 && d[0] == 0x80 && d[1] >= 2 && d[1] <= 5)
        return readLegacyPth(file, data == TensorData::LayoutOnly);
    if (n >= 9 && d[8] == '{')
        return readSafetensors(file, data == TensorData::LayoutOnly);
    throw WeightsError(file->name() + ": not a weight file (neither a PyTorch .pth nor safetensors)");
}

void writeWeights(const std::string& path, const StateDict& tensors)
{
    const std::string suffix = ".safetensors";
    if (path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
        writeSafetensors(path, tensors);
    else
        writePth(path, tensors);
}

StateDict stateDictOf(const torch::nn::Module& module)
{
    StateDict result;
    for (const auto& p : module.named_parameters())
        result.push_back({p.key(), p.value().scalar_type(), p.value().sizes().vec(), p.value().detach()});
    for (const auto& b : module.named_buffers())
        result.push_back({b.key(), b.value().scalar_type(), b.value().sizes().vec(), b.value().detach()});
    return result;
}

}  // namespace tl
