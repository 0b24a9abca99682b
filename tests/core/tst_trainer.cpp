// The training loop: it learns, respects frozen layers and frozen BatchNorm statistics, stops on
// a diverging loss without poisoning statistics, and resumes from a checkpoint exactly.
#include "common/errors.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/trainer.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace tl;

namespace {

// Four classes: which quadrant of a 32x32 image is bright, with noise.
struct QuadrantData {
    torch::Tensor images;
    torch::Tensor labels;

    QuadrantData(int64_t count, uint64_t seed, int64_t channels = 1, int64_t size = 32)
    {
        torch::manual_seed(seed);
        labels = torch::randint(0, 4, {count}, torch::kLong);
        images = torch::randn({count, channels, size, size}) * 0.3;
        const int64_t h = size / 2;
        for (int64_t i = 0; i < count; ++i) {
            const int64_t q = labels[i].item<int64_t>();
            images[i].slice(1, (q / 2) * h, (q / 2) * h + h).slice(2, (q % 2) * h, (q % 2) * h + h) += 1.5;
        }
    }

    // Shuffled by (seed, epoch), as the real loader does, so runs are repeatable.
    BatchStream stream(int64_t batchSize, bool shuffle = true)
    {
        auto order = std::make_shared<torch::Tensor>();
        auto cursor = std::make_shared<int64_t>(0);
        BatchStream s;
        s.batchesPerEpoch = (images.size(0) + batchSize - 1) / batchSize;
        s.startEpoch = [this, order, cursor, shuffle](int64_t epoch) {
            auto gen = torch::make_generator<at::CPUGeneratorImpl>(1000 + epoch);
            *order = shuffle ? torch::randperm(images.size(0), gen, torch::kLong) : torch::arange(images.size(0));
            *cursor = 0;
        };
        s.next = [this, order, cursor, batchSize]() -> std::optional<TrainBatch> {
            if (*cursor >= images.size(0))
                return std::nullopt;
            const torch::Tensor idx = order->slice(0, *cursor, std::min(*cursor + batchSize, images.size(0)));
            *cursor += batchSize;
            return TrainBatch{images.index_select(0, idx), labels.index_select(0, idx)};
        };
        return s;
    }
};

std::shared_ptr<GraphModule> makeModel(const std::string& arch, int64_t channels, uint64_t seed)
{
    torch::manual_seed(seed);
    BuildOptions o;
    o.numClasses = 4;
    o.inChannels = channels;
    return std::make_shared<GraphModule>(buildArch(arch, o));
}

OptimConfig sgd(double lr)
{
    OptimConfig o;
    o.lr = lr;
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

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }  // bit-exact comparisons below
    void learnsASeparableTask();
    void linearProbeKeepsBackboneAndStatisticsBitIdentical();
    void divergingLossStopsWithoutPoisoningStatistics();
    void resumedRunEqualsUninterruptedRun();
    void zeroLearningRateMultiplierFreezesAGroup();
    void stepsEqualPlainSgdWithFreshGradients();
    void stopRequestEndsTheEpoch();
    void badClassWeights();
    void unavailableCudaIsAClearError();
};

void TestTrainer::learnsASeparableTask()
{
    QuadrantData train(256, 1);
    QuadrantData val(64, 2);
    auto model = makeModel("lenet5", 1, 3);
    FreezeConfig full;
    Trainer trainer(model, FreezePlan(model->spec(), full), sgd(0.05), constant(), 6, 16, torch::kCPU);
    BatchStream trainStream = train.stream(16);
    BatchStream valStream = val.stream(32, false);
    const double before = trainer.evaluate(valStream).top1;
    EpochMetrics last;
    for (int epoch = 0; epoch < 6; ++epoch)
        last = trainer.trainEpoch(epoch, trainStream, nullptr, nullptr);
    const EvalMetrics after = trainer.evaluate(valStream);
    QVERIFY2(after.top1 > 0.9, qPrintable(QString::number(after.top1)));
    QVERIFY(after.top1 > before);
    QVERIFY(last.trainLoss < 0.5);
    QCOMPARE(after.top5, 1.0);  // four classes: the truth is always among the best five
    QCOMPARE(after.confusion.total(), 64);
    QCOMPARE(trainer.step(), 6 * 16);
}

