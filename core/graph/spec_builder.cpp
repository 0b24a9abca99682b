#include "graph/spec_builder.h"

#include "common/errors.h"

namespace tl {

SpecBuilder::SpecBuilder(std::string arch, std::string family, int64_t inChannels, int64_t numClasses,
                         int64_t defaultH, int64_t defaultW)
{
    m_spec.arch = std::move(arch);
    m_spec.family = std::move(family);
    m_spec.inChannels = inChannels;
    m_spec.numClasses = numClasses;
    m_spec.defaultInputH = defaultH;
    m_spec.defaultInputW = defaultW;
}

Node SpecBuilder::make(const std::string& id, NodeKind kind) const
{
    Node n;
    n.id = id;
    n.kind = kind;
    n.group = m_groupStack.empty() ? std::string() : m_groupStack.back();
    return n;
}

std::string SpecBuilder::add(Node node, const std::vector<std::string>& inputs)
{
    node.inputs = inputs;
    for (const std::string& in : inputs)
        m_spec.edges.push_back({in, node.id, EdgeKind::Sequential});
    m_cursor = node.id;
    m_spec.nodes.push_back(std::move(node));
    return m_cursor;
}

std::string SpecBuilder::input()
{
    Node n = make("input", NodeKind::Input);
    n.opt.outChannels = m_spec.inChannels;
    return add(std::move(n), {});
}

std::string SpecBuilder::inputTransform(const std::string& id)
{
    return add(make(id, NodeKind::InputTransform), {m_cursor});
}

std::string SpecBuilder::conv(const std::string& id, int64_t in, int64_t out, int64_t kernel, int64_t stride,
                              int64_t padding, bool bias, int64_t groups)
{
    Node n = make(id, NodeKind::Conv);
    n.opt.inChannels = in;
    n.opt.outChannels = out;
    n.opt.kernel = kernel;
    n.opt.stride = stride;
    n.opt.padding = padding;
    n.opt.bias = bias;
    n.opt.groups = groups;
    return add(std::move(n), {m_cursor});
}

std::string SpecBuilder::convTranspose(const std::string& id, int64_t in, int64_t out, int64_t kernel,
                                       int64_t stride)
{
    Node n = make(id, NodeKind::ConvTranspose);
    n.opt.inChannels = in;
    n.opt.outChannels = out;
    n.opt.kernel = kernel;
    n.opt.stride = stride;
    return add(std::move(n), {m_cursor});
}

std::string SpecBuilder::batchNorm(const std::string& id, int64_t channels, double eps)
{
    Node n = make(id, NodeKind::BatchNorm);
    n.opt.inChannels = channels;
    n.opt.outChannels = channels;
    n.opt.eps = eps;
    return add(std::move(n), {m_cursor});
}

std::string SpecBuilder::relu(const std::string& id) { return add(make(id, NodeKind::ReLU), {m_cursor}); }
std::string SpecBuilder::relu6(const std::string& id) { return add(make(id, NodeKind::ReLU6), {m_cursor}); }
std::string SpecBuilder::tanh(const std::string& id) { return add(make(id, NodeKind::Tanh), {m_cursor}); }

std::string SpecBuilder::maxPool(const std::string& id, int64_t kernel, int64_t stride, int64_t padding,
                                 bool ceilMode)
{
    Node n = make(id, NodeKind::MaxPool);
    n.opt.kernel = kernel;
    n.opt.stride = stride;
    n.opt.padding = padding;
    n.opt.ceilMode = ceilMode;
    return add(std::move(n), {m_cursor});
}

std::string SpecBuilder::avgPool(const std::string& id, int64_t kernel, int64_t stride, int64_t padding,
                                 bool ceilMode)
{
    Node n = make(id, NodeKind::AvgPool);
    n.opt.kernel = kernel;
    n.opt.stride = stride;
    n.opt.padding = padding;
    n.opt.ceilMode = ceilMode;
    return add(std::move(n), {m_cursor});
}

std::string SpecBuilder::adaptiveAvgPool(const std::string& id, int64_t outH, int64_t outW)
{
    Node n = make(id, NodeKind::AdaptiveAvgPool);
    n.opt.outH = outH;
    n.opt.outW = outW;
    return add(std::move(n), {m_cursor});
}

std::string SpecBuilder::flatten(const std::string& id) { return add(make(id, NodeKind::Flatten), {m_cursor}); }

std::string SpecBuilder::linear(const std::string& id, int64_t in, int64_t out, bool bias)
{
    Node n = make(id, NodeKind::Linear);
    n.opt.inFeatures = in;
    n.opt.outFeatures = out;
    n.opt.bias = bias;
    return add(std::move(n), {m_cursor});
}

std::string SpecBuilder::dropout(const std::string& id, double p)
{
    Node n = make(id, NodeKind::Dropout);
    n.opt.dropout = p;
    return add(std::move(n), {m_cursor});
}

std::string SpecBuilder::concat(const std::string& id, const std::vector<std::string>& inputs)
{
    return add(make(id, NodeKind::Concat), inputs);
}

std::string SpecBuilder::add(const std::string& id, const std::string& main, const std::string& shortcut,
                             EdgeKind shortcutKind)
{
    const std::string out = add(make(id, NodeKind::Add), {main, shortcut});
    setEdgeKind(shortcut, out, shortcutKind);
    return out;
}

void SpecBuilder::setEdgeKind(const std::string& from, const std::string& to, EdgeKind kind)
{
    for (Edge& e : m_spec.edges) {
        if (e.from == from && e.to == to) {
            e.kind = kind;
            return;
        }
    }
    throw SpecError(m_spec.arch + ": no edge " + from + " -> " + to);
}

void SpecBuilder::beginGroup(const std::string& id, GroupKind kind, const std::string& label)
{
    Group g;
    g.id = id;
    g.kind = kind;
    g.label = label.empty() ? id : label;
    g.parent = m_groupStack.empty() ? std::string() : m_groupStack.back();
    m_spec.groups.push_back(std::move(g));
    m_groupStack.push_back(id);
}

void SpecBuilder::endGroup()
{
    if (m_groupStack.empty())
        throw SpecError(m_spec.arch + ": endGroup without beginGroup");
    m_groupStack.pop_back();
}

ArchSpec SpecBuilder::finish(const std::vector<std::string>& auxOutputs)
{
    if (!m_groupStack.empty())
        throw SpecError(m_spec.arch + ": group '" + m_groupStack.back() + "' was never closed");
    m_spec.output = m_cursor;
    m_spec.auxOutputs = auxOutputs;
    m_spec.validate();
    return std::move(m_spec);
}

}  // namespace tl
