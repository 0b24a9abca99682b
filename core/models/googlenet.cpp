#include "graph/spec_builder.h"
#include "models/zoo.h"

#include <array>

namespace tl {

namespace {

// torchvision's BasicConv2d: convolution without bias, BatchNorm (eps 0.001), ReLU.
std::string basicConv(SpecBuilder& b, const std::string& p, int64_t in, int64_t out, int64_t kernel,
                      int64_t stride = 1, int64_t padding = 0)
{
    b.conv(p + ".conv", in, out, kernel, stride, padding, false);
    b.batchNorm(p + ".bn", out, 1e-3);
    return b.relu(p + ".relu");
}

struct InceptionConfig {
    const char* name;
    int64_t in, ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, poolProj;
};

// Szegedy et al. 2014, Table 1.
constexpr std::array<InceptionConfig, 9> kInception{{
    {"inception3a", 192, 64, 96, 128, 16, 32, 32},
    {"inception3b", 256, 128, 128, 192, 32, 96, 64},
    {"inception4a", 480, 192, 96, 208, 16, 48, 64},
    {"inception4b", 512, 160, 112, 224, 24, 64, 64},
    {"inception4c", 512, 128, 128, 256, 24, 64, 64},
    {"inception4d", 512, 112, 144, 288, 32, 64, 64},
    {"inception4e", 528, 256, 160, 320, 32, 128, 128},
    {"inception5a", 832, 256, 160, 320, 32, 128, 128},
    {"inception5b", 832, 384, 192, 384, 48, 128, 128},
}};

void inception(SpecBuilder& b, const InceptionConfig& c)
{
    const std::string p = c.name;
    const std::string in = b.cursor();
    b.beginGroup(p, GroupKind::Block, p);
    std::vector<std::string> ends;
    auto branch = [&](int index, auto&& body) {
        const std::string bp = p + ".branch" + std::to_string(index);
        b.beginGroup(bp, GroupKind::Branch, "Branch " + std::to_string(index));
        b.setCursor(in);
        const std::string first = body(bp);
        b.setEdgeKind(in, first, EdgeKind::InceptionBranch);
        ends.push_back(b.cursor());
        b.endGroup();
    };
    branch(1, [&](const std::string& bp) {
        basicConv(b, bp, c.in, c.ch1x1, 1);
        return bp + ".conv";
    });
    branch(2, [&](const std::string& bp) {
        basicConv(b, bp + ".0", c.in, c.ch3x3red, 1);
        basicConv(b, bp + ".1", c.ch3x3red, c.ch3x3, 3, 1, 1);
        return bp + ".0.conv";
    });
    // torchvision keeps a 3x3 kernel in the "5x5" branch (a known deviation from the paper) and its
    // pretrained weights depend on it, so we do the same.
    branch(3, [&](const std::string& bp) {
        basicConv(b, bp + ".0", c.in, c.ch5x5red, 1);
        basicConv(b, bp + ".1", c.ch5x5red, c.ch5x5, 3, 1, 1);
        return bp + ".0.conv";
    });
    branch(4, [&](const std::string& bp) {
        b.maxPool(bp + ".0", 3, 1, 1, true);
        basicConv(b, bp + ".1", c.in, c.poolProj, 1);
        return bp + ".0";
    });
    b.concat(p + ".concat", ends);
    b.endGroup();
}

// Auxiliary classifier hanging off `from`; returns its logits node.
std::string auxHead(SpecBuilder& b, const std::string& p, const std::string& from, int64_t in, int64_t classes)
{
    b.beginGroup(p, GroupKind::Head, p == "aux1" ? "Auxiliary head 1" : "Auxiliary head 2");
    b.setCursor(from);
    b.adaptiveAvgPool(p + ".pool", 4, 4);
    b.setEdgeKind(from, p + ".pool", EdgeKind::AuxiliaryHead);
    basicConv(b, p + ".conv", in, 128, 1);
    b.flatten(p + ".flatten");
    b.linear(p + ".fc1", 2048, 1024);
    b.relu(p + ".relu");
    b.dropout(p + ".dropout", 0.7);
    const std::string out = b.linear(p + ".fc2", 1024, classes);
    b.endGroup();
    return out;
}

}  // namespace

ArchSpec buildGoogLeNet(const BuildOptions& o)
{
    SpecBuilder b("googlenet", "googlenet", o.inChannels, o.numClasses, 224, 224);
    b.input();
    if (o.googlenetTransformInput && o.inChannels == 3)
        b.inputTransform("transform_input");
    b.beginGroup("stem", GroupKind::Stage, "Stem");
    basicConv(b, "conv1", o.inChannels, 64, 7, 2, 3);
    b.maxPool("maxpool1", 3, 2, 0, true);
    basicConv(b, "conv2", 64, 64, 1);
    basicConv(b, "conv3", 64, 192, 3, 1, 1);
    b.maxPool("maxpool2", 3, 2, 0, true);
    b.endGroup();

    std::vector<std::string> aux;
    b.beginGroup("stage3", GroupKind::Stage, "Inception 3");
    inception(b, kInception[0]);
    inception(b, kInception[1]);
    b.maxPool("maxpool3", 3, 2, 0, true);
    b.endGroup();
    b.beginGroup("stage4", GroupKind::Stage, "Inception 4");
    for (int i = 2; i < 7; ++i) {
        inception(b, kInception[i]);
        if (o.googlenetAuxHeads && (i == 2 || i == 5)) {
            const std::string main = b.cursor();
            const InceptionConfig& c = kInception[i];
            const int64_t channels = c.ch1x1 + c.ch3x3 + c.ch5x5 + c.poolProj;
            aux.push_back(auxHead(b, i == 2 ? "aux1" : "aux2", main, channels, o.numClasses));
            b.setCursor(main);
        }
    }
    b.maxPool("maxpool4", 2, 2, 0, true);
    b.endGroup();
    b.beginGroup("stage5", GroupKind::Stage, "Inception 5");
    inception(b, kInception[7]);
    inception(b, kInception[8]);
    b.endGroup();
    b.beginGroup("head", GroupKind::Head, "Classifier");
    b.adaptiveAvgPool("avgpool", 1, 1);
    b.flatten("flatten");
    b.dropout("dropout", 0.2);
    b.linear("fc", 1024, o.numClasses);
    b.endGroup();
    // As torchvision's GoogLeNet: truncated N(0, 0.01) for convolutions and linear layers (whose
    // biases keep PyTorch's default); the convolutions have no bias.
    b.spec().init = {{WeightInit::TruncatedNormal, 0.01, BiasInit::LayerDefault},
                     {WeightInit::TruncatedNormal, 0.01, BiasInit::LayerDefault},
                     {},
                     "torchvision 0.14 googlenet"};
    return b.finish(aux);
}

}  // namespace tl
