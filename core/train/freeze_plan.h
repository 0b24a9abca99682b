#pragma once

#include "graph/arch_spec.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace tl {

/// Which part of a network trains: the textbook choices of transfer learning.
enum class FreezePreset {
    LinearProbe,   // only the new output layer trains
    LastStages,    // the last N stages and the head train
    FullFineTune,  // everything trains, starting from the loaded weights
    FromScratch,   // everything trains from a fresh initialisation
};

/// What happens to BatchNorm layers inside frozen parts.
enum class BatchNormPolicy {
    FollowLayers,  // frozen BN runs in eval mode: running statistics stay bit-identical
    AffineOnly,    // frozen BN keeps its statistics but its scale and shift train
    TrainAll,      // every BN updates its statistics and trains, frozen part or not
};

/// From a given epoch on, these groups or nodes train too (gradual unfreezing).
struct UnfreezeStep {
    int epoch = 0;
    std::vector<std::string> ids;
};

/// The freeze section of an experiment.
struct FreezeConfig {
    FreezePreset preset = FreezePreset::FullFineTune;
    int lastStages = 1;
    std::vector<std::string> frozen;     // node or group ids frozen on top of the preset
    std::vector<std::string> trainable;  // node or group ids trainable on top of the preset
    BatchNormPolicy batchNorm = BatchNormPolicy::FollowLayers;
    std::map<std::string, double> lrMultipliers;  // node or group id -> learning-rate factor
    std::vector<UnfreezeStep> unfreezeSchedule;
};

/// Resolves a FreezeConfig against an ArchSpec into per-node and per-parameter decisions.
/// Torch-free, so the GUI can show trainable counts live; applying it to a module is separate.
class FreezePlan {
public:
    /// Throws InvalidArgument naming any id that is neither a node nor a group of the spec.
    FreezePlan(const ArchSpec& spec, FreezeConfig config);

    /// The units "last N stages" counts from: top-level stages, or a single stage's blocks.
    static std::vector<std::string> stageUnits(const ArchSpec& spec);

    /// Applies the unfreeze schedule up to and including `epoch`; true when anything changed.
    bool advanceToEpoch(int epoch);

    bool isFrozen(const std::string& nodeId) const;
    /// A parameter (e.g. "layer1.0.bn1.weight") receives gradients.
    bool isParameterTrainable(const std::string& parameterName) const;
    /// BatchNorm nodes that must stay in eval mode while the rest trains.
    std::vector<std::string> batchNormsInEval() const;
    double lrMultiplier(const std::string& nodeId) const;

    std::set<std::string> frozenParameters() const;
    int64_t trainableParameterCount() const;
    int64_t totalParameterCount() const;

    /// The parameter-carrying nodes whose inputs never depend on a trainable node: their outputs
    /// can be computed once and reused (feature caching), unless augmentation is random.
    std::vector<bool> frozenPrefixMask() const;

    const FreezeConfig& config() const { return m_config; }
    const ArchSpec& spec() const { return m_spec; }

private:
    std::vector<int> resolve(const std::string& id) const;  // node indices of a node or group id
    void setFrozen(const std::vector<std::string>& ids, bool frozen);
    bool inGroup(const Node& node, const std::string& groupId) const;

    ArchSpec m_spec;
    FreezeConfig m_config;
    std::vector<char> m_frozen;  // per node
    int m_appliedEpoch = -1;
};

const char* toString(FreezePreset preset);
const char* toString(BatchNormPolicy policy);
/// Parses "linear_probe", "last_stages", "full", "scratch" (and a few spellings); false if unknown.
bool parseFreezePreset(const std::string& text, FreezePreset& preset);
bool parseBatchNormPolicy(const std::string& text, BatchNormPolicy& policy);

}  // namespace tl
