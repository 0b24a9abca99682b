#include "data/decoded_cache.h"

namespace tl {

namespace {

int64_t sampleBytes(const Sample& s)
{
    return int64_t(s.image.total() * s.image.elemSize() + s.mask.total() * s.mask.elemSize());
}

}  // namespace

std::optional<Sample> DecodedCache::find(size_t index)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto found = m_entries.find(index);
    if (found == m_entries.end()) {
        ++m_misses;
        return std::nullopt;
    }
    ++m_hits;
    m_order.splice(m_order.begin(), m_order, found->second.position);
    return found->second.sample;  // shares the pixels; transforms never write into their input
}

void DecodedCache::insert(size_t index, const Sample& sample)
{
    const int64_t size = sampleBytes(sample);
    if (size > m_budget)
        return;
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_entries.count(index))
        return;
    while (m_bytes + size > m_budget && !m_order.empty()) {
        const size_t oldest = m_order.back();
        m_order.pop_back();
        m_bytes -= m_entries.at(oldest).bytes;
        m_entries.erase(oldest);
    }
    m_order.push_front(index);
    m_entries.emplace(index, Entry{sample, size, m_order.begin()});
    m_bytes += size;
}

int64_t DecodedCache::bytes() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_bytes;
}

int64_t DecodedCache::hits() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_hits;
}

int64_t DecodedCache::misses() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_misses;
}

}  // namespace tl
