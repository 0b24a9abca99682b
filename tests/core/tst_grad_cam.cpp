// Grad-CAM: the same map as the paper's recipe in PyTorch on the same resnet18 weights, heat
// where the class evidence is, the feature node chosen over the model zoo, and a model that is
// left exactly as it was.
#include "common/errors.h"
#include "graph/spec_builder.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "python_reference.h"
#include "train/grad_cam.h"
#include "weights/state_dict.h"
#include "weights/weight_matching.h"

#include <torch/torch.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace tl;
using namespace tl::test;

namespace {

/// Two detectors on a grey image: channel 0 fires on bright pixels, channel 1 on dark ones; class
/// "bright" reads channel 0, class "dark" channel 1.
std::shared_ptr<GraphModule> brightDarkModel()
{
    SpecBuilder b("bright_dark", "test", 1, 2, 16, 16);
    b.input();
    b.conv("detect", 1, 2, 1);
    b.relu("detect_act");
    b.adaptiveAvgPool("pool", 1, 1);
    b.flatten("flatten");
    b.linear("fc", 2, 2);
    auto model = std::make_shared<GraphModule>(b.finish());
    torch::NoGradGuard noGrad;
    auto params = model->named_parameters();
    params["detect.weight"].copy_(torch::tensor({1.0f, -1.0f}).view({2, 1, 1, 1}));
    params["detect.bias"].copy_(torch::tensor({-0.5f, 0.5f}));
    params["fc.weight"].copy_(torch::tensor({1.0f, 0.0f, 0.0f, 1.0f}).view({2, 2}));
    params["fc.bias"].zero_();
    return model;
}

double meanOf(const ClassActivationMap& map, int x0, int x1)
{
    double sum = 0;
    for (int y = 0; y < map.height; ++y)
        for (int x = x0; x < x1; ++x)
            sum += map.values[size_t(y) * map.width + x];
    return sum / (map.height * (x1 - x0));
}

}  // namespace

class TestGradCam : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesThePyTorchRecipeOnResnet18();
    void heatIsWhereTheClassEvidenceIs();
    void choosesTheLastSpatialFeatureNode_data();
    void choosesTheLastSpatialFeatureNode();
};

void TestGradCam::matchesThePyTorchRecipeOnResnet18()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const int size = 64;
    const QString weights = dir.filePath(QStringLiteral("resnet18.pth"));
    QString error;
    const QJsonDocument ref = runReference(QStringLiteral("grad_cam.py"),
                                           {weights, QString::number(size), QStringLiteral("5")}, error);
    QVERIFY2(!ref.isNull(), qPrintable(error));
    BuildOptions build;
    build.numClasses = 5;
    GraphModule model(buildArch("resnet18", build));
    QVERIFY(loadWeights(model, readWeights(weights.toStdString()).tensors).complete());
    const QJsonArray input = ref[QStringLiteral("input")].toArray();
    QCOMPARE(input.size(), 3 * size * size);
    torch::Tensor x = torch::empty({1, 3, size, size});
    for (int i = 0; i < input.size(); ++i)
        x.data_ptr<float>()[i] = float(input[i].toDouble());

    model.train();  // the map must still use the BatchNorm statistics, and training mode come back
    const ClassActivationMap map = gradCam(model, x);
    QCOMPARE(map.node, std::string("layer4.1.relu_out"));
    QCOMPARE(map.classIndex, int64_t(ref[QStringLiteral("class")].toInt()));
    QCOMPARE(map.height, size);
    QCOMPARE(map.width, size);
    const QJsonArray cam = ref[QStringLiteral("cam")].toArray();
    QCOMPARE(qsizetype(map.values.size()), cam.size());
    double worst = 0;
    for (int i = 0; i < cam.size(); ++i)
        worst = std::max(worst, std::abs(double(map.values[size_t(i)]) - cam[i].toDouble()));
    qInfo("largest difference from PyTorch's map: %.2g", worst);
    QVERIFY2(worst < 1e-4, qPrintable(QStringLiteral("largest difference %1").arg(worst)));

    QVERIFY(model.is_training());
    for (const auto& p : model.named_parameters()) {
        QVERIFY2(p.value().requires_grad(), p.key().c_str());
        QVERIFY2(!p.value().grad().defined(), p.key().c_str());
    }
    // A frozen backbone stays frozen.
    model.named_parameters()["conv1.weight"].requires_grad_(false);
    gradCam(model, x);
    QVERIFY(!model.named_parameters()["conv1.weight"].requires_grad());
    QVERIFY(model.named_parameters()["fc.weight"].requires_grad());
}

void TestGradCam::heatIsWhereTheClassEvidenceIs()
{
    auto model = brightDarkModel();
    // Bright left half, dark right half.
    torch::Tensor x = torch::zeros({1, 1, 16, 16});
    x.index_put_({0, 0, torch::indexing::Slice(), torch::indexing::Slice(0, 8)}, 1.0);
    const ClassActivationMap bright = gradCam(*model, x, 0);
    const ClassActivationMap dark = gradCam(*model, x, 1);
    QCOMPARE(bright.node, std::string("detect_act"));
    QVERIFY2(meanOf(bright, 0, 6) > meanOf(bright, 10, 16) + 0.5,
             qPrintable(QStringLiteral("%1 vs %2").arg(meanOf(bright, 0, 6)).arg(meanOf(bright, 10, 16))));
    QVERIFY(meanOf(dark, 10, 16) > meanOf(dark, 0, 6) + 0.5);
    for (float v : bright.values)
        QVERIFY(v >= 0.0f && v <= 1.0f);
    // The top class is taken when none is named.
    x = 1.0 - x;
    x.index_put_({0, 0, torch::indexing::Slice(), torch::indexing::Slice(0, 4)}, 1.0);
    QCOMPARE(gradCam(*model, x).classIndex, int64_t(0));
}

void TestGradCam::choosesTheLastSpatialFeatureNode_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("node");
    QTest::newRow("lenet5") << "lenet5" << 32 << "features.s4";  // c5 is already 1x1
    QTest::newRow("alexnet") << "alexnet" << 224 << "features.12";
    QTest::newRow("vgg11") << "vgg11" << 224 << "features.20";
    QTest::newRow("resnet18") << "resnet18" << 64 << "layer4.1.relu_out";
    QTest::newRow("resnet50") << "resnet50" << 224 << "layer4.2.relu_out";
    QTest::newRow("densenet121") << "densenet121" << 224 << "relu_final";
    QTest::newRow("googlenet") << "googlenet" << 224 << "inception5b.concat";
    QTest::newRow("mobilenet_v2") << "mobilenet_v2" << 224 << "features.18.2";
    QTest::newRow("unet has none") << "unet" << 64 << "";
}

void TestGradCam::choosesTheLastSpatialFeatureNode()
{
    QFETCH(QString, arch);
    QFETCH(int, size);
    QFETCH(QString, node);
    BuildOptions build;
    build.numClasses = 4;
    const ArchSpec spec = buildArch(arch.toStdString(), build);
    if (node.isEmpty()) {
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, gradCamNode(spec, size, size));
        return;
    }
    QCOMPARE(QString::fromStdString(gradCamNode(spec, size, size)), node);
}

QTEST_GUILESS_MAIN(TestGradCam)
#include "tst_grad_cam.moc"
