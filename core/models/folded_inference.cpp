#include "models/folded_inference.h"

#include "common/errors.h"
#include "models/graph_module.h"

#include <torch/torch.h>

#include <algorithm>

namespace tl {

namespace {

// What a step runs: the kinds oneDNN handles in its own layout, and everything else (Module),
// which the GraphModule computes on ordinary tensors.
enum class Op { Conv, BatchNorm, ReLU, MaxPool, AvgPool, AdaptiveAvgPool, Add, Module };

}  // namespace

struct FoldedInference::Step {
    Op op = Op::Module;
    int node = 0;                // whose value this step produces
    std::vector<int> inputs;     // node indices
    std::vector<char> lastRead;  // per input: this step is its last reader and it is no output
    bool overwriteFirst = false;
    NodeOptions opt;
    torch::Tensor weight, bias;                     // convolution, BatchNorm folded in when it was
    torch::Tensor scale, shift, mean, variance;     // a BatchNorm left on its own
    double eps = 1e-5;
};

namespace {

torch::Tensor blocked(const torch::Tensor& t) { return t.is_mkldnn() ? t : t.contiguous().to_mkldnn(); }
torch::Tensor dense(const torch::Tensor& t) { return t.is_mkldnn() ? t.to_dense() : t; }

Op opOf(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Conv: return Op::Conv;
    case NodeKind::BatchNorm: return Op::BatchNorm;
    case NodeKind::ReLU: return Op::ReLU;
    case NodeKind::MaxPool: return Op::MaxPool;
    case NodeKind::AvgPool: return Op::AvgPool;
    case NodeKind::AdaptiveAvgPool: return Op::AdaptiveAvgPool;
    case NodeKind::Add: return Op::Add;
    default: return Op::Module;
    }
}

// Ops whose result is a fresh tensor that nobody else refers to, so a later in-place ReLU or Add
// cannot change another value through it (a flatten, say, would be a view of its input).
bool producesFreshTensor(Op op) { return op != Op::Module; }

}  // namespace

