#include "graph/shape_inference.h"

#include "common/errors.h"

#include <sstream>

namespace tl {

namespace {

int64_t slidingOutput(int64_t size, int64_t kernel, int64_t stride, int64_t padding, int64_t dilation,
                      bool ceilMode)
{
    const int64_t span = size + 2 * padding - dilation * (kernel - 1) - 1;
    if (span < 0)
        return 0;
    int64_t out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
    // As in PyTorch: with ceil mode the last window must start inside the input or left padding.
    if (ceilMode && (out - 1) * stride >= size + padding)
        --out;
    return out;
}

class ShapeChecker {
public:
    ShapeChecker(const ArchSpec& spec, int64_t h, int64_t w) : m_spec(spec), m_h(h), m_w(w) {}

    [[noreturn]] void fail(const Node& n, const std::string& why) const
    {
        std::ostringstream s;
        s << m_spec.arch << ": input " << m_h << "x" << m_w << " does not fit at node '" << n.id << "' ("
          << toString(n.kind) << "): " << why;
        throw ShapeError(s.str());
    }

    void requireSpatial(const Node& n, const Shape& in) const
    {
        if (in.size() != 4)
            fail(n, "expects a feature map, got " + shapeToString(in));
    }

    void requireChannels(const Node& n, const Shape& in, int64_t channels) const
    {
        requireSpatial(n, in);
        if (in[1] != channels)
            fail(n, "expects " + std::to_string(channels) + " channels, got " + std::to_string(in[1]));
    }

    Shape spatialOut(const Node& n, const Shape& in, int64_t channels, int64_t oh, int64_t ow) const
    {
        if (oh < 1 || ow < 1)
            fail(n, "the " + std::to_string(in[2]) + "x" + std::to_string(in[3])
                        + " feature map is too small (it would become " + std::to_string(oh) + "x"
                        + std::to_string(ow) + "); use a larger input size");
        return {in[0], channels, oh, ow};
    }

    Shape infer(const Node& n, const std::vector<const Shape*>& ins) const
    {
        const NodeOptions& o = n.opt;
        const Shape& in = *ins.front();
        switch (n.kind) {
        case NodeKind::Input:
            return in;
        case NodeKind::InputTransform:
            requireChannels(n, in, 3);
            return in;
        case NodeKind::Conv: {
            requireChannels(n, in, o.inChannels);
            const int64_t oh = slidingOutput(in[2], o.kernel, o.stride, o.padding, o.dilation, false);
            const int64_t ow = slidingOutput(in[3], o.kernel, o.stride, o.padding, o.dilation, false);
            return spatialOut(n, in, o.outChannels, oh, ow);
        }
        case NodeKind::ConvTranspose: {
            requireChannels(n, in, o.inChannels);
            const int64_t oh = (in[2] - 1) * o.stride - 2 * o.padding + o.dilation * (o.kernel - 1) + 1;
            const int64_t ow = (in[3] - 1) * o.stride - 2 * o.padding + o.dilation * (o.kernel - 1) + 1;
            return spatialOut(n, in, o.outChannels, oh, ow);
        }
        case NodeKind::BatchNorm:
            requireChannels(n, in, o.outChannels);
            return in;
        case NodeKind::ReLU:
        case NodeKind::ReLU6:
        case NodeKind::Tanh:
        case NodeKind::Dropout:
            return in;
        case NodeKind::MaxPool:
        case NodeKind::AvgPool: {
            requireSpatial(n, in);
            const int64_t oh = slidingOutput(in[2], o.kernel, o.stride, o.padding, 1, o.ceilMode);
            const int64_t ow = slidingOutput(in[3], o.kernel, o.stride, o.padding, 1, o.ceilMode);
            return spatialOut(n, in, in[1], oh, ow);
        }
        case NodeKind::AdaptiveAvgPool:
            requireSpatial(n, in);
            return {in[0], in[1], o.outH, o.outW};
        case NodeKind::Flatten: {
            int64_t features = 1;
            for (size_t i = 1; i < in.size(); ++i)
                features *= in[i];
            return {in[0], features};
        }
        case NodeKind::Linear:
            if (in.size() != 2 || in[1] != o.inFeatures)
                fail(n, "expects " + std::to_string(o.inFeatures) + " features, got " + shapeToString(in)
                            + "; this network needs a " + std::to_string(m_spec.defaultInputH) + "x"
                            + std::to_string(m_spec.defaultInputW) + " input");
            return {in[0], o.outFeatures};
        case NodeKind::Concat: {
            Shape out = in;
            requireSpatial(n, in);
            for (size_t i = 1; i < ins.size(); ++i) {
                const Shape& other = *ins[i];
                if (other.size() != 4 || other[2] != in[2] || other[3] != in[3])
                    fail(n, "inputs " + shapeToString(in) + " and " + shapeToString(other)
                                + " differ in size; use an input size divisible by the network's stride");
                out[1] += other[1];
            }
            return out;
        }
        case NodeKind::Add:
            for (size_t i = 1; i < ins.size(); ++i)
                if (*ins[i] != in)
                    fail(n, "inputs " + shapeToString(in) + " and " + shapeToString(*ins[i]) + " differ");
            return in;
        }
        fail(n, "unknown node kind");
    }

private:
    const ArchSpec& m_spec;
    int64_t m_h;
    int64_t m_w;
};

}  // namespace

std::vector<Shape> inferShapes(const ArchSpec& spec, int64_t height, int64_t width, int64_t batch)
{
    if (height < 1 || width < 1)
        throw ShapeError(spec.arch + ": input size " + std::to_string(height) + "x" + std::to_string(width)
                         + " is not positive");
    ShapeChecker checker(spec, height, width);
    const Shape inputShape{batch, spec.inChannels, height, width};
    std::vector<Shape> shapes(spec.nodes.size());
    for (size_t i = 0; i < spec.nodes.size(); ++i) {
        const Node& n = spec.nodes[i];
        std::vector<const Shape*> ins;
        if (n.kind == NodeKind::Input) {
            ins.push_back(&inputShape);
        } else {
            for (const std::string& id : n.inputs)
                ins.push_back(&shapes[spec.indexOf(id)]);
        }
        shapes[i] = checker.infer(n, ins);
    }
    return shapes;
}

std::string shapeToString(const Shape& shape)
{
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i)
            s += ", ";
        s += std::to_string(shape[i]);
    }
    return s + "]";
}

}  // namespace tl
