#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tl {

/// What a node of the network computes.
enum class NodeKind {
    Input,
    InputTransform,  // GoogLeNet's per-channel re-normalisation of ImageNet inputs
    Conv,
    ConvTranspose,
    BatchNorm,
    ReLU,
    ReLU6,
    Tanh,
    MaxPool,
    AvgPool,
    AdaptiveAvgPool,
    Flatten,
    Linear,
    Dropout,
    Concat,
    Add,
};

/// Why one node feeds another; the diagram draws each kind differently.
enum class EdgeKind {
    Sequential,
    ResidualIdentity,
    ResidualProjection,
    InceptionBranch,
    DenseConcat,
    UNetSkip,
    AuxiliaryHead,
};

/// How nodes are grouped for display and for freezing.
enum class GroupKind { Stage, Block, Branch, Head };

/// Options of a node; each kind reads the fields it needs.
struct NodeOptions {
    int64_t inChannels = 0;
    int64_t outChannels = 0;
    int64_t kernel = 1;
    int64_t stride = 1;
    int64_t padding = 0;
    int64_t dilation = 1;
    int64_t groups = 1;
    bool bias = true;
    bool ceilMode = false;
    bool countIncludePad = true;
    int64_t outH = 1;  // adaptive pooling target
    int64_t outW = 1;
    double eps = 1e-5;
    double momentum = 0.1;
    double dropout = 0.5;
    int64_t inFeatures = 0;
    int64_t outFeatures = 0;
};

/// One layer or operation; `id` equals torchvision's state_dict prefix for layers with weights.
struct Node {
    std::string id;
    NodeKind kind = NodeKind::Input;
    NodeOptions opt;
    std::vector<std::string> inputs;
    std::string group;  // innermost group id, empty for top level
};

struct Edge {
    std::string from;
    std::string to;
    EdgeKind kind = EdgeKind::Sequential;
};

struct Group {
    std::string id;
    GroupKind kind = GroupKind::Stage;
    std::string label;
    std::string parent;  // empty for top level
};

/// How a layer's weight starts when a network is trained from scratch.
enum class WeightInit {
    LayerDefault,         // PyTorch's own reset_parameters(): Kaiming-uniform with a = sqrt(5)
    KaimingNormalFanOut,  // He et al. 2015, std = sqrt(2 / fan_out)
    KaimingNormalFanIn,   // He et al. 2015, std = sqrt(2 / fan_in)
    Normal,               // N(0, std)
    TruncatedNormal,      // N(0, std) cut at +-2 (absolute), as torch.nn.init.trunc_normal_
};

/// How a layer's bias starts: PyTorch's U(+-1/sqrt(fan_in)), or zero.
enum class BiasInit { LayerDefault, Zero };

struct LayerInit {
    WeightInit weight = WeightInit::LayerDefault;
    double std = 0.0;  // Normal and TruncatedNormal
    BiasInit bias = BiasInit::LayerDefault;
};

/// A family's from-scratch initialisation, declared by its builder as its reference
/// implementation does it. BatchNorm always starts with unit scale and zero shift.
struct InitScheme {
    LayerInit conv;            // convolutions and transposed convolutions
    LayerInit linear;
    std::vector<std::string> zeroScaleNorms;  // BatchNorm ids whose scale starts at 0
    std::string reference;     // where the scheme comes from, for people reading a report
};

/// A parameter or buffer tensor as it appears in a state_dict.
struct TensorInfo {
    std::string name;
    std::vector<int64_t> shape;
    int64_t numel() const;
};

/// The whole network as data: nodes in topological order, typed edges, groups and outputs.
class ArchSpec {
public:
    std::string arch;    // e.g. "resnet18"
    std::string family;  // e.g. "resnet"
    int64_t inChannels = 3;
    int64_t numClasses = 1000;
    int64_t defaultInputH = 224;
    int64_t defaultInputW = 224;
    bool segmentation = false;  // output is a per-pixel class map (U-Net)
    InitScheme init;

    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<Group> groups;
    std::string output;                   // the main output node
    std::vector<std::string> auxOutputs;  // extra outputs used only in training (GoogLeNet)

    const Node* find(const std::string& id) const;
    const Node& at(const std::string& id) const;  // throws SpecError when absent
    int indexOf(const std::string& id) const;     // -1 when absent
    const Group* findGroup(const std::string& id) const;

    /// Per node (in order): true when the main output does not depend on it (auxiliary heads).
    std::vector<bool> auxiliaryMask() const;
    bool isAuxiliary(const std::string& nodeId) const;

    /// Throws SpecError if ids repeat, inputs are unknown or out of order, or edges dangle.
    void validate() const;

    std::vector<TensorInfo> parameters() const;
    std::vector<TensorInfo> buffers() const;
    int64_t parameterCount(bool includeAuxiliary = true) const;

private:
    mutable std::unordered_map<std::string, int> m_index;
    void rebuildIndex() const;
};

/// Tensors a single node owns, named as in a state_dict.
std::vector<TensorInfo> nodeParameters(const Node& node);
std::vector<TensorInfo> nodeBuffers(const Node& node);
bool hasParameters(NodeKind kind);

const char* toString(NodeKind kind);
const char* toString(EdgeKind kind);
const char* toString(GroupKind kind);
const char* toString(WeightInit init);

}  // namespace tl
