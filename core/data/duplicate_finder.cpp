#include "data/duplicate_finder.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <bitset>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace tl {

namespace {

// Thresholds of Thumbnail::sameImage, from measurements: among the demo data's shapes (1,628
// images) the pairs whose hashes are within 7 correlate in layout up to 0.98 but in detail at
// most 0.87. Copies of OpenCV's sample images re-encoded as JPEG (quality 50 to 90), resized to
// 30-50 %, brightened by 25 levels, with 15 % more contrast or slightly blurred keep a layout
// correlation of at least 0.986 and a detail correlation of at least 0.97 for photographs, 0.92
// for a photographed grid of thin lines (sudoku.png), whose finest lines alias differently in a
// JPEG's reduced decode. Detail above 0.90 sits between the two.
constexpr double kMinLayoutCorrelation = 0.90;
constexpr double kMinDetailCorrelation = 0.90;
// Pictures without detail (a gradient, a heavy blur) are told apart by their layout alone.
constexpr double kMinSmoothLayoutCorrelation = 0.995;
constexpr double kFlatStdDev = 1.0;     // grey levels: a blank page, a black frame
constexpr double kSmoothStdDev = 0.5;   // grey levels of detail
constexpr double kFlatMeanDifference = 8.0;

/// Zero mean and unit variance; false (and left empty of meaning) when the spread is below minStdDev.
bool standardise(const cv::Mat& values, std::vector<float>& out, double minStdDev)
{
    cv::Scalar mean, stdDev;
    cv::meanStdDev(values, mean, stdDev);
    out.assign(values.begin<float>(), values.end<float>());
    if (stdDev[0] < minStdDev)
        return false;
    for (float& v : out)
        v = float((v - mean[0]) / stdDev[0]);
    return true;
}

double correlation(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size() || a.empty())
        return 0.0;
    return std::inner_product(a.begin(), a.end(), b.begin(), 0.0) / double(a.size());
}

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

int hammingDistance(uint64_t a, uint64_t b)
{
    return int(std::bitset<64>(a ^ b).count());
}

uint32_t byteOf(uint64_t hash, int byte)
{
    return uint32_t((hash >> (8 * byte)) & 0xFF);
}

/// Pairs of distinct hashes (positions in `hashes`) within maxDistance < 8, each pair once:
/// hashes that close agree on at least one byte, so only bucket mates are compared, and a pair
/// is taken in the bucket of the first byte they agree on.
void forEachNearHashPair(const std::vector<uint64_t>& hashes, int maxDistance,
                         const std::function<void(size_t, size_t, int)>& visit)
{
    for (int byte = 0; byte < 8; ++byte) {
        std::unordered_map<uint32_t, std::vector<size_t>> buckets;
        for (size_t i = 0; i < hashes.size(); ++i)
            buckets[byteOf(hashes[i], byte)].push_back(i);
        for (const auto& [key, bucket] : buckets) {
            for (size_t a = 0; a < bucket.size(); ++a) {
                for (size_t b = a + 1; b < bucket.size(); ++b) {
                    const uint64_t ha = hashes[bucket[a]];
                    const uint64_t hb = hashes[bucket[b]];
                    const int d = hammingDistance(ha, hb);
                    if (d > maxDistance)
                        continue;
                    bool seenBefore = false;
                    for (int earlier = 0; earlier < byte && !seenBefore; ++earlier)
                        seenBefore = byteOf(ha, earlier) == byteOf(hb, earlier);
                    if (!seenBefore)
                        visit(bucket[a], bucket[b], d);
                }
            }
        }
    }
}

}  // namespace

Thumbnail::Thumbnail(const cv::Mat& grey)
{
    if (grey.empty() || grey.type() != CV_8UC1)
        return;
    cv::Mat small;
    cv::resize(grey, small, cv::Size(kSide, kSide), 0, 0, cv::INTER_AREA);
    cv::Mat layout;
    small.convertTo(layout, CV_32F);
    cv::Mat blurred;
    cv::GaussianBlur(layout, blurred, cv::Size(0, 0), 1.0);
    const cv::Mat detail = layout - blurred;
    m_mean = float(cv::mean(layout)[0]);
    m_flat = !standardise(layout, m_layout, kFlatStdDev);
    m_smooth = !standardise(detail, m_detail, kSmoothStdDev);
}

double Thumbnail::layoutCorrelation(const Thumbnail& other) const
{
    return m_flat || other.m_flat ? 0.0 : correlation(m_layout, other.m_layout);
}

double Thumbnail::detailCorrelation(const Thumbnail& other) const
{
    return m_smooth || other.m_smooth ? 0.0 : correlation(m_detail, other.m_detail);
}

