#include "weights/pth_reader.h"

#include "common/errors.h"
#include "weights/unpickler.h"

#include <torch/torch.h>

#include <cstring>
#include <map>
#include <set>

namespace tl {

namespace {

// torch.serialization.MAGIC_NUMBER (0x1950a86a20f9469cfc6c) as pickle's little-endian LONG1 bytes.
const std::string kMagic("\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 10);
constexpr int64_t kProtocolVersion = 1001;

bool isSmallInt(const pickle::Object& o)
{
    return o.type == pickle::Type::Int && !o.bigInteger;
}

}  // namespace

WeightFile readLegacyPth(const std::shared_ptr<const MappedFile>& file, bool layoutOnly)
{
    const std::string name = file->name();
    std::map<std::string, pickle::Ref> roots;
    std::map<std::string, pickle::Ref> views;

    auto persistentLoad = [&](pickle::Unpickler& u, const pickle::Object& pid) -> pickle::Ref {
        // ('storage', storage class, root key, location, numel, view metadata or None)
        if (pid.type == pickle::Type::Tuple && !pid.items.empty() && pid.items[0]->isStr("module"))
            u.fail("the file holds a whole pickled model, not a state_dict; only state_dicts can be read safely");
        if (pid.type != pickle::Type::Tuple || pid.items.size() != 6 || !pid.items[0]->isStr("storage")
            || pid.items[1]->type != pickle::Type::Global || pid.items[2]->type != pickle::Type::Str
            || !isSmallInt(*pid.items[4]) || pid.items[4]->integer < 0)
            u.fail("malformed storage reference");
        const torch::ScalarType dtype = pickle::storageDtype(pid.items[1]->text, name);
        const std::string& key = pid.items[2]->text;
        const int64_t numel = pid.items[4]->integer;
        pickle::Ref& root = roots[key];
        if (!root) {
            const size_t itemSize = c10::elementSize(dtype);
            if (static_cast<uint64_t>(numel) > (file->size() - u.position()) / itemSize)
                u.fail("storage '" + key + "' is larger than the rest of the file");
            root = u.make(pickle::Type::Storage);
            root->dtype = dtype;
            root->numel = numel;
            if (!layoutOnly)
                root->tensor = torch::empty({numel}, torch::TensorOptions().dtype(dtype));
        } else if (root->dtype != dtype || root->numel != numel) {
            u.fail("storage '" + key + "' is used with two different types or sizes");
        }
        const pickle::Object& view = *pid.items[5];
        if (view.type == pickle::Type::None)
            return root;
        if (view.type != pickle::Type::Tuple || view.items.size() != 3 || view.items[0]->type != pickle::Type::Str
            || !isSmallInt(*view.items[1]) || !isSmallInt(*view.items[2]))
            u.fail("malformed storage view");
        const int64_t offset = view.items[1]->integer;
        const int64_t size = view.items[2]->integer;
        if (offset < 0 || size < 0 || offset > numel || size > numel - offset)
            u.fail("storage view reaches past the end of its storage");
        pickle::Ref& v = views[view.items[0]->text];
        if (!v) {
            v = u.make(pickle::Type::Storage);
            v->dtype = dtype;
            v->numel = size;
            if (root->tensor.defined())
                v->tensor = root->tensor.narrow(0, offset, size);
        }
        return v;
    };

    pickle::Unpickler u(file->data(), file->size(), name, persistentLoad);
    const pickle::Ref magic = u.load();
    if (magic->type != pickle::Type::Int || !magic->bigInteger || magic->text != kMagic)
        throw WeightsError(name + ": not a PyTorch file (wrong magic number)");
    const pickle::Ref protocol = u.load();
    if (!isSmallInt(*protocol) || protocol->integer != kProtocolVersion)
        throw WeightsError(name + ": unsupported legacy format version");
    const pickle::Ref sysInfo = u.load();
    const pickle::Object* littleEndian = sysInfo->type == pickle::Type::Dict ? sysInfo->get("little_endian") : nullptr;
    if (!littleEndian || littleEndian->type != pickle::Type::Bool)
        throw WeightsError(name + ": malformed system information");
    const pickle::Ref root = u.load();

    WeightFile result;
    result.path = file->path();
    result.format = WeightFormat::PthLegacy;
    result.tensors = stateDictFromPickle(*root, name, result.nestedKey);
    if (layoutOnly)
        return result;

    const pickle::Ref keys = u.load();
    if (keys->type != pickle::Type::List)
        throw WeightsError(name + ": malformed storage list");
    size_t pos = u.position();
    std::set<std::string> filled;
    for (const pickle::Ref& key : keys->items) {
        if (key->type != pickle::Type::Str || !roots.count(key->text) || filled.count(key->text))
            throw WeightsError(name + ": storage list names an unknown or repeated storage");
        const pickle::Object& storage = *roots[key->text];
        if (file->size() - pos < 8)
            throw WeightsError(name + ": file ends before the data of storage '" + key->text + "'");
        uint64_t count = 0;
        for (int i = 0; i < 8; ++i)
            count |= uint64_t(file->data()[pos + i]) << (8 * (littleEndian->boolean ? i : 7 - i));
        pos += 8;
        if (count != static_cast<uint64_t>(storage.numel))
            throw WeightsError(name + ": storage '" + key->text + "' declares " + std::to_string(storage.numel)
                               + " elements but its data holds " + std::to_string(count));
        const size_t itemSize = c10::elementSize(storage.dtype);
        const size_t bytes = static_cast<size_t>(storage.numel) * itemSize;
        if (file->size() - pos < bytes)
            throw WeightsError(name + ": file ends inside the data of storage '" + key->text + "'");
        if (bytes > 0) {
            void* target = storage.tensor.data_ptr();
            std::memcpy(target, file->data() + pos, bytes);
            if (!littleEndian->boolean)
                swapByteOrder(target, bytes, c10::isComplexType(storage.dtype) ? itemSize / 2 : itemSize);
        }
        pos += bytes;
        filled.insert(key->text);
    }
    if (filled.size() != roots.size())
        throw WeightsError(name + ": data of some storages is missing");
    return result;
}

}  // namespace tl
