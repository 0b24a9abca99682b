// Running an experiment end to end on generated demo data: the run folder's files, stopping and
// resuming to the same result as an uninterrupted run, early stopping, bad input, validation
// metrics per class and per image, and a pretrain stage on the source data.
#include "common/errors.h"
#include "data/demo_data.h"
#include "train/experiment_runner.h"
#include "weights/state_dict.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

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

/// Stops the run after its `at`-th batch, counting across stages.
struct StopAtBatch final : TrainingObserver {
    int at;
    TrainingControl* control;
    int seen = 0;
    StopAtBatch(int a, TrainingControl* c) : at(a), control(c) {}
    void onIteration(const IterationMetrics&) override
    {
        if (++seen == at)
            control->requestStop();
    }
};

std::vector<std::string> csvRows(const std::string& text)
{
    std::vector<std::string> rows;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        rows.push_back(line);
    return rows;
}

std::vector<std::string> fields(const std::string& row)
{
    std::vector<std::string> out;
    std::istringstream in(row);
    for (std::string field; std::getline(in, field, ',');)
        out.push_back(field);
    return out;
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
    void writesValidationMetricsAndPredictions();
    void pretrainStageBeatsScratch();
    void pretrainResumesInEitherStage_data();
    void pretrainResumesInEitherStage();
    void validationFolderIsUsed();
    void runWithoutValidationHasNoValidationScore();
    void normalisationSettingChangesTheInput();

private:
    std::string transferData();
    QTemporaryDir m_dir;
    std::string m_data;
    std::string m_transfer;
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
    // Every epoch once in epochs.csv, and the same per-class metrics and per-image predictions.
    QCOMPARE(lineCount(resumed.folder().file("epochs.csv")), lineCount(straight.folder().file("epochs.csv")));
    const auto confusionA = nlohmann::json::parse(straight.folder().readText("confusion.json"));
    const auto confusionB = nlohmann::json::parse(resumed.folder().readText("confusion.json"));
    QCOMPARE(confusionB.at("last"), confusionA.at("last"));
    QCOMPARE(confusionB.at("best"), confusionA.at("best"));
    QCOMPARE(resumed.folder().readText("val_predictions.csv"), straight.folder().readText("val_predictions.csv"));
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

std::string TestExperimentRunner::transferData()
{
    if (m_transfer.empty()) {
        DemoDataOptions o;
        o.imageSize = 32;
        o.sourceTrainPerClass = 100;
        o.sourceValPerClass = 10;
        o.targetTrainPerClass = 6;
        o.targetValPerClass = 30;
        o.segmentationImages = 0;
        m_transfer = (m_dir.path() + QStringLiteral("/transfer")).toStdString();
        writeDemoData(m_transfer, o);
    }
    return m_transfer;
}

void TestExperimentRunner::fineTuningFromSourceBeatsScratch()
{
    // The textbook picture: features learnt on the source shapes help the few-shot target task.
    const std::string root = transferData();
    const std::string runs = (m_dir.path() + QStringLiteral("/runs-transfer")).toStdString();

    Experiment source = smallExperiment(root + "/source");
    source.train.epochs = 15;
    source.optim.name = "adam";
    source.optim.lr = 0.002;
    source.data.augment.horizontalFlip = true;
    ExperimentRunner sourceRun(source, runs);
    const RunSummary sourceSummary = sourceRun.run();
    QVERIFY2(sourceSummary.bestFigure("best_val_top1") > 0.25, qPrintable(QString::number(sourceSummary.bestFigure("best_val_top1"))));  // chance: 0.125

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
    qInfo("target top-1: fine-tuned %.3f, from scratch %.3f", tuned.bestFigure("best_val_top1"), fresh.bestFigure("best_val_top1"));
    QVERIFY(tuned.bestFigure("best_val_top1") > fresh.bestFigure("best_val_top1"));
}

void TestExperimentRunner::writesValidationMetricsAndPredictions()
{
    Experiment e = smallExperiment(m_data);
    e.train.epochs = 2;
    ExperimentRunner runner(e, (m_dir.path() + QStringLiteral("/runs-metrics")).toStdString());
    const RunSummary summary = runner.run();
    const RunFolder& f = runner.folder();
    const auto confusion = nlohmann::json::parse(f.readText("confusion.json"));
    QCOMPARE(confusion.at("classes").size(), size_t{8});
    const nlohmann::json& last = confusion.at("last");
    QCOMPARE(last.at("epoch").get<int>(), 2);
    QCOMPARE(confusion.at("best").at("epoch").get<int>(), summary.bestEpoch);
    // 8 classes x 4 validation images: every one counted once, in its true class's row.
    const auto matrix = last.at("matrix").get<std::vector<std::vector<int64_t>>>();
    int64_t support = 0;
    double f1Sum = 0;
    for (size_t c = 0; c < 8; ++c) {
        const nlohmann::json& scores = last.at("per_class").at(c);
        QCOMPARE(scores.at("class").get<std::string>(), confusion.at("classes").at(c).get<std::string>());
        QCOMPARE(scores.at("support").get<int64_t>(), int64_t{4});
        int64_t row = 0;
        int64_t column = 0;
        for (size_t k = 0; k < 8; ++k) {
            row += matrix[c][k];
            column += matrix[k][c];
        }
        QCOMPARE(row, scores.at("support").get<int64_t>());
        const double precision = column ? double(matrix[c][c]) / double(column) : 0.0;
        QVERIFY(std::abs(scores.at("precision").get<double>() - precision) < 1e-12);
        QVERIFY(std::abs(scores.at("recall").get<double>() - double(matrix[c][c]) / 4.0) < 1e-12);
        support += scores.at("support").get<int64_t>();
        f1Sum += scores.at("f1").get<double>();
    }
    QCOMPARE(support, int64_t{32});
    const double macroF1 = last.at("macro_f1").get<double>();
    QVERIFY(std::abs(macroF1 - f1Sum / 8) < 1e-12);
    // The same figure in summary.json and in the new last column of epochs.csv.
    const auto summaryJson = nlohmann::json::parse(f.readText("summary.json"));
    QVERIFY(std::abs(summaryJson.at("final_val").at("macro_f1").get<double>() - macroF1) < 1e-12);
    QVERIFY(summaryJson.contains("best_val_macro_f1"));
    const std::vector<std::string> epochs = csvRows(f.readText("epochs.csv"));
    QCOMPARE(epochs.front(), std::string("epoch,train_loss,train_accuracy,val_loss,val_top1,val_top5,seconds,"
                                         "images_per_second,val_macro_f1"));
    QCOMPARE(epochs.size(), size_t{3});
    QVERIFY(std::abs(std::stod(fields(epochs.back()).back()) - macroF1) < 1e-6);

    // One row per validation image, agreeing with the last epoch's matrix.
    const std::vector<std::string> rows = csvRows(f.readText("val_predictions.csv"));
    QCOMPARE(rows.front(), std::string("index,path,target,predicted,prob,loss"));
    QCOMPARE(rows.size(), size_t{33});
    std::vector<std::vector<int64_t>> counted(8, std::vector<int64_t>(8, 0));
    std::set<int64_t> indices;
    for (size_t i = 1; i < rows.size(); ++i) {
        const std::vector<std::string> v = fields(rows[i]);
        QCOMPARE(v.size(), size_t{6});
        indices.insert(std::stoll(v[0]));
        const int64_t target = std::stoll(v[2]);
        const int64_t predicted = std::stoll(v[3]);
        const double prob = std::stod(v[4]);
        const double loss = std::stod(v[5]);
        ++counted[size_t(target)][size_t(predicted)];
        QVERIFY2(std::filesystem::exists(v[1]), v[1].c_str());
        const std::string folder = std::filesystem::path(v[1]).parent_path().filename().string();
        QCOMPARE(folder, confusion.at("classes").at(size_t(target)).get<std::string>());
        QVERIFY(prob >= 1.0 / 8 && prob <= 1.0);
        QVERIFY(loss >= 0);
        if (target == predicted)  // the loss of a correct prediction is -log of its probability
            QVERIFY2(std::abs(loss + std::log(prob)) < 1e-4, rows[i].c_str());
        else
            QVERIFY(loss > -std::log(prob) - 1e-6);
    }
    QCOMPARE(indices.size(), size_t{32});
    QCOMPARE(counted, matrix);
}

void TestExperimentRunner::pretrainStageBeatsScratch()
{
    // The fine-tuning test's picture in one run: the source stage, then the few-shot target.
    const std::string root = transferData();
    const std::string runs = (m_dir.path() + QStringLiteral("/runs-pretrain")).toStdString();
    Experiment target = smallExperiment(root + "/target");
    target.train.epochs = 15;
    target.train.batchSize = 10;
    target.optim.name = "adam";
    target.optim.lr = 0.003;
    Experiment scratch = target;
    scratch.freeze.preset = FreezePreset::FromScratch;
    Experiment staged = target;
    PretrainConfig source;
    source.data = target.data;
    source.data.train = root + "/source";
    source.epochs = 25;
    source.optim = target.optim;
    source.optim.lr = 0.003;
    staged.pretrain = source;

    ExperimentRunner runner(staged, runs);
    const RunSummary tuned = runner.run();
    const RunSummary fresh = ExperimentRunner(scratch, runs).run();
    QCOMPARE(tuned.outcome, RunOutcome::Finished);
    QVERIFY(tuned.last.val && fresh.last.val);
    qInfo("target top-1 after pretraining %.3f (best %.3f), from scratch %.3f (best %.3f)", tuned.last.val->top1,
          tuned.bestFigure("best_val_top1"), fresh.last.val->top1, fresh.bestFigure("best_val_top1"));
    QVERIFY(tuned.last.val->top1 > fresh.last.val->top1);
    QVERIFY(tuned.last.val->top1 > 0.2);  // chance: five classes
    QVERIFY(tuned.bestFigure("best_val_top1") > fresh.bestFigure("best_val_top1"));

    // The source stage is a run folder of its own, with the source's eight classes.
    const std::filesystem::path stage = runner.folder().path() / "pretrain";
    for (const char* name : {"experiment.json", "split.json", "metrics.csv", "epochs.csv", "summary.json", "log.txt",
                             "checkpoint_last.pt", "model.pth", "confusion.json", "val_predictions.csv"})
        QVERIFY2(std::filesystem::exists(stage / name), name);
    QCOMPARE(lineCount(stage / "epochs.csv"), 1 + 25);
    const auto stageSummary = nlohmann::json::parse(RunFolder::open(stage).readText("summary.json"));
    QCOMPARE(stageSummary.at("classes").size(), size_t{8});
    const auto summaryJson = nlohmann::json::parse(runner.folder().readText("summary.json"));
    QCOMPARE(summaryJson.at("classes").size(), size_t{5});
    const nlohmann::json& entry = summaryJson.at("pretrain");
    QCOMPARE(entry.at("run").get<std::string>(), std::string("pretrain"));
    QCOMPARE(entry.at("epochs").get<int>(), 25);
    QCOMPARE(entry.at("best_val_top1").get<double>(), stageSummary.at("best_val_top1").get<double>());
    QVERIFY2(entry.at("best_val_top1").get<double>() > 0.25,  // chance: 0.125
             qPrintable(QString::number(entry.at("best_val_top1").get<double>())));
    QVERIFY(QString::fromStdString(runner.folder().readText("log.txt")).contains(QStringLiteral("new 5-class head")));
}

void TestExperimentRunner::pretrainResumesInEitherStage_data()
{
    // The source stage has 6 batches per epoch for 2 epochs, the target 1 batch per epoch for 3.
    QTest::addColumn<int>("stopAfterBatch");
    QTest::newRow("source stage, first epoch") << 2;
    QTest::newRow("source stage, second epoch") << 8;
    QTest::newRow("target stage, first epoch") << 13;
    QTest::newRow("target stage, second epoch") << 14;
}

void TestExperimentRunner::pretrainResumesInEitherStage()
{
    QFETCH(int, stopAfterBatch);
    Experiment e = smallExperiment((m_dir.path() + QStringLiteral("/demo/target")).toStdString());
    PretrainConfig source;
    source.data = e.data;
    source.data.train = m_data;
    source.epochs = 2;
    source.optim = e.optim;
    e.pretrain = source;
    const std::string runs = (m_dir.path() + QStringLiteral("/runs-pretrain-resume")).toStdString();
    ExperimentRunner straight(e, runs);
    QCOMPARE(straight.run().outcome, RunOutcome::Finished);

    ExperimentRunner interrupted(e, runs);
    TrainingControl control;
    StopAtBatch stopper(stopAfterBatch, &control);
    QCOMPARE(interrupted.run(&stopper, &control).outcome, RunOutcome::Stopped);
    ExperimentRunner resumed = ExperimentRunner::resume(interrupted.folder().path());
    const RunSummary finished = resumed.run();
    QCOMPARE(finished.outcome, RunOutcome::Finished);
    QCOMPARE(finished.epochsDone, 3);
    for (const char* file : {"model.pth", "pretrain/model.pth"}) {
        const WeightFile a = readWeights((straight.folder().path() / file).string());
        const WeightFile b = readWeights((resumed.folder().path() / file).string());
        QCOMPARE(a.tensors.size(), b.tensors.size());
        for (size_t i = 0; i < a.tensors.size(); ++i)
            QVERIFY2(torch::equal(a.tensors[i].tensor, b.tensors[i].tensor), (file + (" " + a.tensors[i].name)).c_str());
    }
    for (const char* file : {"epochs.csv", "metrics.csv", "pretrain/epochs.csv", "pretrain/metrics.csv"})
        QCOMPARE(lineCount(resumed.folder().path() / file), lineCount(straight.folder().path() / file));
    const auto a = nlohmann::json::parse(straight.folder().readText("summary.json"));
    const auto b = nlohmann::json::parse(resumed.folder().readText("summary.json"));
    QCOMPARE(b.at("pretrain"), a.at("pretrain"));
    QCOMPARE(b.at("pretrain").at("epochs").get<int>(), 2);
}

void TestExperimentRunner::validationFolderIsUsed()
{
    // Class folders for training and a separate folder for validation, as data.val names it.
    Experiment e = smallExperiment(m_data + "/train");
    e.data.val = m_data + "/val";
    e.data.valFraction = 0.0;
    e.train.epochs = 1;
    std::vector<std::string> log;
    ExperimentRunner runner(e, (m_dir.path() + QStringLiteral("/runs-valfolder")).toStdString(),
                            [&log](const std::string& line) { log.push_back(line); });
    const RunSummary summary = runner.run();
    QCOMPARE(summary.outcome, RunOutcome::Finished);
    QVERIFY(summary.last.val);
    QCOMPARE(summary.bestBy, std::string("val_top1"));
    const auto s = nlohmann::json::parse(runner.folder().readText("summary.json"));
    QCOMPARE(s["validation"]["source"].get<std::string>(), std::string("folder"));
    QCOMPARE(s["validation"]["images"].get<int>(), 8 * 4);  // four a class in the val folder
    QCOMPARE(s["validation"]["folder"].get<std::string>(), e.data.val);
    const auto split = nlohmann::json::parse(runner.folder().readText("split.json"));
    QCOMPARE(split["validation"]["source"].get<std::string>(), std::string("folder"));
    QCOMPARE(split["train"].size(), size_t(8 * 12));  // val_fraction 0: every training image trains
    QCOMPARE(split["val"].size(), size_t(8 * 4));
    bool said = false;
    for (const std::string& line : log)
        said = said || line.find("32 for validation (folder " + e.data.val + ")") != std::string::npos;
    QVERIFY(said);

    // A validation folder with other classes is refused, naming what differs.
    const std::filesystem::path odd = (m_dir.path() + QStringLiteral("/oddval")).toStdString();
    const std::filesystem::path image = std::filesystem::directory_iterator(m_data + "/val/circle")->path();
    for (const char* name : {"circle", "zebra"}) {
        std::filesystem::create_directories(odd / name);
        std::filesystem::copy(image, odd / name / "a.png");
    }
    e.data.val = odd.string();
    QString message;
    try {
        ExperimentRunner(e, (m_dir.path() + QStringLiteral("/runs-oddval")).toStdString()).run();
    } catch (const DataError& error) {
        message = QString::fromUtf8(error.what());
    }
    QVERIFY2(message.contains(QString::fromStdString(odd.string())), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("'square'")), qPrintable(message));   // missing
    QVERIFY2(message.contains(QStringLiteral("'zebra'")), qPrintable(message));  // extra
}

