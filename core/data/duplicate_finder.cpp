#include "data/duplicate_finder.h"

#include <algorithm>
#include <bitset>
#include <numeric>
#include <unordered_map>

namespace tl {

namespace {

/// Union-find over file positions, remembering the largest distance that joined each set.
class Sets {
public:
    explicit Sets(size_t n) : m_parent(n), m_distance(n, 0) { std::iota(m_parent.begin(), m_parent.end(), size_t(0)); }
    size_t find(size_t i)
    {
        while (m_parent[i] != i)
            i = m_parent[i] = m_parent[m_parent[i]];
        return i;
    }
    void join(size_t a, size_t b, int distance)
    {
        a = find(a);
        b = find(b);
        const int d = std::max({m_distance[a], m_distance[b], distance});
        m_parent[b] = a;
        m_distance[a] = d;
    }
    int distance(size_t root) const { return m_distance[root]; }

private:
    std::vector<size_t> m_parent;
    std::vector<int> m_distance;
};

}  // namespace

void DuplicateFinder::add(uint64_t contentHash, uint64_t perceptual, bool hasPerceptual)
{
    m_files.push_back({contentHash, perceptual, hasPerceptual});
}

std::vector<DuplicateGroup> DuplicateFinder::groups() const
{
    std::vector<DuplicateGroup> out;
    // Exact groups first; one representative of each takes part in the near search.
    std::unordered_map<uint64_t, std::vector<size_t>> byContent;
    for (size_t i = 0; i < m_files.size(); ++i)
        byContent[m_files[i].content].push_back(i);
    std::vector<size_t> representatives;
    std::unordered_map<size_t, const std::vector<size_t>*> members;
    for (const auto& [hash, files] : byContent) {
        if (files.size() > 1)
            out.push_back({true, 0, files});
        representatives.push_back(files.front());
        members[files.front()] = &files;
    }
    std::sort(representatives.begin(), representatives.end());

    Sets sets(m_files.size());
    // Equal perceptual hashes join at once (blank or flat images all share one), so the buckets
    // below hold one file per distinct hash and stay small.
    std::unordered_map<uint64_t, size_t> byPerceptual;
    std::vector<size_t> distinct;
    for (size_t r : representatives) {
        if (!m_files[r].hasPerceptual)
            continue;
        const auto [it, added] = byPerceptual.emplace(m_files[r].perceptual, r);
        if (added)
            distinct.push_back(r);
        else
            sets.join(it->second, r, 0);
    }
    for (int byte = 0; byte < 8; ++byte) {
        std::unordered_map<uint32_t, std::vector<size_t>> buckets;
        for (size_t r : distinct)
            buckets[uint32_t((m_files[r].perceptual >> (8 * byte)) & 0xFF)].push_back(r);
        for (const auto& [key, bucket] : buckets) {
            for (size_t a = 0; a < bucket.size(); ++a) {
                for (size_t b = a + 1; b < bucket.size(); ++b) {
                    const int d = int(std::bitset<64>(m_files[bucket[a]].perceptual ^ m_files[bucket[b]].perceptual).count());
                    if (d <= m_maxDistance && sets.find(bucket[a]) != sets.find(bucket[b]))
                        sets.join(bucket[a], bucket[b], d);
                }
            }
        }
    }
    std::unordered_map<size_t, std::vector<size_t>> near;
    for (size_t r : representatives)
        near[sets.find(r)].push_back(r);
    for (auto& [root, reps] : near) {
        if (reps.size() < 2)
            continue;
        DuplicateGroup group{false, sets.distance(root), {}};
        for (size_t r : reps)
            group.members.insert(group.members.end(), members[r]->begin(), members[r]->end());
        std::sort(group.members.begin(), group.members.end());
        out.push_back(std::move(group));
    }
    std::sort(out.begin(), out.end(), [](const DuplicateGroup& a, const DuplicateGroup& b) {
        return a.members.front() != b.members.front() ? a.members.front() < b.members.front() : a.exact > b.exact;
    });
    return out;
}

}  // namespace tl
