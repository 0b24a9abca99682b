#pragma once

#include "graph/arch_spec.h"

#include <functional>
#include <string>
#include <vector>

namespace tl {

/// Choices a user makes when building a network of the zoo.
struct BuildOptions {
    int64_t numClasses = 0;   // 0 = the architecture's default
    int64_t inChannels = 0;   // 1 or 3; 0 = the architecture's default
    int64_t unetBaseWidth = 64;
    bool googlenetAuxHeads = true;
    bool googlenetTransformInput = true;  // as torchvision does for ImageNet weights (3 channels only)
    bool zeroInitResidual = false;  // ResNet: each block's last BatchNorm scale starts at 0 (Goyal et al. 2017)
};

/// One architecture of the zoo and how to build it.
struct ZooEntry {
    std::string name;    // torchvision's name, lower case
    std::string family;
    std::string title;   // e.g. "ResNet-18"
    std::string paper;   // where it comes from
    int64_t defaultInputH = 224;
    int64_t defaultInputW = 224;
    int64_t defaultClasses = 1000;
    int64_t defaultInChannels = 3;
    bool torchvision = true;  // torchvision 0.14 has it, so its state_dict layout is binding
    std::function<ArchSpec(const BuildOptions&)> build;
};

/// Every architecture, in the order a user would browse them.
const std::vector<ZooEntry>& zoo();
const ZooEntry* findArch(const std::string& name);

/// Builds a validated spec; throws InvalidArgument for an unknown name or bad options.
ArchSpec buildArch(const std::string& name, const BuildOptions& options = {});

// Family builders (one file each); `name` selects the variant.
ArchSpec buildLeNet5(const BuildOptions& o);
ArchSpec buildAlexNet(const BuildOptions& o);
ArchSpec buildVgg(const std::string& name, const BuildOptions& o);
ArchSpec buildGoogLeNet(const BuildOptions& o);
ArchSpec buildResNet(const std::string& name, const BuildOptions& o);
ArchSpec buildDenseNet(const std::string& name, const BuildOptions& o);
ArchSpec buildUNet(const BuildOptions& o);
ArchSpec buildMobileNetV2(const BuildOptions& o);

}  // namespace tl
