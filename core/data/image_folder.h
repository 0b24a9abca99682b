#pragma once

#include "data/dataset_types.h"

#include <filesystem>

namespace tl {

/// Finds a classification dataset under root. Classes are the sub-folders sorted by code point
/// (torchvision's ImageFolder order, so class indices match a model trained there); images are
/// found recursively inside each class. When root holds train/ and val/ (or valid/, validation/)
/// and test/, those splits are used; otherwise every image starts in Train and assignSplit
/// divides them. Unlike torchvision, hidden files and folders are ignored and an empty class
/// folder is reported and left out instead of failing the whole dataset.
/// Throws DataError only when root does not exist or is no folder.
ClassificationIndex scanImageFolder(const std::filesystem::path& root);

/// Throws DataError with one clear sentence when the dataset cannot train a classifier:
/// no usable image, or fewer than two classes.
void requireTrainable(const ClassificationIndex& index);

/// The split folder a name stands for ("train", "val", "valid", "validation", "test", any case).
bool splitFromFolderName(const std::string& name, Split& split);

}  // namespace tl
