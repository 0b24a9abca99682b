#include "graph/spec_builder.h"
#include "models/zoo.h"

#include <array>
#include <map>

namespace tl {

namespace {

struct DenseNetLayout {
    int64_t growth;
    std::array<int, 4> blocks;
    int64_t initFeatures;
};

// Huang et al. 2016, Table 1; DenseNet-161 uses growth 48 and 96 initial features.
const std::map<std::string, DenseNetLayout>& layouts()
{
    static const std::map<std::string, DenseNetLayout> l{
        {"densenet121", {32, {6, 12, 24, 16}, 64}},
        {"densenet161", {48, {6, 12, 36, 24}, 96}},
        {"densenet169", {32, {6, 12, 32, 32}, 64}},
        {"densenet201", {32, {6, 12, 48, 32}, 64}},
    };
    return l;
}

constexpr int64_t kBottleneckWidth = 4;  // bn_size: the 1x1 conv makes 4 * growth channels

}  // namespace

ArchSpec buildDenseNet(const std::string& name, const BuildOptions& o)
{
    const DenseNetLayout& layout = layouts().at(name);
    SpecBuilder b(name, "densenet", o.inChannels, o.numClasses, 224, 224);
    b.input();
    b.beginGroup("features.stem", GroupKind::Stage, "Stem");
    b.conv("features.conv0", o.inChannels, layout.initFeatures, 7, 2, 3, false);
    b.batchNorm("features.norm0", layout.initFeatures);
    b.relu("features.relu0");
    b.maxPool("features.pool0", 3, 2, 1);
    b.endGroup();

    int64_t channels = layout.initFeatures;
    for (int block = 0; block < 4; ++block) {
        const std::string bp = "features.denseblock" + std::to_string(block + 1);
        b.beginGroup(bp, GroupKind::Stage, "Dense block " + std::to_string(block + 1));
        for (int layer = 0; layer < layout.blocks[block]; ++layer) {
            const std::string lp = bp + ".denselayer" + std::to_string(layer + 1);
            // Each layer sees the concatenation of everything before it in the block. Keeping that
            // concatenation as a running tensor is the same computation as torchvision's torch.cat
            // over the list of earlier outputs, and draws as a chain instead of a hairball.
            const std::string running = b.cursor();
            b.beginGroup(lp, GroupKind::Block, "Layer " + std::to_string(layer + 1));
            b.batchNorm(lp + ".norm1", channels);
            b.relu(lp + ".relu1");
            b.conv(lp + ".conv1", channels, kBottleneckWidth * layout.growth, 1, 1, 0, false);
            b.batchNorm(lp + ".norm2", kBottleneckWidth * layout.growth);
            b.relu(lp + ".relu2");
            const std::string fresh = b.conv(lp + ".conv2", kBottleneckWidth * layout.growth, layout.growth, 3, 1,
                                             1, false);
            b.concat(lp + ".concat", {running, fresh});
            b.setEdgeKind(running, lp + ".concat", EdgeKind::DenseConcat);
            b.endGroup();
            channels += layout.growth;
        }
        b.endGroup();
        if (block < 3) {
            const std::string tp = "features.transition" + std::to_string(block + 1);
            b.beginGroup(tp, GroupKind::Stage, "Transition " + std::to_string(block + 1));
            b.batchNorm(tp + ".norm", channels);
            b.relu(tp + ".relu");
            b.conv(tp + ".conv", channels, channels / 2, 1, 1, 0, false);
            b.avgPool(tp + ".pool", 2, 2);
            b.endGroup();
            channels /= 2;
        }
    }
    b.beginGroup("features.final", GroupKind::Stage, "Final norm");
    b.batchNorm("features.norm5", channels);
    b.relu("relu_final");
    b.endGroup();
    b.beginGroup("head", GroupKind::Head, "Classifier");
    b.adaptiveAvgPool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("classifier", channels, o.numClasses);
    b.endGroup();
    // As torchvision's DenseNet: He-normal (fan-in) convolutions; the classifier keeps PyTorch's
    // default weight with a zero bias.
    b.spec().init = {{WeightInit::KaimingNormalFanIn, 0.0, BiasInit::Zero},
                     {WeightInit::LayerDefault, 0.0, BiasInit::Zero},
                     {},
                     "torchvision 0.14 densenet"};
    return b.finish();
}

}  // namespace tl
