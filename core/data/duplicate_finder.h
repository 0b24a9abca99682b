#pragma once

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <functional>
#include <vector>

namespace tl {

/// A set of files that are the same image: byte-identical (exact) or near (re-encoded, resized,
/// lightly edited): perceptual hashes within a small Hamming distance, confirmed by comparing the
/// pictures themselves.
struct DuplicateGroup {
    bool exact = true;
    int distance = 0;             // largest Hamming distance that joined the group
    std::vector<size_t> members;  // positions in the caller's file list
};

/// A 32x32 grey copy of an image, normalised for comparing: its overall layout and its fine
/// detail (the thumbnail less a blurred copy of itself), each as zero mean and unit variance.
class Thumbnail {
public:
    Thumbnail() = default;
    /// From an 8-bit grey image of any size (CV_8UC1).
    explicit Thumbnail(const cv::Mat& grey);

    bool isEmpty() const { return m_layout.empty(); }
    /// Whether two thumbnails show the same picture. The layout and the detail must both
    /// correlate closely; normalising makes brightness and contrast changes irrelevant. Images
    /// of one style (same kind of background, same kind of shape) share a layout but not their
    /// detail, which is what tells them apart.
    bool sameImage(const Thumbnail& other) const;
    /// Pearson correlations with other, -1..1 (0 when either side is flat).
    double layoutCorrelation(const Thumbnail& other) const;
    double detailCorrelation(const Thumbnail& other) const;

    static constexpr int kSide = 32;

private:
    std::vector<float> m_layout;
    std::vector<float> m_detail;
    float m_mean = 0;
    bool m_flat = false;        // one grey level throughout
    bool m_smooth = false;      // no detail: a gradient or a blur
};

/// Groups files by content hash and by 64-bit perceptual hash. Near-duplicate search uses the
/// pigeonhole principle (hashes within distance d < 8 agree on at least one of their 8 bytes), so
/// it looks at bucket mates only instead of all pairs: fast on 100,000 files. A hash match alone
/// is not proof (similar drawings on similar backgrounds share hashes), so each one is confirmed
/// by the caller's finer check before files are grouped.
class DuplicateFinder {
public:
    explicit DuplicateFinder(int maxDistance = 7) : m_maxDistance(maxDistance < 7 ? maxDistance : 7) {}

    /// contentHash: hash of the file bytes (with its size mixed in); perceptual: 0 when unknown.
    void add(uint64_t contentHash, uint64_t perceptual, bool hasPerceptual);

    /// The files (positions, ascending) that groups() may ask `confirm` about: those with a
    /// perceptual hash near another file's. Few in a clean dataset, so the caller can look at
    /// just these once more instead of keeping a thumbnail of every file.
    std::vector<size_t> candidates() const;

    /// Whether two files with near hashes are the same image; empty: every hash match is.
    using Confirm = std::function<bool(size_t a, size_t b)>;
    std::vector<DuplicateGroup> groups(const Confirm& confirm = {}) const;

private:
    struct File {
        uint64_t content;
        uint64_t perceptual;
        bool hasPerceptual;
    };
    /// The files by content, each set ascending, the sets by their first file; that first file
    /// stands for the set in the near search.
    std::vector<std::vector<size_t>> byContent() const;

    std::vector<File> m_files;
    int m_maxDistance;
};

}  // namespace tl
