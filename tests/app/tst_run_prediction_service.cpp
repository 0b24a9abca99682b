// Trying an image on a run's model from the results tab: the engine runs on the service's
// thread, answers arrive as signals, and a run without a usable model says why.
#include "models/graph_module.h"
#include "models/zoo.h"
#include "run_fixtures.h"
#include "run_prediction_service.h"
#include "weights/pth_writer.h"
#include "weights/state_dict.h"

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
    void brokenRunsAndImagesSayWhy_data();
    void brokenRunsAndImagesSayWhy();

private:
    QTemporaryDir m_dir;
    QString m_run;
    QString m_image;
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
    const auto top = predicted.at(0).at(2).value<QVector<PredictedClass>>();
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
    QCOMPARE(predicted.at(1).at(2).value<QVector<PredictedClass>>().size(), 2);
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
