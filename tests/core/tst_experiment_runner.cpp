// Running an experiment end to end on generated demo data: the run folder's files, stopping and
// resuming to the same result as an uninterrupted run, early stopping and bad input.
#include "common/errors.h"
#include "data/demo_data.h"
#include "train/experiment_runner.h"
#include "weights/state_dict.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace tl;

namespace {

int lineCount(const std::filesystem::path& file)
{
    std::ifstream in(file);
    int n = 0;
    for (std::string line; std::getline(in, line);)
        ++n;
    return n;
}

Experiment smallExperiment(const std::string& dataDir)
{
    Experiment e;
    e.name = "demo 실험";
    e.model.arch = "lenet5";
    e.model.inChannels = 1;
    e.data.train = dataDir;
    e.data.imageSize = 32;
    e.data.augment.randomResizedCrop = false;
    e.optim.lr = 0.02;
    e.schedule.kind = ScheduleKind::Cosine;
    e.train.epochs = 3;
    e.train.batchSize = 16;
    e.train.threads = 1;  // bit-exact comparisons
    e.train.seed = 5;
    return e;
}

/// Stops the run at the first batch of a given epoch.
struct StopAtEpoch final : TrainingObserver {
    int epoch;
    TrainingControl* control;
    StopAtEpoch(int e, TrainingControl* c) : epoch(e), control(c) {}
    void onIteration(const IterationMetrics& m) override
    {
        if (m.epoch == epoch)
            control->requestStop();
    }
};

}  // namespace

class TestExperimentRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writesARunFolder();
    void stoppedAndResumedEqualsUninterrupted();
    void missingDataIsReported();
    void fineTuningFromSourceBeatsScratch();

private:
    QTemporaryDir m_dir;
    std::string m_data;
};

void TestExperimentRunner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    DemoDataOptions o;
    o.imageSize = 32;
    o.sourceTrainPerClass = 12;
    o.sourceValPerClass = 4;
    o.targetTrainPerClass = 2;
    o.targetValPerClass = 2;
    o.segmentationImages = 0;
    writeDemoData((m_dir.path() + QStringLiteral("/demo")).toStdString(), o);
    m_data = (m_dir.path() + QStringLiteral("/demo/source")).toStdString();
}

void TestExperimentRunner::writesARunFolder()
{
    ExperimentRunner runner(smallExperiment(m_data), (m_dir.path() + QStringLiteral("/runs")).toStdString());
    const RunSummary summary = runner.run();
    QCOMPARE(summary.outcome, RunOutcome::Finished);
    QCOMPARE(summary.epochsDone, 3);
    const RunFolder& f = runner.folder();
    QVERIFY(QString::fromStdString(f.path().filename().string()).contains(QStringLiteral("demo_실험")));
    for (const char* name : {"experiment.json", "split.json", "metrics.csv", "epochs.csv", "summary.json", "log.txt",
                             "checkpoint_last.pt", "checkpoint_best.pt", "model.pth"})
        QVERIFY2(std::filesystem::exists(f.file(name)), name);
    // 8 classes x 12 training images = 96 images = 6 batches per epoch.
    QCOMPARE(lineCount(f.file("metrics.csv")), 1 + 3 * 6);
    QCOMPARE(lineCount(f.file("epochs.csv")), 1 + 3);
    const auto summaryJson = nlohmann::json::parse(f.readText("summary.json"));
    QCOMPARE(summaryJson.at("outcome").get<std::string>(), std::string("finished"));
    QCOMPARE(summaryJson.at("classes").size(), size_t{8});
    QVERIFY(summaryJson.at("final_val").at("top1").get<double>() >= 0.0);
    // The trained weights read back with the names of the architecture.
    const WeightFile weights = readWeights(f.file("model.pth").string());
    QCOMPARE(weights.tensors.front().name, std::string("features.c1.weight"));
    QVERIFY(QString::fromStdString(f.readText("experiment.json")).contains(QStringLiteral("transferlab-experiment/1")));
}

