#include "train/grad_cam.h"

#include "common/errors.h"
#include "graph/shape_inference.h"
#include "models/graph_module.h"

#include <torch/torch.h>

namespace tl {

namespace {

bool spatialMap(const Shape& s)
{
    return s.size() == 4 && s[2] * s[3] > 1;
}

/// Puts the model in eval mode without parameter gradients for the time of one map, so that the
/// backward pass computes only the gradient at the feature node and no .grad field is touched.
class ModelStateGuard {
public:
    explicit ModelStateGuard(GraphModule& model) : m_model(model), m_training(model.is_training())
    {
        for (torch::Tensor& p : m_model.parameters()) {
            m_flags.push_back(p.requires_grad());
            p.requires_grad_(false);
        }
        m_model.eval();
    }
    ~ModelStateGuard()
    {
        size_t i = 0;
        for (torch::Tensor& p : m_model.parameters())
            p.requires_grad_(m_flags[i++]);
        m_model.train(m_training);
    }
    ModelStateGuard(const ModelStateGuard&) = delete;
    ModelStateGuard& operator=(const ModelStateGuard&) = delete;

private:
    GraphModule& m_model;
    bool m_training;
    std::vector<bool> m_flags;
};

}  // namespace

std::string gradCamNode(const ArchSpec& spec, int64_t height, int64_t width)
{
    if (spec.segmentation)
        throw InvalidArgument(spec.arch + ": Grad-CAM needs a model with one score per image");
    const std::vector<Shape> shapes = inferShapes(spec, height, width);
    const std::vector<bool> auxiliary = spec.auxiliaryMask();
    int head = -1;
    for (size_t i = 0; i < spec.nodes.size() && head < 0; ++i) {
        const NodeKind kind = spec.nodes[i].kind;
        if (auxiliary[i])
            continue;
        const bool global = (kind == NodeKind::AdaptiveAvgPool || kind == NodeKind::AvgPool || kind == NodeKind::MaxPool)
                         && shapes[i].size() == 4 && shapes[i][2] * shapes[i][3] == 1;
        if (kind == NodeKind::Flatten || kind == NodeKind::AdaptiveAvgPool || global)
            head = static_cast<int>(i);
    }
    if (head < 0)
        throw InvalidArgument(spec.arch + ": no global pooling or flatten node to look before for Grad-CAM");
    for (int i = head; i >= 0;) {
        const Node& n = spec.nodes[i];
        if (i != head && n.kind != NodeKind::AdaptiveAvgPool && spatialMap(shapes[i]))
            return n.id;
        if (n.inputs.empty())
            break;
        i = spec.indexOf(n.inputs.front());
    }
    throw InvalidArgument(spec.arch + ": at " + std::to_string(height) + "x" + std::to_string(width)
                          + " px no feature map before the classifier is larger than 1x1, so Grad-CAM cannot locate anything");
}

ClassActivationMap gradCam(GraphModule& model, const torch::Tensor& input, int64_t classIndex, const std::string& node)
{
    if (input.dim() != 4 || input.size(0) != 1)
        throw InvalidArgument("Grad-CAM takes one image (1 x C x H x W), got " + shapeToString(input.sizes().vec()));
    const int64_t height = input.size(2);
    const int64_t width = input.size(3);
    ClassActivationMap map;
    map.node = node.empty() ? gradCamNode(model.spec(), height, width) : node;
    map.height = static_cast<int>(height);
    map.width = static_cast<int>(width);

    const ModelStateGuard guard(model);
    torch::AutoGradMode enable(true);
    // With the parameters frozen, a graph is recorded only because the input asks for one.
    const torch::Tensor x = input.detach().to(torch::kFloat).requires_grad_(true);
    const std::vector<torch::Tensor> out = model.run(x, {map.node, model.spec().output});
    const torch::Tensor& features = out[0];
    const torch::Tensor logits = out[1].flatten();
    map.classIndex = classIndex >= 0 ? classIndex : logits.argmax().item<int64_t>();
    if (map.classIndex >= logits.numel())
        throw InvalidArgument("Grad-CAM: class " + std::to_string(map.classIndex) + " of a model with "
                              + std::to_string(logits.numel()) + " classes");
    const torch::Tensor gradient =
        torch::autograd::grad({logits[map.classIndex]}, {features}, {}, /*retain_graph=*/false)[0];

    torch::NoGradGuard noGrad;
    const torch::Tensor weights = gradient.mean({2, 3}, /*keepdim=*/true);
    torch::Tensor cam = torch::relu((weights * features.detach()).sum(1, /*keepdim=*/true));
    cam = torch::upsample_bilinear2d(cam, {height, width}, /*align_corners=*/false);
    const double low = cam.min().item<double>();
    const double high = cam.max().item<double>();
    // A map without any positive evidence stays all zero rather than amplifying rounding noise.
    cam = high - low > 1e-12 ? (cam - low) / (high - low) : torch::zeros_like(cam);
    cam = cam.flatten().contiguous().to(torch::kCPU);
    map.values.assign(cam.data_ptr<float>(), cam.data_ptr<float>() + cam.numel());
    return map;
}

}  // namespace tl
