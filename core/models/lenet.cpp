#include "graph/spec_builder.h"
#include "models/zoo.h"

namespace tl {

// LeNet-5 as in LeCun et al. 1998, "Gradient-based learning applied to document recognition":
// 32x32 input, C1 (6@5x5), S2 average subsampling, C3 (16@5x5, fully connected to S2 here, as
// most modern reimplementations do), S4, C5 (120@5x5 giving 1x1), F6 (84), output layer.
// Tanh activations follow the paper's squashing function.
ArchSpec buildLeNet5(const BuildOptions& o)
{
    SpecBuilder b("lenet5", "lenet", o.inChannels, o.numClasses, 32, 32);
    b.input();
    b.beginGroup("features", GroupKind::Stage, "Feature extractor");
    b.conv("features.c1", o.inChannels, 6, 5);
    b.tanh("features.c1_act");
    b.avgPool("features.s2", 2, 2);
    b.conv("features.c3", 6, 16, 5);
    b.tanh("features.c3_act");
    b.avgPool("features.s4", 2, 2);
    b.conv("features.c5", 16, 120, 5);
    b.tanh("features.c5_act");
    b.endGroup();
    b.flatten("flatten");
    b.beginGroup("classifier", GroupKind::Head, "Classifier");
    b.linear("classifier.f6", 120, 84);
    b.tanh("classifier.f6_act");
    b.linear("classifier.output", 84, o.numClasses);
    b.endGroup();
    // PyTorch's layer defaults (Kaiming-uniform with a = sqrt(5), small uniform biases), as a
    // LeNet-5 written in plain PyTorch starts: the scale LeCun et al.'s own uniform scheme
    // (+-2.4 / fan_in) also aims at for tanh units. ReLU-style He init trains this net far slower.
    b.spec().init.reference = "PyTorch layer defaults";
    return b.finish();
}

}  // namespace tl