FoldedInference::FoldedInference(GraphModule& model, const std::vector<bool>& nodes, std::vector<std::string> outputs)
    : m_model(model), m_outputIds(std::move(outputs))
{
    const ArchSpec& spec = model.spec();
    const size_t count = spec.nodes.size();
    if (nodes.size() != count)
        throw InvalidArgument(spec.arch + ": folded inference needs one flag per node");
    std::vector<std::vector<int>> inputsOf(count);
    std::vector<int> readers(count, 0);
    for (size_t i = 0; i < count; ++i) {
        if (spec.nodes[i].kind == NodeKind::Input)
            m_inputNode = static_cast<int>(i);
        for (const std::string& in : spec.nodes[i].inputs) {
            inputsOf[i].push_back(spec.indexOf(in));
            ++readers[size_t(inputsOf[i].back())];
        }
    }
    std::vector<char> isOutput(count, 0);
    for (const std::string& id : m_outputIds) {
        const int i = spec.indexOf(id);
        if (i < 0 || !nodes[size_t(i)])
            throw InvalidArgument(spec.arch + ": '" + id + "' is not among the nodes to run");
        m_outputs.push_back(i);
        isOutput[size_t(i)] = 1;
    }
    // Only what the outputs depend on runs (not GoogLeNet's auxiliary heads, say).
    std::vector<char> needed(count, 0);
    for (int o : m_outputs)
        needed[size_t(o)] = 1;
    for (size_t i = count; i-- > 0;) {
        if (!needed[i])
            continue;
        for (int in : inputsOf[i]) {
            if (!nodes[size_t(in)])
                throw InvalidArgument(spec.arch + ": node '" + spec.nodes[i].id + "' needs '" + spec.nodes[size_t(in)].id
                                      + "', which is not among the nodes to run");
            needed[size_t(in)] = 1;
        }
    }

    torch::Device device(torch::kCPU);
    torch::ScalarType dtype = torch::kFloat32;
    for (const torch::Tensor& p : model.parameters()) {
        device = p.device();
        dtype = p.scalar_type();
        break;
    }
    m_blocked = at::hasMKLDNN() && device.is_cpu() && dtype == torch::kFloat32;

    // A BatchNorm folds into the convolution before it when nothing else reads that convolution.
    std::vector<int> foldedInto(count, -1);
    for (size_t b = 0; b < count; ++b) {
        if (!needed[b] || spec.nodes[b].kind != NodeKind::BatchNorm)
            continue;
        if (model.layer(spec.nodes[b].id)->is_training())
            throw InvalidArgument(spec.arch + ": BatchNorm '" + spec.nodes[b].id
                                  + "' is in training mode; its output depends on the batch");
        const int c = inputsOf[b].front();
        if (spec.nodes[size_t(c)].kind == NodeKind::Conv && readers[size_t(c)] == 1 && !isOutput[size_t(c)])
            foldedInto[size_t(c)] = static_cast<int>(b);
    }

    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < count; ++i) {
        const Node& n = spec.nodes[i];
        if (!needed[i] || n.kind == NodeKind::Input || foldedInto[i] >= 0)
            continue;
        Step step;
        step.node = static_cast<int>(i);
        step.op = opOf(n.kind);
        step.opt = n.opt;
        step.inputs = inputsOf[i];
        if (n.kind == NodeKind::BatchNorm) {
            const auto norm = std::dynamic_pointer_cast<torch::nn::BatchNorm2dImpl>(model.layer(n.id));
            step.eps = norm->options.eps();
            const torch::Tensor invStd = torch::rsqrt(norm->running_var + step.eps);
            const torch::Tensor gamma = norm->weight.defined() ? norm->weight : torch::ones_like(invStd);
            const torch::Tensor beta = norm->bias.defined() ? norm->bias : torch::zeros_like(invStd);
            const int c = inputsOf[i].front();
            if (foldedInto[size_t(c)] == static_cast<int>(i)) {
                // conv(x) * s + t == conv with weight * s and bias * s + t, s = γ/√(σ²+ε), t = β − μ·s.
                step.op = Op::Conv;
                step.opt = spec.nodes[size_t(c)].opt;
                step.inputs = inputsOf[size_t(c)];
                const auto conv = std::dynamic_pointer_cast<torch::nn::Conv2dImpl>(model.layer(spec.nodes[size_t(c)].id));
                const torch::Tensor s = gamma * invStd;
                step.weight = conv->weight * s.view({-1, 1, 1, 1});
                step.bias = beta - norm->running_mean * s;
                if (conv->bias.defined())
                    step.bias = step.bias + conv->bias * s;
                ++m_folded;
            } else {
                step.scale = gamma.clone();
                step.shift = beta.clone();
                step.mean = norm->running_mean.clone();
                step.variance = norm->running_var.clone();
            }
        } else if (n.kind == NodeKind::Conv) {
            const auto conv = std::dynamic_pointer_cast<torch::nn::Conv2dImpl>(model.layer(n.id));
            step.weight = conv->weight.clone();
            if (conv->bias.defined())
                step.bias = conv->bias.clone();
        }
        m_steps.push_back(std::move(step));
    }
    // oneDNN's layout pays only while activations stay in it from convolution to convolution:
    // a concatenation, ReLU6 or the like between two convolutions would convert to and from it
    // each time, and measured slower than the ordinary layout (GoogLeNet, MobileNetV2). So it is
    // used for networks whose other operations all come after the last convolution.
    const auto lastConv = std::find_if(m_steps.rbegin(), m_steps.rend(), [](const Step& s) { return s.op == Op::Conv; });
    m_blocked = m_blocked
             && std::none_of(m_steps.begin(), lastConv.base(), [](const Step& s) { return s.op == Op::Module; });
    for (Step& step : m_steps) {
        if (step.op != Op::Conv || !m_blocked)
            continue;
        const NodeOptions& o = step.opt;
        step.weight = at::mkldnn_reorder_conv2d_weight(blocked(step.weight), {o.padding, o.padding},
                                                       {o.stride, o.stride}, {o.dilation, o.dilation}, o.groups);
    }

    // Release every value after its last reader; a ReLU or Add may then overwrite it.
    std::vector<int> lastReader(count, -1);
    std::vector<Op> producer(count, Op::Module);
    for (size_t s = 0; s < m_steps.size(); ++s) {
        for (int in : m_steps[s].inputs)
            lastReader[size_t(in)] = static_cast<int>(s);
        producer[size_t(m_steps[s].node)] = m_steps[s].op;
    }
    for (size_t s = 0; s < m_steps.size(); ++s) {
        Step& step = m_steps[s];
        for (int in : step.inputs)
            step.lastRead.push_back(lastReader[size_t(in)] == static_cast<int>(s) && !isOutput[size_t(in)]);
        const int first = step.inputs.front();
        step.overwriteFirst = (step.op == Op::ReLU || step.op == Op::Add) && step.lastRead.front() && first != m_inputNode
                           && producesFreshTensor(producer[size_t(first)])
                           && (step.inputs.size() < 2 || step.inputs[1] != first);
    }
}

