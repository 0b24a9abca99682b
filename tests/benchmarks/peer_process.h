#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

namespace tl::bench {

/// Runs the Python peer of a benchmark and parses the JSON it prints; null when it did not run
/// (no python3-torchvision, a crash) so the benchmark can still print its own figures.
/// With `asUsual`, the peer runs without the OpenMP wait policy transferlab sets for itself
/// (common/openmp_wait.h), as a PyTorch user's script would.
inline nlohmann::json runPeer(const std::string& command, bool asUsual = false)
{
    std::string output;
    FILE* pipe = popen(((asUsual ? "env -u OMP_WAIT_POLICY " : "") + command).c_str(), "r");
    if (!pipe)
        return nullptr;
    char buffer[4096];
    while (size_t n = fread(buffer, 1, sizeof buffer, pipe))
        output.append(buffer, n);
    if (pclose(pipe) != 0)
        return nullptr;
    nlohmann::json parsed = nlohmann::json::parse(output, nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(nullptr) : parsed;
}

}  // namespace tl::bench
