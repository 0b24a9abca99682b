// Freeze plans: presets, explicit lists, BatchNorm policy, learning-rate multipliers, gradual
// unfreezing and the frozen prefix that feature caching relies on.
#include "common/errors.h"
#include "models/zoo.h"
#include "train/freeze_plan.h"

#include <QtTest>

using namespace tl;

class TestFreezePlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linearProbeTrainsOnlyTheNewHead_data();
    void linearProbeTrainsOnlyTheNewHead();
    void lastStages();
    void stageUnitsOfSingleStageNetworks();
    void explicitListsOverrideThePreset();
    void batchNormPolicies();
    void learningRateMultipliersInherit();
    void gradualUnfreezing();
    void frozenPrefixStopsAtFirstTrainableLayer();
    void unknownIdsAreReported();
};

void TestFreezePlan::linearProbeTrainsOnlyTheNewHead_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<qlonglong>("trainable");
    QTest::newRow("resnet18") << "resnet18" << 512LL * 10 + 10;
    QTest::newRow("vgg16") << "vgg16" << 4096LL * 10 + 10;
    QTest::newRow("densenet121") << "densenet121" << 1024LL * 10 + 10;
    QTest::newRow("mobilenet_v2") << "mobilenet_v2" << 1280LL * 10 + 10;
    // GoogLeNet's two auxiliary classifiers get new heads too.
    QTest::newRow("googlenet") << "googlenet" << 1024LL * 10 + 10 + 2 * (1024LL * 10 + 10);
    QTest::newRow("unet") << "unet" << 64LL * 10 + 10;
}

void TestFreezePlan::linearProbeTrainsOnlyTheNewHead()
{
    QFETCH(QString, arch);
    QFETCH(qlonglong, trainable);
    BuildOptions o;
    o.numClasses = 10;
    FreezeConfig c;
    c.preset = FreezePreset::LinearProbe;
    const FreezePlan plan(buildArch(arch.toStdString(), o), c);
    QCOMPARE(plan.trainableParameterCount(), trainable);
    QCOMPARE(static_cast<qlonglong>(plan.frozenParameters().size()),
             static_cast<qlonglong>(plan.spec().parameters().size()) - (arch == QLatin1String("googlenet") ? 6 : 2));
}

void TestFreezePlan::lastStages()
{
    FreezeConfig c;
    c.preset = FreezePreset::LastStages;
    c.lastStages = 2;
    const FreezePlan plan(buildArch("resnet18"), c);
    QVERIFY(plan.isFrozen("conv1"));
    QVERIFY(plan.isFrozen("layer2.1.conv2"));
    QVERIFY(!plan.isFrozen("layer3.0.conv1"));
    QVERIFY(!plan.isFrozen("layer4.1.bn2"));
    QVERIFY(!plan.isFrozen("fc"));
    QCOMPARE(FreezePlan::stageUnits(plan.spec()),
             (std::vector<std::string>{"stem", "layer1", "layer2", "layer3", "layer4"}));
    c.lastStages = 99;  // more than there are: everything trains
    QCOMPARE(FreezePlan(buildArch("resnet18"), c).trainableParameterCount(), 11689512);
}

void TestFreezePlan::stageUnitsOfSingleStageNetworks()
{
    QCOMPARE(FreezePlan::stageUnits(buildArch("vgg11")).size(), size_t{5});  // the five conv blocks
    QCOMPARE(FreezePlan::stageUnits(buildArch("alexnet")).size(), size_t{5});  // the five conv layers
    FreezeConfig c;
    c.preset = FreezePreset::LastStages;
    c.lastStages = 1;
    const FreezePlan plan(buildArch("vgg11"), c);
    QVERIFY(plan.isFrozen("features.15"));
    QVERIFY(!plan.isFrozen("features.18"));
    QVERIFY(!plan.isFrozen("classifier.0"));  // the head trains with the last block
}

void TestFreezePlan::explicitListsOverrideThePreset()
{
    FreezeConfig c;
    c.preset = FreezePreset::FullFineTune;
    c.frozen = {"stem", "layer1"};
    c.trainable = {"layer1.1.conv2"};
    const FreezePlan plan(buildArch("resnet18"), c);
    QVERIFY(plan.isFrozen("bn1"));
    QVERIFY(plan.isFrozen("layer1.0.conv1"));
    QVERIFY(!plan.isFrozen("layer1.1.conv2"));
    QVERIFY(!plan.isParameterTrainable("layer1.0.conv1.weight"));
    QVERIFY(plan.isParameterTrainable("layer1.1.conv2.weight"));
    QVERIFY(plan.isParameterTrainable("layer2.0.downsample.0.weight"));
}

