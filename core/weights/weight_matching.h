#pragma once

#include "graph/arch_spec.h"
#include "weights/state_dict.h"

#include <string>
#include <vector>

namespace tl {

class GraphModule;

/// What loading a weight file into an architecture did, by state_dict name.
struct LoadReport {
    std::vector<std::string> matched;     // loaded (names of the architecture)
    std::vector<std::string> missing;     // the architecture has them, the file does not
    std::vector<std::string> unexpected;  // the file has them, the architecture does not
    std::vector<std::string> mismatched;  // both have them with different shapes
    std::vector<std::string> renamed;     // "file name -> architecture name" for mapped spellings
    /// Only the classifier's class count differs: the backbone loads and the head starts fresh,
    /// which is the transfer-learning case rather than an error.
    bool headReinitialised = false;
    int64_t fileClasses = 0;  // the class count of the file's head, when it has one

    /// Every tensor of the architecture came from the file (num_batches_tracked may be absent).
    bool complete() const { return missing.empty() && mismatched.empty(); }
    /// Nothing but a differing head stands between the file and the architecture.
    bool backboneLoads() const { return missing.empty() && (mismatched.empty() || headReinitialised); }
};

/// How each tensor of an architecture is fed from a file.
struct WeightMatch {
    struct Source {
        std::string target;  // architecture name
        size_t index = 0;    // into the file's StateDict
        bool reshape = false;
    };
    std::vector<Source> sources;
    LoadReport report;
};

/// Matches a file's tensors (names and shapes; data not needed) to an architecture: exact
/// names, a `module.`/`model.` prefix on every key, torchvision's old DenseNet spelling
/// (`norm.1` -> `norm1`), timm's VGG head names with their reshape; an absent
/// num_batches_tracked is accepted.
WeightMatch matchWeights(const StateDict& file, const ArchSpec& spec);

/// Matches and copies the tensors into `module` (converting dtypes); re-initialises the head
/// when only its class count differs. Mismatches are reported, not thrown: callers decide
/// whether report.complete() or backboneLoads() is required.
LoadReport loadWeights(GraphModule& module, const StateDict& file);

/// Reads a weight file and loads it into `module` one tensor at a time, so the load needs
/// little more memory than the model itself. Throws WeightsError for an unreadable file.
LoadReport loadWeightsFile(GraphModule& module, const std::string& path);

/// A zoo architecture a weight file fits.
struct ArchGuess {
    std::string arch;
    int64_t classes = 0;
    bool auxHeads = true;  // GoogLeNet: whether the file has the auxiliary heads
};

/// The torchvision architecture whose state_dict layout equals the file's (any class count);
/// empty arch when none fits.
ArchGuess recogniseArchitecture(const StateDict& file);

}  // namespace tl
