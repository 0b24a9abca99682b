// libFuzzer target for the restricted unpickler: any byte string must end in a value or a
// WeightsError, never in a crash, a leak or undefined behaviour.
#include "common/errors.h"
#include "weights/pth_reader.h"
#include "weights/unpickler.h"

#include <torch/torch.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace {

// Storages are made as zero tensors of the declared size, the way the zip reader would fill
// them, so that tensor views are really built; the cap keeps the fuzzer's memory bounded.
constexpr int64_t kMaxFuzzStorage = 1 << 16;

tl::pickle::Ref loadStorage(tl::pickle::Unpickler& u, const tl::pickle::Object& pid,
                            std::map<std::string, tl::pickle::Ref>& storages)
{
    using tl::pickle::Type;
    if (pid.type != Type::Tuple || pid.items.size() != 5 || !pid.items[0]->isStr("storage")
        || pid.items[1]->type != Type::Global || pid.items[2]->type != Type::Str || pid.items[4]->type != Type::Int
        || pid.items[4]->bigInteger || pid.items[4]->integer < 0 || pid.items[4]->integer > kMaxFuzzStorage)
        u.fail("malformed storage reference");
    const torch::ScalarType dtype = tl::pickle::storageDtype(pid.items[1]->text, u.fileName());
    const auto known = storages.find(pid.items[2]->text);
    if (known != storages.end())
        return known->second;
    tl::pickle::Ref storage = u.make(Type::Storage);
    storage->dtype = dtype;
    storage->numel = pid.items[4]->integer;
    storage->tensor = torch::zeros({storage->numel}, torch::TensorOptions().dtype(dtype));
    storages.emplace(pid.items[2]->text, storage);
    return storage;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::map<std::string, tl::pickle::Ref> storages;
    try {
        tl::pickle::Unpickler unpickler(data, size, "fuzz.pkl",
                                        [&](tl::pickle::Unpickler& u, const tl::pickle::Object& pid) {
                                            return loadStorage(u, pid, storages);
                                        });
        const tl::pickle::Ref root = unpickler.load();
        std::string nestedKey;
        const tl::StateDict tensors = tl::stateDictFromPickle(*root, "fuzz.pkl", nestedKey);
        for (const tl::NamedTensor& t : tensors)
            if (t.tensor.defined())
                (void)t.tensor.sum().item<double>();  // touch every element the view reaches
    } catch (const tl::WeightsError&) {
    }
    return 0;
}
