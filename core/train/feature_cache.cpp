#include "train/feature_cache.h"

#include "common/errors.h"
#include "models/graph_module.h"

#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace tl {

namespace {

std::string nodeOf(const std::string& tensorName)
{
    const auto dot = tensorName.rfind('.');
    return dot == std::string::npos ? tensorName : tensorName.substr(0, dot);
}

}  // namespace

FeatureCache::FeatureCache(FeatureCacheOptions options) : m_options(std::move(options)) {}

FeatureCache::~FeatureCache()
{
    clear();
    if (!m_folder.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(m_folder, ignored);
    }
}

std::vector<std::string> FeatureCache::cutOf(const FreezePlan& plan)
{
    const ArchSpec& spec = plan.spec();
    const std::vector<bool> mask = plan.frozenPrefixMask();
    std::vector<bool> crossing(spec.nodes.size(), false);
    for (size_t i = 0; i < spec.nodes.size(); ++i) {
        if (mask[i])
            continue;
        for (const std::string& in : spec.nodes[i].inputs) {
            const int j = spec.indexOf(in);
            if (mask[size_t(j)])
                crossing[size_t(j)] = true;
        }
    }
    // A frozen output is a cut of its own: evaluation of a fully frozen network needs nothing else.
    std::vector<std::string> outputs{spec.output};
    outputs.insert(outputs.end(), spec.auxOutputs.begin(), spec.auxOutputs.end());
    for (const std::string& out : outputs) {
        const int j = spec.indexOf(out);
        if (mask[size_t(j)])
            crossing[size_t(j)] = true;
    }
    std::vector<std::string> cut;
    bool beyondInput = false;
    for (size_t i = 0; i < spec.nodes.size(); ++i) {
        if (!crossing[i])
            continue;
        cut.push_back(spec.nodes[i].id);
        beyondInput = beyondInput || spec.nodes[i].kind != NodeKind::Input;
    }
    // Caching only the input saves no computation: the decoded-image cache does that job.
    if (!beyondInput)
        cut.clear();
    return cut;
}

std::vector<std::pair<const void*, int64_t>> FeatureCache::fingerprint(const FreezePlan& plan, GraphModule& model) const
{
    // Storage address and version counter of every tensor the prefix reads: loading weights or
    // any in-place update bumps the counter, so a changed prefix is noticed without hashing it.
    const ArchSpec& spec = plan.spec();
    const std::vector<bool> mask = plan.frozenPrefixMask();
    std::vector<std::pair<const void*, int64_t>> print;
    const auto add = [&](const std::string& name, const torch::Tensor& t) {
        const Node* n = spec.find(nodeOf(name));
        if (n && mask[size_t(spec.indexOf(n->id))])
            print.emplace_back(t.data_ptr(), t._version());
    };
    for (const auto& p : model.named_parameters())
        add(p.key(), p.value());
    for (const auto& b : model.named_buffers())
        add(b.key(), b.value());
    return print;
}

bool FeatureCache::bind(const FreezePlan& plan, GraphModule& model)
{
    std::vector<std::string> cut = cutOf(plan);
    std::vector<std::pair<const void*, int64_t>> print = fingerprint(plan, model);
    if (m_bound && (cut != m_cut || print != m_fingerprint)) {
        clear();
        ++m_invalidations;
    }
    m_cut = std::move(cut);
    m_fingerprint = std::move(print);
    m_bound = true;
    return !m_cut.empty();
}

bool FeatureCache::contains(int64_t index) const
{
    return m_memory.count(index) || m_onDisk.count(index);
}

bool FeatureCache::containsAll(const std::vector<int64_t>& indices) const
{
    for (int64_t i : indices)
        if (!contains(i))
            return false;
    return !indices.empty();
}