void TestExperimentRunner::stoppedAndResumedEqualsUninterrupted()
{
    const std::string runs = (m_dir.path() + QStringLiteral("/runs-resume")).toStdString();
    ExperimentRunner straight(smallExperiment(m_data), runs);
    straight.run();

    ExperimentRunner interrupted(smallExperiment(m_data), runs);
    TrainingControl control;
    StopAtEpoch stopper(1, &control);
    const RunSummary stopped = interrupted.run(&stopper, &control);
    QCOMPARE(stopped.outcome, RunOutcome::Stopped);
    QCOMPARE(stopped.epochsDone, 1);

    ExperimentRunner resumed = ExperimentRunner::resume(interrupted.folder().path());
    const RunSummary finished = resumed.run();
    QCOMPARE(finished.outcome, RunOutcome::Finished);
    QCOMPARE(finished.epochsDone, 3);
    QCOMPARE(resumed.folder().readText("epochs.csv").substr(0, 60), straight.folder().readText("epochs.csv").substr(0, 60));
    QCOMPARE(lineCount(resumed.folder().file("metrics.csv")), lineCount(straight.folder().file("metrics.csv")));
    const WeightFile a = readWeights(straight.folder().file("model.pth").string());
    const WeightFile b = readWeights(resumed.folder().file("model.pth").string());
    QCOMPARE(a.tensors.size(), b.tensors.size());
    for (size_t i = 0; i < a.tensors.size(); ++i)
        QVERIFY2(torch::equal(a.tensors[i].tensor, b.tensors[i].tensor), a.tensors[i].name.c_str());
}

void TestExperimentRunner::missingDataIsReported()
{
    Experiment e = smallExperiment((m_dir.path() + QStringLiteral("/없는폴더")).toStdString());
    ExperimentRunner runner(e, (m_dir.path() + QStringLiteral("/runs-bad")).toStdString());
    try {
        runner.run();
        QFAIL("a missing data folder was accepted");
    } catch (const Error& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("없는폴더")), error.what());
    }
    QVERIFY_THROWS_EXCEPTION(Error, ExperimentRunner::resume(m_dir.path().toStdString()));
}

void TestExperimentRunner::fineTuningFromSourceBeatsScratch()
{
    // The textbook picture: features learnt on the source shapes help the few-shot target task.
    DemoDataOptions o;
    o.imageSize = 32;
    o.sourceTrainPerClass = 100;
    o.sourceValPerClass = 10;
    o.targetTrainPerClass = 6;
    o.targetValPerClass = 30;
    o.segmentationImages = 0;
    const std::string root = (m_dir.path() + QStringLiteral("/transfer")).toStdString();
    writeDemoData(root, o);
    const std::string runs = (m_dir.path() + QStringLiteral("/runs-transfer")).toStdString();

    Experiment source = smallExperiment(root + "/source");
    source.train.epochs = 15;
    source.optim.name = "adam";
    source.optim.lr = 0.002;
    source.data.augment.horizontalFlip = true;
    ExperimentRunner sourceRun(source, runs);
    const RunSummary sourceSummary = sourceRun.run();
    QVERIFY2(sourceSummary.bestValTop1 > 0.25, qPrintable(QString::number(sourceSummary.bestValTop1)));  // chance: 0.125

    Experiment fineTune = smallExperiment(root + "/target");
    fineTune.model.weights = sourceRun.folder().path().string();  // a run folder: its trained weights
    fineTune.train.epochs = 15;
    fineTune.train.batchSize = 10;
    fineTune.optim.name = "adam";
    fineTune.optim.lr = 0.001;
    Experiment scratch = fineTune;
    scratch.model.weights = "none";
    scratch.freeze.preset = FreezePreset::FromScratch;
    const RunSummary tuned = ExperimentRunner(fineTune, runs).run();
    const RunSummary fresh = ExperimentRunner(scratch, runs).run();
    qInfo("target top-1: fine-tuned %.3f, from scratch %.3f", tuned.bestValTop1, fresh.bestValTop1);
    QVERIFY(tuned.bestValTop1 > fresh.bestValTop1);
}

QTEST_APPLESS_MAIN(TestExperimentRunner)
#include "tst_experiment_runner.moc"