bool Thumbnail::sameImage(const Thumbnail& other) const
{
    if (isEmpty() || other.isEmpty())
        return false;
    if (m_flat || other.m_flat)
        return m_flat && other.m_flat && std::abs(m_mean - other.m_mean) <= kFlatMeanDifference;
    const double layout = layoutCorrelation(other);
    if (m_smooth || other.m_smooth)
        return m_smooth && other.m_smooth && layout >= kMinSmoothLayoutCorrelation;
    return layout >= kMinLayoutCorrelation && detailCorrelation(other) >= kMinDetailCorrelation;
}

void DuplicateFinder::add(uint64_t contentHash, uint64_t perceptual, bool hasPerceptual)
{
    m_files.push_back({contentHash, perceptual, hasPerceptual});
}

std::vector<std::vector<size_t>> DuplicateFinder::byContent() const
{
    std::unordered_map<uint64_t, size_t> slot;
    std::vector<std::vector<size_t>> sets;
    for (size_t i = 0; i < m_files.size(); ++i) {
        const auto [it, added] = slot.emplace(m_files[i].content, sets.size());
        if (added)
            sets.emplace_back();
        sets[it->second].push_back(i);
    }
    return sets;  // in order of first files, each ascending, since files are visited in order
}

namespace {

/// The representatives of each distinct perceptual hash, hashes in order of first appearance.
struct HashTable {
    std::vector<uint64_t> hashes;
    std::vector<std::vector<size_t>> files;
};

template <typename Files>
HashTable tableOf(const std::vector<std::vector<size_t>>& sets, const Files& files)
{
    HashTable table;
    std::unordered_map<uint64_t, size_t> slot;
    for (const std::vector<size_t>& set : sets) {
        const size_t r = set.front();
        if (!files[r].hasPerceptual)
            continue;
        const auto [it, added] = slot.emplace(files[r].perceptual, table.hashes.size());
        if (added) {
            table.hashes.push_back(files[r].perceptual);
            table.files.emplace_back();
        }
        table.files[it->second].push_back(r);
    }
    return table;
}

}  // namespace

std::vector<size_t> DuplicateFinder::candidates() const
{
    const HashTable table = tableOf(byContent(), m_files);
    std::vector<bool> marked(table.hashes.size(), false);
    for (size_t h = 0; h < table.files.size(); ++h)
        marked[h] = table.files[h].size() > 1;
    forEachNearHashPair(table.hashes, m_maxDistance, [&](size_t a, size_t b, int) { marked[a] = marked[b] = true; });
    std::vector<size_t> out;
    for (size_t h = 0; h < table.files.size(); ++h)
        if (marked[h])
            out.insert(out.end(), table.files[h].begin(), table.files[h].end());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<DuplicateGroup> DuplicateFinder::groups(const Confirm& confirm) const
{
    const auto same = [&](size_t a, size_t b) { return !confirm || confirm(a, b); };
    std::vector<DuplicateGroup> out;
    const std::vector<std::vector<size_t>> sets = byContent();
    std::unordered_map<size_t, const std::vector<size_t>*> members;
    for (const std::vector<size_t>& set : sets) {
        if (set.size() > 1)
            out.push_back({true, 0, set});
        members[set.front()] = &set;
    }
    const HashTable table = tableOf(sets, m_files);

    Sets joined(m_files.size());
    // Files sharing one hash (blank or flat images all do) are clustered around leaders: each
    // joins the first leader it matches or leads a cluster of its own, so a large bucket of
    // look-alikes costs one comparison per file, and the near search pairs leaders only.
    std::vector<std::vector<size_t>> leaders(table.hashes.size());
    for (size_t h = 0; h < table.files.size(); ++h) {
        for (size_t f : table.files[h]) {
            const auto match = std::find_if(leaders[h].begin(), leaders[h].end(), [&](size_t l) { return same(l, f); });
            if (match == leaders[h].end())
                leaders[h].push_back(f);
            else
                joined.join(*match, f, 0);
        }
    }
    forEachNearHashPair(table.hashes, m_maxDistance, [&](size_t ha, size_t hb, int d) {
        for (size_t a : leaders[ha])
            for (size_t b : leaders[hb])
                if (joined.find(a) != joined.find(b) && same(a, b))
                    joined.join(a, b, d);
    });

    std::map<size_t, std::vector<size_t>> near;
    for (const std::vector<size_t>& set : sets)
        if (m_files[set.front()].hasPerceptual)
            near[joined.find(set.front())].push_back(set.front());
    for (auto& [root, reps] : near) {
        if (reps.size() < 2)
            continue;
        DuplicateGroup group{false, joined.distance(root), {}};
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
