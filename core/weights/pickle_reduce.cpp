// The allow-list of the restricted unpickler and the few calls it may make.
#include "weights/unpickler.h"

#include "common/errors.h"

#include <torch/torch.h>

#include <map>

namespace tl::pickle {

namespace {

const std::map<std::string, torch::ScalarType>& storageTypes()
{
    static const std::map<std::string, torch::ScalarType> types{
        {"FloatStorage", torch::kFloat},     {"DoubleStorage", torch::kDouble},
        {"HalfStorage", torch::kHalf},       {"BFloat16Storage", torch::kBFloat16},
        {"LongStorage", torch::kLong},       {"IntStorage", torch::kInt},
        {"ShortStorage", torch::kShort},     {"CharStorage", torch::kChar},
        {"ByteStorage", torch::kByte},       {"BoolStorage", torch::kBool},
        {"ComplexFloatStorage", torch::kComplexFloat}, {"ComplexDoubleStorage", torch::kComplexDouble},
    };
    return types;
}

// Storage classes appear as "torch.FloatStorage", or "torch.cuda.FloatStorage" in files saved
// from a GPU by old PyTorch; both load to the CPU.
const torch::ScalarType* findStorageType(const std::string& global)
{
    std::string name;
    if (global.rfind("torch.cuda.", 0) == 0)
        name = global.substr(11);
    else if (global.rfind("torch.", 0) == 0)
        name = global.substr(6);
    else
        return nullptr;
    const auto it = storageTypes().find(name);
    return it == storageTypes().end() ? nullptr : &it->second;
}

constexpr int64_t kMaxDims = 64;
constexpr int64_t kMaxExtent = int64_t(1) << 48;

}  // namespace

const Object* Object::get(const std::string& key) const
{
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)  // a later key wins, as in Python
        if (it->first->type == Type::Str && it->first->text == key)
            return it->second.get();
    return nullptr;
}

bool isAllowedGlobal(const std::string& global)
{
    static const char* const allowed[] = {
        "collections.OrderedDict",
        "torch._utils._rebuild_tensor",
        "torch._utils._rebuild_tensor_v2",
        "torch._utils._rebuild_parameter",
        "torch._utils._rebuild_parameter_with_state",
    };
    for (const char* a : allowed)
        if (global == a)
            return true;
    return findStorageType(global) != nullptr;
}

torch::ScalarType storageDtype(const std::string& global, const std::string& file)
{
    const torch::ScalarType* type = findStorageType(global);
    if (!type)
        throw WeightsError(file + ": unknown storage type '" + global + "'");
    return *type;
}

Ref Unpickler::reduce(const Object& callable, const Object& args)
{
    if (callable.type != Type::Global)
        fail("REDUCE calls something that is not an allowed function");
    if (args.type != Type::Tuple)
        fail("REDUCE arguments are not a tuple");
    const std::string& f = callable.text;
    if (f == "collections.OrderedDict") {
        if (!args.items.empty())
            fail("OrderedDict built from arguments");
        return make(Type::Dict);
    }
    if (f == "torch._utils._rebuild_tensor_v2")
        return rebuildTensor(args.items, true);
    if (f == "torch._utils._rebuild_tensor")
        return rebuildTensor(args.items, false);
    if (f == "torch._utils._rebuild_parameter" || f == "torch._utils._rebuild_parameter_with_state") {
        if (args.items.size() < 3 || args.items.size() > 4 || args.items[0]->type != Type::Tensor)
            fail("bad arguments to " + f);
        return args.items[0];
    }
    fail("'" + f + "' cannot be called");
}

Ref Unpickler::rebuildTensor(const std::vector<Ref>& args, bool v2)
{
    // _rebuild_tensor(storage, offset, size, stride); v2 adds requires_grad, backward_hooks and,
    // from PyTorch 1.12 on, an optional metadata dict.
    if (args.size() != 4 && !(v2 && (args.size() == 6 || args.size() == 7)))
        fail("wrong number of arguments to rebuild a tensor");
    const Object& storage = *args[0];
    if (storage.type != Type::Storage)
        fail("tensor without a storage");
    if (args[1]->type != Type::Int || args[1]->bigInteger || args[1]->integer < 0)
        fail("bad tensor storage offset");
    if (args[2]->type != Type::Tuple || args[3]->type != Type::Tuple || args[2]->items.size() != args[3]->items.size()
        || int64_t(args[2]->items.size()) > kMaxDims)
        fail("bad tensor size or stride");
    const int64_t offset = args[1]->integer;
    std::vector<int64_t> size, stride;
    int64_t numel = 1;
    int64_t lastElement = offset;  // largest storage index the view reaches
    for (size_t d = 0; d < args[2]->items.size(); ++d) {
        const Object& s = *args[2]->items[d];
        const Object& st = *args[3]->items[d];
        if (s.type != Type::Int || st.type != Type::Int || s.bigInteger || st.bigInteger || s.integer < 0
            || st.integer < 0 || s.integer > kMaxExtent || st.integer > kMaxExtent)
            fail("bad tensor size or stride");
        size.push_back(s.integer);
        stride.push_back(st.integer);
        if (__builtin_mul_overflow(numel, s.integer, &numel) || numel > kMaxExtent)
            fail("tensor too large");
    }
    if (numel > 0) {
        for (size_t d = 0; d < size.size(); ++d) {
            int64_t reach = 0;
            if (__builtin_mul_overflow(size[d] - 1, stride[d], &reach) || __builtin_add_overflow(lastElement, reach, &lastElement))
                fail("tensor view out of range");
        }
        if (lastElement >= storage.numel)
            fail("tensor view reaches past the end of its storage (element " + std::to_string(lastElement)
                 + " of " + std::to_string(storage.numel) + ")");
    } else if (offset > storage.numel) {
        fail("tensor view starts past the end of its storage");
    }
    Ref t = make(Type::Tensor);
    t->dtype = storage.dtype;
    t->numel = numel;
    t->shape = size;
    t->storage = args[0];
    t->storageOffset = offset;
    t->stride = stride;
    if (storage.tensor.defined())
        t->tensor = torch::empty({0}, torch::TensorOptions().dtype(storage.dtype))
                        .set_(storage.tensor.storage(), storage.tensor.storage_offset() + offset, size, stride);
    return t;
}

void Unpickler::build(Object& target, const Object& state)
{
    // An OrderedDict with attributes (the state_dict's `_metadata`) pickles them as BUILD state;
    // the metadata only records module versions, which the loader does not need.
    if (target.type == Type::Dict && (state.type == Type::Dict || state.type == Type::None))
        return;
    if (target.type == Type::Tensor)
        return;  // a parameter's extra Python attributes
    fail("BUILD on an object that takes no state");
}

}  // namespace tl::pickle
