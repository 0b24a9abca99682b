#pragma once

#include "train/freeze_plan.h"

#include <torch/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace tl {

class GraphModule;

struct FeatureCacheOptions {
    int64_t memoryBytes = int64_t(1) << 30;  // beyond this, samples go to disk
    std::filesystem::path spillDir;          // where the disk part lives; empty: the system temp dir
};

/// The outputs of a network's frozen prefix, per sample: computed in the first epoch and fed to
/// the trainable rest afterwards, so a linear probe costs one backbone pass instead of one per
/// epoch. The cut is every tensor crossing from the frozen prefix to the trainable part. Samples
/// live in memory up to a byte budget, then in one file each under a private folder that is
/// removed with the cache. The contents are dropped when the cut or the prefix's weights change.
/// Valid only for inputs that are the same every epoch (no random augmentation): the caller decides.
class FeatureCache {
public:
    explicit FeatureCache(FeatureCacheOptions options = {});
    ~FeatureCache();
    FeatureCache(const FeatureCache&) = delete;
    FeatureCache& operator=(const FeatureCache&) = delete;

    /// The nodes whose outputs cross from the frozen prefix into the trainable part (or are a
    /// frozen network output), in graph order. Empty when nothing but the input is frozen.
    static std::vector<std::string> cutOf(const FreezePlan& plan);

    /// Checks the cut and the frozen weights against what the contents were computed with and
    /// drops them when either changed (gradual unfreezing, loaded weights). False when there is
    /// nothing worth caching under this plan.
    bool bind(const FreezePlan& plan, GraphModule& model);
    const std::vector<std::string>& cut() const { return m_cut; }

    bool contains(int64_t index) const;
    bool containsAll(const std::vector<int64_t>& indices) const;

    /// Keeps sample `indices[i]`: row i of every cut tensor (in cut() order) and of `targets`.
    void store(const std::vector<int64_t>& indices, const std::vector<torch::Tensor>& cutTensors,
               const torch::Tensor& targets);
    /// The cut tensors of `indices` by node id, batched in that order, on `device`, and their
    /// targets when asked for; all must be contained.
    std::map<std::string, torch::Tensor> features(const std::vector<int64_t>& indices, torch::Device device,
                                                  torch::Tensor* targets = nullptr) const;

    void clear();
    int64_t size() const { return int64_t(m_memory.size() + m_onDisk.size()); }
    int64_t samplesOnDisk() const { return int64_t(m_onDisk.size()); }
    int64_t memoryBytes() const { return m_memoryBytes; }
    /// How often the contents were dropped because the plan or the frozen weights changed.
    int invalidations() const { return m_invalidations; }
    /// The folder holding the disk part; empty until something was spilled.
    const std::filesystem::path& spillFolder() const { return m_folder; }

private:
    struct Layout {
        std::vector<int64_t> shape;  // one sample, without the batch dimension
        torch::ScalarType dtype = torch::kFloat32;
        int64_t bytes = 0;
    };
    using Record = std::vector<torch::Tensor>;  // cut tensors, then the target

    Record read(int64_t index) const;
    void writeToDisk(int64_t index, const Record& record);
    std::filesystem::path fileOf(int64_t index) const;
    std::vector<std::pair<const void*, int64_t>> fingerprint(const FreezePlan& plan, GraphModule& model) const;

    FeatureCacheOptions m_options;
    std::vector<std::string> m_cut;
    std::vector<std::pair<const void*, int64_t>> m_fingerprint;  // (storage, version) of frozen tensors
    bool m_bound = false;
    std::vector<Layout> m_layout;  // per cut tensor and the target
    std::unordered_map<int64_t, Record> m_memory;
    std::unordered_set<int64_t> m_onDisk;
    int64_t m_memoryBytes = 0;
    std::filesystem::path m_folder;
    int m_invalidations = 0;
};

}  // namespace tl
