// Training speed of a full fine-tune of resnet18 at 112 px, batch 32, 2 threads, on a folder of
// 128 px JPEGs with random-resized-crop and flip augmentation: images per second of the
// experiment runner (as `transferlab train` runs it) against the PyTorch way (torchvision
// ImageFolder + DataLoader + resnet18), both over the epochs after the first. Also prints the
// model's training FLOP rate as a fraction of this machine's measured matrix-multiply peak.
//
// Usage: bench_fine_tune [--images N] [--epochs E] [--rounds R] [--workers 0,1,2] [--no-peer]
#include "graph/shape_inference.h"
#include "models/zoo.h"
#include "train/experiment_runner.h"

#include "demo_jpeg_folder.h"
#include "peer_process.h"
#include "run_epochs.h"
#include "median.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using tl::bench::median;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kThreads = 2;
constexpr int kSize = 112;

/// Forward multiply-adds × 2 of every convolution and linear layer for one image.
double forwardFlops(const tl::ArchSpec& spec)
{
    const std::vector<tl::Shape> shapes = tl::inferShapes(spec, kSize, kSize);
    double flops = 0;
    for (size_t i = 0; i < spec.nodes.size(); ++i) {
        const tl::Node& n = spec.nodes[i];
        const tl::NodeOptions& o = n.opt;
        const tl::Shape& out = shapes[i];
        if (n.kind == tl::NodeKind::Conv && out.size() == 4)
            flops += 2.0 * double(o.inChannels / o.groups) * double(o.kernel * o.kernel) * double(out[1] * out[2] * out[3]);
        else if (n.kind == tl::NodeKind::Linear)
            flops += 2.0 * double(o.inFeatures) * double(o.outFeatures);
    }
    return flops;
}

/// The best rate of square float matrix products on `kThreads` threads, in FLOP/s.
double matmulPeak()
{
    torch::NoGradGuard noGrad;
    double best = 0;
    for (int64_t n : {512, 1024, 2048}) {
        const torch::Tensor a = torch::randn({n, n});
        const torch::Tensor b = torch::randn({n, n});
        torch::mm(a, b);  // warm-up
        const int reps = n >= 2048 ? 3 : 10;
        const auto start = Clock::now();
        for (int r = 0; r < reps; ++r)
            torch::mm(a, b);
        const double s = std::chrono::duration<double>(Clock::now() - start).count();
        best = std::max(best, 2.0 * double(n) * double(n) * double(n) * reps / s);
    }
    return best;
}

/// Training images per second over the epochs after the first, from the run's epochs.csv.
double ours(const fs::path& data, const fs::path& runs, int epochs)
{
    tl::Experiment e;
    e.name = "bench_fine_tune";
    e.model.arch = "resnet18";
    e.model.weights = "none";
    e.data.train = data.string();
    e.data.valFraction = 0.0;
    e.data.imageSize = kSize;
    e.freeze.preset = tl::FreezePreset::FullFineTune;
    e.optim.name = "sgd";
    e.optim.lr = 0.01;
    e.train.epochs = epochs;
    e.train.batchSize = 32;
    e.train.threads = kThreads;
    e.train.loaderThreads = 2;
    tl::ExperimentRunner runner(e, runs);
    const tl::RunSummary summary = runner.run();
    const std::vector<tl::bench::EpochRow> rows = tl::bench::readEpochRows(runner.folder().path());
    for (const tl::bench::EpochRow& row : rows)
        std::printf("  epoch %s: %.2f s, %.1f images/s\n", row.epoch.c_str(), row.seconds, row.imagesPerSecond);
    std::printf("  -> %s\n", tl::toString(summary.outcome));
    return tl::bench::steadyImagesPerSecond(rows);
}

/// The best images per second of the PyTorch way over the num_workers tried, or 0 when the peer
/// did not run; prints each figure.
double peerImagesPerSecond(const fs::path& jpegs, int epochs, const std::string& workers, double perImage, double peak)
{
    const std::string command = "/usr/bin/python3 " TRANSFERLAB_SOURCE_DIR "/tests/benchmarks/bench_fine_tune_peer.py '"
                                + jpegs.string() + "' " + std::to_string(epochs) + " " + std::to_string(kThreads) + " "
                                + workers;
    const nlohmann::json results = tl::bench::runPeer(command);
    if (!results.is_object() || results.empty()) {
        std::printf("the Python peer did not run; is python3-torchvision installed?\n");
        return 0.0;
    }
    double best = 0;
    try {
        for (const auto& [w, r] : results.items()) {
            std::printf("PyTorch, num_workers=%s         %8.1f images/s  (%.0f%% of the matmul peak)\n", w.c_str(),
                        r.get<double>(), 100.0 * r.get<double>() * perImage / peak);
            best = std::max(best, r.get<double>());
        }
    } catch (const std::exception&) {
        std::printf("%s", "the Python peer printed unexpected figures\n");
        return 0.0;
    }
    return best;
}

}  // namespace

int main(int argc, char** argv)
{
    int images = 640;
    int epochs = 3;
    int rounds = 1;
    std::string workers = "2";
    bool peer = true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--images") && i + 1 < argc)
            images = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = std::max(2, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--workers") && i + 1 < argc)
            workers = argv[++i];
        else if (!std::strcmp(argv[i], "--no-peer"))
            peer = false;
    }
    torch::set_num_threads(kThreads);
    const double perImage = 3.0 * forwardFlops(tl::buildArch("resnet18", {8, 3}));  // forward + backward ≈ 3 × forward
    const double peak = matmulPeak();
    std::printf("Full fine-tune, resnet18 at %d px, batch 32, %d threads, %d epochs (first one not counted), "
                "%d JPEGs of 128 px, %d round(s)\n", kSize, kThreads, epochs, images, rounds);
    std::printf("model: %.2f GFLOP per training image; matrix-multiply peak here: %.1f GFLOP/s\n", perImage / 1e9,
                peak / 1e9);
    const fs::path work = fs::temp_directory_path() / ("transferlab_bench_fine_tune_" + std::to_string(getpid()));
    const fs::path jpegs = work / "jpeg";
    tl::bench::makeJpegFolder(jpegs, images);
    // The machine's speed drifts, so with several rounds the two sides take turns at going first
    // and the ratio is the median of the rounds' ratios.
    std::vector<double> ratios;
    for (int r = 0; r < rounds; ++r) {
        if (rounds > 1)
            std::printf("round %d\n", r + 1);
        double rate = 0, best = 0;
        const auto runOurs = [&] {
            rate = ours(jpegs, work / "runs", epochs);
            std::printf("transferlab                    %8.1f images/s  (%.1f GFLOP/s, %.0f%% of the matmul peak)\n",
                        rate, rate * perImage / 1e9, 100.0 * rate * perImage / peak);
        };
        const auto runPeer = [&] { best = peer ? peerImagesPerSecond(jpegs, epochs, workers, perImage, peak) : 0.0; };
        if (r % 2) {
            runPeer();
            runOurs();
        } else {
            runOurs();
            runPeer();
        }
        if (best > 0) {
            ratios.push_back(rate / best);
            std::printf("ratio transferlab / best PyTorch: %.2fx\n", ratios.back());
        }
        std::fflush(stdout);
    }
    if (ratios.size() > 1)
        std::printf("median ratio over %zu rounds: %.2fx (range %.2f-%.2f)\n", ratios.size(), median(ratios),
                    *std::min_element(ratios.begin(), ratios.end()), *std::max_element(ratios.begin(), ratios.end()));
    std::error_code ec;
    fs::remove_all(work, ec);
    return 0;
}
