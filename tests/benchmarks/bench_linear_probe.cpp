// Wall time of a 5-epoch linear probe of resnet18 at 112 px, batch 32, 2 threads, on a folder of
// 128 px JPEGs: the experiment runner with feature caching (the backbone runs once, later epochs
// read neither images nor backbone) against the PyTorch way (torchvision ImageFolder + DataLoader
// + resnet18 with requires_grad off except fc) at each num_workers tried.
//
// Usage: bench_linear_probe [--images N] [--epochs E] [--workers 0,1,2] [--no-peer] [--no-uncached]
#include "data/demo_data.h"
#include "train/experiment_runner.h"

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

/// The whole job as `transferlab train` runs it: scan, model, loaders, epochs, checkpoints.
double ours(const fs::path& data, const fs::path& runs, int epochs, bool cache)
{
    tl::Experiment e;
    e.name = "bench_linear_probe";
    e.model.arch = "resnet18";
    e.model.weights = "none";
    e.data.train = data.string();
    e.data.valFraction = 0.0;
    e.data.imageSize = 112;
    e.data.augment.randomResizedCrop = false;
    e.data.augment.horizontalFlip = false;
    e.data.augment.rotationDegrees = 0;
    e.data.augment.colorJitter = 0;
    e.freeze.preset = tl::FreezePreset::LinearProbe;
    e.optim.lr = 0.01;
    e.train.epochs = epochs;
    e.train.batchSize = 32;
    e.train.threads = 2;
    e.train.loaderThreads = 2;
    e.train.cacheFrozenFeatures = cache;
    const auto start = Clock::now();
    tl::ExperimentRunner runner(e, runs);
    const tl::RunSummary summary = runner.run();
    const double wall = seconds(start);
    std::ifstream in(runner.folder().file("epochs.csv"));
    std::string line;
    std::getline(in, line);
    std::printf("  epochs (epoch,train_loss,...,seconds,images/s):");
    while (std::getline(in, line))
        std::printf(" [%s]", line.c_str());
    std::printf("  -> %s\n", tl::toString(summary.outcome));
    return wall;
}

}  // namespace

int main(int argc, char** argv)
{
    int images = 1000;
    int epochs = 5;
    std::string workers = "0,1,2";
    bool peer = true;
    bool uncached = true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--images") && i + 1 < argc)
            images = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--workers") && i + 1 < argc)
            workers = argv[++i];
        else if (!std::strcmp(argv[i], "--no-peer"))
            peer = false;
        else if (!std::strcmp(argv[i], "--no-uncached"))
            uncached = false;
    }
    const fs::path work = fs::temp_directory_path() / ("transferlab_bench_probe_" + std::to_string(getpid()));
    const fs::path jpegs = work / "jpeg";
    tl::bench::makeJpegFolder(jpegs, images);
    std::printf("Linear probe, resnet18 at 112 px, batch 32, 2 threads, %d epochs, %d JPEGs of 128 px\n", epochs,
                images);
    const double cached = ours(jpegs, work / "runs", epochs, true);
    std::printf("transferlab, feature cache          %8.2f s\n", cached);
    if (uncached) {
        const double plain = ours(jpegs, work / "runs", epochs, false);
        std::printf("transferlab, no cache               %8.2f s  (cache speed-up %.1fx)\n", plain, plain / cached);
    }
    if (peer) {
        const std::string command = "/usr/bin/python3 " TRANSFERLAB_SOURCE_DIR "/tests/benchmarks/bench_linear_probe_peer.py '"
                                    + jpegs.string() + "' " + std::to_string(epochs) + " 2 " + workers;
        const nlohmann::json results = tl::bench::runPeer(command);
        if (!results.is_object() || results.empty())
            std::printf("the Python peer did not run; is python3-torchvision installed?\n");
        else try {
            double best = 0;
            std::string bestWorkers;
            for (const auto& [w, wall] : results.items()) {
                std::printf("PyTorch, num_workers=%s               %8.2f s\n", w.c_str(), wall.get<double>());
                if (best == 0 || wall.get<double>() < best) {
                    best = wall.get<double>();
                    bestWorkers = w;
                }
            }
            std::printf("ratio best PyTorch (num_workers=%s) / transferlab with cache: %.1fx faster\n",
                        bestWorkers.c_str(), best / cached);
        } catch (const std::exception&) {
            std::printf("%s", "the Python peer printed unexpected figures\n");
        }
    }
    std::error_code ec;
    fs::remove_all(work, ec);
    return 0;
}
