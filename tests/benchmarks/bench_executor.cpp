// Forward+backward time per batch of the spec executor against torchvision in Python, both on
// the same LibTorch with the same thread count. Prints one row per architecture and the ratio
// executor/Python (below 1.0 means the executor is faster).
//
// Both sides share one machine whose speed drifts (other work, turbo, heat), so the two are
// measured in rounds close together, taking turns at going first, and the ratio reported is
// the median of the rounds' ratios, with their range.
//
// The executor side keeps freed memory for reuse, as the trainer sets up its process
// (retainFreedMemory); --default-malloc measures it with the C library's defaults instead.
//
// Usage: bench_executor [--iterations N] [--rounds R] [--threads T] [--no-peer] [--default-malloc]
#include "common/freed_memory.h"
#include "models/graph_module.h"
#include "models/zoo.h"

#include <torch/torch.h>

#include "peer_process.h"
#include "median.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using tl::bench::median;

namespace {

constexpr int kBatch = 16;
constexpr int kSize = 112;
const std::vector<std::string> kArchs{"resnet18", "densenet121", "googlenet", "mobilenet_v2"};

double timeExecutor(const std::string& arch, int iterations)
{
    tl::GraphModule model(tl::buildArch(arch));
    model.train();
    const torch::Tensor x = torch::randn({kBatch, 3, kSize, kSize});
    const torch::Tensor target = torch::randint(0, 1000, {kBatch}, torch::kLong);
    std::vector<double> seconds;
    for (int i = 0; i < iterations + 2; ++i) {
        const auto start = std::chrono::steady_clock::now();
        model.zero_grad();
        torch::Tensor loss = torch::zeros({});
        for (const torch::Tensor& out : model.forwardWithAux(x))
            loss = loss + torch::nn::functional::cross_entropy(out, target);
        loss.backward();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (i >= 2)  // the first passes allocate and warm caches
            seconds.push_back(s);
    }
    return median(seconds);
}

// Runs the Python peer for one architecture, so both sides see the same machine load.
nlohmann::json runPeer(const std::string& arch, int iterations, int threads)
{
    return tl::bench::runPeer(std::string("/usr/bin/python3 \"" TRANSFERLAB_SOURCE_DIR
                                          "/tests/benchmarks/bench_executor_peer.py\" ")
                              + std::to_string(iterations) + " " + std::to_string(threads) + " " + arch);
}

}  // namespace

struct Rounds {
    std::vector<double> ours, python, ratio;
};

int main(int argc, char** argv)
{
    int iterations = 10;
    int rounds = 3;
    int threads = 2;
    bool peer = true;
    bool retain = true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--iterations") && i + 1 < argc)
            iterations = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--no-peer"))
            peer = false;
        else if (!std::strcmp(argv[i], "--default-malloc"))
            retain = false;
    }
    torch::set_num_threads(threads);
    torch::manual_seed(0);
    if (retain)
        tl::retainFreedMemory();
    std::printf("forward+backward, batch %d, %dx%d, %d threads, median of %d iterations, %d rounds, %s\n", kBatch,
                kSize, kSize, threads, iterations, rounds,
                retain ? "freed memory kept for reuse" : "the C library's default allocator settings");
    std::map<std::string, Rounds> results;
    for (int round = 0; round < rounds; ++round) {
        for (const std::string& arch : kArchs) {
            Rounds& r = results[arch];
            double python = 0.0;
            const auto runPython = [&] {
                const nlohmann::json out = peer ? runPeer(arch, iterations, threads) : nlohmann::json(nullptr);
                if (out.is_object() && out.contains(arch))
                    python = out[arch].get<double>();
            };
            if (round % 2 == 1)
                runPython();
            const double ours = timeExecutor(arch, iterations);
            if (round % 2 == 0)
                runPython();
            r.ours.push_back(ours);
            if (python > 0.0) {
                r.python.push_back(python);
                r.ratio.push_back(ours / python);
            }
            std::printf("round %d %-14s executor %.4f s  python %.4f s\n", round + 1, arch.c_str(), ours, python);
            std::fflush(stdout);
        }
    }
    if (peer && results[kArchs.front()].python.empty())
        std::printf("(the Python peer did not run; is python3-torchvision installed?)\n");
    std::printf("\n%-14s %12s %12s %8s %17s\n", "arch", "executor s", "python s", "ratio", "ratio range");
    for (const std::string& arch : kArchs) {
        const Rounds& r = results[arch];
        if (r.ratio.empty()) {
            std::printf("%-14s %12.4f %12s %8s\n", arch.c_str(), median(r.ours), "-", "-");
            continue;
        }
        std::printf("%-14s %12.4f %12.4f %8.3f    %.3f - %.3f\n", arch.c_str(), median(r.ours), median(r.python),
                    median(r.ratio), *std::min_element(r.ratio.begin(), r.ratio.end()),
                    *std::max_element(r.ratio.begin(), r.ratio.end()));
    }
    return 0;
}
