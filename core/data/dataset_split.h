#pragma once

#include "data/dataset_types.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace tl {

struct SplitOptions {
    double valFraction = 0.2;
    double testFraction = 0.0;
    uint64_t seed = 0;
    /// Where validation comes from, as the split file records it: "fraction" (held out of the
    /// training images), "split_folders" (a val/ folder inside the dataset), "folder" (a separate
    /// validation folder, `valFolder`) or "none".
    std::string valSource = "fraction";
    std::string valFolder;
};

/// Divides a dataset without split folders into train/val/test, per class (stratified), seeded:
/// the same files and seed give the same split on every machine. Each class keeps at least one
/// training image and, when it has two or more, gets at least one validation image.
/// Does nothing to a dataset whose split came from its folders.
void assignSplit(ClassificationIndex& index, const SplitOptions& options);
void assignSplit(SegmentationIndex& index, const SplitOptions& options);

/// Writes the split as JSON (paths relative to the dataset root), atomically, so a run can be
/// repeated on exactly the same files.
void saveSplit(const ClassificationIndex& index, const std::filesystem::path& file, const SplitOptions& options);

/// Restores a saved split. Files on disk but not in the saved split are left out and reported;
/// files in the split but gone from disk are reported in warnings. Throws DataError for a file
/// that is no split or lists other classes.
void loadSplit(ClassificationIndex& index, const std::filesystem::path& file);

}  // namespace tl
