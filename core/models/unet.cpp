#include "graph/spec_builder.h"
#include "models/zoo.h"

namespace tl {

namespace {

// Two 3x3 convolutions with BatchNorm and ReLU. Padding 1 keeps the size, so the output map has
// the input's size (Ronneberger et al. used unpadded convolutions and cropped the skips instead).
void doubleConv(SpecBuilder& b, const std::string& p, int64_t in, int64_t out)
{
    b.conv(p + ".conv1", in, out, 3, 1, 1, false);
    b.batchNorm(p + ".bn1", out);
    b.relu(p + ".relu1");
    b.conv(p + ".conv2", out, out, 3, 1, 1, false);
    b.batchNorm(p + ".bn2", out);
    b.relu(p + ".relu2");
}

constexpr int kLevels = 4;

}  // namespace

// U-Net (Ronneberger et al. 2015): four levels down (double conv + 2x2 max pooling), a
// bottleneck, four levels up (2x2 transposed convolution, concatenation with the encoder map of
// the same level, double conv) and a 1x1 convolution to the class scores.
ArchSpec buildUNet(const BuildOptions& o)
{
    SpecBuilder b("unet", "unet", o.inChannels, o.numClasses, 256, 256);
    b.spec().segmentation = true;
    b.input();
    const int64_t w = o.unetBaseWidth;
    std::vector<std::string> skips;
    int64_t in = o.inChannels;
    b.beginGroup("encoder", GroupKind::Stage, "Encoder");
    for (int level = 1; level <= kLevels; ++level) {
        const std::string p = "down" + std::to_string(level);
        const int64_t out = w << (level - 1);
        b.beginGroup(p, GroupKind::Block, "Down " + std::to_string(level));
        doubleConv(b, p, in, out);
        skips.push_back(b.cursor());
        b.maxPool(p + ".pool", 2, 2);
        b.endGroup();
        in = out;
    }
    b.endGroup();
    b.beginGroup("bottleneck", GroupKind::Stage, "Bottleneck");
    doubleConv(b, "bottleneck", in, w << kLevels);
    b.endGroup();
    in = w << kLevels;
    b.beginGroup("decoder", GroupKind::Stage, "Decoder");
    for (int level = kLevels; level >= 1; --level) {
        const std::string p = "up" + std::to_string(level);
        const int64_t out = w << (level - 1);
        b.beginGroup(p, GroupKind::Block, "Up " + std::to_string(level));
        const std::string up = b.convTranspose(p + ".upconv", in, out, 2, 2);
        const std::string& skip = skips[level - 1];
        b.concat(p + ".concat", {skip, up});
        b.setEdgeKind(skip, p + ".concat", EdgeKind::UNetSkip);
        doubleConv(b, p, out * 2, out);
        b.endGroup();
        in = out;
    }
    b.endGroup();
    b.beginGroup("head", GroupKind::Head, "Segmentation head");
    b.conv("head.conv", w, o.numClasses, 1);
    b.endGroup();
    // Ronneberger et al. 2015: Gaussian weights with std sqrt(2 / N), N the incoming connections
    // of a unit (He-normal, fan-in); zero biases.
    b.spec().init = {{WeightInit::KaimingNormalFanIn, 0.0, BiasInit::Zero},
                     {WeightInit::KaimingNormalFanIn, 0.0, BiasInit::Zero},
                     {},
                     "Ronneberger et al. 2015"};
    return b.finish();
}

}  // namespace tl
