#pragma once

#include "data/dataset_types.h"

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace tl {

struct HealthOptions {
    bool decode = true;  // decode every image: finds corrupt files and near-duplicates; slower
    int threads = 2;
    int64_t maxPixels = 100'000'000;
    // Hamming distance between 64-bit perceptual hashes that makes two files candidates; each
    // candidate pair is then confirmed by comparing thumbnails, so the distance can be generous.
    int nearDuplicateDistance = 7;
    double imbalanceWarning = 5.0;  // largest class / smallest class
    std::function<void(int64_t done, int64_t total)> progress;  // called on the calling thread
    const std::atomic<bool>* cancel = nullptr;
};

/// A duplicate group as the report shows it.
struct DuplicateReport {
    bool exact = true;
    int distance = 0;
    bool crossSplit = false;  // straddles train and val/test: the validation score is inflated
    bool crossClass = false;  // one image with two labels
    std::vector<std::string> paths;
    std::vector<Split> splits;
};

struct ClassReport {
    std::string name;
    int64_t count = 0;
    std::map<Split, int64_t> perSplit;
};

/// Everything a user should know about a dataset before training on it.
struct HealthReport {
    std::string root;
    std::string kind;  // "classification" or "segmentation"
    bool presplit = false;
    std::vector<ClassReport> classes;
    int64_t images = 0;
    std::map<Split, int64_t> splits;
    double imbalance = 0;  // largest class / smallest class
    int64_t minWidth = 0, maxWidth = 0, medianWidth = 0;
    int64_t minHeight = 0, maxHeight = 0, medianHeight = 0;
    std::map<std::string, int64_t> storage;  // "grey", "rgb", "rgba", "grey+alpha", "palette", "cmyk", "16-bit"
    std::vector<DuplicateReport> duplicates;
    std::vector<SkippedFile> skipped;
    std::vector<std::string> warnings;
    std::vector<std::string> errors;  // why the dataset cannot train; empty when it can
    bool cancelled = false;
};

/// Scans a classification or segmentation folder (detected from its layout) and checks every
/// file: header, size, channels, content hash and, with decode, full decoding and perceptual
/// hash. A flat classification folder is split with SplitOptions' defaults to find leaks.
/// Throws DataError only when root does not exist.
HealthReport checkDataset(const std::filesystem::path& root, const HealthOptions& options = {});

/// {"root", "kind", "classes": [{"name", "count", ...}], "images", "splits", "skipped":
/// [{"path", "reason"}], "warnings", "duplicates", "sizes", "storage", "errors"}.
nlohmann::json healthReportJson(const HealthReport& report);

}  // namespace tl
