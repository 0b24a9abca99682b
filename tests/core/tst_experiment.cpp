// Experiment files: defaults, round trip, overrides, and errors that name the file and the entry.
#include "common/errors.h"
#include "train/experiment.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace tl;
using nlohmann::json;

class TestExperiment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void minimalFileGetsDefaults();
    void fullFileRoundTrips();
    void pretrainStageFollowsTheExperiment();
    void errorsNameFileAndPath_data();
    void errorsNameFileAndPath();
    void overrides();
    void unreadableFiles();
};

void TestExperiment::minimalFileGetsDefaults()
{
    const Experiment e = parseExperiment(
        json{{"format", "transferlab-experiment/1"}, {"model", {{"arch", "resnet18"}}}, {"data", {{"train", "/d"}}}},
        "min.json");
    QCOMPARE(e.model.arch, std::string("resnet18"));
    QCOMPARE(e.model.weights, std::string("none"));
    QCOMPARE(e.data.valFraction, 0.2);
    QCOMPARE(e.freeze.preset, FreezePreset::FullFineTune);
    QCOMPARE(e.optim.name, std::string("sgd"));
    QCOMPARE(e.schedule.kind, ScheduleKind::Cosine);
    QCOMPARE(e.train.epochs, 10);
    QVERIFY(e.train.cacheFrozenFeatures);
    QCOMPARE(e.task, ExperimentTask::Classification);
    QCOMPARE(e.optim.crossEntropyWeight, 1.0);
    QCOMPARE(e.optim.diceWeight, 1.0);
}

void TestExperiment::fullFileRoundTrips()
{
    Experiment e;
    e.name = "cats vs dogs";
    e.model.arch = "densenet121";
    e.model.weights = "/w/densenet121-a639ec97.pth";
    e.model.numClasses = 2;
    e.data.train = "/data/고양이";
    e.data.augment.rotationDegrees = 15;
    e.freeze.preset = FreezePreset::LastStages;
    e.freeze.lastStages = 2;
    e.freeze.frozen = {"features.stem"};
    e.freeze.batchNorm = BatchNormPolicy::AffineOnly;
    e.freeze.lrMultipliers = {{"features.denseblock4", 0.1}};
    e.freeze.unfreezeSchedule = {{3, {"features.denseblock3"}}};
    e.optim.name = "adamw";
    e.optim.classWeights = {1.0, 3.0};
    e.schedule.kind = ScheduleKind::OneCycle;
    e.train.epochs = 7;
    e.train.device = "cpu";
    e.task = ExperimentTask::Segmentation;
    e.model.unetBaseWidth = 16;
    e.optim.diceWeight = 0.5;
    const json saved = toJson(e);
    const Experiment back = parseExperiment(json::parse(saved.dump()), "saved.json");
    QCOMPARE(toJson(back), saved);
    QCOMPARE(back.data.train, std::string("/data/고양이"));
    QCOMPARE(back.freeze.unfreezeSchedule.front().ids.front(), std::string("features.denseblock3"));
    QCOMPARE(back.freeze.lrMultipliers.at("features.denseblock4"), 0.1);
    QCOMPARE(back.task, ExperimentTask::Segmentation);
    QCOMPARE(back.model.unetBaseWidth, int64_t(16));
    QCOMPARE(back.optim.diceWeight, 0.5);
}

void TestExperiment::pretrainStageFollowsTheExperiment()
{
    const json document{{"format", "transferlab-experiment/1"},
                        {"data", {{"train", "/target"}, {"image_size", 64}, {"val_fraction", 0.3}}},
                        {"optim", {{"name", "adam"}, {"lr", 0.001}, {"class_weights", {1.0, 2.0}}}},
                        {"train", {{"epochs", 4}}},
                        {"pretrain", {{"data", {{"train", "/source"}, {"val_fraction", 0.1}}}, {"optim", {{"lr", 0.01}}}}}};
    const Experiment e = parseExperiment(document, "exp.json");
    QVERIFY(e.pretrain.has_value());
    QCOMPARE(e.pretrain->data.train, std::string("/source"));
    QCOMPARE(e.pretrain->data.imageSize, int64_t(64));  // taken from data
    QCOMPARE(e.pretrain->data.valFraction, 0.1);         // its own
    QCOMPARE(e.pretrain->epochs, 4);
    QCOMPARE(e.pretrain->optim.name, std::string("adam"));
    QCOMPARE(e.pretrain->optim.lr, 0.01);
    QVERIFY(e.pretrain->optim.classWeights.empty());  // the target's classes are not the source's
    QCOMPARE(e.pretrain->freeze.preset, FreezePreset::FullFineTune);
    const json saved = toJson(e);
    QCOMPARE(toJson(parseExperiment(json::parse(saved.dump()), "saved.json")), saved);
    QVERIFY(!toJson(parseExperiment(json{{"format", "transferlab-experiment/1"}}, "x.json")).contains("pretrain"));
}

