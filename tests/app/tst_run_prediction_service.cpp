// Trying an image on a run's model from the results tab: the engine runs on the service's
// thread, answers arrive as signals (top classes with a Grad-CAM heat map, or a segmentation
// run's mask and its gallery of validation images), and a run without a usable model says why.
#include "data/demo_data.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "run_fixtures.h"
#include "run_prediction_service.h"
#include "train/experiment_runner.h"
#include "weights/pth_writer.h"
#include "weights/state_dict.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <torch/torch.h>

using namespace tl;
using namespace tl::test;

class TestRunPredictionService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void predictsTheTopClassesOffTheGuiThread();
    void heatMapCoversTheImageWhereTheNetworkLooked();
    void segmentationRunPredictsAMaskAndAGallery();
    void brokenRunsAndImagesSayWhy_data();
    void brokenRunsAndImagesSayWhy();

private:
    QTemporaryDir m_dir;
    QString m_run;
    QString m_image;
    QString m_pattern;
};

void TestRunPredictionService::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_run = m_dir.filePath(QStringLiteral("2024-05-01_10-00-00_모델"));
    QVERIFY(writeFile(m_run + QStringLiteral("/experiment.json"), R"({"format": "transferlab-experiment/1",
        "name": "fixture", "model": {"arch": "lenet5", "in_channels": 1}, "data": {"train": "x", "image_size": 32}})"));
    QVERIFY(writeFile(m_run + QStringLiteral("/summary.json"),
                      R"({"outcome": "finished", "classes": ["circle", "square", "삼각형"]})"));
    BuildOptions build;
    build.numClasses = 3;
    build.inChannels = 1;
    torch::manual_seed(0);
    GraphModule model(buildArch("lenet5", build));
    writePth(QFile::encodeName(m_run + QStringLiteral("/model.pth")).toStdString(), stateDictOf(model));
    m_image = m_dir.filePath(QStringLiteral("사진.png"));
    QVERIFY(writeSolidImage(m_image, Qt::gray, QSize(40, 40)));
    // Wider than high, with structure for the network to respond to.
    QImage pattern(48, 36, QImage::Format_RGB32);
    for (int y = 0; y < pattern.height(); ++y)
        for (int x = 0; x < pattern.width(); ++x)
            pattern.setPixel(x, y, (x / 6 + y / 6) % 2 ? qRgb(230, 230, 230) : qRgb(20, 20, 20));
    m_pattern = m_dir.filePath(QStringLiteral("checks.png"));
    QVERIFY(pattern.save(m_pattern));
}

void TestRunPredictionService::predictsTheTopClassesOffTheGuiThread()
{
    RunPredictionService service;
    QSignalSpy predicted(&service, &RunPredictionService::predicted);
    QSignalSpy failed(&service, &RunPredictionService::failed);
    service.predict(m_run, m_image, 5);
    service.predict(m_run, m_image, 2);  // the second image reuses the loaded model
    QTRY_COMPARE_WITH_TIMEOUT(predicted.count() + failed.count(), 2, 30000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(2).toString()));
    QCOMPARE(predicted.at(0).at(0).toString(), m_run);
    QCOMPARE(predicted.at(0).at(1).toString(), m_image);
    const auto top = predicted.at(0).at(2).value<ImagePrediction>().top;
    QCOMPARE(top.size(), 3);  // three classes, though five were asked for
    double sum = 0;
    QStringList names;
    for (const PredictedClass& c : top) {
        sum += c.probability;
        names << c.name;
    }
    QVERIFY(qAbs(sum - 1.0) < 1e-4);
    QVERIFY(top[0].probability >= top[1].probability && top[1].probability >= top[2].probability);
    QVERIFY(names.contains(QStringLiteral("삼각형")));
    QCOMPARE(predicted.at(1).at(2).value<ImagePrediction>().top.size(), 2);
}

void TestRunPredictionService::heatMapCoversTheImageWhereTheNetworkLooked()
{
    RunPredictionService service;
    QSignalSpy predicted(&service, &RunPredictionService::predicted);
    QSignalSpy failed(&service, &RunPredictionService::failed);
    service.predict(m_run, m_pattern);
    QTRY_COMPARE_WITH_TIMEOUT(predicted.count() + failed.count(), 1, 30000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(2).toString()));
    const ImagePrediction p = predicted.at(0).at(2).value<ImagePrediction>();
    QVERIFY(!p.segmentation());
    QVERIFY2(!p.heat.isNull(), qPrintable(p.heatProblem));
    QCOMPARE(p.heat.size, QSize(48, 36));
    QCOMPARE(p.heat.layer, QStringLiteral("features.s4"));  // LeNet's last map larger than 1x1
    float high = 0.0f;
    for (float v : p.heat.values) {
        QVERIFY(v >= 0.0f && v <= 1.0f);
        high = std::max(high, v);
    }
    QVERIFY(high > 0.5f);
    // The network saw the centre crop only: nothing is hot at the left and right edges.
    for (int y = 0; y < 36; ++y) {
        QCOMPARE(p.heat.values[y * 48], 0.0f);
        QCOMPARE(p.heat.values[y * 48 + 47], 0.0f);
    }
    QCOMPARE(p.picture.size(), QSize(48, 36));
    QCOMPARE(p.heatView.size(), p.picture.size());
    QVERIFY(p.heatView != p.picture);
}

