#include "models/graph_module.h"

#include "common/errors.h"

#include <torch/torch.h>

#include <cmath>

namespace tl {

struct GraphModule::Layer {
    torch::nn::Conv2d conv{nullptr};
    torch::nn::ConvTranspose2d convTranspose{nullptr};
    torch::nn::BatchNorm2d batchNorm{nullptr};
    torch::nn::Linear linear{nullptr};
    std::shared_ptr<torch::nn::Module> module;
};

/// What to compute for one combination of given and wanted nodes.
struct GraphModule::Plan {
    std::vector<int> order;         // nodes to run, in topological order
    std::vector<int> lastUse;       // per node: index into `order` of its last consumer, -1 if none
    std::vector<char> keep;         // per node: must survive (fetched)
    std::vector<char> ownedByPlan;  // per node: produced here, so it may be modified in place
};

namespace {

// Splits "layer1.0.conv1" into "layer1.0" and "conv1".
std::pair<std::string, std::string> splitId(const std::string& id)
{
    const auto dot = id.rfind('.');
    if (dot == std::string::npos)
        return {std::string(), id};
    return {id.substr(0, dot), id.substr(dot + 1)};
}

// Producers whose backward pass does not need their own output, so a ReLU or Add that consumes
// them last may overwrite it (as torchvision's inplace=True modules do).
bool safeToOverwrite(NodeKind producer)
{
    return producer == NodeKind::Conv || producer == NodeKind::ConvTranspose || producer == NodeKind::BatchNorm
        || producer == NodeKind::Linear || producer == NodeKind::Add || producer == NodeKind::Concat;
}

}  // namespace

GraphModule::GraphModule(ArchSpec spec) : m_spec(std::move(spec))
{
    m_spec.validate();
    m_layers.resize(m_spec.nodes.size());
    m_inputs.resize(m_spec.nodes.size());
    std::map<std::string, std::shared_ptr<torch::nn::Module>> containers;
    // Registers a module under a dotted path, creating the parent containers on the way, so that
    // parameter names come out as "layer1.0.conv1.weight".
    std::function<torch::nn::Module&(const std::string&)> container = [&](const std::string& path) -> torch::nn::Module& {
        if (path.empty())
            return *this;
        auto it = containers.find(path);
        if (it != containers.end())
            return *it->second;
        const auto [parentPath, name] = splitId(path);
        auto made = std::make_shared<torch::nn::Module>();
        container(parentPath).register_module(name, made);
        containers.emplace(path, made);
        return *made;
    };

    for (size_t i = 0; i < m_spec.nodes.size(); ++i) {
        const Node& n = m_spec.nodes[i];
        if (n.kind == NodeKind::Input)
            m_inputNode = static_cast<int>(i);
        for (const std::string& in : n.inputs)
            m_inputs[i].push_back(m_spec.indexOf(in));
        if (!hasParameters(n.kind))
            continue;
        const NodeOptions& o = n.opt;
        Layer& l = m_layers[i];
        const auto [parentPath, name] = splitId(n.id);
        if (containers.count(n.id))
            throw SpecError(m_spec.arch + ": layer '" + n.id + "' is also used as a container");
        torch::nn::Module& parent = container(parentPath);
        switch (n.kind) {
        case NodeKind::Conv:
            l.conv = parent.register_module(
                name, torch::nn::Conv2d(torch::nn::Conv2dOptions(o.inChannels, o.outChannels, o.kernel)
                                            .stride(o.stride)
                                            .padding(o.padding)
                                            .dilation(o.dilation)
                                            .groups(o.groups)
                                            .bias(o.bias)));
            l.module = l.conv.ptr();
            break;
        case NodeKind::ConvTranspose:
            l.convTranspose = parent.register_module(
                name, torch::nn::ConvTranspose2d(
                          torch::nn::ConvTranspose2dOptions(o.inChannels, o.outChannels, o.kernel)
                              .stride(o.stride)
                              .padding(o.padding)
                              .groups(o.groups)
                              .bias(o.bias)));
            l.module = l.convTranspose.ptr();
            break;
        case NodeKind::BatchNorm:
            l.batchNorm = parent.register_module(
                name, torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(o.outChannels).eps(o.eps).momentum(o.momentum)));
            l.module = l.batchNorm.ptr();
            break;
        case NodeKind::Linear:
            l.linear = parent.register_module(
                name, torch::nn::Linear(torch::nn::LinearOptions(o.inFeatures, o.outFeatures).bias(o.bias)));
            l.module = l.linear.ptr();
            break;
        default:
            break;
        }
    }
    resetParameters();
}

