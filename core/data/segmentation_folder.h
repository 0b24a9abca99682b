#pragma once

#include "data/dataset_types.h"

#include <filesystem>

namespace tl {

/// True when root holds images/ and masks/, directly or inside train/.
bool looksLikeSegmentation(const std::filesystem::path& root);

/// Pairs images/ with masks/ by their path without extension (sub-folders allowed), in root or
/// in each of train/ val/ test/. An image without a mask, a mask without an image and a mask
/// whose size differs from its image (read from the headers) are reported and left out.
/// Throws DataError when root does not exist or has no images/ and masks/.
SegmentationIndex scanSegmentationFolder(const std::filesystem::path& root);

}  // namespace tl
