#include "graph/arch_spec.h"

#include "common/errors.h"

#include <unordered_set>

namespace tl {

int64_t TensorInfo::numel() const
{
    int64_t n = 1;
    for (int64_t d : shape)
        n *= d;
    return n;
}

void ArchSpec::rebuildIndex() const
{
    m_index.clear();
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i)
        m_index.emplace(nodes[i].id, i);
}

int ArchSpec::indexOf(const std::string& id) const
{
    if (m_index.size() != nodes.size())
        rebuildIndex();
    auto it = m_index.find(id);
    if (it == m_index.end() || it->second >= static_cast<int>(nodes.size()) || nodes[it->second].id != id) {
        rebuildIndex();
        it = m_index.find(id);
        if (it == m_index.end())
            return -1;
    }
    return it->second;
}

const Node* ArchSpec::find(const std::string& id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &nodes[i];
}

const Node& ArchSpec::at(const std::string& id) const
{
    const Node* n = find(id);
    if (!n)
        throw SpecError(arch + ": no node named '" + id + "'");
    return *n;
}

const Group* ArchSpec::findGroup(const std::string& id) const
{
    for (const Group& g : groups)
        if (g.id == id)
            return &g;
    return nullptr;
}

std::vector<bool> ArchSpec::auxiliaryMask() const
{
    // Walk backwards from the main output; nodes are in topological order.
    std::vector<bool> needed(nodes.size(), false);
    const int out = indexOf(output);
    if (out >= 0)
        needed[out] = true;
    for (int i = static_cast<int>(nodes.size()) - 1; i >= 0; --i) {
        if (!needed[i])
            continue;
        for (const std::string& in : nodes[i].inputs) {
            const int j = indexOf(in);
            if (j >= 0)
                needed[j] = true;
        }
    }
    std::vector<bool> aux(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i)
        aux[i] = !needed[i];
    return aux;
}

bool ArchSpec::isAuxiliary(const std::string& nodeId) const
{
    const int i = indexOf(nodeId);
    return i >= 0 && auxiliaryMask()[i];
}

void ArchSpec::validate() const
{
    std::unordered_set<std::string> seen;
    for (const Node& n : nodes) {
        if (n.id.empty())
            throw SpecError(arch + ": a node has an empty id");
        if (!seen.insert(n.id).second)
            throw SpecError(arch + ": node id '" + n.id + "' is used twice");
        if (n.kind == NodeKind::Input) {
            if (!n.inputs.empty())
                throw SpecError(arch + ": input node '" + n.id + "' has inputs");
        } else if (n.inputs.empty()) {
            throw SpecError(arch + ": node '" + n.id + "' has no inputs");
        }
        for (const std::string& in : n.inputs)
            if (!seen.count(in) || in == n.id)
                throw SpecError(arch + ": node '" + n.id + "' reads '" + in + "' which is not defined before it");
        if (!n.group.empty() && !findGroup(n.group))
            throw SpecError(arch + ": node '" + n.id + "' is in unknown group '" + n.group + "'");
    }
    for (const Edge& e : edges) {
        if (!seen.count(e.from) || !seen.count(e.to))
            throw SpecError(arch + ": edge " + e.from + " -> " + e.to + " names an unknown node");
    }
    if (!seen.count(output))
        throw SpecError(arch + ": output '" + output + "' is not a node");
    for (const std::string& aux : auxOutputs)
        if (!seen.count(aux))
            throw SpecError(arch + ": auxiliary output '" + aux + "' is not a node");
}

bool hasParameters(NodeKind kind)
{
    return kind == NodeKind::Conv || kind == NodeKind::ConvTranspose || kind == NodeKind::BatchNorm
        || kind == NodeKind::Linear;
}