void TestTrainer::linearProbeKeepsBackboneAndStatisticsBitIdentical()
{
    QuadrantData train(32, 4, 3);
    auto model = makeModel("resnet18", 3, 5);
    std::map<std::string, torch::Tensor> before;
    for (const auto& p : model->named_parameters())
        before[p.key()] = p.value().clone();
    for (const auto& b : model->named_buffers())
        before[b.key()] = b.value().clone();
    FreezeConfig probe;
    probe.preset = FreezePreset::LinearProbe;
    Trainer trainer(model, FreezePlan(model->spec(), probe), sgd(0.1), constant(), 2, 4, torch::kCPU);
    BatchStream stream = train.stream(8);
    trainer.trainEpoch(0, stream, nullptr, nullptr);
    trainer.trainEpoch(1, stream, nullptr, nullptr);
    for (const auto& p : model->named_parameters()) {
        const bool head = p.key().rfind("fc.", 0) == 0;
        QVERIFY2(torch::equal(p.value(), before[p.key()]) != head, p.key().c_str());
    }
    for (const auto& b : model->named_buffers())
        QVERIFY2(torch::equal(b.value(), before[b.key()]), b.key().c_str());
}

void TestTrainer::divergingLossStopsWithoutPoisoningStatistics()
{
    QuadrantData train(16, 6);
    train.images[3][0][0][0] = std::numeric_limits<float>::quiet_NaN();
    auto model = makeModel("resnet18", 1, 7);
    FreezeConfig full;
    Trainer trainer(model, FreezePlan(model->spec(), full), sgd(0.01), constant(), 1, 1, torch::kCPU);
    BatchStream stream = train.stream(16);
    QVERIFY_THROWS_EXCEPTION(DivergedError, trainer.trainEpoch(0, stream, nullptr, nullptr));
    for (const auto& b : model->named_buffers())
        QVERIFY2(torch::isfinite(b.value()).all().item<bool>(), b.key().c_str());
    QCOMPARE(model->named_buffers()["bn1.running_mean"].abs().sum().item<double>(), 0.0);
}

void TestTrainer::resumedRunEqualsUninterruptedRun()
{
    QTemporaryDir dir;
    const std::string checkpoint = (dir.path() + QStringLiteral("/epoch.pt")).toStdString();
    QuadrantData train(64, 8);
    ScheduleConfig cosine;  // a schedule that depends on the step counter
    OptimConfig adam;
    adam.name = "adam";
    adam.lr = 0.01;

    auto straight = makeModel("lenet5", 1, 9);
    FreezeConfig full;
    Trainer a(straight, FreezePlan(straight->spec(), full), adam, cosine, 3, 8, torch::kCPU);
    BatchStream sa = train.stream(8);
    std::vector<double> lossesA;
    for (int epoch = 0; epoch < 3; ++epoch)
        lossesA.push_back(a.trainEpoch(epoch, sa, nullptr, nullptr).trainLoss);

    auto first = makeModel("lenet5", 1, 9);
    Trainer b(first, FreezePlan(first->spec(), full), adam, cosine, 3, 8, torch::kCPU);
    BatchStream sb = train.stream(8);
    std::vector<double> lossesB;
    lossesB.push_back(b.trainEpoch(0, sb, nullptr, nullptr).trainLoss);
    b.saveCheckpoint(checkpoint, 1);

    auto resumedModel = makeModel("lenet5", 1, 1234);  // different start: everything comes from the file
    Trainer c(resumedModel, FreezePlan(resumedModel->spec(), full), adam, cosine, 3, 8, torch::kCPU);
    const int next = c.loadCheckpoint(checkpoint);
    QCOMPARE(next, 1);
    QCOMPARE(c.step(), 8);
    for (int epoch = next; epoch < 3; ++epoch)
        lossesB.push_back(c.trainEpoch(epoch, sb, nullptr, nullptr).trainLoss);
    QCOMPARE(lossesB, lossesA);
    for (const auto& p : straight->named_parameters())
        QVERIFY2(torch::equal(p.value(), resumedModel->named_parameters()[p.key()]), p.key().c_str());
}