void TestExperiment::errorsNameFileAndPath_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("message");
    const QString head = QStringLiteral("{\"format\": \"transferlab-experiment/1\", ");
    QTest::newRow("no format") << "{}" << "exp.json: /format: missing";
    QTest::newRow("other format") << "{\"format\": \"other/2\"}" << "exp.json: /format: unsupported format 'other/2'";
    QTest::newRow("unknown top key") << head + "\"modle\": {}}" << "exp.json: /modle: unknown key";
    QTest::newRow("unknown nested key") << head + "\"optim\": {\"lrr\": 0.1}}" << "exp.json: /optim/lrr: unknown key";
    QTest::newRow("wrong type") << head + "\"train\": {\"epochs\": \"ten\"}}" << "exp.json: /train/epochs: expected a whole number";
    QTest::newRow("out of range") << head + "\"optim\": {\"lr\": -1}}" << "exp.json: /optim/lr: must be between";
    QTest::newRow("bad preset") << head + "\"freeze\": {\"preset\": \"half\"}}" << "exp.json: /freeze/preset: unknown preset 'half'";
    QTest::newRow("bad schedule step") << head + "\"freeze\": {\"unfreeze_schedule\": [{\"epoch\": 1, \"unfreez\": []}]}}"
                                       << "exp.json: /freeze/unfreeze_schedule/0/unfreez: unknown key";
    QTest::newRow("section not object") << head + "\"data\": 3}" << "exp.json: /data: expected an object";
    QTest::newRow("bad device") << head + "\"train\": {\"device\": \"tpu\"}}" << "exp.json: /train/device: unknown device 'tpu'";
    QTest::newRow("bad task") << head + "\"task\": \"detection\"}" << "exp.json: /task: unknown task 'detection'";
    QTest::newRow("task not a string") << head + "\"task\": 1}" << "exp.json: /task: expected a string";
    QTest::newRow("pretrain unknown key") << head + "\"pretrain\": {\"data\": {\"train\": \"s\", \"trian\": 1}}}"
                                          << "exp.json: /pretrain/data/trian: unknown key";
    QTest::newRow("pretrain without data") << head + "\"pretrain\": {\"epochs\": 3}}"
                                           << "exp.json: /pretrain/data/train: missing";
    QTest::newRow("pretrain bad optimiser") << head + "\"pretrain\": {\"data\": {\"train\": \"s\"}, \"optim\": {\"name\": \"rms\"}}}"
                                            << "exp.json: /pretrain/optim/name: unknown optimiser 'rms'";
    QTest::newRow("pretrain then scratch") << head + "\"freeze\": {\"preset\": \"scratch\"}, \"pretrain\": {\"data\": {\"train\": \"s\"}}}"
                                           << "exp.json: /pretrain: freeze.preset 'scratch'";
    QTest::newRow("no loss left") << head + "\"optim\": {\"cross_entropy_weight\": 0, \"dice_weight\": 0}}"
                                  << "exp.json: /optim/dice_weight: cross_entropy_weight and dice_weight cannot both be 0";
}

void TestExperiment::errorsNameFileAndPath()
{
    QFETCH(QString, document);
    QFETCH(QString, message);
    try {
        parseExperiment(json::parse(document.toStdString()), "exp.json");
        QFAIL("a bad experiment was accepted");
    } catch (const ExperimentError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
    }
}

void TestExperiment::overrides()
{
    json doc = toJson(Experiment());
    applyOverride(doc, "optim.lr=0.001");
    applyOverride(doc, "train.epochs=3");
    applyOverride(doc, "model.arch=vgg11");
    applyOverride(doc, "freeze.frozen=[\"features\"]");
    const Experiment e = parseExperiment(doc, "x.json");
    QCOMPARE(e.optim.lr, 0.001);
    QCOMPARE(e.train.epochs, 3);
    QCOMPARE(e.model.arch, std::string("vgg11"));
    QCOMPARE(e.freeze.frozen, std::vector<std::string>{"features"});
    QVERIFY_THROWS_EXCEPTION(ExperimentError, applyOverride(doc, "no-equals-sign"));
    QVERIFY_THROWS_EXCEPTION(ExperimentError, applyOverride(doc, "optim.lr.deeper=1"));
    applyOverride(doc, "optim.typo=1");  // lands in the document, and parsing then names it
    QVERIFY_THROWS_EXCEPTION(ExperimentError, parseExperiment(doc, "x.json"));
}

void TestExperiment::unreadableFiles()
{
    QTemporaryDir dir;
    const std::string missing = (dir.path() + QStringLiteral("/없음.json")).toStdString();
    try {
        loadExperiment(missing);
        QFAIL("a missing file was accepted");
    } catch (const ExperimentError& e) {
        QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("없음.json")));
    }
    const std::string broken = (dir.path() + QStringLiteral("/broken.json")).toStdString();
    std::ofstream(broken) << "{\"format\": ";
    QVERIFY_THROWS_EXCEPTION(ExperimentError, loadExperiment(broken));
}

QTEST_APPLESS_MAIN(TestExperiment)
#include "tst_experiment.moc"
