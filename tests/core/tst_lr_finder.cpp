// The learning-rate range test: a sweep over a separable task finds a falling then exploding
// loss and suggests a rate inside the range, and leaves the trainer exactly as it found it.
#include "common/errors.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/lr_finder.h"
#include "train/trainer.h"

#include <torch/torch.h>

#include <QtTest>

#include <cmath>

using namespace tl;

namespace {

// Four classes: which quadrant of a 32x32 one-channel image is bright, with noise.
struct QuadrantData {
    torch::Tensor images;
    torch::Tensor labels;

    /// `noise`: the share of labels replaced by random ones, so that the loss cannot reach zero.
    QuadrantData(int64_t count, uint64_t seed, double noise = 0.0)
    {
        torch::manual_seed(seed);
        labels = torch::randint(0, 4, {count}, torch::kLong);
        images = torch::randn({count, 1, 32, 32}) * 0.3;
        for (int64_t i = 0; i < count; ++i) {
            const int64_t q = labels[i].item<int64_t>();
            images[i].slice(1, (q / 2) * 16, (q / 2) * 16 + 16).slice(2, (q % 2) * 16, (q % 2) * 16 + 16) += 1.5;
        }
        const torch::Tensor flip = torch::rand({count}) < noise;
        labels = torch::where(flip, torch::randint(0, 4, {count}, torch::kLong), labels);
    }

    BatchStream stream(int64_t batchSize)
    {
        auto order = std::make_shared<torch::Tensor>();
        auto cursor = std::make_shared<int64_t>(0);
        BatchStream s;
        s.batchesPerEpoch = (images.size(0) + batchSize - 1) / batchSize;
        s.startEpoch = [this, order, cursor](int64_t epoch) {
            auto gen = torch::make_generator<at::CPUGeneratorImpl>(1000 + epoch);
            *order = torch::randperm(images.size(0), gen, torch::kLong);
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

std::shared_ptr<GraphModule> makeModel(const std::string& arch, uint64_t seed)
{
    torch::manual_seed(seed);
    BuildOptions o;
    o.numClasses = 4;
    o.inChannels = 1;
    return std::make_shared<GraphModule>(buildArch(arch, o));
}

OptimConfig optimiser(const std::string& name)
{
    OptimConfig o;
    o.name = name;
    o.lr = 0.01;
    return o;
}

std::map<std::string, torch::Tensor> tensorsOf(GraphModule& model)
{
    std::map<std::string, torch::Tensor> out;
    for (const auto& p : model.named_parameters())
        out[p.key()] = p.value().clone();
    for (const auto& b : model.named_buffers())
        out[b.key()] = b.value().clone();
    return out;
}

/// A made-up smoothed-loss curve over a sweep, for the suggestion alone.
LrFinderResult curve(const std::function<double(double)>& lossAt, int steps = 50)
{
    LrFinderResult r;
    for (int i = 0; i < steps; ++i) {
        const double lr = 1e-6 * std::pow(1e7, double(i) / (steps - 1));
        r.points.push_back({lr, lossAt(std::log10(lr)), lossAt(std::log10(lr))});
    }
    return r;
}

}  // namespace

class TestLrFinder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }  // bit-exact comparisons below
    void sweepFindsFallingThenExplodingLoss();
    void trainerIsUnchangedAfterTheSweep_data();
    void trainerIsUnchangedAfterTheSweep();
    void suggestion_data();
    void suggestion();
    void badRange_data();
    void badRange();
};

void TestLrFinder::sweepFindsFallingThenExplodingLoss()
{
    QuadrantData data(128, 1, 0.1);
    auto model = makeModel("lenet5", 2);
    Trainer trainer(model, FreezePlan(model->spec(), FreezeConfig{}), optimiser("sgd"), ScheduleConfig{}, 1, 16,
                    torch::kCPU);
    BatchStream stream = data.stream(16);
    LrFinderOptions o;
    o.startLr = 1e-4;
    o.endLr = 100.0;
    o.steps = 200;
    const LrFinderResult r = LrFinder::run(trainer, stream, o);
    QVERIFY(r.points.size() >= 10);
    QVERIFY(r.points.size() <= size_t(o.steps));
    // Exponential sweep: the ratio of neighbouring rates is the same at every step, from `start`.
    QCOMPARE(r.points.front().lr, o.startLr);
    const double ratio = std::pow(o.endLr / o.startLr, 1.0 / (o.steps - 1));
    for (size_t i = 1; i < r.points.size(); ++i)
        QVERIFY(std::abs(r.points[i].lr / r.points[i - 1].lr - ratio) < 1e-9);
    // The shape of the curve: it falls below the starting loss, then explodes and the sweep stops.
    double lowest = r.points.front().smoothed;
    for (const LrPoint& p : r.points)
        lowest = std::min(lowest, p.smoothed);
    QVERIFY2(lowest < 0.9 * r.points.front().smoothed, qPrintable(QString::number(lowest)));
    QVERIFY(r.diverged);
    QVERIFY(r.points.size() < size_t(o.steps));
    QVERIFY(r.points.back().smoothed > lowest);
    QVERIFY2(r.suggestedLr >= o.startLr && r.suggestedLr <= o.endLr, qPrintable(QString::number(r.suggestedLr)));
    QVERIFY(r.steepestLr > 0);
    // The steepest descent comes before the lowest loss: a rate that still learns stably.
    const auto lowestPoint = std::min_element(r.points.begin(), r.points.end(),
                                              [](const LrPoint& a, const LrPoint& b) { return a.smoothed < b.smoothed; });
    QVERIFY(r.suggestedLr <= lowestPoint->lr);
}

void TestLrFinder::trainerIsUnchangedAfterTheSweep_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<QString>("optim");
    QTest::addColumn<bool>("trainedBefore");
    QTest::newRow("lenet5 sgd, fresh") << "lenet5" << "sgd" << false;
    QTest::newRow("lenet5 adam, after an epoch") << "lenet5" << "adam" << true;
    QTest::newRow("resnet18 batchnorm adamw, after an epoch") << "resnet18" << "adamw" << true;
}

