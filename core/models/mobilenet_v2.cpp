#include "graph/spec_builder.h"
#include "models/zoo.h"

namespace tl {

namespace {

// torchvision's Conv2dNormActivation: conv (no bias) + BatchNorm + ReLU6, ids p.0, p.1, p.2.
void convBnReLU6(SpecBuilder& b, const std::string& p, int64_t in, int64_t out, int64_t kernel, int64_t stride,
                 int64_t groups)
{
    b.conv(p + ".0", in, out, kernel, stride, (kernel - 1) / 2, false, groups);
    b.batchNorm(p + ".1", out);
    b.relu6(p + ".2");
}

struct StageSetting {
    int64_t expand, channels, repeats, stride;
};

// Sandler et al. 2018, Table 2 (t, c, n, s).
constexpr StageSetting kSettings[] = {{1, 16, 1, 1},  {6, 24, 2, 2},  {6, 32, 3, 2}, {6, 64, 4, 2},
                                      {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

}  // namespace

ArchSpec buildMobileNetV2(const BuildOptions& o)
{
    SpecBuilder b("mobilenet_v2", "mobilenet", o.inChannels, o.numClasses, 224, 224);
    b.input();
    b.beginGroup("features.0", GroupKind::Stage, "Stem");
    convBnReLU6(b, "features.0", o.inChannels, 32, 3, 2, 1);
    b.endGroup();
    int64_t in = 32;
    int index = 1;
    int stage = 1;
    for (const StageSetting& s : kSettings) {
        const std::string stageId = "stage" + std::to_string(stage);
        b.beginGroup(stageId, GroupKind::Stage, "Stage " + std::to_string(stage));
        for (int64_t i = 0; i < s.repeats; ++i) {
            const int64_t stride = i == 0 ? s.stride : 1;
            const int64_t hidden = in * s.expand;
            const std::string p = "features." + std::to_string(index++);
            const std::string blockInput = b.cursor();
            b.beginGroup(p, GroupKind::Block, p);
            int layer = 0;
            if (s.expand != 1)
                convBnReLU6(b, p + ".conv." + std::to_string(layer++), in, hidden, 1, 1, 1);
            convBnReLU6(b, p + ".conv." + std::to_string(layer++), hidden, hidden, 3, stride, hidden);
            b.conv(p + ".conv." + std::to_string(layer++), hidden, s.channels, 1, 1, 0, false);
            b.batchNorm(p + ".conv." + std::to_string(layer++), s.channels);
            // Inverted residual: identity shortcut only where the shape is unchanged.
            if (stride == 1 && in == s.channels)
                b.add(p + ".add", b.cursor(), blockInput, EdgeKind::ResidualIdentity);
            b.endGroup();
            in = s.channels;
        }
        b.endGroup();
        ++stage;
    }
    const std::string last = "features." + std::to_string(index);
    b.beginGroup(last, GroupKind::Stage, "Final 1x1");
    convBnReLU6(b, last, in, 1280, 1, 1, 1);
    b.endGroup();
    b.beginGroup("head", GroupKind::Head, "Classifier");
    b.adaptiveAvgPool("avgpool", 1, 1);
    b.flatten("flatten");
    b.dropout("classifier.0", 0.2);
    b.linear("classifier.1", 1280, o.numClasses);
    b.endGroup();
    // As torchvision's MobileNetV2: He-normal (fan-out) convolutions, N(0, 0.01) classifier, zero biases.
    b.spec().init = {{WeightInit::KaimingNormalFanOut, 0.0, BiasInit::Zero},
                     {WeightInit::Normal, 0.01, BiasInit::Zero},
                     {},
                     "torchvision 0.14 mobilenet_v2"};
    return b.finish();
}

}  // namespace tl
