#pragma once

#include "weights/state_dict.h"
#include "weights/weight_matching.h"

#include <string>
#include <vector>

namespace tl {

/// How a file's contents compare with the SHA-256 prefix in its name (torch.hub's
/// "resnet18-f37072fd.pth" convention).
enum class HashCheck { NotChecked, NoHashInName, Match, Mismatch };
const char* toString(HashCheck check);

/// A weight file found in the torch hub cache, with what it fits.
struct HubWeightFile {
    std::string path;
    std::string hashPrefix;  // from the name; empty when the name has none
    HashCheck hash = HashCheck::NotChecked;
    WeightFormat format = WeightFormat::PthZip;
    ArchGuess arch;          // empty arch when no zoo architecture fits
    std::string error;       // why the file could not be read; empty when it could
};

/// $TORCH_HOME/hub/checkpoints, with torch.hub's defaults ($XDG_CACHE_HOME/torch, ~/.cache/torch).
std::string hubCheckpointDir();

/// The hex prefix torch.hub takes from a file name ("-" hex digits "."), or empty.
std::string hashPrefixOfName(const std::string& fileName);

/// Compares the file's SHA-256 with the prefix in its name.
HashCheck checkHubHash(const std::string& path);

/// Every .pth, .pt and .safetensors file in `dir` (not recursive), by name, each read for its
/// layout only and matched against the zoo. Unreadable files are listed with their error.
std::vector<HubWeightFile> listHubWeights(const std::string& dir, bool verifyHashes);

}  // namespace tl
