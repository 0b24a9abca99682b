// Images per second delivered as ready batches (128 px JPEG -> RandomResizedCrop 112 + flip +
// normalise, batch 32) by the loader with 2 decode threads, against torchvision's ImageFolder +
// DataLoader at its best num_workers on the same folder; and the time to scan a folder of many
// small files (structure only, headers, full check).
//
// Usage: bench_data_loader [--images N] [--epochs E] [--scan-files N] [--no-peer]
#include "data/data_loader.h"
#include "data/demo_data.h"
#include "data/health_check.h"
#include "data/image_folder.h"

#include <torch/torch.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "demo_jpeg_folder.h"
#include "peer_process.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

void writeFile(const fs::path& file, const std::vector<uint8_t>& bytes)
{
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

double loaderImagesPerSecond(const fs::path& root, int epochs, int64_t cacheBytes)
{
    const tl::ClassificationIndex index = tl::scanImageFolder(root);
    tl::LoaderOptions options;
    options.batchSize = 32;
    options.threads = 2;
    options.cacheBytes = cacheBytes;
    tl::AugmentOptions augment;  // RandomResizedCrop + horizontal flip
    tl::DataLoader loader(std::make_shared<tl::ImageFolderSource>(index, tl::Split::Train),
                          std::make_shared<tl::TransformPipeline>(tl::TransformPipeline::classificationTrain(112, augment)),
                          options);
    loader.startEpoch(0);  // warm-up, as the Python side
    while (loader.next()) {
    }
    const auto start = Clock::now();
    int64_t images = 0;
    for (int e = 1; e <= epochs; ++e) {
        loader.startEpoch(e);
        while (auto batch = loader.next())
            images += batch->images.size(0);
    }
    return double(images) / seconds(start);
}

void scanBenchmark(const fs::path& root, int files)
{
    std::vector<uint8_t> png;
    const auto make = Clock::now();
    for (int i = 0; i < files; ++i) {
        const fs::path dir = root / ("class" + std::to_string(i % 10)) / ("part" + std::to_string(i / 10000));
        if (i % 10000 < 10)
            fs::create_directories(dir);
        cv::Mat m(16, 16, CV_8UC3);
        cv::randu(m, cv::Scalar::all(0), cv::Scalar::all(256));  // distinct content, not flat colour
        cv::imencode(".png", m, png);
        writeFile(dir / (std::to_string(i) + ".png"), png);
    }
    std::printf("  (wrote %d files in %.1f s)\n", files, seconds(make));
    auto start = Clock::now();
    const tl::ClassificationIndex index = tl::scanImageFolder(root);
    std::printf("scan %d files, structure only (dataset index)     %6.2f s  (%zu images)\n", files, seconds(start),
                index.items.size());
    tl::HealthOptions quick;
    quick.decode = false;
    start = Clock::now();
    tl::HealthReport r = tl::checkDataset(root, quick);
    std::printf("scan %d files, headers + content hashes (--quick) %6.2f s  (%lld images)\n", files, seconds(start),
                static_cast<long long>(r.images));
    start = Clock::now();
    r = tl::checkDataset(root, tl::HealthOptions{});
    std::printf("scan %d files, full decode + perceptual hashes    %6.2f s  (%lld images)\n", files, seconds(start),
                static_cast<long long>(r.images));
}

}  // namespace

int main(int argc, char** argv)
{
    int images = 2000;
    int epochs = 3;
    int scanFiles = 100000;
    bool peer = true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--images") && i + 1 < argc)
            images = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--scan-files") && i + 1 < argc)
            scanFiles = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--no-peer"))
            peer = false;
    }
    const fs::path work = fs::temp_directory_path() / ("transferlab_bench_data_" + std::to_string(getpid()));
    const fs::path jpegs = work / "jpeg";
    tl::bench::makeJpegFolder(jpegs, images);
    std::printf("Loader: %d JPEGs of 128 px -> RandomResizedCrop 112 + flip + normalise, batch 32, %d epochs\n", images,
                epochs);
    const double ours = loaderImagesPerSecond(jpegs, epochs, 0);
    std::printf("transferlab DataLoader, 2 threads              %8.0f images/s\n", ours);
    std::printf("transferlab DataLoader, 2 threads, decode cache %7.0f images/s\n",
                loaderImagesPerSecond(jpegs, epochs, int64_t(1) << 30));
    if (peer) {
        const std::string command = "/usr/bin/python3 " TRANSFERLAB_SOURCE_DIR "/tests/benchmarks/bench_data_loader_peer.py '" +
                                    jpegs.string() + "' " + std::to_string(epochs);
        const nlohmann::json results = tl::bench::runPeer(command);
        if (!results.is_object() || results.empty())
            std::printf("the Python peer did not run; is python3-torchvision installed?\n");
        else try {
            double best = 0;
            std::string bestWorkers;
            for (const auto& [workers, rate] : results.items()) {
                std::printf("torchvision DataLoader, num_workers=%s         %8.0f images/s\n", workers.c_str(),
                            rate.get<double>());
                if (rate.get<double>() > best) {
                    best = rate.get<double>();
                    bestWorkers = workers;
                }
            }
            std::printf("ratio transferlab / best torchvision (num_workers=%s): %.2fx\n", bestWorkers.c_str(), ours / best);
        } catch (const std::exception&) {
            std::printf("%s", "the Python peer printed unexpected figures\n");
        }
    }
    if (scanFiles > 0)
        scanBenchmark(work / "many", scanFiles);
    std::error_code ec;
    fs::remove_all(work, ec);
    return 0;
}
