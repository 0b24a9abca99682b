#include "train/freeze_plan.h"

#include "common/errors.h"

#include <algorithm>

namespace tl {

FreezePlan::FreezePlan(const ArchSpec& spec, FreezeConfig config)
    : m_spec(spec), m_config(std::move(config)), m_frozen(spec.nodes.size(), 0)
{
    const auto freezeAll = [this] { std::fill(m_frozen.begin(), m_frozen.end(), 1); };
    const auto thawOutputs = [this] {
        m_frozen[m_spec.indexOf(m_spec.output)] = 0;
        for (const std::string& aux : m_spec.auxOutputs)
            m_frozen[m_spec.indexOf(aux)] = 0;
    };
    switch (m_config.preset) {
    case FreezePreset::LinearProbe:
        freezeAll();
        thawOutputs();
        break;
    case FreezePreset::LastStages: {
        if (m_config.lastStages < 0)
            throw InvalidArgument("freeze: the number of stages to fine-tune cannot be negative");
        freezeAll();
        thawOutputs();
        const std::vector<std::string> units = stageUnits(m_spec);
        const int n = std::min<int>(m_config.lastStages, static_cast<int>(units.size()));
        setFrozen({units.end() - n, units.end()}, false);
        for (const Group& g : m_spec.groups)
            if (g.kind == GroupKind::Head && g.parent.empty())
                setFrozen({g.id}, false);
        break;
    }
    case FreezePreset::FullFineTune:
    case FreezePreset::FromScratch:
        break;
    }
    setFrozen(m_config.frozen, true);
    setFrozen(m_config.trainable, false);
    for (const auto& [id, factor] : m_config.lrMultipliers) {
        resolve(id);  // reports unknown ids
        if (!(factor >= 0.0))
            throw InvalidArgument("freeze: the learning-rate multiplier of '" + id + "' must be zero or positive");
    }
    for (const UnfreezeStep& step : m_config.unfreezeSchedule)
        for (const std::string& id : step.ids)
            resolve(id);
    advanceToEpoch(0);
}

std::vector<std::string> FreezePlan::stageUnits(const ArchSpec& spec)
{
    std::vector<std::string> stages;
    for (const Group& g : spec.groups)
        if (g.parent.empty() && g.kind == GroupKind::Stage)
            stages.push_back(g.id);
    if (stages.size() != 1)
        return stages;
    // A single feature stage (VGG, AlexNet, LeNet): count its blocks, or else its layers.
    std::vector<std::string> units;
    for (const Group& g : spec.groups)
        if (g.parent == stages.front())
            units.push_back(g.id);
    if (units.empty())
        for (const Node& n : spec.nodes)
            if (n.group == stages.front() && hasParameters(n.kind))
                units.push_back(n.id);
    return units;
}

bool FreezePlan::inGroup(const Node& node, const std::string& groupId) const
{
    for (std::string g = node.group; !g.empty();) {
        if (g == groupId)
            return true;
        const Group* group = m_spec.findGroup(g);
        g = group ? group->parent : std::string();
    }
    return false;
}

std::vector<int> FreezePlan::resolve(const std::string& id) const
{
    const int node = m_spec.indexOf(id);
    if (node >= 0)
        return {node};
    if (!m_spec.findGroup(id))
        throw InvalidArgument("freeze: '" + id + "' is neither a layer nor a group of " + m_spec.arch);
    std::vector<int> members;
    for (size_t i = 0; i < m_spec.nodes.size(); ++i)
        if (inGroup(m_spec.nodes[i], id))
            members.push_back(static_cast<int>(i));
    return members;
}

void FreezePlan::setFrozen(const std::vector<std::string>& ids, bool frozen)
{
    for (const std::string& id : ids)
        for (int i : resolve(id))
            m_frozen[i] = frozen ? 1 : 0;
}

bool FreezePlan::advanceToEpoch(int epoch)
{
    bool changed = false;
    for (const UnfreezeStep& step : m_config.unfreezeSchedule) {
        if (step.epoch > m_appliedEpoch && step.epoch <= epoch) {
            setFrozen(step.ids, false);
            changed = true;
        }
    }
    m_appliedEpoch = std::max(m_appliedEpoch, epoch);
    return changed;
}

bool FreezePlan::isFrozen(const std::string& nodeId) const
{
    const int i = m_spec.indexOf(nodeId);
    return i >= 0 && m_frozen[i];
}

bool FreezePlan::isParameterTrainable(const std::string& parameterName) const
{
    const auto dot = parameterName.rfind('.');
    const std::string nodeId = dot == std::string::npos ? parameterName : parameterName.substr(0, dot);
    const int i = m_spec.indexOf(nodeId);
    if (i < 0)
        return false;
    if (m_spec.nodes[i].kind == NodeKind::BatchNorm && m_config.batchNorm != BatchNormPolicy::FollowLayers)
        return true;
    return !m_frozen[i];
}

std::vector<std::string> FreezePlan::batchNormsInEval() const
{
    std::vector<std::string> ids;
    if (m_config.batchNorm == BatchNormPolicy::TrainAll)
        return ids;
    for (size_t i = 0; i < m_spec.nodes.size(); ++i)
        if (m_spec.nodes[i].kind == NodeKind::BatchNorm && m_frozen[i])
            ids.push_back(m_spec.nodes[i].id);
    return ids;
}

double FreezePlan::lrMultiplier(const std::string& nodeId) const
{
    if (auto it = m_config.lrMultipliers.find(nodeId); it != m_config.lrMultipliers.end())
        return it->second;
    const Node* n = m_spec.find(nodeId);
    for (std::string g = n ? n->group : std::string(); !g.empty();) {
        if (auto it = m_config.lrMultipliers.find(g); it != m_config.lrMultipliers.end())
            return it->second;
        const Group* group = m_spec.findGroup(g);
        g = group ? group->parent : std::string();
    }
    return 1.0;
}

std::set<std::string> FreezePlan::frozenParameters() const
{
    std::set<std::string> names;
    for (const TensorInfo& t : m_spec.parameters())
        if (!isParameterTrainable(t.name))
            names.insert(t.name);
    return names;
}

int64_t FreezePlan::trainableParameterCount() const
{
    int64_t total = 0;
    for (const TensorInfo& t : m_spec.parameters())
        if (isParameterTrainable(t.name))
            total += t.numel();
    return total;
}

int64_t FreezePlan::totalParameterCount() const { return m_spec.parameterCount(); }

std::vector<bool> FreezePlan::frozenPrefixMask() const
{
    std::vector<bool> mask(m_spec.nodes.size(), false);
    const std::vector<std::string> evalNorms = batchNormsInEval();
    for (size_t i = 0; i < m_spec.nodes.size(); ++i) {
        const Node& n = m_spec.nodes[i];
        if (n.kind == NodeKind::Input) {
            mask[i] = true;
            continue;
        }
        if (n.kind == NodeKind::Dropout)
            continue;  // random in training
        bool fixed = true;
        if (n.kind == NodeKind::BatchNorm)
            fixed = std::find(evalNorms.begin(), evalNorms.end(), n.id) != evalNorms.end()
                 && m_config.batchNorm == BatchNormPolicy::FollowLayers;
        else if (hasParameters(n.kind))
            fixed = m_frozen[i] != 0;
        for (const std::string& in : n.inputs)
            fixed = fixed && mask[m_spec.indexOf(in)];
        mask[i] = fixed;
    }
    return mask;
}

const char* toString(FreezePreset preset)
{
    switch (preset) {
    case FreezePreset::LinearProbe: return "linear_probe";
    case FreezePreset::LastStages: return "last_stages";
    case FreezePreset::FullFineTune: return "full";
    case FreezePreset::FromScratch: return "scratch";
    }
    return "?";
}

const char* toString(BatchNormPolicy policy)
{
    switch (policy) {
    case BatchNormPolicy::FollowLayers: return "frozen";
    case BatchNormPolicy::AffineOnly: return "affine";
    case BatchNormPolicy::TrainAll: return "train";
    }
    return "?";
}

bool parseFreezePreset(const std::string& text, FreezePreset& preset)
{
    if (text == "linear_probe" || text == "linear-probe")
        preset = FreezePreset::LinearProbe;
    else if (text == "last_stages" || text == "last-stages")
        preset = FreezePreset::LastStages;
    else if (text == "full" || text == "full_fine_tune" || text == "fine_tune")
        preset = FreezePreset::FullFineTune;
    else if (text == "scratch" || text == "from_scratch")
        preset = FreezePreset::FromScratch;
    else
        return false;
    return true;
}

bool parseBatchNormPolicy(const std::string& text, BatchNormPolicy& policy)
{
    if (text == "frozen" || text == "follow")
        policy = BatchNormPolicy::FollowLayers;
    else if (text == "affine")
        policy = BatchNormPolicy::AffineOnly;
    else if (text == "train")
        policy = BatchNormPolicy::TrainAll;
    else
        return false;
    return true;
}

}  // namespace tl
