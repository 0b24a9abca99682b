// Forward+backward time per batch of the spec executor against torchvision in Python, both on
// the same LibTorch with the same thread count. Prints one row per architecture and the ratio
// executor/Python (below 1.0 means the executor is faster).
//
// Usage: bench_executor [--iterations N] [--threads T] [--no-peer]
#include "models/graph_module.h"
#include "models/zoo.h"

#include <torch/torch.h>

#include "peer_process.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr int kBatch = 16;
constexpr int kSize = 112;
const std::vector<std::string> kArchs{"resnet18", "densenet121", "googlenet", "mobilenet_v2"};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

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

int main(int argc, char** argv)
{
    int iterations = 10;
    int threads = 2;
    bool peer = true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--iterations") && i + 1 < argc)
            iterations = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--no-peer"))
            peer = false;
    }
    torch::set_num_threads(threads);
    torch::manual_seed(0);
    std::printf("forward+backward, batch %d, %dx%d, %d threads, median of %d iterations\n", kBatch, kSize, kSize,
                threads, iterations);
    std::printf("%-14s %14s %14s %8s\n", "arch", "executor s", "python s", "ratio");
    for (const std::string& arch : kArchs) {
        const nlohmann::json python = peer ? runPeer(arch, iterations, threads) : nlohmann::json(nullptr);
        if (peer && !python.is_object())
            std::printf("(the Python peer did not run; is python3-torchvision installed?)\n");
        const double ours = timeExecutor(arch, iterations);
        if (python.is_object() && python.contains(arch)) {
            const double theirs = python[arch].get<double>();
            std::printf("%-14s %14.4f %14.4f %8.3f\n", arch.c_str(), ours, theirs, ours / theirs);
        } else {
            std::printf("%-14s %14.4f %14s %8s\n", arch.c_str(), ours, "-", "-");
        }
        std::fflush(stdout);
    }
    return 0;
}
