#pragma once

#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tl::pickle {

/// The kinds of Python object the restricted unpickler can produce; nothing else ever exists.
enum class Type { None, Bool, Int, Float, Str, Bytes, Tuple, List, Dict, Global, Storage, Tensor };

struct Object;
using Ref = std::shared_ptr<Object>;

/// One unpickled Python object. Containers share their children, as Python's memo does, so
/// objects are owned by the Unpickler that made them and only borrowed by everyone else.
struct Object {
    Type type = Type::None;
    bool boolean = false;
    int64_t integer = 0;
    bool bigInteger = false;  // an int beyond 64 bits: `text` holds its little-endian bytes
    double real = 0.0;
    std::string text;         // Str, Bytes, the bytes of a big Int, "module.name" of a Global
    std::vector<Ref> items;   // Tuple, List
    std::vector<std::pair<Ref, Ref>> entries;  // Dict, in insertion order

    // Storage and Tensor. `tensor` is a flat view of the whole storage for a Storage, the
    // rebuilt tensor for a Tensor; undefined when only the file's layout is read.
    torch::ScalarType dtype = torch::kFloat;
    int64_t numel = 0;
    std::vector<int64_t> shape;
    torch::Tensor tensor;
    // Tensor: where it lies in its storage, kept for data read after unpickling.
    Ref storage;
    int64_t storageOffset = 0;
    std::vector<int64_t> stride;

    bool isStr(const char* s) const { return type == Type::Str && text == s; }
    /// The value of `key` in a Dict with string keys, or nullptr.
    const Object* get(const std::string& key) const;
};

/// The dtype of a storage class such as "torch.FloatStorage"; throws WeightsError naming
/// `file` for anything else.
torch::ScalarType storageDtype(const std::string& global, const std::string& file);

/// Whether a global may appear in a weight file at all.
bool isAllowedGlobal(const std::string& global);

}  // namespace tl::pickle
