#include "weights/safetensors.h"

#include "common/errors.h"
#include "weights/atomic_file.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <tuple>

namespace tl {

namespace {

constexpr uint64_t kMaxHeaderSize = 100'000'000;  // the reference implementation's limit

struct DtypeName {
    const char* name;
    torch::ScalarType type;
};

const DtypeName kDtypes[] = {
    {"F64", torch::kDouble}, {"F32", torch::kFloat}, {"F16", torch::kHalf}, {"BF16", torch::kBFloat16},
    {"I64", torch::kLong},   {"I32", torch::kInt},   {"I16", torch::kShort}, {"I8", torch::kChar},
    {"U8", torch::kByte},    {"BOOL", torch::kBool},
};

torch::ScalarType parseDtype(const std::string& name, const std::string& file, const std::string& tensor)
{
    for (const DtypeName& d : kDtypes)
        if (name == d.name)
            return d.type;
    static const std::set<std::string> known{"U16", "U32", "U64", "F8_E4M3", "F8_E5M2", "C64"};
    if (known.count(name))
        throw WeightsError(file + ": tensor '" + tensor + "' has dtype " + name + ", which LibTorch 1.13 cannot hold");
    throw WeightsError(file + ": tensor '" + tensor + "' has unknown dtype '" + name.substr(0, 32) + "'");
}

const char* dtypeCode(torch::ScalarType type, const std::string& file)
{
    for (const DtypeName& d : kDtypes)
        if (type == d.type)
            return d.name;
    throw WeightsError(file + ": safetensors cannot hold dtype " + std::string(c10::toString(type)));
}

struct Entry {
    std::string name;
    torch::ScalarType dtype;
    std::vector<int64_t> shape;
    uint64_t begin = 0;
    uint64_t end = 0;
};

nlohmann::json parseHeader(const std::string& text, const std::string& file)
{
    // nlohmann keeps the last of repeated keys silently; the format forbids them.
    std::set<std::string> names;
    auto callback = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (event == nlohmann::json::parse_event_t::key && depth == 1
            && !names.insert(parsed.get<std::string>()).second)
            throw WeightsError(file + ": tensor '" + parsed.get<std::string>() + "' appears twice in the header");
        return true;
    };
    try {
        return nlohmann::json::parse(text, callback);
    } catch (const nlohmann::json::exception& e) {
        throw WeightsError(file + ": malformed safetensors header: " + e.what());
    }
}

Entry parseEntry(const std::string& name, const nlohmann::json& info, const std::string& file)
{
    const auto bad = [&](const std::string& what) {
        return WeightsError(file + ": tensor '" + name + "': " + what);
    };
    if (!info.is_object() || !info.contains("dtype") || !info["dtype"].is_string() || !info.contains("shape")
        || !info["shape"].is_array() || !info.contains("data_offsets") || !info["data_offsets"].is_array()
        || info["data_offsets"].size() != 2)
        throw bad("needs dtype, shape and two data_offsets");
    Entry e;
    e.name = name;
    e.dtype = parseDtype(info["dtype"].get<std::string>(), file, name);
    uint64_t count = 1;
    for (const auto& d : info["shape"]) {
        if (!d.is_number_unsigned())
            throw bad("shape must hold whole numbers");
        const uint64_t v = d.get<uint64_t>();
        if (v > (uint64_t(1) << 48) || __builtin_mul_overflow(count, v, &count) || count > (uint64_t(1) << 48))
            throw bad("shape too large");
        e.shape.push_back(static_cast<int64_t>(v));
    }
    for (int i = 0; i < 2; ++i)
        if (!info["data_offsets"][i].is_number_unsigned())
            throw bad("data_offsets must be whole numbers");
    e.begin = info["data_offsets"][0].get<uint64_t>();
    e.end = info["data_offsets"][1].get<uint64_t>();
    if (e.end < e.begin)
        throw bad("data_offsets end before they begin");
    if (count * c10::elementSize(e.dtype) != e.end - e.begin)
        throw bad("shape and dtype need " + std::to_string(count * c10::elementSize(e.dtype)) + " bytes but "
                  + std::to_string(e.end - e.begin) + " are given");
    return e;
}

}  // namespace