void TestExperimentRunner::runWithoutValidationHasNoValidationScore()
{
    Experiment e = smallExperiment(m_data + "/train");
    e.data.valFraction = 0.0;
    e.train.epochs = 3;
    ExperimentRunner runner(e, (m_dir.path() + QStringLiteral("/runs-noval")).toStdString());
    const RunSummary summary = runner.run();
    QCOMPARE(summary.outcome, RunOutcome::Finished);
    QVERIFY(!summary.last.val);
    QCOMPARE(summary.bestBy, std::string("train_loss"));
    QCOMPARE(summary.bestFigure("best_val_top1"), -1.0);
    const RunFolder& f = runner.folder();
    const auto s = nlohmann::json::parse(f.readText("summary.json"));
    for (auto it = s.begin(); it != s.end(); ++it)
        QVERIFY2(it.key().find("val") == std::string::npos || it.key() == "validation", it.key().c_str());
    QCOMPARE(s["best_by"].get<std::string>(), std::string("train_loss"));
    QCOMPARE(s["validation"]["source"].get<std::string>(), std::string("none"));
    // The best epoch is the one with the lowest training loss.
    const std::vector<std::string> rows = csvRows(f.readText("epochs.csv"));
    QCOMPARE(rows.size(), size_t(4));
    int lowest = 0;
    double lowestLoss = 1e30;
    for (size_t i = 1; i < rows.size(); ++i) {
        const std::vector<std::string> cells = fields(rows[i]);
        QVERIFY(cells.at(3).empty() && cells.at(4).empty() && cells.at(5).empty());  // no val_loss/top1/top5
        if (std::stod(cells.at(1)) < lowestLoss) {
            lowestLoss = std::stod(cells.at(1));
            lowest = int(i);
        }
    }
    QCOMPARE(s["best_epoch"].get<int>(), lowest);
    QVERIFY(std::abs(s["best_train_loss"].get<double>() - lowestLoss) < 1e-6);
    QVERIFY(!std::filesystem::exists(f.file("confusion.json")));
    QVERIFY(!std::filesystem::exists(f.file("val_predictions.csv")));
}

