// The executor: runs every architecture from its spec, with torchvision's parameter names,
// the inferred shapes, freeing of intermediates, and stopping at or starting from any node.
#include "graph/shape_inference.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "zoo_rows.h"

#include <torch/torch.h>

#include <QtTest>

using namespace tl;
using namespace tl::test;

namespace {

BuildOptions testOptions(const QString& arch)
{
    BuildOptions o;
    o.numClasses = 5;
    o.unetBaseWidth = 8;
    return o;
}

}  // namespace

class TestGraphModule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }
    void zoo_data();
    void parameterNamesAndShapesMatchSpec();
    void parameterNamesAndShapesMatchSpec_data() { zoo_data(); }
    void inferredShapesMatchForwardPass();
    void inferredShapesMatchForwardPass_data() { zoo_data(); }
    void trainsOneStep();
    void trainsOneStep_data() { zoo_data(); }
    void freesIntermediatesAfterLastUse();
    void stopAtAndStartFromACut();
    void googlenetAuxiliaryOutputs();
    void oneChannelInput();
    void unknownNodeIsAnError();
};

void TestGraphModule::zoo_data() { addZooRows(); }

void TestGraphModule::parameterNamesAndShapesMatchSpec()
{
    QFETCH(QString, arch);
    const ArchSpec spec = buildArch(arch.toStdString(), testOptions(arch));
    GraphModule module(spec);
    const auto params = module.named_parameters();
    const std::vector<TensorInfo> expected = spec.parameters();
    QCOMPARE(params.size(), expected.size());
    int64_t total = 0;
    for (const TensorInfo& t : expected) {
        const torch::Tensor* p = params.find(t.name);
        QVERIFY2(p, t.name.c_str());
        QCOMPARE(p->sizes().vec(), t.shape);
        total += p->numel();
    }
    QCOMPARE(total, spec.parameterCount());
    const auto buffers = module.named_buffers();
    const std::vector<TensorInfo> expectedBuffers = spec.buffers();
    QCOMPARE(buffers.size(), expectedBuffers.size());
    for (const TensorInfo& t : expectedBuffers) {
        const torch::Tensor* b = buffers.find(t.name);
        QVERIFY2(b, t.name.c_str());
        QCOMPARE(b->sizes().vec(), t.shape);
    }
}

void TestGraphModule::inferredShapesMatchForwardPass()
{
    QFETCH(QString, arch);
    const ArchSpec spec = buildArch(arch.toStdString(), testOptions(arch));
    GraphModule module(spec);
    module.eval();
    torch::NoGradGuard noGrad;
    const int size = smallInputSize(arch);
    const std::vector<Shape> shapes = inferShapes(spec, size, size, 2);
    std::vector<std::string> all;
    for (const Node& n : spec.nodes)
        all.push_back(n.id);
    const std::vector<torch::Tensor> outputs = module.run(torch::randn({2, spec.inChannels, size, size}), all);
    for (size_t i = 0; i < spec.nodes.size(); ++i)
        QVERIFY2(outputs[i].sizes().vec() == shapes[i], spec.nodes[i].id.c_str());
    const torch::Tensor y = module.forward(torch::randn({2, spec.inChannels, size, size}));
    QCOMPARE(y.sizes().vec(), shapes[spec.indexOf(spec.output)]);
    QVERIFY(torch::isfinite(y).all().item<bool>());
}

void TestGraphModule::trainsOneStep()
{
    // Forward and backward in training mode: in-place operations must not break autograd, and
    // every parameter on the main path receives a gradient.
    QFETCH(QString, arch);
    const ArchSpec spec = buildArch(arch.toStdString(), testOptions(arch));
    GraphModule module(spec);
    module.train();
    const int size = smallInputSize(arch);
    const torch::Tensor x = torch::randn({2, spec.inChannels, size, size});
    const std::vector<torch::Tensor> outs = module.forwardWithAux(x);
    QCOMPARE(outs.size(), spec.auxOutputs.size() + 1);
    torch::Tensor loss = torch::zeros({});
    for (const torch::Tensor& o : outs)
        loss = loss + o.square().mean();
    loss.backward();
    for (const auto& p : module.named_parameters()) {
        QVERIFY2(p.value().grad().defined(), p.key().c_str());
        QVERIFY2(torch::isfinite(p.value().grad()).all().item<bool>(), p.key().c_str());
    }
    torch::optim::SGD sgd(module.parameters(), 0.01);
    const torch::Tensor before = module.named_parameters()[spec.parameters().front().name].clone();
    sgd.step();
    QVERIFY(!torch::equal(before, module.named_parameters()[spec.parameters().front().name]));
}

