#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

namespace tl::bench {

/// Runs the Python peer of a benchmark and parses the JSON it prints; null when it did not run
/// (no python3-torchvision, a crash) so the benchmark can still print its own figures.
inline nlohmann::json runPeer(const std::string& command)
{
    std::string output;
    FILE* pipe = popen(command.c_str(), "r");
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
