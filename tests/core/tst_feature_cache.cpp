// Feature caching: training from cached frozen-prefix outputs gives the same losses and weights
// as recomputing them, in memory or on disk, across gradual unfreezing; the run refuses it when
// augmentation is random.
#include "data/demo_data.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/experiment_runner.h"
#include "train/feature_cache.h"
#include "train/trainer.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace tl;

namespace {

// Four classes: which quadrant of a 32x32 RGB image is bright, with noise.
struct QuadrantData {
    torch::Tensor images;
    torch::Tensor labels;
    std::shared_ptr<int> decoded = std::make_shared<int>(0);  // batches delivered by next()

    QuadrantData(int64_t count, uint64_t seed)
    {
        torch::manual_seed(seed);
        labels = torch::randint(0, 4, {count}, torch::kLong);
        images = torch::randn({count, 3, 32, 32}) * 0.3;
        for (int64_t i = 0; i < count; ++i) {
            const int64_t q = labels[i].item<int64_t>();
            images[i].slice(1, (q / 2) * 16, (q / 2) * 16 + 16).slice(2, (q % 2) * 16, (q % 2) * 16 + 16) += 1.5;
        }
    }

    std::vector<std::vector<int64_t>> order(int64_t epoch, int64_t batchSize) const
    {
        auto gen = torch::make_generator<at::CPUGeneratorImpl>(1000 + epoch);
        const torch::Tensor perm = torch::randperm(images.size(0), gen, torch::kLong);
        std::vector<std::vector<int64_t>> batches;
        for (int64_t b = 0; b < images.size(0); b += batchSize) {
            batches.emplace_back();
            for (int64_t i = b; i < std::min(b + batchSize, images.size(0)); ++i)
                batches.back().push_back(perm[i].item<int64_t>());
        }
        return batches;
    }

    // Shuffled by epoch like the real loader, with sample indices, and the order without images.
    BatchStream stream(int64_t batchSize, std::shared_ptr<FeatureCache> cache = nullptr)
    {
        auto batches = std::make_shared<std::vector<std::vector<int64_t>>>();
        auto cursor = std::make_shared<size_t>(0);
        BatchStream s;
        s.batchesPerEpoch = (images.size(0) + batchSize - 1) / batchSize;
        s.startEpoch = [this, batches, cursor, batchSize](int64_t epoch) {
            *batches = order(epoch, batchSize);
            *cursor = 0;
        };
        s.next = [this, batches, cursor]() -> std::optional<TrainBatch> {
            if (*cursor >= batches->size())
                return std::nullopt;
            const std::vector<int64_t>& ids = (*batches)[(*cursor)++];
            ++*decoded;
            const torch::Tensor idx = torch::tensor(ids, torch::kLong);
            return TrainBatch{images.index_select(0, idx), labels.index_select(0, idx), ids};
        };
        s.features = std::move(cache);
        s.batchIndices = [this, batchSize](int64_t epoch) { return order(epoch, batchSize); };
        return s;
    }
};

std::shared_ptr<GraphModule> resnet18(uint64_t seed)
{
    torch::manual_seed(seed);
    BuildOptions o;
    o.numClasses = 4;
    return std::make_shared<GraphModule>(buildArch("resnet18", o));
}

FreezeConfig freezeOf(const QString& preset)
{
    FreezeConfig f;
    f.preset = FreezePreset::LinearProbe;
    if (preset == QLatin1String("last_stages")) {
        f.preset = FreezePreset::LastStages;
        f.lastStages = 1;
    } else if (preset == QLatin1String("unfreeze")) {
        f.unfreezeSchedule = {{2, {"layer4"}}};  // from the third epoch on, the last stage trains too
    }
    return f;
}

struct Outcome {
    std::vector<double> trainLosses;
    std::vector<double> valLosses;
    std::map<std::string, torch::Tensor> weights;
};

Outcome train(const FreezeConfig& freeze, std::shared_ptr<FeatureCache> trainCache,
              std::shared_ptr<FeatureCache> valCache, QuadrantData& data, QuadrantData& val, int epochs = 3)
{
    auto model = resnet18(11);
    OptimConfig optim;
    optim.lr = 0.05;
    optim.momentum = 0.9;
    optim.weightDecay = 1e-4;
    ScheduleConfig schedule;
    schedule.kind = ScheduleKind::Constant;
    BatchStream trainStream = data.stream(8, std::move(trainCache));
    BatchStream valStream = val.stream(8, std::move(valCache));
    Trainer trainer(model, FreezePlan(model->spec(), freeze), optim, schedule, epochs, trainStream.batchesPerEpoch,
                    torch::kCPU);
    Outcome out;
    for (int epoch = 0; epoch < epochs; ++epoch) {
        out.trainLosses.push_back(trainer.trainEpoch(epoch, trainStream, nullptr, nullptr).trainLoss);
        out.valLosses.push_back(trainer.evaluate(valStream, epoch).loss);
    }
    for (const auto& p : model->named_parameters())
        out.weights[p.key()] = p.value().detach().clone();
    for (const auto& b : model->named_buffers())
        out.weights[b.key()] = b.value().detach().clone();
    return out;
}

void compareOutcomes(const Outcome& a, const Outcome& b)
{
    QCOMPARE(a.trainLosses.size(), b.trainLosses.size());
    for (size_t i = 0; i < a.trainLosses.size(); ++i) {
        QVERIFY2(std::abs(a.trainLosses[i] - b.trainLosses[i]) <= 1e-5,
                 qPrintable(QStringLiteral("epoch %1: %2 vs %3").arg(i).arg(a.trainLosses[i]).arg(b.trainLosses[i])));
        QVERIFY2(std::abs(a.valLosses[i] - b.valLosses[i]) <= 1e-5,
                 qPrintable(QStringLiteral("val epoch %1: %2 vs %3").arg(i).arg(a.valLosses[i]).arg(b.valLosses[i])));
    }
    for (const auto& [name, t] : a.weights)
        QVERIFY2(torch::allclose(t.to(torch::kDouble), b.weights.at(name).to(torch::kDouble), 1e-5, 1e-5), name.c_str());
}

std::vector<double> epochLosses(const RunFolder& folder)
{
    std::ifstream in(folder.file("epochs.csv"));
    std::vector<double> losses;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line))
        losses.push_back(std::stod(line.substr(line.find(',') + 1)));
    return losses;
}

}  // namespace

class TestFeatureCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }
    void cutFollowsTheFreezePlan();
    void cachedEqualsUncached_data();
    void cachedEqualsUncached();
    void diskFallbackGivesTheSameResult();
    void rebuiltAfterGradualUnfreezing();
    void changedWeightsDropTheContents();
    void runnerCachesOnlyWithoutRandomAugmentation();
};

void TestFeatureCache::cutFollowsTheFreezePlan()
{
    auto model = resnet18(1);
    QVERIFY(FeatureCache::cutOf(FreezePlan(model->spec(), freezeOf(QStringLiteral("linear_probe"))))
            == std::vector<std::string>{"flatten"});
    const std::vector<std::string> lastStage = FeatureCache::cutOf(FreezePlan(model->spec(), freezeOf(QStringLiteral("last_stages"))));
    QCOMPARE(lastStage.size(), size_t{1});
    // The one tensor entering layer4: the output of layer3's last block.
    QVERIFY2(lastStage.front().rfind("layer3.1", 0) == 0, lastStage.front().c_str());
    QVERIFY(FeatureCache::cutOf(FreezePlan(model->spec(), FreezeConfig{})).empty());  // full fine-tune
}

void TestFeatureCache::cachedEqualsUncached_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("linear_probe") << QStringLiteral("linear_probe");
    QTest::newRow("last_stages") << QStringLiteral("last_stages");
}

void TestFeatureCache::cachedEqualsUncached()
{
    QFETCH(QString, preset);
    QuadrantData data(40, 1);
    QuadrantData val(16, 2);
    const Outcome plain = train(freezeOf(preset), nullptr, nullptr, data, val);
    const int plainDecoded = *data.decoded;
    auto cache = std::make_shared<FeatureCache>();
    auto valCache = std::make_shared<FeatureCache>();
    const Outcome cached = train(freezeOf(preset), cache, valCache, data, val);
    compareOutcomes(plain, cached);
    QCOMPARE(cache->size(), int64_t{40});
    QCOMPARE(valCache->size(), int64_t{16});
    QCOMPARE(cache->samplesOnDisk(), int64_t{0});
    // Only the first epoch read images; the others came from the cache alone.
    QCOMPARE(*data.decoded - plainDecoded, 5);
}

void TestFeatureCache::diskFallbackGivesTheSameResult()
{
    QTemporaryDir dir;
    QuadrantData data(40, 3);
    QuadrantData val(16, 4);
    const FreezeConfig freeze = freezeOf(QStringLiteral("last_stages"));
    const Outcome plain = train(freeze, nullptr, nullptr, data, val);
    FeatureCacheOptions options;
    options.memoryBytes = 0;
    options.spillDir = dir.path().toStdString();
    auto cache = std::make_shared<FeatureCache>(options);
    const Outcome cached = train(freeze, cache, std::make_shared<FeatureCache>(options), data, val);
    compareOutcomes(plain, cached);
    QCOMPARE(cache->samplesOnDisk(), int64_t{40});
    const std::filesystem::path folder = cache->spillFolder();
    QVERIFY(std::filesystem::exists(folder / "0.bin"));
    cache.reset();
    QVERIFY(!std::filesystem::exists(folder));  // cleaned up with the cache
}

