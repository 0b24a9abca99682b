#include "weights/hub_cache.h"

#include "common/errors.h"
#include "weights/sha256.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace tl {

namespace fs = std::filesystem;

const char* toString(HashCheck check)
{
    switch (check) {
    case HashCheck::NotChecked: return "not-checked";
    case HashCheck::NoHashInName: return "no-hash-in-name";
    case HashCheck::Match: return "match";
    case HashCheck::Mismatch: return "mismatch";
    }
    return "?";
}

std::string hubCheckpointDir()
{
    fs::path home;
    if (const char* torchHome = std::getenv("TORCH_HOME"); torchHome && *torchHome) {
        home = torchHome;
    } else if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
        home = fs::path(xdg) / "torch";
    } else {
        const char* user = std::getenv("HOME");
        home = fs::path(user ? user : "") / ".cache" / "torch";
    }
    return (home / "hub" / "checkpoints").string();
}

std::string hashPrefixOfName(const std::string& fileName)
{
    // torch.hub's pattern is the first match of -([a-f0-9]*)\. in the name.
    for (size_t dash = fileName.find('-'); dash != std::string::npos; dash = fileName.find('-', dash + 1)) {
        size_t end = dash + 1;
        while (end < fileName.size() && (std::isdigit(static_cast<unsigned char>(fileName[end]))
                                         || (fileName[end] >= 'a' && fileName[end] <= 'f')))
            ++end;
        if (end < fileName.size() && fileName[end] == '.')
            return fileName.substr(dash + 1, end - dash - 1);
    }
    return {};
}

HashCheck checkHubHash(const std::string& path)
{
    const std::string prefix = hashPrefixOfName(fs::path(path).filename().string());
    if (prefix.empty())
        return HashCheck::NoHashInName;
    return sha256OfFile(path).compare(0, prefix.size(), prefix) == 0 ? HashCheck::Match : HashCheck::Mismatch;
}

std::vector<HubWeightFile> listHubWeights(const std::string& dir, bool verifyHashes)
{
    std::vector<HubWeightFile> result;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
        const std::string ext = entry.path().extension().string();
        if (!entry.is_regular_file(ec) || (ext != ".pth" && ext != ".pt" && ext != ".safetensors"))
            continue;
        HubWeightFile file;
        file.path = entry.path().string();
        file.hashPrefix = hashPrefixOfName(entry.path().filename().string());
        try {
            const WeightFile layout = readWeights(file.path, TensorData::LayoutOnly);
            file.format = layout.format;
            file.arch = recogniseArchitecture(layout.tensors);
            if (verifyHashes)
                file.hash = checkHubHash(file.path);
        } catch (const std::exception& e) {
            file.error = e.what();
        }
        result.push_back(std::move(file));
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return result;
}

}  // namespace tl
