// Folded inference: every architecture of the zoo gives the module's own evaluation-mode outputs
// with BatchNorm folded into the convolutions before it and activations in oneDNN's layout; a
// frozen prefix gives the module's values at a cut; the module itself is left untouched.
#include "common/errors.h"
#include "models/folded_inference.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "zoo_rows.h"

#include <torch/torch.h>

#include <QtTest>

using namespace tl;
using namespace tl::test;

namespace {

std::shared_ptr<GraphModule> makeModel(const std::string& arch)
{
    BuildOptions o;
    o.numClasses = 5;
    o.unetBaseWidth = 8;
    auto model = std::make_shared<GraphModule>(buildArch(arch, o));
    // Statistics and affine parameters away from their initial 0 and 1, so that a wrong fold shows.
    torch::manual_seed(7);
    torch::NoGradGuard noGrad;
    for (const auto& b : model->named_buffers()) {
        if (b.key().find("running_mean") != std::string::npos)
            b.value().uniform_(-0.5, 0.5);
        else if (b.key().find("running_var") != std::string::npos)
            b.value().uniform_(0.5, 2.0);
    }
    for (const Node& n : model->spec().nodes) {
        if (n.kind != NodeKind::BatchNorm)
            continue;
        auto norm = std::dynamic_pointer_cast<torch::nn::BatchNorm2dImpl>(model->layer(n.id));
        norm->weight.uniform_(0.5, 1.5);
        norm->bias.uniform_(-0.3, 0.3);
    }
    model->eval();
    return model;
}

int batchNormsAfterConvolutions(const ArchSpec& spec)
{
    int count = 0;
    for (const Node& n : spec.nodes)
        if (n.kind == NodeKind::BatchNorm && spec.find(n.inputs.front())->kind == NodeKind::Conv)
            ++count;
    return count;
}

void compareClose(const torch::Tensor& actual, const torch::Tensor& expected)
{
    QCOMPARE(actual.sizes().vec(), expected.sizes().vec());
    QVERIFY(!actual.is_mkldnn());
    const double scale = std::max(1.0, expected.abs().max().item<double>());
    const double diff = (actual - expected).abs().max().item<double>();
    QVERIFY2(diff <= 1e-4 * scale, qPrintable(QString("max difference %1 at scale %2").arg(diff).arg(scale)));
}

}  // namespace

class TestFoldedInference : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }
    void equalsTheModuleInEvaluationMode_data();
    void equalsTheModuleInEvaluationMode();
    void onlyWhatTheOutputsNeedRuns();
    void aFrozenPrefixGivesTheValuesAtTheCut();
    void doublePrecisionRunsWithoutOneDnn();
    void leavesTheModuleAsItWas();
    void batchNormInTrainingModeIsRefused();
    void nodesMissingAnInputAreRefused();
};

void TestFoldedInference::equalsTheModuleInEvaluationMode_data() { addZooRows(); }

void TestFoldedInference::equalsTheModuleInEvaluationMode()
{
    QFETCH(QString, arch);
    const auto model = makeModel(arch.toStdString());
    const int size = smallInputSize(arch);
    const torch::Tensor x = torch::randn({2, model->spec().inChannels, size, size});
    // GoogLeNet's auxiliary heads too, so that every BatchNorm of the spec is on a path that runs.
    const std::vector<torch::Tensor> expected = model->forwardWithAux(x);
    std::vector<std::string> outputs{model->spec().output};
    outputs.insert(outputs.end(), model->spec().auxOutputs.begin(), model->spec().auxOutputs.end());
    const FoldedInference folded(*model, std::vector<bool>(model->spec().nodes.size(), true), outputs);
    // CPU float32 here, and Debian's LibTorch has oneDNN; the other families put a concatenation,
    // ReLU6 or tanh between convolutions.
    const bool convolutionsOnly = arch.startsWith("resnet") || arch.startsWith("vgg") || arch == "alexnet";
    QCOMPARE(folded.blockedLayout(), convolutionsOnly);
    QCOMPARE(folded.foldedBatchNorms(), batchNormsAfterConvolutions(model->spec()));
    for (int run = 0; run < 2; ++run) {  // a second run reads the same folded weights
        const std::vector<torch::Tensor> actual = folded.run(x);
        QCOMPARE(actual.size(), expected.size());
        for (size_t k = 0; k < actual.size(); ++k)
            compareClose(actual[k], expected[k]);
    }
}

