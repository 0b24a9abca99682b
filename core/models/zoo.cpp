#include "models/zoo.h"

#include "common/errors.h"

namespace tl {

namespace {

ZooEntry entry(std::string name, std::string family, std::string title, std::string paper, int64_t size,
               int64_t classes, bool torchvision, std::function<ArchSpec(const BuildOptions&)> build)
{
    return ZooEntry{std::move(name), std::move(family), std::move(title), std::move(paper), size, size,
                    classes, 3, torchvision, std::move(build)};
}

std::vector<ZooEntry> makeZoo()
{
    std::vector<ZooEntry> z;
    z.push_back(entry("lenet5", "lenet", "LeNet-5", "LeCun et al. 1998", 32, 10, false, buildLeNet5));
    z.back().defaultInChannels = 1;  // handwritten digits
    z.push_back(entry("alexnet", "alexnet", "AlexNet", "Krizhevsky et al. 2012", 224, 1000, true, buildAlexNet));
    for (const char* v : {"vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16", "vgg16_bn", "vgg19", "vgg19_bn"}) {
        std::string name = v;
        std::string title = "VGG-" + name.substr(3, 2) + (name.size() > 5 ? " (BatchNorm)" : "");
        z.push_back(entry(name, "vgg", title, "Simonyan & Zisserman 2014", 224, 1000, true,
                          [name](const BuildOptions& o) { return buildVgg(name, o); }));
    }
    z.push_back(entry("googlenet", "googlenet", "GoogLeNet (Inception v1)", "Szegedy et al. 2014", 224, 1000,
                      true, buildGoogLeNet));
    for (const char* v : {"resnet18", "resnet34", "resnet50", "resnet101", "resnet152"}) {
        std::string name = v;
        z.push_back(entry(name, "resnet", "ResNet-" + name.substr(6), "He et al. 2015", 224, 1000, true,
                          [name](const BuildOptions& o) { return buildResNet(name, o); }));
    }
    for (const char* v : {"densenet121", "densenet161", "densenet169", "densenet201"}) {
        std::string name = v;
        z.push_back(entry(name, "densenet", "DenseNet-" + name.substr(8), "Huang et al. 2016", 224, 1000, true,
                          [name](const BuildOptions& o) { return buildDenseNet(name, o); }));
    }
    z.push_back(entry("unet", "unet", "U-Net", "Ronneberger et al. 2015", 256, 2, false, buildUNet));
    z.push_back(entry("mobilenet_v2", "mobilenet", "MobileNetV2", "Sandler et al. 2018", 224, 1000, true,
                      buildMobileNetV2));
    return z;
}

}  // namespace

const std::vector<ZooEntry>& zoo()
{
    static const std::vector<ZooEntry> all = makeZoo();
    return all;
}

const ZooEntry* findArch(const std::string& name)
{
    for (const ZooEntry& e : zoo())
        if (e.name == name)
            return &e;
    return nullptr;
}

ArchSpec buildArch(const std::string& name, const BuildOptions& options)
{
    const ZooEntry* e = findArch(name);
    if (!e)
        throw InvalidArgument("unknown architecture '" + name + "' (see 'transferlab models' for the list)");
    BuildOptions o = options;
    if (o.numClasses == 0)
        o.numClasses = e->defaultClasses;
    if (o.inChannels == 0)
        o.inChannels = e->defaultInChannels;
    if (o.numClasses < 1)
        throw InvalidArgument(name + ": the class count must be at least 1, got " + std::to_string(o.numClasses));
    if (o.numClasses > 1000000)
        throw InvalidArgument(name + ": a class count of " + std::to_string(o.numClasses) + " is too large");
    if (o.inChannels != 1 && o.inChannels != 3)
        throw InvalidArgument(name + ": input channels must be 1 or 3, got " + std::to_string(o.inChannels));
    if (o.unetBaseWidth < 1 || o.unetBaseWidth > 1024)
        throw InvalidArgument(name + ": U-Net base width must be between 1 and 1024");
    return e->build(o);
}

}  // namespace tl