void TestLrFinder::trainerIsUnchangedAfterTheSweep()
{
    // The same run twice, once with a sweep in the middle: the next epoch must come out
    // bit-identical, so weights, BatchNorm statistics, optimiser moments and the random
    // generator were all put back.
    QFETCH(QString, arch);
    QFETCH(QString, optim);
    QFETCH(bool, trainedBefore);
    QuadrantData data(32, 3);
    std::vector<std::map<std::string, torch::Tensor>> results;
    for (bool sweep : {false, true}) {
        auto model = makeModel(arch.toStdString(), 4);
        Trainer trainer(model, FreezePlan(model->spec(), FreezeConfig{}), optimiser(optim.toStdString()), ScheduleConfig{},
                        3, 4, torch::kCPU);
        BatchStream stream = data.stream(8);
        if (trainedBefore)
            trainer.trainEpoch(0, stream, nullptr, nullptr);
        if (sweep) {
            const auto before = tensorsOf(*model);
            const int64_t step = trainer.step();
            LrFinderOptions o;
            o.startLr = 1e-3;
            o.endLr = 10.0;
            o.steps = 10;  // more than an epoch's 4 batches: the sweep wraps around the stream
            const LrFinderResult r = LrFinder::run(trainer, stream, o);
            QVERIFY(!r.points.empty());
            for (const auto& [name, tensor] : tensorsOf(*model))
                QVERIFY2(torch::equal(tensor, before.at(name)), name.c_str());
            QCOMPARE(trainer.step(), step);
        }
        trainer.trainEpoch(1, stream, nullptr, nullptr);
        results.push_back(tensorsOf(*model));
    }
    for (const auto& [name, tensor] : results[0])
        QVERIFY2(torch::equal(tensor, results[1].at(name)), name.c_str());
}

void TestLrFinder::suggestion_data()
{
    QTest::addColumn<int>("shape");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    // A smooth fall centred on 1e-3, a minimum at 1e-1, then a rise.
    QTest::newRow("steepest descent") << 0 << 3e-4 << 3e-3;
    // No descent at all: a tenth of the rate with the lowest loss.
    QTest::newRow("rising only") << 1 << 1e-7 << 1e-6;
}

void TestLrFinder::suggestion()
{
    QFETCH(int, shape);
    QFETCH(double, low);
    QFETCH(double, high);
    LrFinderResult r = shape == 0 ? curve([](double x) { return 2.0 - std::tanh(2.0 * (x + 3.0)) + (x > -1 ? (x + 1) * (x + 1) : 0.0); })
                                  : curve([](double x) { return 1.0 + (x + 6.0); });
    LrFinder::suggest(r);
    QVERIFY2(r.suggestedLr >= low && r.suggestedLr <= high, qPrintable(QString::number(r.suggestedLr)));
    QCOMPARE(r.steepestLr > 0, shape == 0);
}

void TestLrFinder::badRange_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<int>("steps");
    QTest::newRow("zero start") << 0.0 << 1.0 << 10;
    QTest::newRow("end below start") << 1.0 << 0.1 << 10;
    QTest::newRow("one step") << 1e-5 << 1.0 << 1;
}

void TestLrFinder::badRange()
{
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(int, steps);
    LrFinderOptions o;
    o.startLr = start;
    o.endLr = end;
    o.steps = steps;
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, LrFinder::validate(o));
}

QTEST_APPLESS_MAIN(TestLrFinder)
#include "tst_lr_finder.moc"
