// Evaluation-mode forward time per batch of the executor against folded inference (BatchNorm
// folded into convolutions, activations kept in oneDNN's layout), which fills the feature cache
// of frozen backbones. 112 px, batch 32, 2 threads; rounds alternate the two, and each ratio is
// the median of the rounds' ratios (below 1.0: folded is faster).
//
// Usage: bench_folded_inference [--iterations N] [--rounds R] [--archs a,b,...]
#include "common/freed_memory.h"
#include "models/folded_inference.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "median.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

using tl::bench::median;

namespace {

constexpr int kBatch = 32;
constexpr int kSize = 112;

double secondsPerBatch(const std::function<void()>& forward, int iterations)
{
    forward();  // allocates and warms caches
    std::vector<double> seconds;
    for (int i = 0; i < iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        forward();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return median(seconds);
}

}  // namespace

int main(int argc, char** argv)
{
    int iterations = 5;
    int rounds = 3;
    std::vector<std::string> archs{"resnet18", "resnet50", "densenet121", "googlenet", "mobilenet_v2", "vgg11_bn"};
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--iterations") && i + 1 < argc)
            iterations = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--archs") && i + 1 < argc) {
            archs.clear();
            std::stringstream list(argv[++i]);
            for (std::string a; std::getline(list, a, ',');)
                archs.push_back(a);
        }
    }
    torch::set_num_threads(2);
    tl::retainFreedMemory();  // as the trainer does
    std::printf("Evaluation forward, %d px, batch %d, 2 threads, median of %d iterations per round, %d rounds\n", kSize,
                kBatch, iterations, rounds);
    std::printf("%-14s %12s %12s %8s %15s\n", "arch", "module s", "folded s", "ratio", "range");
    for (const std::string& arch : archs) try {
        tl::GraphModule model(tl::buildArch(arch));
        model.eval();
        torch::NoGradGuard noGrad;
        // 112 px, or the network's own size where it is smaller (LeNet-5's fixed 32 px).
        int64_t size = kSize;
        for (const tl::ZooEntry& e : tl::zoo())
            if (e.name == arch)
                size = std::min<int64_t>(kSize, e.defaultInputH);
        const torch::Tensor x = torch::randn({kBatch, model.spec().inChannels, size, size});
        const tl::FoldedInference folded(model, std::vector<bool>(model.spec().nodes.size(), true), {model.spec().output});
        std::vector<double> plain, fast, ratios;
        for (int r = 0; r < rounds; ++r) {
            const auto runPlain = [&] { plain.push_back(secondsPerBatch([&] { model.forward(x); }, iterations)); };
            const auto runFolded = [&] { fast.push_back(secondsPerBatch([&] { folded.run(x); }, iterations)); };
            if (r % 2) {
                runFolded();
                runPlain();
            } else {
                runPlain();
                runFolded();
            }
            ratios.push_back(fast.back() / plain.back());
        }
        std::printf("%-14s %12.4f %12.4f %8.3f %7.3f-%.3f\n", arch.c_str(), median(plain), median(fast), median(ratios),
                    *std::min_element(ratios.begin(), ratios.end()), *std::max_element(ratios.begin(), ratios.end()));
        std::fflush(stdout);
    } catch (const std::exception& e) {
        const std::string what = e.what();
        std::printf("%-14s cannot run: %s\n", arch.c_str(), what.substr(0, what.find('\n')).c_str());
    }
    return 0;
}
