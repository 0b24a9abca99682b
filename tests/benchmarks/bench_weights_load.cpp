// Time and peak memory to load a torch.save(model.state_dict()) file into a model: ours
// (readWeights + loadWeights into a GraphModule) against Python's torch.load +
// load_state_dict into the torchvision model. Every load runs in a fresh process per side, so
// each peak is that of one load alone: the growth of resident memory over the built model,
// measured after resetting the kernel's high-water mark. Ratios below 1.0 mean ours is
// faster or smaller.
//
// Usage: bench_weights_load [--repeat N] [--threads T] [--dir DIR]
//        (DIR keeps the weight files between runs; default a fresh temporary folder)
#include "models/graph_module.h"
#include "models/zoo.h"
#include "weights/state_dict.h"
#include "weights/weight_matching.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

const std::vector<std::string> kArchs{"resnet50", "densenet121"};
const std::string kPeer = "/usr/bin/python3 \"" TRANSFERLAB_SOURCE_DIR "/tests/benchmarks/bench_weights_load_peer.py\"";

long statusKb(const char* field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0)
            return std::atol(line.c_str() + prefix.size());
    return 0;
}

std::string run(const std::string& command)
{
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return {};
    std::string output;
    char buffer[4096];
    while (size_t n = fread(buffer, 1, sizeof buffer, pipe))
        output.append(buffer, n);
    return pclose(pipe) == 0 ? output : std::string();
}

// The child side: builds the model, then loads the file `repeat` times.
int loadChild(const std::string& arch, const std::string& path, int repeat, int threads)
{
    torch::set_num_threads(threads);
    tl::GraphModule model(tl::buildArch(arch));
    std::ofstream("/proc/self/clear_refs") << "5";  // resets VmHWM to the current RSS
    const long before = statusKb("VmRSS");
    std::vector<double> seconds;
    long peak = 0;
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const tl::LoadReport report = tl::loadWeightsFile(model, path);
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        if (!report.complete()) {
            std::fprintf(stderr, "%s: incomplete load\n", path.c_str());
            return 1;
        }
        if (i == 0)
            peak = statusKb("VmHWM") - before;
    }
    std::sort(seconds.begin(), seconds.end());
    const nlohmann::json out{{"seconds", seconds[seconds.size() / 2]},
                             {"peak_mb", peak / 1024.0},
                             {"hwm_mb", statusKb("VmHWM") / 1024.0}};
    std::cout << out.dump() << std::endl;
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    int repeat = 5;
    int threads = 2;
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--child") && i + 4 < argc)
            return loadChild(argv[i + 1], argv[i + 2], std::atoi(argv[i + 3]), std::atoi(argv[i + 4]));
        if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
    }
    if (dir.empty()) {
        char pattern[] = "/tmp/bench_weights_load.XXXXXX";
        if (!mkdtemp(pattern)) {
            std::perror("mkdtemp");
            return 1;
        }
        dir = pattern;
    }
    for (const std::string& arch : kArchs) {
        const std::string file = dir + "/" + arch + ".pth";
        if (access(file.c_str(), R_OK) != 0 && run(kPeer + " make \"" + dir + "\" " + arch + " && echo ok").empty()) {
            std::printf("(the Python peer could not write %s; is python3-torchvision installed?)\n", file.c_str());
            return 1;
        }
    }

    std::printf("load state_dict file into model, %d threads, median of %d loads; peak = RSS growth of one load\n",
                threads, repeat);
    std::printf("%-12s %9s %9s %7s %10s %10s %7s\n", "arch", "ours s", "python s", "ratio", "ours MB", "python MB",
                "ratio");
    const std::string args = " " + std::to_string(repeat) + " " + std::to_string(threads);
    for (const std::string& arch : kArchs) {
        const std::string file = dir + "/" + arch + ".pth";
        const auto ours = nlohmann::json::parse(
            run(std::string("\"") + argv[0] + "\" --child " + arch + " \"" + file + "\"" + args), nullptr, false);
        const auto python = nlohmann::json::parse(run(kPeer + " load " + arch + " \"" + file + "\"" + args), nullptr, false);
        if (!ours.is_object() || !python.is_object()) {
            std::printf("%-12s (a side failed to run)\n", arch.c_str());
            continue;
        }
        const double os = ours["seconds"], ps = python["seconds"], om = ours["peak_mb"], pm = python["peak_mb"];
        std::printf("%-12s %9.4f %9.4f %7.3f %10.1f %10.1f %7.3f   (process peaks %.0f / %.0f MB)\n", arch.c_str(), os, ps,
                    os / ps, om, pm, om / pm, ours["hwm_mb"].get<double>(), python["hwm_mb"].get<double>());
        std::fflush(stdout);
    }
    return 0;
}
