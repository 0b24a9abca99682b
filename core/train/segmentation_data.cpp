#include "train/segmentation_data.h"

#include "common/errors.h"
#include "data/segmentation_folder.h"
#include "models/zoo.h"
#include "train/experiment.h"
#include "train/segmentation_loss.h"
#include "weights/atomic_file.h"

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;

namespace tl {

namespace {

constexpr const char* kSplitFormat = "transferlab-segmentation-split";

}  // namespace

void requireTaskFits(const Experiment& e)
{
    BuildOptions options;
    options.numClasses = 2;
    options.inChannels = e.model.inChannels;
    const bool perPixel = buildArch(e.model.arch, options).segmentation;
    const bool segmentation = e.task == ExperimentTask::Segmentation;
    if (segmentation && !perPixel)
        throw ExperimentError("/model/arch: " + e.model.arch
                              + " gives one score per image; \"task\": \"segmentation\" needs a per-pixel model such as unet");
    if (!segmentation && perPixel)
        throw ExperimentError("/model/arch: " + e.model.arch
                              + " gives a score per pixel; set \"task\": \"segmentation\" to train it on image/mask pairs");
    std::error_code ec;
    if (!segmentation && !e.data.train.empty() && fs::is_directory(e.data.train, ec) && looksLikeSegmentation(e.data.train))
        throw ExperimentError(e.data.train + ": holds images/ and masks/, a segmentation dataset; set \"task\": "
                              "\"segmentation\" and a per-pixel model such as unet");
}

int64_t highestMaskClass(const SegmentationIndex& index, const DecodeOptions& options, std::string* where)
{
    int64_t highest = -1;
    for (const SegmentationItem& item : index.items) {
        cv::Mat mask;
        try {
            mask = decodeMask(readFileBytes(item.mask, options.maxFileBytes), options);
        } catch (const DataError&) {
            continue;
        }
        cv::Mat labelled = mask.clone();
        labelled.setTo(0, mask == double(kIgnoreIndex));
        double low = 0;
        double high = 0;
        cv::minMaxLoc(labelled, &low, &high);
        if (cv::countNonZero(mask != double(kIgnoreIndex)) > 0 && int64_t(high) > highest) {
            highest = int64_t(high);
            if (where)
                *where = item.mask.string();
        }
    }
    return highest;
}

void saveSegmentationSplit(const SegmentationIndex& index, const fs::path& file, const SplitOptions& options)
{
    nlohmann::json json{{"format", kSplitFormat},
                        {"version", 1},
                        {"seed", options.seed},
                        {"valFraction", options.valFraction},
                        {"validation", {{"source", options.valSource}, {"folder", options.valFolder}}}};
    for (Split split : {Split::Train, Split::Val, Split::Test}) {
        nlohmann::json list = nlohmann::json::array();
        for (const SegmentationItem& item : index.items)
            if (item.split == split)
                list.push_back(item.image.lexically_relative(index.root).generic_string());
        json[splitName(split)] = list;
    }
    const std::string text = json.dump(1) + "\n";
    writeFileAtomically(file.string(), [&text](const ByteSink& sink) { sink(text.data(), text.size()); });
}

void loadSegmentationSplit(SegmentationIndex& index, const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
    if (!in || json.is_discarded() || !json.is_object() || json.value("format", "") != kSplitFormat)
        throw DataError(file.string() + ": not a segmentation split written by TransferLab");
    std::map<std::string, Split> saved;
    for (Split split : {Split::Train, Split::Val, Split::Test}) {
        const auto list = json.find(splitName(split));
        if (list == json.end() || !list->is_array())
            throw DataError(file.string() + ": the split has no '" + splitName(split) + "' list");
        for (const nlohmann::json& name : *list)
            if (name.is_string())
                saved[name.get<std::string>()] = split;
    }
    std::vector<SegmentationItem> kept;
    for (SegmentationItem& item : index.items) {
        const auto found = saved.find(item.image.lexically_relative(index.root).generic_string());
        if (found == saved.end()) {
            index.skipped.push_back({item.image.string(), "not in the run's saved split (added after the run began)"});
            continue;
        }
        item.split = found->second;
        kept.push_back(item);
    }
    index.items = std::move(kept);
}

}  // namespace tl
