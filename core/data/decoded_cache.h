#pragma once

#include "data/transforms.h"

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace tl {

/// Decoded samples kept in memory under a byte budget, least recently used out first, so later
/// epochs skip reading and decoding. Thread-safe; stores the untransformed decode, which every
/// epoch's augmentation starts from.
class DecodedCache {
public:
    explicit DecodedCache(int64_t budgetBytes) : m_budget(budgetBytes) {}

    std::optional<Sample> find(size_t index);
    void insert(size_t index, const Sample& sample);

    int64_t bytes() const;
    int64_t hits() const;
    int64_t misses() const;

private:
    using Order = std::list<size_t>;
    struct Entry {
        Sample sample;
        int64_t bytes;
        Order::iterator position;
    };

    mutable std::mutex m_mutex;
    int64_t m_budget;
    int64_t m_bytes = 0;
    int64_t m_hits = 0;
    int64_t m_misses = 0;
    Order m_order;  // front: most recently used
    std::unordered_map<size_t, Entry> m_entries;
};

}  // namespace tl
