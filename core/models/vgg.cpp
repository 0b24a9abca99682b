#include "graph/spec_builder.h"
#include "models/zoo.h"

#include <map>

namespace tl {

namespace {

constexpr int kPool = 0;

// Configurations A, B, D, E of Simonyan & Zisserman 2014, Table 1 (0 = max pooling).
const std::map<std::string, std::vector<int>>& vggConfigs()
{
    static const std::map<std::string, std::vector<int>> configs{
        {"vgg11", {64, kPool, 128, kPool, 256, 256, kPool, 512, 512, kPool, 512, 512, kPool}},
        {"vgg13", {64, 64, kPool, 128, 128, kPool, 256, 256, kPool, 512, 512, kPool, 512, 512, kPool}},
        {"vgg16",
         {64, 64, kPool, 128, 128, kPool, 256, 256, 256, kPool, 512, 512, 512, kPool, 512, 512, 512, kPool}},
        {"vgg19", {64,  64,  kPool, 128, 128, kPool, 256, 256, 256, 256, kPool,
                   512, 512, 512,   512, kPool, 512, 512, 512, 512, kPool}},
    };
    return configs;
}

}  // namespace

ArchSpec buildVgg(const std::string& name, const BuildOptions& o)
{
    const bool batchNorm = name.size() > 3 && name.compare(name.size() - 3, 3, "_bn") == 0;
    const std::vector<int>& config = vggConfigs().at(batchNorm ? name.substr(0, name.size() - 3) : name);

    SpecBuilder b(name, "vgg", o.inChannels, o.numClasses, 224, 224);
    b.input();
    b.beginGroup("features", GroupKind::Stage, "Features");
    int index = 0;
    int block = 1;
    int64_t channels = o.inChannels;
    b.beginGroup("features.block1", GroupKind::Block, "Block 1");
    for (size_t i = 0; i < config.size(); ++i) {
        const int v = config[i];
        if (v == kPool) {
            b.maxPool("features." + std::to_string(index++), 2, 2);
            b.endGroup();
            if (i + 1 < config.size()) {
                ++block;
                b.beginGroup("features.block" + std::to_string(block), GroupKind::Block,
                             "Block " + std::to_string(block));
            }
            continue;
        }
        b.conv("features." + std::to_string(index++), channels, v, 3, 1, 1);
        if (batchNorm)
            b.batchNorm("features." + std::to_string(index++), v);
        b.relu("features." + std::to_string(index++));
        channels = v;
    }
    b.endGroup();
    b.adaptiveAvgPool("avgpool", 7, 7);
    b.flatten("flatten");
    b.beginGroup("classifier", GroupKind::Head, "Classifier");
    b.linear("classifier.0", 512 * 7 * 7, 4096);
    b.relu("classifier.1");
    b.dropout("classifier.2", 0.5);
    b.linear("classifier.3", 4096, 4096);
    b.relu("classifier.4");
    b.dropout("classifier.5", 0.5);
    b.linear("classifier.6", 4096, o.numClasses);
    b.endGroup();
    // As torchvision's VGG: He-normal (fan-out) convolutions, N(0, 0.01) linear layers, zero biases.
    b.spec().init = {{WeightInit::KaimingNormalFanOut, 0.0, BiasInit::Zero},
                     {WeightInit::Normal, 0.01, BiasInit::Zero},
                     {},
                     "torchvision 0.14 vgg"};
    return b.finish();
}

}  // namespace tl