void TestFeatureCache::rebuiltAfterGradualUnfreezing()
{
    QuadrantData data(40, 5);
    QuadrantData val(16, 6);
    const FreezeConfig freeze = freezeOf(QStringLiteral("unfreeze"));
    const Outcome plain = train(freeze, nullptr, nullptr, data, val, 4);
    auto cache = std::make_shared<FeatureCache>();
    const Outcome cached = train(freeze, cache, nullptr, data, val, 4);
    compareOutcomes(plain, cached);
    QCOMPARE(cache->invalidations(), 1);
    QCOMPARE(cache->cut().size(), size_t{1});
    QVERIFY2(cache->cut().front().rfind("layer3.1", 0) == 0, cache->cut().front().c_str());
    QCOMPARE(cache->size(), int64_t{40});
}

void TestFeatureCache::changedWeightsDropTheContents()
{
    auto model = resnet18(7);
    model->eval();  // as the trainer runs a frozen prefix: its BatchNorm statistics stay put
    const FreezePlan plan(model->spec(), freezeOf(QStringLiteral("linear_probe")));
    FeatureCache cache;
    QVERIFY(cache.bind(plan, *model));
    const std::vector<torch::Tensor> out = model->run(torch::randn({2, 3, 32, 32}), cache.cut());
    cache.store({0, 1}, out, torch::tensor({0, 1}, torch::kLong));
    QVERIFY(cache.bind(plan, *model));
    QCOMPARE(cache.size(), int64_t{2});
    {
        torch::NoGradGuard noGrad;
        model->named_parameters()["conv1.weight"].mul_(0.5);  // as loading other weights would
    }
    QVERIFY(cache.bind(plan, *model));
    QCOMPARE(cache.size(), int64_t{0});
    QCOMPARE(cache.invalidations(), 1);
}

void TestFeatureCache::runnerCachesOnlyWithoutRandomAugmentation()
{
    QTemporaryDir dir;
    DemoDataOptions o;
    o.imageSize = 40;
    o.sourceTrainPerClass = 5;
    o.sourceValPerClass = 2;
    o.targetTrainPerClass = 1;
    o.targetValPerClass = 1;
    o.segmentationImages = 0;
    writeDemoData((dir.path() + QStringLiteral("/demo")).toStdString(), o);
    Experiment e;
    e.name = "cache";
    e.model.arch = "resnet18";
    e.model.weights = "none";
    e.data.train = (dir.path() + QStringLiteral("/demo/source")).toStdString();
    e.data.imageSize = 32;
    e.data.augment.randomResizedCrop = false;
    e.data.augment.horizontalFlip = false;
    e.freeze.preset = FreezePreset::LinearProbe;
    e.optim.lr = 0.05;
    e.train.epochs = 3;
    e.train.batchSize = 8;
    e.train.threads = 1;
    e.train.seed = 3;
    const std::string runs = (dir.path() + QStringLiteral("/runs")).toStdString();

    std::vector<std::string> cachedLog;
    ExperimentRunner cached(e, runs, [&](const std::string& line) { cachedLog.push_back(line); });
    cached.run();
    e.train.cacheFrozenFeatures = false;
    ExperimentRunner plain(e, runs);
    plain.run();
    const std::vector<double> a = epochLosses(cached.folder());
    const std::vector<double> b = epochLosses(plain.folder());
    QCOMPARE(a.size(), size_t{3});
    for (size_t i = 0; i < a.size(); ++i)
        QVERIFY2(std::abs(a[i] - b[i]) <= 1e-5, qPrintable(QStringLiteral("%1 vs %2").arg(a[i]).arg(b[i])));
    const auto mentions = [](const std::vector<std::string>& log, const std::string& text) {
        return std::any_of(log.begin(), log.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
    };
    QVERIFY(mentions(cachedLog, "feature caching at 1 tensor(s) from the frozen prefix, first 'flatten'"));
    QVERIFY(!mentions(cachedLog, "feature caching is off"));
    // No spill files are left behind in the run folder.
    for (const auto& entry : std::filesystem::directory_iterator(cached.folder().path()))
        QVERIFY2(entry.path().filename().string().rfind("feature-cache", 0) != 0, entry.path().c_str());

    e.train.cacheFrozenFeatures = true;
    e.data.augment.horizontalFlip = true;
    e.train.epochs = 1;
    std::vector<std::string> flipLog;
    ExperimentRunner flipped(e, runs, [&](const std::string& line) { flipLog.push_back(line); });
    flipped.run();
    QVERIFY(mentions(flipLog, "feature caching is off for training: random augmentation (horizontal flip)"));
}

QTEST_GUILESS_MAIN(TestFeatureCache)
#include "tst_feature_cache.moc"
