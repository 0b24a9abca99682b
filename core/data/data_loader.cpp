#include "data/data_loader.h"

#include "common/errors.h"

#include <torch/torch.h>

#include <algorithm>

namespace tl {

namespace {

// The stream index of the shuffle, apart from every sample index.
constexpr uint64_t shuffleStream = ~uint64_t(0);

}  // namespace

DataLoader::DataLoader(std::shared_ptr<const SampleSource> source, std::shared_ptr<const TransformPipeline> transforms,
                       const LoaderOptions& options)
    : m_source(std::move(source)), m_transforms(std::move(transforms)), m_options(options)
{
    if (!m_source || !m_transforms)
        throw InvalidArgument("a data loader needs a source and transforms");
    if (m_options.batchSize < 1)
        throw InvalidArgument("batch size must be at least 1");
    m_options.threads = std::max(1, m_options.threads);
    m_options.prefetchBatches = std::max(1, m_options.prefetchBatches);
    if (m_options.cacheBytes > 0)
        m_cache = std::make_unique<DecodedCache>(m_options.cacheBytes);
}

DataLoader::~DataLoader()
{
    stopWorkers();
}

int64_t DataLoader::batchesPerEpoch() const
{
    const int64_t n = int64_t(m_source->size());
    return m_options.dropLast ? n / m_options.batchSize : (n + m_options.batchSize - 1) / m_options.batchSize;
}

void DataLoader::stopWorkers()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    for (std::thread& t : m_workers)
        t.join();
    m_workers.clear();
}

void DataLoader::startEpoch(int64_t epoch)
{
    stopWorkers();
    std::lock_guard<std::mutex> lock(m_mutex);
    m_epoch = epoch;
    m_order.resize(m_source->size());
    for (size_t i = 0; i < m_order.size(); ++i)
        m_order[i] = i;
    if (m_options.shuffle) {
        SampleRng rng(m_options.seed, uint64_t(epoch), shuffleStream);
        seededShuffle(m_order, rng);
    }
    m_batches = batchesPerEpoch();
    m_nextToBuild = 0;
    m_nextToDeliver = 0;
    m_ready.clear();
    m_failure = nullptr;
    m_stop = false;
    m_cancelled = false;
    for (int i = 0; i < m_options.threads; ++i)
        m_workers.emplace_back([this] { workerLoop(); });
}

void DataLoader::cancel()
{
    m_cancelled = true;
    m_changed.notify_all();
}

std::optional<Batch> DataLoader::next()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (m_nextToDeliver < m_batches) {
        m_changed.wait(lock, [this] {
            return m_cancelled || m_failure || m_ready.count(m_nextToDeliver) > 0 || m_workers.empty();
        });
        if (m_cancelled)
            return std::nullopt;
        if (m_failure)
            std::rethrow_exception(m_failure);
        if (m_workers.empty())
            return std::nullopt;  // no epoch started
        Batch batch = std::move(m_ready.at(m_nextToDeliver));
        m_ready.erase(m_nextToDeliver++);
        m_changed.notify_all();
        if (!batch.indices.empty())
            return batch;
        // Every file of this batch was bad: go on with the next one.
    }
    return std::nullopt;
}

void DataLoader::workerLoop()
{
    while (true) {
        int64_t number = 0;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] {
                return m_stop || m_cancelled || m_failure || m_nextToBuild >= m_batches ||
                       m_nextToBuild < m_nextToDeliver + m_options.prefetchBatches;
            });
            if (m_stop || m_cancelled || m_failure || m_nextToBuild >= m_batches)
                return;
            number = m_nextToBuild++;
        }
        try {
            Batch batch = buildBatch(number);
            std::lock_guard<std::mutex> lock(m_mutex);
            m_ready.emplace(number, std::move(batch));
        } catch (...) {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (!m_failure)
                m_failure = std::current_exception();
        }
        m_changed.notify_all();
    }
}

std::optional<Sample> DataLoader::prepare(size_t index)
{
    try {
        std::optional<Sample> sample = m_cache ? m_cache->find(index) : std::nullopt;
        if (!sample) {
            sample = m_source->load(index);
            if (m_cache)
                m_cache->insert(index, *sample);
        }
        SampleRng rng(m_options.seed, uint64_t(m_epoch), index);
        m_transforms->apply(*sample, rng);
        return sample;
    } catch (const DataError& e) {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_skippedIndices.insert(index).second) {
            const std::string path = m_source->path(index);
            std::string reason = e.what();
            if (reason.compare(0, path.size() + 2, path + ": ") == 0)
                reason.erase(0, path.size() + 2);
            m_skipped.push_back({path, reason});
        }
        return std::nullopt;
    }
}

Batch DataLoader::buildBatch(int64_t number)
{
    const size_t begin = size_t(number * m_options.batchSize);
    const size_t end = std::min(m_order.size(), begin + size_t(m_options.batchSize));
    std::vector<Sample> samples;
    Batch batch;
    batch.number = number;
    for (size_t i = begin; i < end && !m_cancelled; ++i) {
        if (std::optional<Sample> s = prepare(m_order[i])) {
            samples.push_back(std::move(*s));
            batch.indices.push_back(int64_t(m_order[i]));
        }
    }
    const int64_t n = int64_t(samples.size());
    const int64_t c = m_transforms->channels();
    const int64_t h = m_transforms->outputHeight();
    const int64_t w = m_transforms->outputWidth();
    batch.images = torch::empty({n, c, h, w}, torch::kFloat32);
    float* images = batch.images.data_ptr<float>();
    const bool masks = m_source->hasMasks();
    batch.targets = masks ? torch::empty({n, h, w}, torch::kInt64) : torch::empty({n}, torch::kInt64);
    int64_t* targets = batch.targets.data_ptr<int64_t>();
    for (int64_t i = 0; i < n; ++i) {
        m_transforms->writeImage(samples[size_t(i)].image, images + i * c * h * w);
        if (masks)
            TransformPipeline::writeMask(samples[size_t(i)].mask, targets + i * h * w);
        else
            targets[i] = samples[size_t(i)].label;
    }
    return batch;
}

std::vector<SkippedFile> DataLoader::skipped() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_skipped;
}

}  // namespace tl
