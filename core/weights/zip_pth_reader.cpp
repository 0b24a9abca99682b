// The zip container is read with LibTorch's own PyTorchStreamReader (miniz underneath), which
// takes any root folder name, data descriptors, Zip64 and the 64-byte aligned records that
// torch.save writes. Only the pickle inside needs our own reader.
#include "weights/pth_reader.h"

#include "common/errors.h"
#include "weights/unpickler.h"

#include <caffe2/serialize/inline_container.h>
#include <caffe2/serialize/read_adapter_interface.h>
#include <torch/torch.h>

#include <cstring>
#include <map>

namespace tl {

namespace {

// Below two pages a copy seldom spans a whole page, and a system call per tiny record buys nothing.
constexpr size_t kDropPagesAbove = 8192;

class MappedReadAdapter final : public caffe2::serialize::ReadAdapterInterface {
public:
    explicit MappedReadAdapter(std::shared_ptr<const MappedFile> file) : m_file(std::move(file)) {}
    size_t size() const override { return m_file->size(); }
    size_t read(uint64_t pos, void* buf, size_t n, const char*) const override
    {
        if (pos >= m_file->size())
            return 0;
        n = std::min<uint64_t>(n, m_file->size() - pos);
        std::memcpy(buf, m_file->data() + pos, n);
        // LibTorch copies every record out of the container; without this the mapped pages
        // stay resident too and a load peaks at twice the file's size. Nothing views the
        // mapping of a zip file, so its pages can go.
        if (n >= kDropPagesAbove)
            m_file->dropPages(pos, n);
        return n;
    }

private:
    std::shared_ptr<const MappedFile> m_file;
};

// The first line of a c10::Error, without LibTorch's source locations.
std::string firstLine(const char* what)
{
    std::string s(what);
    return s.substr(0, s.find('\n'));
}

/// Where one storage's bytes are and what they must be.
struct StorageRecord {
    std::string record;  // "data/<key>"
    torch::ScalarType dtype = torch::kFloat;
    int64_t numel = 0;
    bool bigEndian = false;
};

// Reads a storage record as a flat tensor, checking its size against the declared one.
torch::Tensor readStorage(caffe2::serialize::PyTorchStreamReader& reader, const StorageRecord& s, const std::string& name)
{
    const size_t itemSize = c10::elementSize(s.dtype);
    auto [data, bytes] = reader.getRecord(s.record);
    if (bytes != static_cast<size_t>(s.numel) * itemSize)
        throw WeightsError(name + ": storage '" + s.record.substr(5) + "' has " + std::to_string(bytes) + " bytes, but "
                           + std::to_string(s.numel) + " elements of " + std::to_string(itemSize) + " bytes declared");
    if (s.bigEndian)
        swapByteOrder(data.get(), bytes, c10::isComplexType(s.dtype) ? itemSize / 2 : itemSize);
    c10::Storage storage(c10::Storage::use_byte_size_t(), bytes, std::move(data), nullptr, false);
    return torch::empty({0}, torch::TensorOptions().dtype(s.dtype)).set_(storage, 0, {s.numel}, {1});
}

// The data of one tensor of the state_dict, read when asked: its storage record, then its view.
std::function<torch::Tensor()> fetcherOf(std::shared_ptr<caffe2::serialize::PyTorchStreamReader> reader,
                                         StorageRecord storage, const pickle::Object& tensor, std::string name)
{
    return [reader = std::move(reader), storage = std::move(storage), offset = tensor.storageOffset,
            shape = tensor.shape, stride = tensor.stride, name = std::move(name)]() -> torch::Tensor {
        try {
            return readStorage(*reader, storage, name).as_strided(shape, stride, offset);
        } catch (const WeightsError&) {
            throw;
        } catch (const c10::Error& e) {
            throw WeightsError(name + ": cannot read storage '" + storage.record.substr(5)
                               + "': " + firstLine(e.what_without_backtrace()));
        }
    };
}

}  // namespace

WeightFile readZipPth(const std::shared_ptr<const MappedFile>& file, TensorData want)
{
    const std::string name = file->name();
    try {
        // Shared with the fetchers of on-demand tensors, which read from it after this returns.
        const auto readerPtr = std::make_shared<caffe2::serialize::PyTorchStreamReader>(std::make_shared<MappedReadAdapter>(file));
        caffe2::serialize::PyTorchStreamReader& reader = *readerPtr;
        if (!reader.hasRecord("data.pkl"))
            throw WeightsError(name + ": zip file without data.pkl: not a torch.save file");
        bool bigEndian = false;
        if (reader.hasRecord("byteorder")) {
            auto [ptr, size] = reader.getRecord("byteorder");
            const std::string order(static_cast<const char*>(ptr.get()), size);
            if (order != "little" && order != "big")
                throw WeightsError(name + ": unknown byte order '" + order.substr(0, 16) + "'");
            bigEndian = order == "big";
        }
        auto [pickleData, pickleSize] = reader.getRecord("data.pkl");

        std::map<std::string, pickle::Ref> storages;
        std::map<const pickle::Object*, StorageRecord> records;
        auto persistentLoad = [&](pickle::Unpickler& u, const pickle::Object& pid) -> pickle::Ref {
            // ('storage', storage class, key, location, numel)
            if (pid.type != pickle::Type::Tuple || pid.items.size() != 5 || !pid.items[0]->isStr("storage")
                || pid.items[1]->type != pickle::Type::Global || pid.items[2]->type != pickle::Type::Str
                || pid.items[4]->type != pickle::Type::Int || pid.items[4]->bigInteger || pid.items[4]->integer < 0)
                u.fail("malformed storage reference");
            const torch::ScalarType dtype = pickle::storageDtype(pid.items[1]->text, name);
            const std::string& key = pid.items[2]->text;
            const int64_t numel = pid.items[4]->integer;
            const auto known = storages.find(key);
            if (known != storages.end()) {
                if (known->second->dtype != dtype || known->second->numel != numel)
                    u.fail("storage '" + key + "' is used with two different types or sizes");
                return known->second;
            }
            const std::string record = "data/" + key;
            if (key.empty() || key.find('/') != std::string::npos || !reader.hasRecord(record))
                u.fail("storage '" + key + "' has no data record");
            pickle::Ref storage = u.make(pickle::Type::Storage);
            storage->dtype = dtype;
            storage->numel = numel;
            const size_t itemSize = c10::elementSize(dtype);
            if (static_cast<uint64_t>(numel) > file->size() / std::max<size_t>(itemSize, 1))
                u.fail("storage '" + key + "' is larger than the file");
            const StorageRecord where{record, dtype, numel, bigEndian};
            if (want == TensorData::Read)
                storage->tensor = readStorage(reader, where, name);
            records.emplace(storage.get(), where);
            storages.emplace(key, storage);
            return storage;
        };
        pickle::Unpickler unpickler(static_cast<const unsigned char*>(pickleData.get()), pickleSize, name,
                                    persistentLoad);
        const pickle::Ref root = unpickler.load();
        WeightFile result;
        result.path = file->path();
        result.format = WeightFormat::PthZip;
        std::function<void(NamedTensor&, const pickle::Object&)> onTensor;
        if (want == TensorData::OnDemand)
            onTensor = [&](NamedTensor& entry, const pickle::Object& tensor) {
                entry.fetch = fetcherOf(readerPtr, records.at(tensor.storage.get()), tensor, name);
            };
        result.tensors = stateDictFromPickle(*root, name, result.nestedKey, onTensor);
        return result;
    } catch (const WeightsError&) {
        throw;
    } catch (const c10::Error& e) {
        throw WeightsError(name + ": not a valid PyTorch zip file: " + firstLine(e.what_without_backtrace()));
    } catch (const std::exception& e) {
        throw WeightsError(name + ": not a valid PyTorch zip file: " + firstLine(e.what()));
    }
}

}  // namespace tl