void TestRunPredictionService::segmentationRunPredictsAMaskAndAGallery()
{
    DemoDataOptions demo;
    demo.imageSize = 32;
    demo.sourceTrainPerClass = demo.sourceValPerClass = demo.targetTrainPerClass = demo.targetValPerClass = 1;
    demo.segmentationImages = 24;
    writeDemoData(QFile::encodeName(m_dir.filePath(QStringLiteral("demo"))).toStdString(), demo);
    Experiment e;
    e.name = "shapes";
    e.task = ExperimentTask::Segmentation;
    e.model.arch = "unet";
    e.model.unetBaseWidth = 4;
    e.data.train = QFile::encodeName(m_dir.filePath(QStringLiteral("demo/segmentation"))).toStdString();
    e.data.imageSize = 32;
    e.data.valFraction = 0.25;
    e.freeze.preset = FreezePreset::FromScratch;
    e.optim.name = "adam";
    e.optim.lr = 0.003;
    e.train.epochs = 1;
    e.train.batchSize = 8;
    e.train.threads = 1;
    ExperimentRunner runner(e, QFile::encodeName(m_dir.filePath(QStringLiteral("segruns"))).toStdString());
    QCOMPARE(runner.run().outcome, RunOutcome::Finished);
    const QString run = QFile::decodeName(QByteArray::fromStdString(runner.folder().path().string()));

    // A photo of another size than the training images: the mask still covers it all.
    const QString image = m_dir.filePath(QStringLiteral("demo/segmentation/images/shape_0003.png"));
    QImage wide = QImage(image).scaled(80, 48);
    const QString wideFile = m_dir.filePath(QStringLiteral("wide.png"));
    QVERIFY(wide.save(wideFile));
    RunPredictionService service;
    QSignalSpy predicted(&service, &RunPredictionService::predicted);
    QSignalSpy failed(&service, &RunPredictionService::failed);
    service.predict(run, wideFile);
    QTRY_COMPARE_WITH_TIMEOUT(predicted.count() + failed.count(), 1, 30000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(2).toString()));
    const ImagePrediction p = predicted.at(0).at(2).value<ImagePrediction>();
    QVERIFY(p.segmentation());
    QVERIFY(p.top.isEmpty());
    QCOMPARE(p.classes.size(), 9);  // the background and the eight shapes
    QCOMPARE(p.mask.size, QSize(80, 48));
    QCOMPARE(p.mask.labels.size(), 80 * 48);
    for (qint32 v : p.mask.labels)
        QVERIFY(v >= 0 && v < 9);
    double total = 0;
    for (double share : p.shares)
        total += share;
    QVERIFY(qAbs(total - 1.0) < 1e-9);
    QCOMPARE(p.maskView.size(), QSize(80, 48));

    QSignalSpy items(&service, &RunPredictionService::galleryItem);
    QSignalSpy finished(&service, &RunPredictionService::galleryFinished);
    service.requestGallery(run, 4);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY2(finished.at(0).at(2).toString().isEmpty(), qPrintable(finished.at(0).at(2).toString()));
    QCOMPARE(finished.at(0).at(1).toInt(), 4);  // six validation images, four asked for
    QCOMPARE(items.count(), 4);
    for (const QList<QVariant>& signal : items) {
        const MaskGalleryItem item = signal.at(1).value<MaskGalleryItem>();
        QVERIFY(QFileInfo::exists(item.image));
        QVERIFY(!item.predicted.isNull());
        QVERIFY(!item.truth.isNull());
        QVERIFY(item.pixelAccuracy >= 0.0 && item.pixelAccuracy <= 1.0);
    }
    // A classification run has no gallery, and says so.
    service.requestGallery(m_run);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY(!finished.at(1).at(2).toString().isEmpty());
}

void TestRunPredictionService::brokenRunsAndImagesSayWhy_data()
{
    QTest::addColumn<QString>("run");
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no model") << QStringLiteral("nomodel") << QString() << QStringLiteral("model.pth");
    QTest::newRow("not a run") << QStringLiteral("empty") << QString() << QStringLiteral("experiment.json");
    QTest::newRow("damaged image") << QString() << QStringLiteral("damaged.jpg") << QStringLiteral("damaged.jpg");
}

void TestRunPredictionService::brokenRunsAndImagesSayWhy()
{
    QFETCH(QString, run);
    QFETCH(QString, image);
    QFETCH(QString, mentions);
    QString runDir = m_run;
    if (!run.isEmpty()) {
        runDir = m_dir.filePath(run);
        QDir().mkpath(runDir);
        if (run == QLatin1String("nomodel")) {
            QFile::copy(m_run + QStringLiteral("/experiment.json"), runDir + QStringLiteral("/experiment.json"));
            QFile::copy(m_run + QStringLiteral("/summary.json"), runDir + QStringLiteral("/summary.json"));
        }
    }
    QString imagePath = m_image;
    if (!image.isEmpty()) {
        imagePath = m_dir.filePath(image);
        QVERIFY(writeFile(imagePath, "\xff\xd8\xff\xe0 not really a jpeg"));
    }
    RunPredictionService service;
    QSignalSpy failed(&service, &RunPredictionService::failed);
    QSignalSpy predicted(&service, &RunPredictionService::predicted);
    service.predict(runDir, imagePath);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QCOMPARE(predicted.count(), 0);
    const QString message = failed.at(0).at(2).toString();
    QVERIFY2(message.contains(mentions), qPrintable(message));
    // The service keeps working after a failure.
    service.predict(m_run, m_image);
    QTRY_COMPARE_WITH_TIMEOUT(predicted.count(), 1, 30000);
}

QTEST_GUILESS_MAIN(TestRunPredictionService)
#include "tst_run_prediction_service.moc"
