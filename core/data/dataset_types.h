#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tl {

enum class Split { Train, Val, Test };
const char* splitName(Split split);

/// A file left out of a dataset, with the reason a user can act on.
struct SkippedFile {
    std::string path;
    std::string reason;
};

/// One image of a classification dataset.
struct ImageItem {
    std::filesystem::path path;
    int label = -1;
    Split split = Split::Train;
};

/// A classification dataset as found on disk: classes in torchvision's ImageFolder order, every
/// usable file with its class and split, and everything left out with its reason.
struct ClassificationIndex {
    std::filesystem::path root;
    bool presplit = false;  // train/ val/ test/ folders were found; otherwise split by fraction
    std::vector<std::string> classes;
    std::vector<ImageItem> items;
    std::vector<SkippedFile> skipped;
    std::vector<std::string> warnings;

    int64_t count(Split split) const;
    std::vector<int64_t> classCounts(Split split) const;
    std::vector<int64_t> classCounts() const;
};

/// One image and its class-index mask.
struct SegmentationItem {
    std::filesystem::path image;
    std::filesystem::path mask;
    Split split = Split::Train;
};

/// A segmentation dataset: images/ and masks/ with matching file stems.
struct SegmentationIndex {
    std::filesystem::path root;
    bool presplit = false;
    std::vector<SegmentationItem> items;
    std::vector<SkippedFile> skipped;
    std::vector<std::string> warnings;

    int64_t count(Split split) const;
};

}  // namespace tl