GraphModule::~GraphModule() = default;

std::shared_ptr<torch::nn::Module> GraphModule::layer(const std::string& nodeId) const
{
    const int i = m_spec.indexOf(nodeId);
    return i < 0 ? nullptr : m_layers[i].module;
}

namespace {

void initWeight(torch::Tensor& weight, const LayerInit& init)
{
    switch (init.weight) {
    case WeightInit::LayerDefault: break;  // the layer's reset_parameters() already ran
    case WeightInit::KaimingNormalFanOut:
        torch::nn::init::kaiming_normal_(weight, 0.0, torch::kFanOut, torch::kReLU);
        break;
    case WeightInit::KaimingNormalFanIn:
        torch::nn::init::kaiming_normal_(weight, 0.0, torch::kFanIn, torch::kReLU);
        break;
    case WeightInit::Normal: weight.normal_(0.0, init.std); break;
    case WeightInit::TruncatedNormal:
        // As torch.nn.init.trunc_normal_ with its cut at +-2 (absolute): resample what falls outside.
        weight.normal_(0.0, init.std);
        for (torch::Tensor outside = weight.abs() > 2.0; outside.any().item<bool>(); outside = weight.abs() > 2.0)
            weight.masked_scatter_(outside, torch::randn({outside.sum().item<int64_t>()}, weight.options()) * init.std);
        break;
    }
}

/// PyTorch's own initialisation first, then what the family's scheme says instead.
template <typename Layer>
void initLayer(Layer& layer, const LayerInit& init)
{
    layer->reset_parameters();
    initWeight(layer->weight, init);
    if (layer->bias.defined() && init.bias == BiasInit::Zero)
        layer->bias.zero_();
}

}  // namespace

void GraphModule::resetParameters()
{
    for (const Node& n : m_spec.nodes)
        resetLayer(n.id);
}

void GraphModule::resetLayer(const std::string& nodeId)
{
    torch::NoGradGuard noGrad;
    Layer& l = m_layers[size_t(requireNode(nodeId))];
    const InitScheme& scheme = m_spec.init;
    if (l.conv) {
        initLayer(l.conv, scheme.conv);
    } else if (l.convTranspose) {
        initLayer(l.convTranspose, scheme.conv);
    } else if (l.linear) {
        initLayer(l.linear, scheme.linear);
    } else if (l.batchNorm) {
        l.batchNorm->reset_parameters();  // unit scale, zero shift, fresh running statistics
        for (const std::string& id : scheme.zeroScaleNorms)
            if (id == nodeId)
                l.batchNorm->weight.zero_();
    }
}

int GraphModule::requireNode(const std::string& id) const
{
    const int i = m_spec.indexOf(id);
    if (i < 0)
        throw InvalidArgument(m_spec.arch + ": no node named '" + id + "'");
    return i;
}

