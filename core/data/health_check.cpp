#include "data/health_check.h"

#include "common/errors.h"
#include "data/dataset_split.h"
#include "data/duplicate_finder.h"
#include "data/image_decoder.h"
#include "data/image_folder.h"
#include "data/segmentation_folder.h"

#include <opencv2/img_hash.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

namespace fs = std::filesystem;

namespace tl {

namespace {

// The shorter side of the grey decode that is hashed (and compared, for near duplicates).
constexpr int kPreviewSide = 64;

struct FileCheck {
    fs::path path;
    fs::path mask;
    Split split = Split::Train;
    int label = -1;
    bool ok = false;
    std::string reason;
    ImageHeader header;
    uint64_t content = 0;
    uint64_t perceptual = 0;
};

void checkFile(FileCheck& f, const HealthOptions& options)
{
    DecodeOptions decode;
    decode.maxPixels = options.maxPixels;
    try {
        const std::string bytes = readFileBytes(f.path);
        if (!probeImageHeader(bytes, f.header, f.reason))
            return;
        // A 64-bit hash and the size stand in for the bytes; a false match is about 1 in 2^64.
        f.content = std::hash<std::string_view>{}(bytes) ^ (uint64_t(bytes.size()) * 0x9E3779B97F4A7C15ull);
        if (options.decode) {
            const cv::Mat preview = decodePreview(bytes, kPreviewSide, decode);
            cv::Mat hash;
            cv::img_hash::pHash(preview, hash);
            for (int i = 0; i < hash.cols; ++i)
                f.perceptual = (f.perceptual << 8) | hash.at<uint8_t>(0, i);
            if (!f.mask.empty())
                decodeMask(readFileBytes(f.mask), decode);
        } else {
            if (f.header.width * f.header.height > options.maxPixels) {
                f.reason = "image is above the pixel limit";
                return;
            }
            if (!checkImageComplete(bytes, f.header.format, f.reason))
                return;
        }
        f.ok = true;
    } catch (const DataError& e) {
        f.reason = e.what();
        const std::string prefix = f.path.string() + ": ";
        if (f.reason.compare(0, prefix.size(), prefix) == 0)
            f.reason.erase(0, prefix.size());
    } catch (const cv::Exception& e) {
        f.reason = std::string("decoder error: ") + e.err;
    }
}

/// Runs work(i) for every i below n on options.threads threads, calling options.progress from
/// this thread when asked; false when cancelled before the end.
bool forEachParallel(size_t n, const HealthOptions& options, bool reportProgress, const std::function<void(size_t)>& work)
{
    std::atomic<size_t> next{0};
    std::atomic<int64_t> done{0};
    auto run = [&] {
        for (size_t i = next++; i < n; i = next++) {
            if (options.cancel && options.cancel->load())
                return;
            work(i);
            ++done;
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < std::max(1, std::min(options.threads, int(std::max<size_t>(n, 1)))); ++t)
        threads.emplace_back(run);
    const int64_t total = int64_t(n);
    while (reportProgress && done < total && !(options.cancel && options.cancel->load())) {
        options.progress(done, total);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (std::thread& t : threads)
        t.join();
    if (reportProgress)
        options.progress(done, total);
    return done == total;
}

void checkAll(std::vector<FileCheck>& files, const HealthOptions& options, bool& cancelled)
{
    cancelled = !forEachParallel(files.size(), options, bool(options.progress),
                                 [&](size_t i) { checkFile(files[i], options); });
}

int64_t median(std::vector<int64_t> values)
{
    if (values.empty())
        return 0;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

std::string storageKind(const ImageHeader& h)
{
    if (h.cmyk)
        return "cmyk";
    if (h.palette)
        return "palette";
    switch (h.channels) {
    case 1: return "grey";
    case 2: return "grey+alpha";
    case 4: return "rgba";
    default: return "rgb";
    }
}

/// Thumbnails of the files whose hashes have near neighbours, decoded once more: keeping one of
/// every file would cost a kilobyte or more per image on a dataset of millions.
std::vector<Thumbnail> thumbnailsOf(const std::vector<size_t>& candidates, const std::vector<FileCheck>& files,
                                    const std::vector<size_t>& usable, const HealthOptions& options)
{
    std::vector<Thumbnail> thumbnails(usable.size());
    DecodeOptions decode;
    decode.maxPixels = options.maxPixels;
    forEachParallel(candidates.size(), options, false, [&](size_t i) {
        const size_t m = candidates[i];
        try {
            thumbnails[m] = Thumbnail(decodePreview(readFileBytes(files[usable[m]].path), kPreviewSide, decode));
        } catch (const std::exception&) {
            // Read a moment ago; a file that changed since is simply not confirmed as a duplicate.
        }
    });
    return thumbnails;
}

void findDuplicates(HealthReport& report, const std::vector<FileCheck>& files, const std::vector<size_t>& usable,
                    const HealthOptions& options)
{
    DuplicateFinder finder(options.nearDuplicateDistance);
    for (size_t i : usable)
        finder.add(files[i].content, files[i].perceptual, options.decode);
    std::vector<Thumbnail> thumbnails;
    if (options.decode)
        thumbnails = thumbnailsOf(finder.candidates(), files, usable, options);
    const auto sameImage = [&](size_t a, size_t b) { return thumbnails[a].sameImage(thumbnails[b]); };
    int64_t crossSplit = 0;
    for (const DuplicateGroup& g : finder.groups(sameImage)) {
        DuplicateReport d{g.exact, g.distance, false, false, {}, {}};
        std::set<Split> splits;
        std::set<int> labels;
        for (size_t m : g.members) {
            const FileCheck& f = files[usable[m]];
            d.paths.push_back(f.path.string());
            d.splits.push_back(f.split);
            splits.insert(f.split);
            labels.insert(f.label);
        }
        d.crossSplit = splits.size() > 1;
        d.crossClass = labels.size() > 1;
        crossSplit += d.crossSplit;
        report.duplicates.push_back(std::move(d));
    }
    if (crossSplit > 0)
        report.warnings.push_back(std::to_string(crossSplit) +
                                  " duplicate groups straddle train and validation/test: scores there are inflated");
}

void summarise(HealthReport& report, const std::vector<FileCheck>& files, const std::vector<std::string>& classNames,
               const HealthOptions& options)
{
    std::vector<int64_t> widths;
    std::vector<int64_t> heights;
    report.classes.clear();
    for (const std::string& name : classNames)
        report.classes.push_back({name, 0, {}});
    std::vector<size_t> usable;
    int64_t tiny = 0;
    for (size_t i = 0; i < files.size(); ++i) {
        const FileCheck& f = files[i];
        if (!f.ok) {
            if (!f.reason.empty())
                report.skipped.push_back({f.path.string(), f.reason});
            continue;
        }
        usable.push_back(i);
        ++report.images;
        ++report.splits[f.split];
        if (f.label >= 0) {
            ++report.classes[size_t(f.label)].count;
            ++report.classes[size_t(f.label)].perSplit[f.split];
        }
        widths.push_back(f.header.width);
        heights.push_back(f.header.height);
        tiny += std::min(f.header.width, f.header.height) < 32;
        ++report.storage[storageKind(f.header)];
        if (f.header.bitDepth > 8)
            ++report.storage["16-bit"];
    }
    if (!widths.empty()) {
        report.minWidth = *std::min_element(widths.begin(), widths.end());
        report.maxWidth = *std::max_element(widths.begin(), widths.end());
        report.minHeight = *std::min_element(heights.begin(), heights.end());
        report.maxHeight = *std::max_element(heights.begin(), heights.end());
        report.medianWidth = median(widths);
        report.medianHeight = median(heights);
    }
    if (tiny > 0)
        report.warnings.push_back(std::to_string(tiny) + " images are smaller than 32 pixels on a side");
    findDuplicates(report, files, usable, options);
}

}  // namespace

HealthReport checkDataset(const fs::path& root, const HealthOptions& options)
{
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw DataError(root.string() + (fs::exists(root, ec) ? ": not a folder" : ": the folder does not exist"));
    HealthReport report;
    report.root = root.string();
    std::vector<FileCheck> files;
    std::vector<std::string> classNames;
    if (looksLikeSegmentation(root)) {
        report.kind = "segmentation";
        SegmentationIndex index = scanSegmentationFolder(root);
        assignSplit(index, SplitOptions{});
        report.presplit = index.presplit;
        report.skipped = index.skipped;
        report.warnings = index.warnings;
        for (const SegmentationItem& item : index.items)
            files.push_back({item.image, item.mask, item.split, -1, false, {}, {}, 0, 0});
    } else {
        report.kind = "classification";
        ClassificationIndex index = scanImageFolder(root);
        report.presplit = index.presplit;
        if (!index.presplit) {
            assignSplit(index, SplitOptions{});
            index.warnings.push_back("no train/ and val/ folders: a seeded 80/20 split by class is used");
        }
        report.skipped = index.skipped;
        report.warnings = index.warnings;
        classNames = index.classes;
        for (const ImageItem& item : index.items)
            files.push_back({item.path, {}, item.split, item.label, false, {}, {}, 0, 0});
    }
    checkAll(files, options, report.cancelled);
    summarise(report, files, classNames, options);

    if (report.images == 0)
        report.errors.push_back("no usable image");
    if (report.kind == "classification") {
        int64_t smallest = INT64_MAX;
        int64_t largest = 0;
        int64_t nonEmpty = 0;
        for (const ClassReport& c : report.classes) {
            if (c.count == 0) {
                report.warnings.push_back("class '" + c.name + "' has no image that decodes");
                continue;
            }
            ++nonEmpty;
            smallest = std::min(smallest, c.count);
            largest = std::max(largest, c.count);
        }
        if (report.images > 0 && nonEmpty < 2)
            report.errors.push_back("only one class; a classifier needs at least two class folders");
        report.imbalance = nonEmpty > 0 ? double(largest) / double(smallest) : 0.0;
        if (report.imbalance >= options.imbalanceWarning)
            report.warnings.push_back("classes are imbalanced: the largest has " + std::to_string(largest) +
                                      " images, the smallest " + std::to_string(smallest));
    }
    if (report.cancelled)
        report.warnings.push_back("the check was cancelled; the figures cover part of the files");
    return report;
}

}  // namespace tl
