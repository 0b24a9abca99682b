// Per-layer gradient norms while training: they come for exactly the layers that train, equal a
// norm computed by hand, arrive no more often than asked, and never change what is learned.
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/gradient_norms.h"
#include "train/trainer.h"

#include <torch/torch.h>

#include <QtTest>

#include <cmath>
#include <set>

using namespace tl;

namespace {

/// Random images with four labels; the same for a given seed.
BatchStream randomStream(int64_t count, int64_t batchSize, int64_t channels, int64_t size, uint64_t seed)
{
    torch::manual_seed(seed);
    auto images = std::make_shared<torch::Tensor>(torch::randn({count, channels, size, size}));
    auto labels = std::make_shared<torch::Tensor>(torch::randint(0, 4, {count}, torch::kLong));
    auto cursor = std::make_shared<int64_t>(0);
    BatchStream s;
    s.batchesPerEpoch = (count + batchSize - 1) / batchSize;
    s.startEpoch = [cursor](int64_t) { *cursor = 0; };
    s.next = [=]() -> std::optional<TrainBatch> {
        if (*cursor >= count)
            return std::nullopt;
        const int64_t end = std::min(*cursor + batchSize, count);
        TrainBatch b{images->slice(0, *cursor, end), labels->slice(0, *cursor, end)};
        *cursor = end;
        return b;
    };
    return s;
}

std::shared_ptr<GraphModule> makeModel(const std::string& arch, int64_t channels, uint64_t seed)
{
    torch::manual_seed(seed);
    BuildOptions o;
    o.numClasses = 4;
    o.inChannels = channels;
    return std::make_shared<GraphModule>(buildArch(arch, o));
}

OptimConfig sgd()
{
    OptimConfig o;
    o.lr = 0.05;
    o.momentum = 0.9;
    o.weightDecay = 1e-4;
    return o;
}

ScheduleConfig constant()
{
    ScheduleConfig s;
    s.kind = ScheduleKind::Constant;
    return s;
}

/// Records every delivery; checks one layer against a norm computed by hand from the gradients,
/// which are still those of the reported step when the observer is called.
struct NormRecorder final : TrainingObserver {
    std::chrono::milliseconds period{0};
    std::string checkLayer;
    const torch::nn::Module* model = nullptr;
    std::vector<int64_t> steps;
    std::vector<LayerGradientNorms> deliveries;
    std::vector<std::pair<double, double>> checked;  // (delivered, by hand)

    std::optional<std::chrono::milliseconds> gradientNormPeriod() const override { return period; }
    void onGradientNorms(int64_t step, const LayerGradientNorms& norms) override
    {
        steps.push_back(step);
        deliveries.push_back(norms);
        if (!model || checkLayer.empty())
            return;
        double squares = 0;
        for (const auto& p : model->named_parameters())
            if (p.key().rfind(checkLayer + ".", 0) == 0 && p.key().find('.', checkLayer.size() + 1) == std::string::npos)
                squares += p.value().grad().to(torch::kFloat64).pow(2).sum().item<double>();
        for (const auto& [layer, norm] : norms)
            if (layer == checkLayer)
                checked.emplace_back(norm, std::sqrt(squares));
    }
};

}  // namespace

class TestGradientNorms : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }  // bit-exact comparison below
    void comeForExactlyTheTrainingLayers_data();
    void comeForExactlyTheTrainingLayers();
    void periodLimitsHowOften();
    void trainingIsUnchangedByAnObserverThatAsks();
    void noObserverAskingMeansNoWork();
};

void TestGradientNorms::comeForExactlyTheTrainingLayers_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("preset");
    QTest::addColumn<QString>("checkLayer");
    QTest::newRow("lenet5 from scratch") << "lenet5" << int(FreezePreset::FromScratch) << "features.c3";
    QTest::newRow("resnet18 last stage") << "resnet18" << int(FreezePreset::LastStages) << "layer4.1.conv2";
    QTest::newRow("resnet18 linear probe") << "resnet18" << int(FreezePreset::LinearProbe) << "fc";
}