void TestFreezePlan::batchNormPolicies()
{
    FreezeConfig c;
    c.preset = FreezePreset::LinearProbe;
    const FreezePlan follow(buildArch("resnet18"), c);
    QVERIFY(!follow.isParameterTrainable("bn1.weight"));
    QCOMPARE(follow.batchNormsInEval().size(), size_t{20});

    c.batchNorm = BatchNormPolicy::AffineOnly;
    const FreezePlan affine(buildArch("resnet18"), c);
    QVERIFY(affine.isParameterTrainable("bn1.weight"));
    QVERIFY(!affine.isParameterTrainable("conv1.weight"));
    QCOMPARE(affine.batchNormsInEval().size(), size_t{20});  // statistics stay as loaded

    c.batchNorm = BatchNormPolicy::TrainAll;
    const FreezePlan train(buildArch("resnet18"), c);
    QVERIFY(train.batchNormsInEval().empty());
}

void TestFreezePlan::learningRateMultipliersInherit()
{
    FreezeConfig c;
    c.lrMultipliers = {{"layer1", 0.1}, {"layer1.1", 0.5}, {"fc", 10.0}};
    const FreezePlan plan(buildArch("resnet18"), c);
    QCOMPARE(plan.lrMultiplier("layer1.0.conv1"), 0.1);
    QCOMPARE(plan.lrMultiplier("layer1.1.conv1"), 0.5);
    QCOMPARE(plan.lrMultiplier("fc"), 10.0);
    QCOMPARE(plan.lrMultiplier("layer2.0.conv1"), 1.0);
}

void TestFreezePlan::gradualUnfreezing()
{
    FreezeConfig c;
    c.preset = FreezePreset::LinearProbe;
    c.unfreezeSchedule = {{2, {"layer4"}}, {4, {"layer3"}}};
    FreezePlan plan(buildArch("resnet18"), c);
    QVERIFY(plan.isFrozen("layer4.0.conv1"));
    QVERIFY(!plan.advanceToEpoch(1));
    QVERIFY(plan.advanceToEpoch(2));
    QVERIFY(!plan.isFrozen("layer4.0.conv1"));
    QVERIFY(plan.isFrozen("layer3.0.conv1"));
    QVERIFY(!plan.advanceToEpoch(3));
    QVERIFY(plan.advanceToEpoch(6));
    QVERIFY(!plan.isFrozen("layer3.0.conv1"));
    QVERIFY(plan.isFrozen("layer2.0.conv1"));
}

void TestFreezePlan::frozenPrefixStopsAtFirstTrainableLayer()
{
    FreezeConfig c;
    c.preset = FreezePreset::LastStages;
    c.lastStages = 1;
    const FreezePlan plan(buildArch("resnet18"), c);
    const std::vector<bool> mask = plan.frozenPrefixMask();
    const ArchSpec& s = plan.spec();
    QVERIFY(mask[s.indexOf("layer3.1.relu_out")]);
    QVERIFY(!mask[s.indexOf("layer4.0.conv1")]);
    QVERIFY(!mask[s.indexOf("fc")]);

    FreezeConfig full;
    const FreezePlan none(buildArch("resnet18"), full);
    QVERIFY(!none.frozenPrefixMask()[s.indexOf("conv1")]);

    // With BatchNorm statistics training, nothing after the first BN can be cached.
    c.batchNorm = BatchNormPolicy::TrainAll;
    const FreezePlan trainingNorms(buildArch("resnet18"), c);
    QVERIFY(trainingNorms.frozenPrefixMask()[s.indexOf("conv1")]);
    QVERIFY(!trainingNorms.frozenPrefixMask()[s.indexOf("bn1")]);
}

void TestFreezePlan::unknownIdsAreReported()
{
    FreezeConfig c;
    c.frozen = {"layer9"};
    try {
        FreezePlan plan(buildArch("resnet18"), c);
        QFAIL("an unknown id was accepted");
    } catch (const InvalidArgument& e) {
        QVERIFY(QString::fromStdString(e.what()).contains(QStringLiteral("layer9")));
    }
    FreezeConfig lr;
    lr.lrMultipliers = {{"nowhere", 2.0}};
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, FreezePlan(buildArch("resnet18"), lr));
    FreezeConfig negative;
    negative.lrMultipliers = {{"fc", -1.0}};
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, FreezePlan(buildArch("resnet18"), negative));
}

QTEST_APPLESS_MAIN(TestFreezePlan)
#include "tst_freeze_plan.moc"