FoldedInference::~FoldedInference() = default;

std::vector<torch::Tensor> FoldedInference::run(const torch::Tensor& input) const
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> values(m_model.spec().nodes.size());
    values[size_t(m_inputNode)] = input;
    // Converts a value in place of the stored one, so that several readers wanting the same
    // layout convert it once.
    const auto as = [&](int node, bool wantBlocked) -> torch::Tensor& {
        torch::Tensor& v = values[size_t(node)];
        if (wantBlocked && !v.is_mkldnn())
            v = blocked(v);
        else if (!wantBlocked && v.is_mkldnn())
            v = dense(v);
        return v;
    };
    for (const Step& step : m_steps) {
        const NodeOptions& o = step.opt;
        torch::Tensor& x = values[size_t(step.inputs.front())];
        torch::Tensor out;
        switch (step.op) {
        case Op::Conv:
            if (m_blocked)
                out = at::mkldnn_convolution(as(step.inputs.front(), true), step.weight, step.bias, {o.padding, o.padding},
                                             {o.stride, o.stride}, {o.dilation, o.dilation}, o.groups);
            else
                out = at::conv2d(x, step.weight, step.bias, {o.stride, o.stride}, {o.padding, o.padding},
                                 {o.dilation, o.dilation}, o.groups);
            break;
        case Op::BatchNorm:
            out = at::batch_norm(x, step.scale, step.shift, step.mean, step.variance, false, 0.0, step.eps, false);
            break;
        case Op::ReLU:
            out = step.overwriteFirst ? at::relu_(x) : at::relu(x);
            break;
        case Op::MaxPool:
            out = at::max_pool2d(x, {o.kernel, o.kernel}, {o.stride, o.stride}, {o.padding, o.padding}, {1, 1}, o.ceilMode);
            break;
        case Op::AvgPool:
            out = at::avg_pool2d(x, {o.kernel, o.kernel}, {o.stride, o.stride}, {o.padding, o.padding}, o.ceilMode,
                                 o.countIncludePad);
            break;
        case Op::AdaptiveAvgPool: {
            // oneDNN pools only when the output divides the input evenly.
            const bool even = x.size(2) % o.outH == 0 && x.size(3) % o.outW == 0;
            out = at::adaptive_avg_pool2d(even ? x : as(step.inputs.front(), false), {o.outH, o.outW});
            break;
        }
        case Op::Add: {
            const bool inBlocked = x.is_mkldnn() || values[size_t(step.inputs[1])].is_mkldnn();
            torch::Tensor& a = as(step.inputs[0], inBlocked);
            const torch::Tensor& b = as(step.inputs[1], inBlocked);
            out = step.overwriteFirst ? a.add_(b) : at::add(a, b);
            break;
        }
        case Op::Module: {
            std::vector<torch::Tensor> inputs;
            for (int in : step.inputs)
                inputs.push_back(as(in, false));
            out = m_model.evaluateNode(m_model.spec().nodes[size_t(step.node)].id, inputs);
            break;
        }
        }
        for (size_t k = 0; k < step.inputs.size(); ++k)
            if (step.lastRead[k])
                values[size_t(step.inputs[k])] = torch::Tensor();
        values[size_t(step.node)] = std::move(out);
    }
    std::vector<torch::Tensor> result;
    result.reserve(m_outputs.size());
    for (int node : m_outputs)
        result.push_back(dense(values[size_t(node)]));
    return result;
}

}  // namespace tl
