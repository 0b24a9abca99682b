#include "weights/pth_writer.h"

#include "common/errors.h"
#include "weights/atomic_file.h"
#include "weights/mapped_file.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/torch.h>

#include <map>
#include <set>

namespace tl {

namespace {

std::string storageClass(torch::ScalarType type, const std::string& file)
{
    switch (type) {
    case torch::kFloat: return "FloatStorage";
    case torch::kDouble: return "DoubleStorage";
    case torch::kHalf: return "HalfStorage";
    case torch::kBFloat16: return "BFloat16Storage";
    case torch::kLong: return "LongStorage";
    case torch::kInt: return "IntStorage";
    case torch::kShort: return "ShortStorage";
    case torch::kChar: return "CharStorage";
    case torch::kByte: return "ByteStorage";
    case torch::kBool: return "BoolStorage";
    case torch::kComplexFloat: return "ComplexFloatStorage";
    case torch::kComplexDouble: return "ComplexDoubleStorage";
    default: throw WeightsError(file + ": cannot save dtype " + std::string(c10::toString(type)));
    }
}

/// The few protocol-2 opcodes a state_dict needs, written exactly as Python's pickler would.
class PickleWriter {
public:
    void proto() { m_out += "\x80\x02"; }
    void stop() { m_out += '.'; }
    void mark() { m_out += '('; }
    void tuple() { m_out += 't'; }
    void emptyTuple() { m_out += ')'; }
    void reduce() { m_out += 'R'; }
    void setItems() { m_out += 'u'; }
    void persistentId() { m_out += 'Q'; }
    void boolean(bool value) { m_out += value ? '\x88' : '\x89'; }
    void global(const std::string& module, const std::string& name) { m_out += "c" + module + "\n" + name + "\n"; }
    void string(const std::string& s)
    {
        m_out += 'X';
        little(s.size(), 4);
        m_out += s;
    }
    void integer(int64_t v)
    {
        if (v >= 0 && v < 256) {
            m_out += 'K';
            little(static_cast<uint64_t>(v), 1);
        } else if (v >= 0 && v < 65536) {
            m_out += 'M';
            little(static_cast<uint64_t>(v), 2);
        } else if (v >= INT32_MIN && v <= INT32_MAX) {
            m_out += 'J';
            little(static_cast<uint32_t>(v), 4);
        } else {
            m_out += "\x8a\x08";  // LONG1 with 8 bytes: two's complement is enough for any int64
            little(static_cast<uint64_t>(v), 8);
        }
    }
    void intTuple(c10::IntArrayRef values)
    {
        mark();
        for (int64_t v : values)
            integer(v);
        tuple();
    }
    const std::string& bytes() const { return m_out; }

private:
    void little(uint64_t v, int n)
    {
        for (int i = 0; i < n; ++i)
            m_out += static_cast<char>((v >> (8 * i)) & 0xff);
    }
    std::string m_out;
};

}  // namespace

void writePth(const std::string& path, const StateDict& tensors)
{
    const std::string name = baseName(path);
    PickleWriter p;
    p.proto();
    p.global("collections", "OrderedDict");
    p.emptyTuple();
    p.reduce();
    p.mark();
    std::map<std::pair<const void*, torch::ScalarType>, std::string> keys;
    std::vector<std::pair<std::string, torch::Tensor>> storages;  // key -> a tensor holding it
    std::set<std::string> names;
    std::vector<torch::Tensor> alive;  // keeps copies from other devices alive so storage ids stay unique
    for (const NamedTensor& entry : tensors) {
        if (!entry.tensor.defined())
            throw WeightsError(name + ": tensor '" + entry.name + "' has no data");
        if (!names.insert(entry.name).second)
            throw WeightsError(name + ": tensor name '" + entry.name + "' is repeated");
        const torch::Tensor t = entry.tensor.detach().to(torch::kCPU);
        alive.push_back(t);
        const size_t itemSize = t.element_size();
        const auto id = std::make_pair(static_cast<const void*>(t.storage().unsafeGetStorageImpl()), t.scalar_type());
        auto [it, added] = keys.emplace(id, std::to_string(keys.size()));
        if (added)
            storages.emplace_back(it->second, t);
        p.string(entry.name);
        p.global("torch._utils", "_rebuild_tensor_v2");
        p.mark();
        p.mark();
        p.string("storage");
        p.global("torch", storageClass(t.scalar_type(), name));
        p.string(it->second);
        p.string("cpu");
        p.integer(static_cast<int64_t>(t.storage().nbytes() / itemSize));
        p.tuple();
        p.persistentId();
        p.integer(t.storage_offset());
        p.intTuple(t.sizes());
        p.intTuple(t.strides());
        p.boolean(false);
        p.global("collections", "OrderedDict");
        p.emptyTuple();
        p.reduce();
        p.tuple();
        p.reduce();
    }
    p.setItems();
    p.stop();

    writeFileAtomically(path, [&](const ByteSink& sink) {
        try {
            caffe2::serialize::PyTorchStreamWriter writer([&](const void* data, size_t size) {
                sink(data, size);
                return size;
            });
            writer.writeRecord("data.pkl", p.bytes().data(), p.bytes().size());
            writer.writeRecord("byteorder", "little", 6);
            for (const auto& [key, t] : storages)
                writer.writeRecord("data/" + key, t.storage().data(), t.storage().nbytes());
            writer.writeEndOfFile();
        } catch (const c10::Error& e) {
            const std::string what = e.what_without_backtrace();
            throw WeightsError(name + ": " + what.substr(0, what.find('\n')));
        }
    });
}

}  // namespace tl
