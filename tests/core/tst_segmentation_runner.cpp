// Segmentation experiments end to end on the procedural demo masks: a tiny U-Net learns to outline
// the shapes, the run folder has the segmentation columns and scores, and mismatched task, model
// and data are refused before training with a message that says what to change.
#include "common/errors.h"
#include "data/demo_data.h"
#include "data/image_decoder.h"
#include "data/segmentation_folder.h"
#include "train/experiment_runner.h"
#include "train/segmentation_metrics.h"

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fstream>

using namespace tl;

namespace {

std::vector<std::string> lines(const std::filesystem::path& file)
{
    std::ifstream in(file);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

std::vector<double> columns(const std::string& line)
{
    std::vector<double> out;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');)
        out.push_back(cell.empty() ? std::nan("") : std::stod(cell));
    return out;
}

Experiment tinyUNet(const std::string& dataDir)
{
    Experiment e;
    e.name = "shapes";
    e.task = ExperimentTask::Segmentation;
    e.model.arch = "unet";
    e.model.unetBaseWidth = 8;
    e.data.train = dataDir;
    e.data.imageSize = 32;
    e.data.valFraction = 0.25;
    e.data.augment.randomResizedCrop = false;  // flips only: masks must follow the image
    e.freeze.preset = FreezePreset::FromScratch;
    e.optim.name = "adam";
    e.optim.lr = 0.003;
    e.optim.weightDecay = 0.0;
    e.schedule.kind = ScheduleKind::Constant;
    e.train.epochs = 15;
    e.train.batchSize = 4;
    e.train.threads = 1;  // more threads than free cores makes LibTorch crawl on a busy machine
    e.train.seed = 3;
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

template <typename F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace

class TestSegmentationRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tinyUNetLearnsTheShapes();
    void stoppedRunResumesWithItsSplitAndRows();
    void frozenEncoderIsCachedWithTheSameResult();
    void mismatchedTaskModelOrDataIsRefused();

private:
    QTemporaryDir m_dir;
    std::string m_data;
    std::string m_runs;
};

void TestSegmentationRunner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    DemoDataOptions o;
    o.imageSize = 32;
    o.sourceTrainPerClass = 1;
    o.sourceValPerClass = 1;
    o.targetTrainPerClass = 1;
    o.targetValPerClass = 1;
    o.segmentationImages = 256;
    writeDemoData((m_dir.path() + QStringLiteral("/demo")).toStdString(), o);
    m_data = (m_dir.path() + QStringLiteral("/demo/segmentation")).toStdString();
    m_runs = (m_dir.path() + QStringLiteral("/runs")).toStdString();
}

void TestSegmentationRunner::tinyUNetLearnsTheShapes()
{
    ExperimentRunner runner(tinyUNet(m_data), m_runs);
    const RunSummary summary = runner.run();
    QCOMPARE(summary.outcome, RunOutcome::Finished);
    const RunFolder& f = runner.folder();
    for (const char* name : {"experiment.json", "split.json", "metrics.csv", "epochs.csv", "summary.json", "log.txt",
                             "checkpoint_last.pt", "checkpoint_best.pt", "model.pth"})
        QVERIFY2(std::filesystem::exists(f.file(name)), name);

    const std::vector<std::string> epochs = lines(f.file("epochs.csv"));
    QCOMPARE(epochs.size(), size_t(1 + 15));
    QCOMPARE(epochs.front(), std::string("epoch,train_loss,train_pixel_accuracy,val_loss,val_pixel_accuracy,val_miou,"
                                         "val_dice,seconds,images_per_second"));
    std::vector<double> miou;
    for (size_t i = 1; i < epochs.size(); ++i) {
        const std::vector<double> row = columns(epochs[i]);
        QCOMPARE(row.size(), size_t(9));
        for (double v : row)
            QVERIFY2(std::isfinite(v), epochs[i].c_str());
        miou.push_back(row[5]);
    }
    // Chance: the background everywhere, the best a model that has not seen a shape can do.
    const nlohmann::json split = nlohmann::json::parse(f.readText("split.json"));
    QCOMPARE(split["val"].size(), size_t(64));
    QCOMPARE(split["train"].size(), size_t(192));
    SegmentationMetrics background(9);
    for (const nlohmann::json& image : split["val"]) {
        const std::filesystem::path mask = std::filesystem::path(m_data) / "masks" / std::filesystem::path(image.get<std::string>()).filename();
        const cv::Mat m = decodeMask(readFileBytes(mask));
        const torch::Tensor truth = torch::from_blob(m.data, {1, m.rows, m.cols}, torch::kUInt8).to(torch::kLong);
        background.add(torch::zeros_like(truth), truth);
    }
    const double chance = background.scores().meanIou;
    const double best = *std::max_element(miou.begin(), miou.end());
    qInfo("val mIoU: chance %.3f, first epoch %.3f, best %.3f, last %.3f", chance, miou.front(), best, miou.back());
    QVERIFY2(best > 2 * chance, qPrintable(QString::number(best)));  // here 0.26 against 0.09
    QVERIFY(best > miou.front() + 0.05);

    const nlohmann::json s = nlohmann::json::parse(f.readText("summary.json"));
    QCOMPARE(s["task"].get<std::string>(), std::string("segmentation"));
    QCOMPARE(s["classes"].get<int>(), 9);  // background and the eight shapes
    // epochs.csv keeps eight significant digits.
    QVERIFY(std::abs(s["best_val_miou"].get<double>() - best) < 1e-6);
    QCOMPARE(summary.bestFigure("best_val_miou"), s["best_val_miou"].get<double>());
    QCOMPARE(s["best_epoch"].get<int>(), int(std::max_element(miou.begin(), miou.end()) - miou.begin()) + 1);
    QVERIFY(std::abs(s["final_val"]["miou"].get<double>() - miou.back()) < 1e-6);
    QCOMPARE(s["final_val"]["iou"].size(), size_t(9));
    QVERIFY(s["final_val"]["iou"][0].get<double>() > 0.7);  // the background, the bulk of the pixels
}

void TestSegmentationRunner::stoppedRunResumesWithItsSplitAndRows()
{
    Experiment e = tinyUNet(m_data);
    e.train.epochs = 3;
    e.train.batchSize = 32;
    TrainingControl control;
    StopAtEpoch stopper(2, &control);
    ExperimentRunner interrupted(e, m_runs);
    QCOMPARE(interrupted.run(&stopper, &control).outcome, RunOutcome::Stopped);
    const std::string split = interrupted.folder().readText("split.json");
    ExperimentRunner resumed = ExperimentRunner::resume(interrupted.folder().path());
    const RunSummary summary = resumed.run();
    QCOMPARE(summary.outcome, RunOutcome::Finished);
    QCOMPARE(summary.epochsDone, 3);
    const std::vector<std::string> epochs = lines(resumed.folder().file("epochs.csv"));
    QCOMPARE(epochs.size(), size_t(1 + 3));
    for (size_t i = 1; i < epochs.size(); ++i)
        QCOMPARE(int(columns(epochs[i]).front()), int(i));
    QCOMPARE(resumed.folder().readText("split.json"), split);
}

void TestSegmentationRunner::frozenEncoderIsCachedWithTheSameResult()
{
    // A frozen encoder sees the same images every epoch without random augmentation, so its
    // outputs, the skip bridges included, are computed once; the run must not change for it.
    Experiment e = tinyUNet(m_data);
    e.data.augment.horizontalFlip = false;
    e.freeze.preset = FreezePreset::FullFineTune;
    e.freeze.frozen = {"encoder"};
    e.train.epochs = 3;
    e.train.batchSize = 32;
    std::vector<std::string> log;
    ExperimentRunner cached(e, m_runs, [&log](const std::string& line) { log.push_back(line); });
    QCOMPARE(cached.run().outcome, RunOutcome::Finished);
    e.train.cacheFrozenFeatures = false;
    ExperimentRunner plain(e, m_runs);
    QCOMPARE(plain.run().outcome, RunOutcome::Finished);

    const auto found = std::find_if(log.begin(), log.end(), [](const std::string& l) {
        return l.rfind("feature caching at ", 0) == 0;
    });
    QVERIFY2(found != log.end(), "no feature caching in the log");
    // The four skip bridges and the last level's pooled map cross into the trainable part.
    QVERIFY2(found->find("at 5 tensor(s)") != std::string::npos, found->c_str());
    const std::vector<std::string> a = lines(cached.folder().file("epochs.csv"));
    const std::vector<std::string> b = lines(plain.folder().file("epochs.csv"));
    QCOMPARE(a.size(), size_t(1 + 3));
    QCOMPARE(b.size(), a.size());
    for (size_t i = 1; i < a.size(); ++i) {
        const std::vector<double> x = columns(a[i]), y = columns(b[i]);
        for (int c : {1, 2, 3, 5})  // train loss and pixel accuracy, val loss and mIoU
            QVERIFY2(std::abs(x[c] - y[c]) <= 1e-4, qPrintable(QString::fromStdString(a[i] + " vs " + b[i])));
    }
}

void TestSegmentationRunner::mismatchedTaskModelOrDataIsRefused()
{
    Experiment classifier = tinyUNet(m_data);
    classifier.model.arch = "resnet18";
    QString message = errorOf([&] { ExperimentRunner(classifier, m_runs).run(); });
    QVERIFY2(message.contains(QStringLiteral("/model/arch")) && message.contains(QStringLiteral("per-pixel")),
             qPrintable(message));

    Experiment classification = tinyUNet(m_data);
    classification.task = ExperimentTask::Classification;
    message = errorOf([&] { ExperimentRunner(classification, m_runs).run(); });
    QVERIFY2(message.contains(QStringLiteral("\"task\": \"segmentation\"")), qPrintable(message));

    Experiment maskFolderAsClasses = tinyUNet(m_data);
    maskFolderAsClasses.task = ExperimentTask::Classification;
    maskFolderAsClasses.model.arch = "lenet5";
    message = errorOf([&] { ExperimentRunner(maskFolderAsClasses, m_runs).run(); });
    QVERIFY2(message.contains(QStringLiteral("images/ and masks/")), qPrintable(message));

    Experiment tooFewClasses = tinyUNet(m_data);
    tooFewClasses.model.numClasses = 4;
    message = errorOf([&] { ExperimentRunner(tooFewClasses, m_runs).run(); });
    QVERIFY2(message.contains(QStringLiteral("/model/num_classes is 4")) && message.contains(QStringLiteral("class index 8")),
             qPrintable(message));

    Experiment oddSize = tinyUNet(m_data);
    oddSize.data.imageSize = 40;  // four 2x2 poolings need a multiple of 16
    message = errorOf([&] { ExperimentRunner(oddSize, m_runs).run(); });
    QVERIFY2(message.contains(QStringLiteral("/data/image_size 40")), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestSegmentationRunner)
#include "tst_segmentation_runner.moc"