const GraphModule::Plan& GraphModule::planFor(const std::vector<int>& feeds, const std::vector<int>& fetch)
{
    std::string key;
    for (int f : feeds)
        key += std::to_string(f) + ",";
    key += "|";
    for (int f : fetch)
        key += std::to_string(f) + ",";
    auto found = m_plans.find(key);
    if (found != m_plans.end())
        return *found->second;

    const size_t count = m_spec.nodes.size();
    std::vector<char> given(count, 0);
    for (int f : feeds)
        given[f] = 1;
    std::vector<char> needed(count, 0);
    for (int f : fetch)
        needed[f] = 1;
    for (int i = static_cast<int>(count) - 1; i >= 0; --i) {
        if (!needed[i] || given[i])
            continue;
        if (m_spec.nodes[i].kind == NodeKind::Input)
            throw InvalidArgument(m_spec.arch + ": the network input is needed but was not given");
        for (int in : m_inputs[i])
            needed[in] = 1;
    }
    auto plan = std::make_unique<Plan>();
    plan->lastUse.assign(count, -1);
    plan->keep.assign(count, 0);
    plan->ownedByPlan.assign(count, 0);
    for (int f : fetch)
        plan->keep[f] = 1;
    for (size_t i = 0; i < count; ++i) {
        if (!needed[i] || given[i])
            continue;
        const int step = static_cast<int>(plan->order.size());
        plan->order.push_back(static_cast<int>(i));
        plan->ownedByPlan[i] = 1;
        for (int in : m_inputs[i])
            plan->lastUse[in] = step;
    }
    const Plan& ref = *plan;
    m_plans.emplace(key, std::move(plan));
    return ref;
}

std::vector<torch::Tensor> GraphModule::execute(const std::vector<std::pair<int, torch::Tensor>>& feeds,
                                                const std::vector<int>& fetch)
{
    std::vector<int> feedIds;
    for (const auto& f : feeds)
        feedIds.push_back(f.first);
    const Plan& plan = planFor(feedIds, fetch);
    std::vector<torch::Tensor> values(m_spec.nodes.size());
    for (const auto& f : feeds)
        values[f.first] = f.second;
    int live = 0;
    m_lastPeakLive = 0;
    for (size_t step = 0; step < plan.order.size(); ++step) {
        const int i = plan.order[step];
        values[i] = runNode(i, values, plan);
        m_lastPeakLive = std::max(m_lastPeakLive, ++live);
        for (int in : m_inputs[i]) {
            if (plan.lastUse[in] == static_cast<int>(step) && !plan.keep[in] && values[in].defined()) {
                values[in] = torch::Tensor();
                if (plan.ownedByPlan[in])
                    --live;
            }
        }
    }
    std::vector<torch::Tensor> out;
    out.reserve(fetch.size());
    for (int f : fetch)
        out.push_back(values[f]);
    return out;
}

torch::Tensor GraphModule::runNode(int i, std::vector<torch::Tensor>& values, const Plan& plan)
{
    const std::vector<int>& ins = m_inputs[i];
    std::vector<torch::Tensor> inputs;
    inputs.reserve(ins.size());
    for (int in : ins)
        inputs.push_back(values[in]);
    // The first input may be overwritten when this node is its last reader and nobody kept it.
    const bool overwrite = !ins.empty() && plan.ownedByPlan[ins.front()] && !plan.keep[ins.front()]
                        && safeToOverwrite(m_spec.nodes[ins.front()].kind) && plan.lastUse[ins.front()] >= 0
                        && plan.order[plan.lastUse[ins.front()]] == i;
    return applyNode(i, inputs, overwrite);
}

torch::Tensor GraphModule::evaluateNode(const std::string& id, const std::vector<torch::Tensor>& inputs)
{
    const int i = requireNode(id);
    if (inputs.size() != m_inputs[i].size())
        throw InvalidArgument(m_spec.arch + ": node '" + id + "' takes " + std::to_string(m_inputs[i].size())
                              + " inputs, not " + std::to_string(inputs.size()));
    return applyNode(i, inputs, false);
}

