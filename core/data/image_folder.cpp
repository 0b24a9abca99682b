#include "data/image_folder.h"

#include "common/errors.h"
#include "data/folder_walker.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace fs = std::filesystem;

namespace tl {

namespace {

struct ClassFiles {
    std::string name;
    std::vector<fs::path> files;
};

std::vector<ClassFiles> listClasses(FolderWalker& walker, const fs::path& dir, std::vector<SkippedFile>& skipped)
{
    std::vector<ClassFiles> classes;
    for (const fs::path& folder : walker.subfolders(dir))
        classes.push_back({folder.filename().string(), walker.images(folder, skipped)});
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code typeError;
        if (!FolderWalker::isHidden(it->path()) && it->is_regular_file(typeError))
            skipped.push_back({it->path().string(), "not inside a class folder"});
    }
    return classes;
}

}  // namespace

bool splitFromFolderName(const std::string& name, Split& split)
{
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (lower == "train" || lower == "training") {
        split = Split::Train;
        return true;
    }
    if (lower == "val" || lower == "valid" || lower == "validation") {
        split = Split::Val;
        return true;
    }
    if (lower == "test" || lower == "testing") {
        split = Split::Test;
        return true;
    }
    return false;
}

ClassificationIndex scanImageFolder(const fs::path& root)
{
    std::error_code ec;
    if (!fs::exists(root, ec))
        throw DataError(root.string() + ": the folder does not exist");
    if (!fs::is_directory(root, ec))
        throw DataError(root.string() + ": not a folder");

    ClassificationIndex index;
    index.root = root;
    FolderWalker walker;
    std::map<Split, fs::path> splitFolders;
    std::vector<fs::path> others;
    for (const fs::path& folder : walker.subfolders(root)) {
        Split split;
        if (splitFromFolderName(folder.filename().string(), split) && !splitFolders.count(split))
            splitFolders[split] = folder;
        else
            others.push_back(folder);
    }
    index.presplit = splitFolders.count(Split::Train) > 0;

    std::map<Split, std::vector<ClassFiles>> found;
    if (index.presplit) {
        for (const auto& [split, folder] : splitFolders)
            found[split] = listClasses(walker, folder, index.skipped);
        for (const fs::path& other : others)
            index.warnings.push_back("folder '" + other.filename().string() +
                                     "' is beside train/ and is not used");
    } else {
        found[Split::Train] = listClasses(walker, root, index.skipped);
    }

    // Classes come from the training folders; an empty one is left out before numbering, so the
    // indices stay dense.
    for (const ClassFiles& c : found[Split::Train]) {
        if (c.files.empty()) {
            index.warnings.push_back("class '" + c.name + "' has no usable image and is left out");
            index.skipped.push_back({(index.presplit ? splitFolders[Split::Train] : root).string() + "/" + c.name,
                                     "empty class folder"});
        } else {
            index.classes.push_back(c.name);
        }
    }
    for (const auto& [split, classes] : found) {
        for (const ClassFiles& c : classes) {
            const auto label = std::find(index.classes.begin(), index.classes.end(), c.name);
            if (label == index.classes.end()) {
                for (const fs::path& file : c.files)
                    index.skipped.push_back({file.string(), "class '" + c.name + "' is not among the training classes"});
                continue;
            }
            for (const fs::path& file : c.files)
                index.items.push_back({file, int(label - index.classes.begin()), split});
        }
    }
    if (walker.hiddenCount() > 0)
        index.warnings.push_back(std::to_string(walker.hiddenCount()) + " hidden files or folders ignored");
    return index;
}

void requireTrainable(const ClassificationIndex& index)
{
    if (index.items.empty())
        throw DataError(index.root.string() + ": no usable image found (" + std::to_string(index.skipped.size()) +
                        " files skipped)");
    if (index.classes.size() < 2)
        throw DataError(index.root.string() + ": only one class ('" + index.classes.front() +
                        "'); a classifier needs at least two class folders");
    if (index.count(Split::Train) == 0)
        throw DataError(index.root.string() + ": no usable training image");
}

}  // namespace tl
