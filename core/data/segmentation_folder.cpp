#include "data/segmentation_folder.h"

#include "common/errors.h"
#include "data/folder_walker.h"
#include "data/image_decoder.h"
#include "data/image_folder.h"

#include <algorithm>
#include <map>

namespace fs = std::filesystem;

namespace tl {

namespace {

bool hasPair(const fs::path& dir)
{
    std::error_code ec;
    return fs::is_directory(dir / "images", ec) && fs::is_directory(dir / "masks", ec);
}

std::string stemKey(const fs::path& file, const fs::path& base)
{
    fs::path relative = file.lexically_relative(base);
    relative.replace_extension();
    return relative.generic_string();
}

void pairFolder(const fs::path& dir, Split split, SegmentationIndex& index)
{
    FolderWalker walker;
    const std::vector<fs::path> images = walker.images(dir / "images", index.skipped);
    std::map<std::string, fs::path> masks;
    for (const fs::path& mask : walker.images(dir / "masks", index.skipped)) {
        const std::string key = stemKey(mask, dir / "masks");
        if (!masks.emplace(key, mask).second)
            index.skipped.push_back({mask.string(), "a second mask for the same image name"});
    }
    for (const fs::path& image : images) {
        const auto found = masks.find(stemKey(image, dir / "images"));
        if (found == masks.end()) {
            index.skipped.push_back({image.string(), "no mask with the same name in masks/"});
            continue;
        }
        const fs::path mask = found->second;
        masks.erase(found);
        ImageHeader imageHeader;
        ImageHeader maskHeader;
        std::string reason;
        if (!probeImageFile(image, imageHeader, reason)) {
            index.skipped.push_back({image.string(), reason});
            continue;
        }
        if (!probeImageFile(mask, maskHeader, reason)) {
            index.skipped.push_back({mask.string(), reason});
            continue;
        }
        if (imageHeader.width != maskHeader.width || imageHeader.height != maskHeader.height) {
            index.skipped.push_back({mask.string(), "mask is " + std::to_string(maskHeader.width) + "x" +
                                                        std::to_string(maskHeader.height) + " but its image is " +
                                                        std::to_string(imageHeader.width) + "x" +
                                                        std::to_string(imageHeader.height)});
            continue;
        }
        index.items.push_back({image, mask, split});
    }
    for (const auto& [key, mask] : masks)
        index.skipped.push_back({mask.string(), "mask without an image of the same name"});
}

}  // namespace

bool looksLikeSegmentation(const fs::path& root)
{
    if (hasPair(root))
        return true;
    std::error_code ec;
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        Split split;
        if (splitFromFolderName(it->path().filename().string(), split) && split == Split::Train && hasPair(it->path()))
            return true;
    }
    return false;
}

SegmentationIndex scanSegmentationFolder(const fs::path& root)
{
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw DataError(root.string() + ": the folder does not exist");
    SegmentationIndex index;
    index.root = root;
    if (hasPair(root)) {
        pairFolder(root, Split::Train, index);
    } else {
        for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
            Split split;
            if (splitFromFolderName(it->path().filename().string(), split) && hasPair(it->path())) {
                index.presplit = true;
                pairFolder(it->path(), split, index);
            }
        }
        if (!index.presplit)
            throw DataError(root.string() + ": no images/ and masks/ folders for segmentation");
    }
    std::sort(index.items.begin(), index.items.end(),
              [](const SegmentationItem& a, const SegmentationItem& b) { return a.image < b.image; });
    return index;
}

}  // namespace tl