void FeatureCache::store(const std::vector<int64_t>& indices, const std::vector<torch::Tensor>& cutTensors,
                         const torch::Tensor& targets)
{
    if (indices.empty())
        return;
    if (cutTensors.size() != m_cut.size())
        throw InvalidArgument("feature cache: " + std::to_string(cutTensors.size()) + " tensors for a cut of "
                              + std::to_string(m_cut.size()));
    std::vector<torch::Tensor> batch(cutTensors.begin(), cutTensors.end());
    batch.push_back(targets);
    std::vector<Layout> layout;
    for (const torch::Tensor& t : batch) {
        Layout l;
        l.shape.assign(t.sizes().begin() + 1, t.sizes().end());
        l.dtype = t.scalar_type();
        l.bytes = int64_t(t[0].numel() * t.element_size());
        layout.push_back(std::move(l));
    }
    // Another image size or cut shape makes the stored samples useless for batching with new ones.
    const auto sameLayout = [&] {
        if (layout.size() != m_layout.size())
            return false;
        for (size_t k = 0; k < layout.size(); ++k)
            if (layout[k].shape != m_layout[k].shape || layout[k].dtype != m_layout[k].dtype)
                return false;
        return true;
    };
    if (!m_layout.empty() && !sameLayout())
        clear();
    m_layout = layout;
    int64_t recordBytes = 0;
    for (const Layout& l : m_layout)
        recordBytes += l.bytes;

    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> host;
    for (const torch::Tensor& t : batch)
        host.push_back(t.detach().to(torch::kCPU).contiguous());
    for (size_t i = 0; i < indices.size(); ++i) {
        if (contains(indices[i]))
            continue;
        Record record;
        for (const torch::Tensor& t : host)
            record.push_back(t[int64_t(i)].clone());
        if (m_memoryBytes + recordBytes <= m_options.memoryBytes) {
            m_memory.emplace(indices[i], std::move(record));
            m_memoryBytes += recordBytes;
        } else {
            writeToDisk(indices[i], record);
            m_onDisk.insert(indices[i]);
        }
    }
}

std::filesystem::path FeatureCache::fileOf(int64_t index) const
{
    return m_folder / (std::to_string(index) + ".bin");
}

void FeatureCache::writeToDisk(int64_t index, const Record& record)
{
    if (m_folder.empty()) {
        const std::filesystem::path base = m_options.spillDir.empty() ? std::filesystem::temp_directory_path()
                                                                      : m_options.spillDir;
        std::filesystem::create_directories(base);
        std::string pattern = (base / "feature-cache-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            throw Error(base.string() + ": cannot create a feature cache folder");
        m_folder = pattern;
    }
    // Raw bytes in a fixed layout: every sample has the same shapes, so no header is needed, and
    // the temporary name plus rename means a reader never sees half a sample.
    const std::filesystem::path file = fileOf(index);
    const std::string partial = file.string() + ".partial";
    std::FILE* out = std::fopen(partial.c_str(), "wb");
    if (!out)
        throw Error(partial + ": cannot write cached features");
    bool ok = true;
    for (const torch::Tensor& t : record)
        ok = ok && std::fwrite(t.data_ptr(), 1, size_t(t.nbytes()), out) == size_t(t.nbytes());
    ok = std::fclose(out) == 0 && ok;
    if (!ok) {
        std::filesystem::remove(partial);
        throw Error(partial + ": writing cached features failed (disk full?)");
    }
    std::filesystem::rename(partial, file);
}

FeatureCache::Record FeatureCache::read(int64_t index) const
{
    const auto inMemory = m_memory.find(index);
    if (inMemory != m_memory.end())
        return inMemory->second;
    if (!m_onDisk.count(index))
        throw InvalidArgument("feature cache: sample " + std::to_string(index) + " is not cached");
    const std::string path = fileOf(index).string();
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (!in)
        throw Error(path + ": cached features vanished");
    Record record;
    bool ok = true;
    for (const Layout& l : m_layout) {
        torch::Tensor t = torch::empty(l.shape, torch::TensorOptions().dtype(l.dtype));
        ok = ok && std::fread(t.data_ptr(), 1, size_t(l.bytes), in) == size_t(l.bytes);
        record.push_back(std::move(t));
    }
    std::fclose(in);
    if (!ok)
        throw Error(path + ": cached features are truncated");
    return record;
}

std::map<std::string, torch::Tensor> FeatureCache::features(const std::vector<int64_t>& indices, torch::Device device,
                                                            torch::Tensor* targets) const
{
    std::vector<std::vector<torch::Tensor>> columns(m_cut.size() + 1);
    for (int64_t index : indices) {
        Record record = read(index);
        for (size_t k = 0; k < record.size(); ++k)
            columns[k].push_back(std::move(record[k]));
    }
    std::map<std::string, torch::Tensor> feeds;
    for (size_t k = 0; k < m_cut.size(); ++k)
        feeds[m_cut[k]] = torch::stack(columns[k]).to(device);
    if (targets)
        *targets = torch::stack(columns.back()).to(device);
    return feeds;
}

void FeatureCache::clear()
{
    for (int64_t index : m_onDisk) {
        std::error_code ignored;
        std::filesystem::remove(fileOf(index), ignored);
    }
    m_onDisk.clear();
    m_memory.clear();
    m_memoryBytes = 0;
    m_layout.clear();
}

}  // namespace tl
