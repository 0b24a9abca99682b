#include "graph/spec_builder.h"
#include "models/zoo.h"

namespace tl {

// torchvision's AlexNet: the single-tower variant of "One weird trick" (Krizhevsky 2014),
// without local response normalisation. Node ids follow its nn.Sequential indices.
ArchSpec buildAlexNet(const BuildOptions& o)
{
    SpecBuilder b("alexnet", "alexnet", o.inChannels, o.numClasses, 224, 224);
    b.input();
    b.beginGroup("features", GroupKind::Stage, "Features");
    b.conv("features.0", o.inChannels, 64, 11, 4, 2);
    b.relu("features.1");
    b.maxPool("features.2", 3, 2);
    b.conv("features.3", 64, 192, 5, 1, 2);
    b.relu("features.4");
    b.maxPool("features.5", 3, 2);
    b.conv("features.6", 192, 384, 3, 1, 1);
    b.relu("features.7");
    b.conv("features.8", 384, 256, 3, 1, 1);
    b.relu("features.9");
    b.conv("features.10", 256, 256, 3, 1, 1);
    b.relu("features.11");
    b.maxPool("features.12", 3, 2);
    b.endGroup();
    b.adaptiveAvgPool("avgpool", 6, 6);
    b.flatten("flatten");
    b.beginGroup("classifier", GroupKind::Head, "Classifier");
    b.dropout("classifier.0", 0.5);
    b.linear("classifier.1", 256 * 6 * 6, 4096);
    b.relu("classifier.2");
    b.dropout("classifier.3", 0.5);
    b.linear("classifier.4", 4096, 4096);
    b.relu("classifier.5");
    b.linear("classifier.6", 4096, o.numClasses);
    b.endGroup();
    // torchvision's AlexNet sets no initialisation of its own: PyTorch's layer defaults.
    b.spec().init.reference = "torchvision 0.14 alexnet (PyTorch layer defaults)";
    return b.finish();
}

}  // namespace tl