torch::Tensor GraphModule::applyNode(int i, const std::vector<torch::Tensor>& inputs, bool overwriteFirst)
{
    const Node& n = m_spec.nodes[i];
    const NodeOptions& o = n.opt;
    if (n.kind == NodeKind::Input)
        return inputs.empty() ? torch::Tensor() : inputs.front();
    const torch::Tensor& x = inputs.front();
    switch (n.kind) {
    case NodeKind::Input:
        return x;
    case NodeKind::InputTransform: {
        // torchvision's transform_input: maps ImageNet-normalised input to the [-1, 1] scaling the
        // original GoogLeNet weights expect, channel by channel.
        auto ch0 = x.select(1, 0).unsqueeze(1) * (0.229 / 0.5) + (0.485 - 0.5) / 0.5;
        auto ch1 = x.select(1, 1).unsqueeze(1) * (0.224 / 0.5) + (0.456 - 0.5) / 0.5;
        auto ch2 = x.select(1, 2).unsqueeze(1) * (0.225 / 0.5) + (0.406 - 0.5) / 0.5;
        return torch::cat({ch0, ch1, ch2}, 1);
    }
    case NodeKind::Conv:
        return m_layers[i].conv->forward(x);
    case NodeKind::ConvTranspose:
        return m_layers[i].convTranspose->forward(x);
    case NodeKind::BatchNorm:
        return m_layers[i].batchNorm->forward(x);
    case NodeKind::ReLU:
        if (overwriteFirst) {
            torch::Tensor target = x;  // shares the storage
            return torch::relu_(target);
        }
        return torch::relu(x);
    case NodeKind::ReLU6:
        if (overwriteFirst) {
            torch::Tensor target = x;
            return torch::hardtanh_(target, 0.0, 6.0);
        }
        return torch::hardtanh(x, 0.0, 6.0);
    case NodeKind::Tanh:
        return torch::tanh(x);
    case NodeKind::MaxPool:
        return torch::max_pool2d(x, {o.kernel, o.kernel}, {o.stride, o.stride}, {o.padding, o.padding}, {1, 1},
                                 o.ceilMode);
    case NodeKind::AvgPool:
        return torch::avg_pool2d(x, {o.kernel, o.kernel}, {o.stride, o.stride}, {o.padding, o.padding}, o.ceilMode,
                                 o.countIncludePad);
    case NodeKind::AdaptiveAvgPool:
        return torch::adaptive_avg_pool2d(x, {o.outH, o.outW});
    case NodeKind::Flatten:
        return x.flatten(1);
    case NodeKind::Linear:
        return m_layers[i].linear->forward(x);
    case NodeKind::Dropout:
        return torch::dropout(x, o.dropout, is_training());
    case NodeKind::Concat:
        return torch::cat(inputs, 1);
    case NodeKind::Add:
        if (overwriteFirst) {
            torch::Tensor target = x;
            return target.add_(inputs[1]);
        }
        return x + inputs[1];
    }
    throw SpecError(m_spec.arch + ": node '" + n.id + "' has an unknown kind");
}

torch::Tensor GraphModule::forward(const torch::Tensor& input)
{
    return execute({{m_inputNode, input}}, {m_spec.indexOf(m_spec.output)}).front();
}

std::vector<torch::Tensor> GraphModule::forwardWithAux(const torch::Tensor& input)
{
    std::vector<int> fetch{m_spec.indexOf(m_spec.output)};
    for (const std::string& aux : m_spec.auxOutputs)
        fetch.push_back(m_spec.indexOf(aux));
    return execute({{m_inputNode, input}}, fetch);
}

std::vector<torch::Tensor> GraphModule::run(const torch::Tensor& input, const std::vector<std::string>& fetch)
{
    std::vector<int> ids;
    for (const std::string& f : fetch)
        ids.push_back(requireNode(f));
    return execute({{m_inputNode, input}}, ids);
}

std::vector<torch::Tensor> GraphModule::runFrom(const std::map<std::string, torch::Tensor>& feeds,
                                                const std::vector<std::string>& fetch)
{
    std::vector<std::pair<int, torch::Tensor>> given;
    for (const auto& [id, t] : feeds)
        given.emplace_back(requireNode(id), t);
    std::sort(given.begin(), given.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<int> ids;
    for (const std::string& f : fetch)
        ids.push_back(requireNode(f));
    return execute(given, ids);
}

}  // namespace tl