void TestGradientNorms::comeForExactlyTheTrainingLayers()
{
    QFETCH(QString, arch);
    QFETCH(int, preset);
    QFETCH(QString, checkLayer);
    const int64_t channels = arch == QLatin1String("lenet5") ? 1 : 3;
    auto model = makeModel(arch.toStdString(), channels, 1);
    FreezeConfig config;
    config.preset = FreezePreset(preset);
    const FreezePlan plan(model->spec(), config);
    std::set<std::string> expected;
    for (const auto& p : model->named_parameters())
        if (plan.isParameterTrainable(p.key()))
            expected.insert(p.key().substr(0, p.key().rfind('.')));
    QVERIFY(!expected.empty());

    Trainer trainer(model, plan, sgd(), constant(), 1, 3, torch::kCPU);
    BatchStream stream = randomStream(12, 4, channels, 32, 2);
    NormRecorder rec;
    rec.model = model.get();
    rec.checkLayer = checkLayer.toStdString();
    trainer.trainEpoch(0, stream, &rec, nullptr);

    QCOMPARE(rec.steps, (std::vector<int64_t>{1, 2, 3}));  // period zero: every step, counted as the metrics count
    for (const LayerGradientNorms& norms : rec.deliveries) {
        std::set<std::string> layers;
        for (const auto& [layer, norm] : norms) {
            QVERIFY2(std::isfinite(norm) && norm > 0, qPrintable(QString::fromStdString(layer)));
            layers.insert(layer);
        }
        QCOMPARE(layers.size(), norms.size());  // one entry per layer
        QVERIFY(layers == expected);
        // Every layer id is a node of the network, so the diagram can show it.
        for (const std::string& id : layers)
            QVERIFY2(model->spec().find(id), id.c_str());
    }
    QCOMPARE(rec.checked.size(), size_t(3));
    for (const auto& [delivered, byHand] : rec.checked)
        QVERIFY2(std::abs(delivered - byHand) <= 1e-5 * byHand, qPrintable(QStringLiteral("%1 vs %2").arg(delivered).arg(byHand)));
}

void TestGradientNorms::periodLimitsHowOften()
{
    auto model = makeModel("lenet5", 1, 3);
    FreezeConfig full;
    Trainer trainer(model, FreezePlan(model->spec(), full), sgd(), constant(), 2, 6, torch::kCPU);
    BatchStream stream = randomStream(24, 4, 1, 32, 4);
    NormRecorder rec;
    rec.period = std::chrono::hours(1);
    trainer.trainEpoch(0, stream, &rec, nullptr);
    trainer.trainEpoch(1, stream, &rec, nullptr);
    // A long period: the first step of each epoch only.
    QCOMPARE(rec.steps, (std::vector<int64_t>{1, 7}));
}

void TestGradientNorms::trainingIsUnchangedByAnObserverThatAsks()
{
    std::vector<std::shared_ptr<GraphModule>> models;
    size_t deliveries = 0;
    for (const bool asks : {false, true}) {
        auto model = makeModel("resnet18", 3, 5);
        FreezeConfig config;
        config.preset = FreezePreset::LastStages;
        OptimConfig adam;
        adam.name = "adam";
        adam.lr = 0.01;
        adam.weightDecay = 1e-3;
        Trainer trainer(model, FreezePlan(model->spec(), config), adam, constant(), 2, 3, torch::kCPU);
        BatchStream stream = randomStream(12, 4, 3, 32, 6);
        NormRecorder rec;
        for (int epoch = 0; epoch < 2; ++epoch)
            trainer.trainEpoch(epoch, stream, asks ? &rec : nullptr, nullptr);
        deliveries = rec.deliveries.size();
        models.push_back(model);
    }
    QCOMPARE(deliveries, size_t(6));
    const auto a = models[0]->named_parameters();
    const auto b = models[1]->named_parameters();
    for (const auto& p : a)
        QVERIFY2(torch::equal(p.value(), b[p.key()]), p.key().c_str());
    const auto ba = models[0]->named_buffers();
    const auto bb = models[1]->named_buffers();
    for (const auto& p : ba)
        QVERIFY2(torch::equal(p.value(), bb[p.key()]), p.key().c_str());
}

void TestGradientNorms::noObserverAskingMeansNoWork()
{
    // An observer that does not ask (the command line's progress, the CSV writer) hears nothing.
    struct Silent final : TrainingObserver {
        int calls = 0;
        void onGradientNorms(int64_t, const LayerGradientNorms&) override { ++calls; }
    } silent;
    auto model = makeModel("lenet5", 1, 7);
    FreezeConfig full;
    Trainer trainer(model, FreezePlan(model->spec(), full), sgd(), constant(), 1, 3, torch::kCPU);
    BatchStream stream = randomStream(12, 4, 1, 32, 8);
    trainer.trainEpoch(0, stream, &silent, nullptr);
    QCOMPARE(silent.calls, 0);
    // Frozen and gradient-less parameters are absent rather than zero.
    for (auto& p : model->named_parameters())
        p.value().set_requires_grad(p.key().rfind("classifier.", 0) == 0);
    std::set<std::string> layers;
    for (const auto& [layer, norm] : layerGradientNorms(*model))
        layers.insert(layer);
    QVERIFY(layers == (std::set<std::string>{"classifier.f6", "classifier.output"}));
}

QTEST_GUILESS_MAIN(TestGradientNorms)
#include "tst_gradient_norms.moc"
