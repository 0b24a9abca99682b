#pragma once

#include "data/dataset_types.h"

#include <filesystem>

namespace tl {

/// Makes the images of a separate validation folder (`data.val`) the validation split of a
/// dataset. The folder holds class folders, or train/ val/ folders whose val/ is taken. Its
/// classes must be the training classes (same names, so the same order); the training folder's
/// own val/ folder, if any, is left out then, and said so in the index's warnings.
/// Throws DataError naming the folder and the missing or extra classes.
void useValidationFolder(ClassificationIndex& index, const std::filesystem::path& valRoot);

/// The same for image/mask pairs: `valRoot` holds images/ and masks/ (or a val/ with both).
/// When both folders name their classes in classes.txt, the names must agree.
void useValidationFolder(SegmentationIndex& index, const std::filesystem::path& valRoot);

}  // namespace tl
