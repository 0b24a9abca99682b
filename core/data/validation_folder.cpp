#include "data/validation_folder.h"

#include "common/errors.h"
#include "data/image_folder.h"
#include "data/segmentation_folder.h"

#include <algorithm>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace tl {

namespace {

std::string quotedList(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "'" : ", '") + n + "'";
    return out;
}

void requireSameClasses(const std::vector<std::string>& train, const std::vector<std::string>& val,
                        const fs::path& trainRoot, const fs::path& valRoot)
{
    if (train == val)
        return;
    const std::set<std::string> t(train.begin(), train.end());
    const std::set<std::string> v(val.begin(), val.end());
    std::vector<std::string> missing;
    std::vector<std::string> extra;
    std::set_difference(t.begin(), t.end(), v.begin(), v.end(), std::back_inserter(missing));
    std::set_difference(v.begin(), v.end(), t.begin(), t.end(), std::back_inserter(extra));
    std::string why;
    if (!missing.empty())
        why += "it lacks the training class" + std::string(missing.size() > 1 ? "es " : " ") + quotedList(missing);
    if (!extra.empty())
        why += std::string(why.empty() ? "it has " : "; it has ") + "the class" + (extra.size() > 1 ? "es " : " ")
             + quotedList(extra) + " that " + trainRoot.string() + " does not have";
    if (why.empty())
        why = "its classes come in another order";
    throw DataError(valRoot.string() + ": the validation folder's classes differ from the training folder's: " + why);
}

/// Keeps the items that are not validation; says so when the training folder had its own.
template <typename Items>
void dropOwnValidation(Items& items, std::vector<std::string>& warnings, const fs::path& valRoot)
{
    const auto isVal = [](const auto& item) { return item.split == Split::Val; };
    const auto own = std::count_if(items.begin(), items.end(), isVal);
    items.erase(std::remove_if(items.begin(), items.end(), isVal), items.end());
    if (own > 0)
        warnings.push_back(std::to_string(own) + " images of the training folder's own validation split are not used: "
                           + valRoot.string() + " is the validation folder");
}

std::vector<std::string> classNamesFile(const fs::path& root)
{
    std::vector<std::string> names;
    std::ifstream in(root / "classes.txt");
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        names.push_back(line);
    }
    return names;
}

}  // namespace

void useValidationFolder(ClassificationIndex& index, const fs::path& valRoot)
{
    ClassificationIndex val = scanImageFolder(valRoot);
    requireSameClasses(index.classes, val.classes, index.root, valRoot);
    const bool hasValSplit = std::any_of(val.items.begin(), val.items.end(),
                                         [](const ImageItem& i) { return i.split == Split::Val; });
    if (val.presplit && !hasValSplit)
        throw DataError(valRoot.string() + ": has split folders but no val/ folder to validate on");
    dropOwnValidation(index.items, index.warnings, valRoot);
    for (ImageItem& item : val.items) {
        if (val.presplit && item.split != Split::Val)
            continue;
        item.split = Split::Val;
        index.items.push_back(std::move(item));
    }
    for (SkippedFile& s : val.skipped)
        index.skipped.push_back(std::move(s));
    if (!std::any_of(index.items.begin(), index.items.end(), [](const ImageItem& i) { return i.split == Split::Val; }))
        throw DataError(valRoot.string() + ": the validation folder holds no usable image");
    // The split is given by the folders now; no fraction of the training images is held out.
    index.presplit = true;
}

void useValidationFolder(SegmentationIndex& index, const fs::path& valRoot)
{
    SegmentationIndex val = scanSegmentationFolder(valRoot);
    const std::vector<std::string> trainNames = classNamesFile(index.root);
    const std::vector<std::string> valNames = classNamesFile(valRoot);
    if (!trainNames.empty() && !valNames.empty())
        requireSameClasses(trainNames, valNames, index.root, valRoot);
    dropOwnValidation(index.items, index.warnings, valRoot);
    for (SegmentationItem& item : val.items) {
        if (val.presplit && item.split != Split::Val)
            continue;
        item.split = Split::Val;
        index.items.push_back(std::move(item));
    }
    for (SkippedFile& s : val.skipped)
        index.skipped.push_back(std::move(s));
    if (!std::any_of(index.items.begin(), index.items.end(), [](const SegmentationItem& i) { return i.split == Split::Val; }))
        throw DataError(valRoot.string() + ": the validation folder holds no usable image/mask pair");
    index.presplit = true;
}

}  // namespace tl