std::vector<TensorInfo> nodeParameters(const Node& n)
{
    const NodeOptions& o = n.opt;
    std::vector<TensorInfo> out;
    switch (n.kind) {
    case NodeKind::Conv:
        out.push_back({n.id + ".weight", {o.outChannels, o.inChannels / o.groups, o.kernel, o.kernel}});
        if (o.bias)
            out.push_back({n.id + ".bias", {o.outChannels}});
        break;
    case NodeKind::ConvTranspose:
        out.push_back({n.id + ".weight", {o.inChannels, o.outChannels / o.groups, o.kernel, o.kernel}});
        if (o.bias)
            out.push_back({n.id + ".bias", {o.outChannels}});
        break;
    case NodeKind::BatchNorm:
        out.push_back({n.id + ".weight", {o.outChannels}});
        out.push_back({n.id + ".bias", {o.outChannels}});
        break;
    case NodeKind::Linear:
        out.push_back({n.id + ".weight", {o.outFeatures, o.inFeatures}});
        if (o.bias)
            out.push_back({n.id + ".bias", {o.outFeatures}});
        break;
    default:
        break;
    }
    return out;
}

std::vector<TensorInfo> nodeBuffers(const Node& n)
{
    if (n.kind != NodeKind::BatchNorm)
        return {};
    return {{n.id + ".running_mean", {n.opt.outChannels}},
            {n.id + ".running_var", {n.opt.outChannels}},
            {n.id + ".num_batches_tracked", {}}};
}

std::vector<TensorInfo> ArchSpec::parameters() const
{
    std::vector<TensorInfo> all;
    for (const Node& n : nodes)
        for (TensorInfo& t : nodeParameters(n))
            all.push_back(std::move(t));
    return all;
}

std::vector<TensorInfo> ArchSpec::buffers() const
{
    std::vector<TensorInfo> all;
    for (const Node& n : nodes)
        for (TensorInfo& t : nodeBuffers(n))
            all.push_back(std::move(t));
    return all;
}

int64_t ArchSpec::parameterCount(bool includeAuxiliary) const
{
    const std::vector<bool> aux = auxiliaryMask();
    int64_t total = 0;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        if (!hasParameters(n.kind) || (!includeAuxiliary && aux[i]))
            continue;
        for (const TensorInfo& t : nodeParameters(n))
            total += t.numel();
    }
    return total;
}

const char* toString(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Input: return "input";
    case NodeKind::InputTransform: return "input_transform";
    case NodeKind::Conv: return "conv";
    case NodeKind::ConvTranspose: return "conv_transpose";
    case NodeKind::BatchNorm: return "bn";
    case NodeKind::ReLU: return "relu";
    case NodeKind::ReLU6: return "relu6";
    case NodeKind::Tanh: return "tanh";
    case NodeKind::MaxPool: return "maxpool";
    case NodeKind::AvgPool: return "avgpool";
    case NodeKind::AdaptiveAvgPool: return "adaptive_avgpool";
    case NodeKind::Flatten: return "flatten";
    case NodeKind::Linear: return "linear";
    case NodeKind::Dropout: return "dropout";
    case NodeKind::Concat: return "concat";
    case NodeKind::Add: return "add";
    }
    return "?";
}

const char* toString(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::Sequential: return "sequential";
    case EdgeKind::ResidualIdentity: return "residual_identity";
    case EdgeKind::ResidualProjection: return "residual_projection";
    case EdgeKind::InceptionBranch: return "inception_branch";
    case EdgeKind::DenseConcat: return "dense_concat";
    case EdgeKind::UNetSkip: return "unet_skip";
    case EdgeKind::AuxiliaryHead: return "auxiliary_head";
    }
    return "?";
}

const char* toString(GroupKind kind)
{
    switch (kind) {
    case GroupKind::Stage: return "stage";
    case GroupKind::Block: return "block";
    case GroupKind::Branch: return "branch";
    case GroupKind::Head: return "head";
    }
    return "?";
}

const char* toString(WeightInit init)
{
    switch (init) {
    case WeightInit::LayerDefault: return "pytorch_default";
    case WeightInit::KaimingNormalFanOut: return "kaiming_normal_fan_out";
    case WeightInit::KaimingNormalFanIn: return "kaiming_normal_fan_in";
    case WeightInit::Normal: return "normal";
    case WeightInit::TruncatedNormal: return "truncated_normal";
    }
    return "?";
}

}  // namespace tl
