#pragma once

#include "data/dataset_types.h"
#include "data/decoded_cache.h"
#include "data/sample_source.h"
#include "data/transform_pipeline.h"

#include <torch/types.h>

#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

namespace tl {

struct LoaderOptions {
    int64_t batchSize = 32;
    bool shuffle = true;
    bool dropLast = false;
    int threads = 2;           // background decode threads
    int prefetchBatches = 4;   // batches built ahead of the consumer
    uint64_t seed = 0;
    int64_t cacheBytes = 0;    // decoded-image cache budget; 0 turns it off
};

/// A collated batch in contiguous memory.
struct Batch {
    torch::Tensor images;   // [N, C, H, W] float32, normalised
    torch::Tensor targets;  // [N] int64 class indices, or [N, H, W] int64 mask indices
    std::vector<int64_t> indices;  // positions in the source, for reports
    int64_t number = 0;            // batch number in the epoch
};

/// Decodes, augments and collates on background threads, prefetching a few batches. The epoch's
/// order comes from (seed, epoch) and each sample's augmentation from (seed, epoch, index), so
/// the batches are identical whatever the thread count or timing. A bad file is skipped, the
/// batch shrinks, and the file is listed in skipped(). Cancel from any thread.
class DataLoader {
public:
    DataLoader(std::shared_ptr<const SampleSource> source, std::shared_ptr<const TransformPipeline> transforms,
               const LoaderOptions& options);
    ~DataLoader();
    DataLoader(const DataLoader&) = delete;
    DataLoader& operator=(const DataLoader&) = delete;

    /// Starts (or restarts) an epoch; the previous one's threads stop first.
    void startEpoch(int64_t epoch);
    /// The next batch in order; blocks while it is being built. Empty at the end of the epoch or
    /// after cancel(). Rethrows an unexpected error of a worker (not a bad file).
    std::optional<Batch> next();
    void cancel();
    bool cancelled() const { return m_cancelled.load(); }

    int64_t batchesPerEpoch() const;
    std::vector<SkippedFile> skipped() const;
    const DecodedCache* cache() const { return m_cache.get(); }

private:
    void stopWorkers();
    void workerLoop();
    Batch buildBatch(int64_t number);
    std::optional<Sample> prepare(size_t index);

    std::shared_ptr<const SampleSource> m_source;
    std::shared_ptr<const TransformPipeline> m_transforms;
    LoaderOptions m_options;
    std::unique_ptr<DecodedCache> m_cache;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<size_t> m_order;
    int64_t m_epoch = 0;
    int64_t m_batches = 0;
    int64_t m_nextToBuild = 0;
    int64_t m_nextToDeliver = 0;
    std::map<int64_t, Batch> m_ready;
    std::exception_ptr m_failure;
    bool m_stop = false;
    std::atomic<bool> m_cancelled{false};
    std::vector<std::thread> m_workers;
    std::set<size_t> m_skippedIndices;
    std::vector<SkippedFile> m_skipped;
};

}  // namespace tl