void TestExperimentRunner::normalisationSettingChangesTheInput()
{
    // The same run with each normalisation: the recorded statistics differ and so does training.
    std::map<std::string, nlohmann::json> summaries;
    for (const char* setting : {"imagenet", "none", "dataset"}) {
        Experiment e = smallExperiment(m_data);
        e.data.normalize = setting;
        e.train.epochs = 1;
        ExperimentRunner runner(e, (m_dir.path() + QStringLiteral("/runs-norm")).toStdString());
        runner.run();
        summaries[setting] = nlohmann::json::parse(runner.folder().readText("summary.json"));
    }
    QVERIFY(std::abs(summaries["imagenet"]["normalization"]["mean"][0].get<double>() - 0.449) < 1e-6);
    QCOMPARE(summaries["none"]["normalization"]["mean"][0].get<double>(), 0.0);
    QCOMPARE(summaries["none"]["normalization"]["std"][0].get<double>(), 1.0);
    const double mean = summaries["dataset"]["normalization"]["mean"][0].get<double>();
    QVERIFY2(mean > 0.0 && mean < 1.0 && std::abs(mean - 0.449) > 1e-3, qPrintable(QString::number(mean)));
    QVERIFY(summaries["none"]["final_train_loss"] != summaries["imagenet"]["final_train_loss"]);
    QVERIFY(summaries["dataset"]["final_train_loss"] != summaries["imagenet"]["final_train_loss"]);
}

QTEST_APPLESS_MAIN(TestExperimentRunner)
#include "tst_experiment_runner.moc"