void TestTrainer::zeroLearningRateMultiplierFreezesAGroup()
{
    QuadrantData train(32, 10);
    auto model = makeModel("lenet5", 1, 11);
    const torch::Tensor c1 = model->named_parameters()["features.c1.weight"].clone();
    const torch::Tensor f6 = model->named_parameters()["classifier.f6.weight"].clone();
    FreezeConfig c;
    c.lrMultipliers = {{"features", 0.0}};
    OptimConfig o = sgd(0.05);
    o.weightDecay = 0.0;
    Trainer trainer(model, FreezePlan(model->spec(), c), o, constant(), 1, 4, torch::kCPU);
    BatchStream stream = train.stream(8);
    trainer.trainEpoch(0, stream, nullptr, nullptr);
    QVERIFY(torch::equal(model->named_parameters()["features.c1.weight"], c1));
    QVERIFY(!torch::equal(model->named_parameters()["classifier.f6.weight"], f6));
}

void TestTrainer::stepsEqualPlainSgdWithFreshGradients()
{
    // Gradients are dropped between steps, not zeroed: the second step must still see only its
    // own batch's gradient, exactly as zero_grad + backward + step with LibTorch's SGD.
    QuadrantData train(16, 14);
    auto model = makeModel("lenet5", 1, 15);
    auto reference = makeModel("lenet5", 1, 15);
    OptimConfig o = sgd(0.05);
    o.weightDecay = 0.0;
    FreezeConfig full;
    Trainer trainer(model, FreezePlan(model->spec(), full), o, constant(), 1, 2, torch::kCPU);
    BatchStream stream = train.stream(8, false);
    trainer.trainEpoch(0, stream, nullptr, nullptr);

    torch::optim::SGD plain(reference->parameters(), torch::optim::SGDOptions(0.05).momentum(0.9));
    for (int64_t start : {0, 8}) {
        plain.zero_grad();
        const torch::Tensor x = train.images.slice(0, start, start + 8);
        const torch::Tensor y = train.labels.slice(0, start, start + 8);
        torch::nn::functional::cross_entropy(reference->forward(x), y).backward();
        plain.step();
    }
    const auto trained = model->named_parameters();
    for (const auto& p : reference->named_parameters()) {
        const double diff = (trained[p.key()] - p.value()).abs().max().item<double>();
        QVERIFY2(diff < 1e-6, qPrintable(QString::fromStdString(p.key()) + ": " + QString::number(diff)));
    }
}

void TestTrainer::stopRequestEndsTheEpoch()
{
    QuadrantData train(64, 12);
    auto model = makeModel("lenet5", 1, 13);
    FreezeConfig full;
    Trainer trainer(model, FreezePlan(model->spec(), full), sgd(0.01), constant(), 1, 8, torch::kCPU);
    struct StopAfterTwo : TrainingObserver {
        TrainingControl* control = nullptr;
        int seen = 0;
        void onIteration(const IterationMetrics& m) override
        {
            QVERIFY(m.lr > 0);
            if (++seen == 2)
                control->requestStop();
        }
    } observer;
    TrainingControl control;
    observer.control = &control;
    BatchStream stream = train.stream(8);
    trainer.trainEpoch(0, stream, &observer, &control);
    QCOMPARE(trainer.step(), 2);
}

void TestTrainer::badClassWeights()
{
    auto model = makeModel("lenet5", 1, 14);
    OptimConfig o = sgd(0.01);
    o.classWeights = {1.0, 2.0};
    FreezeConfig full;
    QVERIFY_THROWS_EXCEPTION(InvalidArgument,
                             Trainer(model, FreezePlan(model->spec(), full), o, constant(), 1, 1, torch::kCPU));
}

void TestTrainer::unavailableCudaIsAClearError()
{
    if (torch::cuda::is_available())
        QSKIP("this machine has CUDA");
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, resolveDevice("cuda"));
    QCOMPARE(resolveDevice("auto").type(), torch::kCPU);
}

QTEST_APPLESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
