#pragma once

#include "data/dataset_split.h"
#include "data/dataset_types.h"
#include "data/image_decoder.h"

#include <filesystem>
#include <string>

namespace tl {

struct Experiment;

/// Throws ExperimentError when the experiment's task, its architecture's output (one score per
/// image or one per pixel) and the layout of its data folder disagree, before anything is trained.
void requireTaskFits(const Experiment& experiment);

/// The highest class index in the masks of `index`, unlabelled pixels (255) aside; -1 when no mask
/// holds a labelled pixel. Masks that cannot be read are passed over (the loader reports them);
/// `where` receives a mask that holds the highest index.
int64_t highestMaskClass(const SegmentationIndex& index, const DecodeOptions& options, std::string* where = nullptr);

/// Writes which image went to which split (paths relative to the dataset root), atomically.
void saveSegmentationSplit(const SegmentationIndex& index, const std::filesystem::path& file,
                           const SplitOptions& options);
/// Restores a saved split; pairs on disk but not in the file are left out and reported as skipped.
/// Throws DataError for a file that is no segmentation split.
void loadSegmentationSplit(SegmentationIndex& index, const std::filesystem::path& file);

}  // namespace tl
