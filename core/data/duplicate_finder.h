#pragma once

#include <cstdint>
#include <vector>

namespace tl {

/// A set of files that are the same image: byte-identical (exact) or with perceptual hashes
/// within a small Hamming distance (near: re-encoded, resized, lightly edited).
struct DuplicateGroup {
    bool exact = true;
    int distance = 0;             // largest Hamming distance that joined the group
    std::vector<size_t> members;  // positions in the caller's file list
};

/// Groups files by content hash and by 64-bit perceptual hash. Near-duplicate search uses the
/// pigeonhole principle (hashes within distance d < 8 agree on at least one of their 8 bytes), so
/// it looks at bucket mates only instead of all pairs: fast on 100,000 files.
class DuplicateFinder {
public:
    explicit DuplicateFinder(int maxDistance = 6) : m_maxDistance(maxDistance < 7 ? maxDistance : 7) {}

    /// contentHash: hash of the file bytes (with its size mixed in); perceptual: 0 when unknown.
    void add(uint64_t contentHash, uint64_t perceptual, bool hasPerceptual);
    std::vector<DuplicateGroup> groups() const;

private:
    struct File {
        uint64_t content;
        uint64_t perceptual;
        bool hasPerceptual;
    };
    std::vector<File> m_files;
    int m_maxDistance;
};

}  // namespace tl
