#include "weights/pth_reader.h"

#include "common/errors.h"

#include <torch/torch.h>

#include <algorithm>
#include <unordered_map>

namespace tl {

namespace {

bool holdsTensors(const pickle::Object& o)
{
    if (o.type != pickle::Type::Dict)
        return false;
    return std::any_of(o.entries.begin(), o.entries.end(),
                       [](const auto& e) { return e.second->type == pickle::Type::Tensor; });
}

}  // namespace

StateDict stateDictFromPickle(const pickle::Object& root, const std::string& file, std::string& nestedKey,
                              const std::function<void(NamedTensor&, const pickle::Object&)>& onTensor)
{
    // Training scripts save checkpoints as {"state_dict": ..., "epoch": ...} and the like.
    static const char* const nestedKeys[] = {"state_dict", "model_state_dict", "model", "net", "module", "model_ema"};
    const pickle::Object* dict = &root;
    nestedKey.clear();
    for (int level = 0; level < 2 && !holdsTensors(*dict); ++level) {
        const pickle::Object* inner = nullptr;
        for (const char* key : nestedKeys) {
            const pickle::Object* candidate = dict->type == pickle::Type::Dict ? dict->get(key) : nullptr;
            if (candidate && candidate->type == pickle::Type::Dict) {
                inner = candidate;
                nestedKey += (nestedKey.empty() ? "" : ".") + std::string(key);
                break;
            }
        }
        if (!inner)
            break;
        dict = inner;
    }
    if (!holdsTensors(*dict))
        throw WeightsError(file + ": holds no state_dict (no dict of tensors found)");
    StateDict result;
    std::unordered_map<std::string, size_t> index;
    for (const auto& [key, value] : dict->entries) {
        if (key->type != pickle::Type::Str || value->type != pickle::Type::Tensor)
            continue;
        NamedTensor entry{key->text, value->dtype, value->shape, value->tensor};
        if (onTensor)
            onTensor(entry, *value);
        const auto [it, inserted] = index.emplace(key->text, result.size());
        if (inserted)
            result.push_back(std::move(entry));
        else
            result[it->second] = std::move(entry);  // a repeated key: the later one wins, as in Python
    }
    return result;
}

void swapByteOrder(void* data, size_t bytes, size_t elementSize)
{
    if (elementSize <= 1)
        return;
    auto* p = static_cast<unsigned char*>(data);
    for (size_t i = 0; i + elementSize <= bytes; i += elementSize)
        std::reverse(p + i, p + i + elementSize);
}

}  // namespace tl