void TestGraphModule::freesIntermediatesAfterLastUse()
{
    torch::NoGradGuard noGrad;
    const ArchSpec spec = buildArch("resnet50", testOptions(QStringLiteral("resnet50")));
    GraphModule module(spec);
    module.eval();
    module.forward(torch::randn({1, 3, 64, 64}));
    // A residual block holds its input, its main path's current tensor and little else.
    QVERIFY2(module.lastPeakLiveTensors() <= 4, qPrintable(QString::number(module.lastPeakLiveTensors())));
    QVERIFY(spec.nodes.size() > 150);

    const ArchSpec dense = buildArch("densenet121", testOptions(QStringLiteral("densenet121")));
    GraphModule denseModule(dense);
    denseModule.eval();
    denseModule.forward(torch::randn({1, 3, 64, 64}));
    QVERIFY(denseModule.lastPeakLiveTensors() <= 4);
}

void TestGraphModule::stopAtAndStartFromACut()
{
    torch::NoGradGuard noGrad;
    const ArchSpec spec = buildArch("resnet18", testOptions(QStringLiteral("resnet18")));
    GraphModule module(spec);
    module.eval();
    const torch::Tensor x = torch::randn({2, 3, 64, 64});
    const torch::Tensor full = module.forward(x);

    // Stop at the end of layer3, keeping one activation inside layer2 as well.
    const auto cut = module.run(x, {"layer3.1.relu_out", "layer2.0.conv1"});
    QCOMPARE(cut[0].sizes().vec(), (std::vector<int64_t>{2, 256, 4, 4}));
    QCOMPARE(cut[1].sizes().vec(), (std::vector<int64_t>{2, 128, 8, 8}));

    // Start from the cut without the image: the same logits.
    const auto resumed = module.runFrom({{"layer3.1.relu_out", cut[0]}}, {spec.output});
    QVERIFY(torch::allclose(resumed[0], full, 1e-5, 1e-6));
    QVERIFY_THROWS_EXCEPTION(std::exception, module.runFrom({{"layer3.1.relu_out", cut[0]}}, {"layer2.0.conv1"}));
}

void TestGraphModule::googlenetAuxiliaryOutputs()
{
    const ArchSpec spec = buildArch("googlenet", testOptions(QStringLiteral("googlenet")));
    GraphModule module(spec);
    module.train();
    const auto outs = module.forwardWithAux(torch::randn({2, 3, 64, 64}));
    QCOMPARE(outs.size(), size_t{3});
    for (const torch::Tensor& o : outs)
        QCOMPARE(o.sizes().vec(), (std::vector<int64_t>{2, 5}));
    module.eval();
    torch::NoGradGuard noGrad;
    QCOMPARE(module.forward(torch::randn({1, 3, 64, 64})).sizes().vec(), (std::vector<int64_t>{1, 5}));
}

void TestGraphModule::oneChannelInput()
{
    torch::NoGradGuard noGrad;
    BuildOptions o = testOptions(QStringLiteral("resnet18"));
    o.inChannels = 1;
    GraphModule module(buildArch("resnet18", o));
    module.eval();
    QCOMPARE(module.named_parameters()["conv1.weight"].size(1), int64_t{1});
    QCOMPARE(module.forward(torch::randn({3, 1, 48, 48})).sizes().vec(), (std::vector<int64_t>{3, 5}));
}

void TestGraphModule::unknownNodeIsAnError()
{
    GraphModule module(buildArch("lenet5"));
    QVERIFY_THROWS_EXCEPTION(std::exception, module.run(torch::randn({1, 1, 32, 32}), {"no.such.node"}));
}

QTEST_APPLESS_MAIN(TestGraphModule)
#include "tst_graph_module.moc"
