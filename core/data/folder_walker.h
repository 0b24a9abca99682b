#pragma once

#include "data/dataset_types.h"

#include <filesystem>
#include <set>
#include <vector>

namespace tl {

/// Lists a dataset's folders and image files the way torchvision's ImageFolder does (extensions,
/// order), but ignores hidden entries and follows each directory symlink at most once, so a
/// symlink loop ends instead of recursing until the path is too long.
class FolderWalker {
public:
    /// torchvision's IMG_EXTENSIONS, compared case-insensitively.
    static bool hasImageExtension(const std::filesystem::path& path);
    static bool isHidden(const std::filesystem::path& path);

    /// Non-hidden sub-folders (symlinks to folders included), sorted by code point.
    std::vector<std::filesystem::path> subfolders(const std::filesystem::path& dir);

    /// Image files anywhere below dir, sorted by (folder, name) as torchvision sorts os.walk.
    /// Files without an image extension, empty files and broken links go to skipped.
    std::vector<std::filesystem::path> images(const std::filesystem::path& dir, std::vector<SkippedFile>& skipped);

    int64_t hiddenCount() const { return m_hidden; }

private:
    void walk(const std::filesystem::path& dir, std::vector<std::filesystem::path>& out,
              std::vector<SkippedFile>& skipped, int depth);

    std::set<std::filesystem::path> m_visited;  // canonical folders already walked
    int64_t m_hidden = 0;
};

}  // namespace tl