WeightFile readSafetensors(const std::shared_ptr<const MappedFile>& file, bool layoutOnly)
{
    const std::string name = file->name();
    if (file->size() < 8)
        throw WeightsError(name + ": too small for a safetensors file");
    uint64_t headerSize = 0;
    for (int i = 0; i < 8; ++i)
        headerSize |= uint64_t(file->data()[i]) << (8 * i);
    if (headerSize > kMaxHeaderSize)
        throw WeightsError(name + ": safetensors header of " + std::to_string(headerSize) + " bytes is over the 100 MB limit");
    if (headerSize > file->size() - 8)
        throw WeightsError(name + ": safetensors header runs past the end of the file");
    const std::string text(reinterpret_cast<const char*>(file->data() + 8), headerSize);
    if (text.empty() || text.front() != '{')
        throw WeightsError(name + ": safetensors header is not a JSON object");
    const nlohmann::json header = parseHeader(text, name);
    if (!header.is_object())
        throw WeightsError(name + ": safetensors header is not a JSON object");

    std::vector<Entry> entries;
    for (const auto& [key, info] : header.items()) {
        if (key == "__metadata__") {
            if (!info.is_object() || !std::all_of(info.begin(), info.end(), [](const auto& v) { return v.is_string(); }))
                throw WeightsError(name + ": __metadata__ must map strings to strings");
            continue;
        }
        entries.push_back(parseEntry(key, info, name));
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return std::tie(a.begin, a.end) < std::tie(b.begin, b.end); });
    const uint64_t dataSize = file->size() - 8 - headerSize;
    uint64_t expected = 0;
    for (const Entry& e : entries) {
        if (e.begin != expected)
            throw WeightsError(name + ": tensor '" + e.name + "' does not start where the previous one ends");
        expected = e.end;
    }
    if (expected != dataSize)
        throw WeightsError(name + ": data holds " + std::to_string(dataSize) + " bytes but the tensors cover "
                           + std::to_string(expected));

    WeightFile result;
    result.path = file->path();
    result.format = WeightFormat::Safetensors;
    const unsigned char* data = file->data() + 8 + headerSize;
    for (const Entry& e : entries) {
        NamedTensor t{e.name, e.dtype, e.shape, {}};
        if (!layoutOnly) {
            void* p = const_cast<unsigned char*>(data + e.begin);
            const auto options = torch::TensorOptions().dtype(e.dtype);
            std::shared_ptr<const MappedFile> keep = file;
            t.tensor = torch::from_blob(p, e.shape, [keep](void*) {}, options);
            if (reinterpret_cast<uintptr_t>(p) % c10::elementSize(e.dtype) != 0)
                t.tensor = t.tensor.clone();  // misaligned data: one copy rather than unaligned access
        }
        result.tensors.push_back(std::move(t));
    }
    return result;
}

void writeSafetensors(const std::string& path, const StateDict& tensors, const std::map<std::string, std::string>& metadata)
{
    const std::string name = baseName(path);
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty())
        header["__metadata__"] = metadata;
    std::vector<torch::Tensor> data;
    uint64_t offset = 0;
    for (const NamedTensor& t : tensors) {
        if (!t.tensor.defined())
            throw WeightsError(name + ": tensor '" + t.name + "' has no data");
        if (t.name == "__metadata__" || header.contains(t.name))
            throw WeightsError(name + ": tensor name '" + t.name + "' is repeated or reserved");
        torch::Tensor c = t.tensor.detach().to(torch::kCPU).contiguous();
        const uint64_t bytes = c.nbytes();
        header[t.name] = {{"dtype", dtypeCode(c.scalar_type(), name)},
                          {"shape", c.sizes().vec()},
                          {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        data.push_back(std::move(c));
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');  // keeps the data 8-byte aligned
    writeFileAtomically(path, [&](const ByteSink& sink) {
        unsigned char size[8];
        for (int i = 0; i < 8; ++i)
            size[i] = static_cast<unsigned char>(uint64_t(text.size()) >> (8 * i));
        sink(size, 8);
        sink(text.data(), text.size());
        for (const torch::Tensor& t : data)
            if (t.nbytes() > 0)
                sink(t.data_ptr(), t.nbytes());
    });
}

}  // namespace tl