void TestFoldedInference::onlyWhatTheOutputsNeedRuns()
{
    const auto model = makeModel("googlenet");
    const FoldedInference folded(*model, std::vector<bool>(model->spec().nodes.size(), true), {model->spec().output});
    QCOMPARE(folded.foldedBatchNorms(), batchNormsAfterConvolutions(model->spec()) - 2);  // each aux head has one
    const torch::Tensor x = torch::randn({2, 3, 64, 64});
    compareClose(folded.run(x).front(), model->forward(x));
}

void TestFoldedInference::aFrozenPrefixGivesTheValuesAtTheCut()
{
    // DenseNet mixes both kinds of BatchNorm: after a convolution (folded) and after a concatenation
    // (kept), and its cut values are read by several later nodes.
    for (const std::string arch : {"resnet18", "densenet121"}) {
        const auto model = makeModel(arch);
        const ArchSpec& spec = model->spec();
        const std::string last = arch == "resnet18" ? "layer3.1.relu_out" : "features.transition2.pool";
        std::vector<bool> prefix(spec.nodes.size(), false);
        for (int i = 0; i <= spec.indexOf(last); ++i)
            prefix[size_t(i)] = true;
        const std::vector<std::string> cut{arch == "resnet18" ? "layer2.1.relu_out" : "features.transition1.pool", last};
        const torch::Tensor x = torch::randn({3, 3, 64, 64});
        const std::vector<torch::Tensor> expected = model->run(x, cut);
        const FoldedInference folded(*model, prefix, cut);
        QVERIFY(folded.foldedBatchNorms() > 0);
        const std::vector<torch::Tensor> actual = folded.run(x);
        QCOMPARE(actual.size(), size_t(2));
        compareClose(actual[0], expected[0]);
        compareClose(actual[1], expected[1]);
    }
}

void TestFoldedInference::doublePrecisionRunsWithoutOneDnn()
{
    const auto model = makeModel("resnet18");
    model->to(torch::kFloat64);
    const torch::Tensor x = torch::randn({2, 3, 64, 64}, torch::kFloat64);
    const FoldedInference folded(*model, std::vector<bool>(model->spec().nodes.size(), true), {model->spec().output});
    QVERIFY(!folded.blockedLayout());
    QCOMPARE(folded.foldedBatchNorms(), 20);
    const torch::Tensor actual = folded.run(x).front();
    QCOMPARE(actual.scalar_type(), torch::kFloat64);
    const double diff = (actual - model->forward(x)).abs().max().item<double>();
    QVERIFY2(diff < 1e-9, qPrintable(QString::number(diff)));
}

void TestFoldedInference::leavesTheModuleAsItWas()
{
    const auto model = makeModel("mobilenet_v2");
    std::vector<torch::Tensor> before;
    for (const torch::Tensor& t : model->parameters())
        before.push_back(t.clone());
    for (const torch::Tensor& t : model->buffers())
        before.push_back(t.clone());
    const torch::Tensor x = torch::randn({2, 3, 64, 64});
    const FoldedInference folded(*model, std::vector<bool>(model->spec().nodes.size(), true), {model->spec().output});
    const torch::Tensor out = folded.run(x).front();
    QVERIFY(!out.requires_grad());
    size_t k = 0;
    for (const torch::Tensor& t : model->parameters())
        QVERIFY(torch::equal(t, before[k++]));
    for (const torch::Tensor& t : model->buffers())
        QVERIFY(torch::equal(t, before[k++]));
    QVERIFY(!model->is_training());
}

void TestFoldedInference::batchNormInTrainingModeIsRefused()
{
    const auto model = makeModel("resnet18");
    model->train();
    try {
        FoldedInference folded(*model, std::vector<bool>(model->spec().nodes.size(), true), {model->spec().output});
        QFAIL("a BatchNorm in training mode was accepted");
    } catch (const InvalidArgument& e) {
        QVERIFY2(QString(e.what()).contains("bn1") && QString(e.what()).contains("training mode"), e.what());
    }
}

void TestFoldedInference::nodesMissingAnInputAreRefused()
{
    const auto model = makeModel("resnet18");
    std::vector<bool> nodes(model->spec().nodes.size(), true);
    nodes[size_t(model->spec().indexOf("layer1.0.conv1"))] = false;
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, FoldedInference(*model, nodes, {model->spec().output}));
    std::vector<bool> all(model->spec().nodes.size(), true);
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, FoldedInference(*model, all, {"no.such.node"}));
}

QTEST_GUILESS_MAIN(TestFoldedInference)
#include "tst_folded_inference.moc"
