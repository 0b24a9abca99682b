#include "data/dataset_split.h"

#include "common/errors.h"
#include "data/sample_rng.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace tl {

namespace {

/// Splits one stratum (the item positions of one class) in place.
template <typename Items>
void splitStratum(Items& items, std::vector<size_t> positions, const SplitOptions& options, uint64_t stratum)
{
    SampleRng rng(options.seed, 0, stratum);
    seededShuffle(positions, rng);
    const int64_t n = int64_t(positions.size());
    int64_t nVal = std::llround(double(n) * options.valFraction);
    int64_t nTest = std::llround(double(n) * options.testFraction);
    if (options.valFraction > 0 && n >= 2)
        nVal = std::max<int64_t>(nVal, 1);
    nTest = std::min(nTest, std::max<int64_t>(0, n - 1 - nVal));
    nVal = std::min(nVal, std::max<int64_t>(0, n - 1));
    for (int64_t i = 0; i < n; ++i)
        items[positions[size_t(i)]].split = i < nVal ? Split::Val : (i < nVal + nTest ? Split::Test : Split::Train);
}

std::string relativeKey(const fs::path& path, const fs::path& root)
{
    return path.lexically_relative(root).generic_string();
}

}  // namespace

void assignSplit(ClassificationIndex& index, const SplitOptions& options)
{
    if (index.presplit)
        return;
    std::map<int, std::vector<size_t>> strata;
    for (size_t i = 0; i < index.items.size(); ++i)
        strata[index.items[i].label].push_back(i);
    for (auto& [label, positions] : strata)
        splitStratum(index.items, positions, options, uint64_t(label));
}

void assignSplit(SegmentationIndex& index, const SplitOptions& options)
{
    if (index.presplit)
        return;
    std::vector<size_t> positions(index.items.size());
    for (size_t i = 0; i < positions.size(); ++i)
        positions[i] = i;
    splitStratum(index.items, positions, options, 0);
}

void saveSplit(const ClassificationIndex& index, const fs::path& file, const SplitOptions& options)
{
    nlohmann::json json;
    json["format"] = "transferlab-split";
    json["version"] = 1;
    json["seed"] = options.seed;
    json["valFraction"] = options.valFraction;
    json["testFraction"] = options.testFraction;
    json["validation"] = {{"source", options.valSource}, {"folder", options.valFolder}};
    json["classes"] = index.classes;
    for (Split split : {Split::Train, Split::Val, Split::Test}) {
        nlohmann::json list = nlohmann::json::array();
        for (const ImageItem& item : index.items)
            if (item.split == split)
                list.push_back(relativeKey(item.path, index.root));
        json[splitName(split)] = list;
    }
    const fs::path temporary = file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << json.dump(1) << '\n';
        if (!out.flush())
            throw DataError(file.string() + ": cannot write the split file");
    }
    std::error_code ec;
    fs::rename(temporary, file, ec);
    if (ec)
        throw DataError(file.string() + ": cannot write the split file: " + ec.message());
}

void loadSplit(ClassificationIndex& index, const fs::path& file)
{
    nlohmann::json json;
    try {
        std::ifstream in(file, std::ios::binary);
        if (!in)
            throw DataError(file.string() + ": cannot open the split file");
        json = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw DataError(file.string() + ": not a split file (" + e.what() + ")");
    }
    if (!json.is_object() || json.value("format", "") != "transferlab-split")
        throw DataError(file.string() + ": not a split file");
    if (json.value("classes", std::vector<std::string>{}) != index.classes)
        throw DataError(file.string() + ": the saved split lists other classes than the dataset has now");
    std::map<std::string, Split> saved;
    for (Split split : {Split::Train, Split::Val, Split::Test})
        for (const auto& path : json.value(splitName(split), std::vector<std::string>{}))
            saved[path] = split;
    std::vector<ImageItem> kept;
    for (ImageItem& item : index.items) {
        const auto found = saved.find(relativeKey(item.path, index.root));
        if (found == saved.end()) {
            index.skipped.push_back({item.path.string(), "not in the saved split"});
            continue;
        }
        item.split = found->second;
        saved.erase(found);
        kept.push_back(std::move(item));
    }
    index.items = std::move(kept);
    if (!saved.empty())
        index.warnings.push_back(std::to_string(saved.size()) + " files of the saved split are missing or unusable now");
    index.presplit = true;
}

}  // namespace tl
