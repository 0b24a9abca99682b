#include "graph/spec_builder.h"
#include "models/zoo.h"

#include <array>
#include <map>

namespace tl {

namespace {

struct ResNetLayout {
    bool bottleneck;
    std::array<int, 4> blocks;
};

// He et al. 2015, Table 1. Bottleneck blocks stride in their 3x3 conv as torchvision does ("v1.5").
const std::map<std::string, ResNetLayout>& layouts()
{
    static const std::map<std::string, ResNetLayout> l{
        {"resnet18", {false, {2, 2, 2, 2}}},  {"resnet34", {false, {3, 4, 6, 3}}},
        {"resnet50", {true, {3, 4, 6, 3}}},   {"resnet101", {true, {3, 4, 23, 3}}},
        {"resnet152", {true, {3, 8, 36, 3}}},
    };
    return l;
}

// One residual block; returns its output channel count.
int64_t residualBlock(SpecBuilder& b, const std::string& p, bool bottleneck, int64_t in, int64_t planes,
                      int64_t stride)
{
    const int64_t expansion = bottleneck ? 4 : 1;
    const int64_t out = planes * expansion;
    const std::string blockInput = b.cursor();
    if (bottleneck) {
        b.conv(p + ".conv1", in, planes, 1, 1, 0, false);
        b.batchNorm(p + ".bn1", planes);
        b.relu(p + ".relu1");
        b.conv(p + ".conv2", planes, planes, 3, stride, 1, false);
        b.batchNorm(p + ".bn2", planes);
        b.relu(p + ".relu2");
        b.conv(p + ".conv3", planes, out, 1, 1, 0, false);
        b.batchNorm(p + ".bn3", out);
    } else {
        b.conv(p + ".conv1", in, planes, 3, stride, 1, false);
        b.batchNorm(p + ".bn1", planes);
        b.relu(p + ".relu1");
        b.conv(p + ".conv2", planes, planes, 3, 1, 1, false);
        b.batchNorm(p + ".bn2", planes);
    }
    const std::string mainPath = b.cursor();
    std::string shortcut = blockInput;
    EdgeKind kind = EdgeKind::ResidualIdentity;
    if (stride != 1 || in != out) {
        b.setCursor(blockInput);
        b.conv(p + ".downsample.0", in, out, 1, stride, 0, false);
        shortcut = b.batchNorm(p + ".downsample.1", out);
        kind = EdgeKind::ResidualProjection;
    }
    b.add(p + ".add", mainPath, shortcut, kind);
    b.relu(p + ".relu_out");
    return out;
}

}  // namespace

ArchSpec buildResNet(const std::string& name, const BuildOptions& o)
{
    const ResNetLayout& layout = layouts().at(name);
    SpecBuilder b(name, "resnet", o.inChannels, o.numClasses, 224, 224);
    b.input();
    b.beginGroup("stem", GroupKind::Stage, "Stem");
    b.conv("conv1", o.inChannels, 64, 7, 2, 3, false);
    b.batchNorm("bn1", 64);
    b.relu("relu");
    b.maxPool("maxpool", 3, 2, 1);
    b.endGroup();
    int64_t channels = 64;
    for (int stage = 0; stage < 4; ++stage) {
        const std::string layer = "layer" + std::to_string(stage + 1);
        const int64_t planes = int64_t{64} << stage;
        b.beginGroup(layer, GroupKind::Stage, "Stage " + std::to_string(stage + 1));
        for (int i = 0; i < layout.blocks[stage]; ++i) {
            const std::string block = layer + "." + std::to_string(i);
            b.beginGroup(block, GroupKind::Block, block);
            channels = residualBlock(b, block, layout.bottleneck, channels, planes, (stage > 0 && i == 0) ? 2 : 1);
            b.endGroup();
        }
        b.endGroup();
    }
    b.beginGroup("head", GroupKind::Head, "Classifier");
    b.adaptiveAvgPool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("fc", channels, o.numClasses);
    b.endGroup();
    // As torchvision's ResNet: He-normal (fan-out) convolutions; fc keeps PyTorch's default.
    // zero_init_residual starts each block's last BatchNorm at zero scale, so every block begins
    // as the identity (Goyal et al. 2017, "Accurate, large minibatch SGD").
    InitScheme& init = b.spec().init;
    init.conv = {WeightInit::KaimingNormalFanOut, 0.0, BiasInit::Zero};
    init.reference = "torchvision 0.14 resnet";
    if (o.zeroInitResidual)
        for (const Node& n : b.spec().nodes)
            if (n.kind == NodeKind::BatchNorm
                && n.id.size() > 4 && n.id.compare(n.id.size() - 4, 4, layout.bottleneck ? ".bn3" : ".bn2") == 0)
                init.zeroScaleNorms.push_back(n.id);
    return b.finish();
}

}  // namespace tl
