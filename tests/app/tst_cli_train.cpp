// `train` and `resume` as a user runs them: an experiment file in, a run folder and JSON
// progress events out, and one-line errors that name the file and the entry.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_runner.h"

using tl::test::CliResult;
using tl::test::runTransferLab;

namespace {

QList<QJsonObject> events(const QByteArray& out)
{
    QList<QJsonObject> list;
    for (const QByteArray& line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            list << QJsonDocument::fromJson(line).object();
    return list;
}

}  // namespace

class TestCliTrain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainsAnExperimentFile();
    void overridesAndResumeOfAFinishedRun();
    void runWithoutValidationShowsNoValidationScore();
    void pretrainStageFromRelativePaths();
    void segmentationReportsMeanIou();
    void badInput_data();
    void badInput();

private:
    void writeExperiment(const QString& name, const QByteArray& json);
    QTemporaryDir m_dir;
};

void TestCliTrain::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const CliResult demo = runTransferLab({QStringLiteral("demo-data"), m_dir.filePath(QStringLiteral("데모")),
                                           QStringLiteral("--size"), QStringLiteral("32"), QStringLiteral("--source-per-class"),
                                           QStringLiteral("8"), QStringLiteral("--val-per-class"), QStringLiteral("2"),
                                           QStringLiteral("--segmentation"), QStringLiteral("0")});
    QCOMPARE(demo.exitCode, 0);
    writeExperiment(QStringLiteral("exp.json"), R"({
        "format": "transferlab-experiment/1",
        "name": "cli demo",
        "model": {"arch": "lenet5", "in_channels": 1},
        "data": {"train": "데모/source", "image_size": 32},
        "optim": {"name": "adam", "lr": 0.002},
        "train": {"epochs": 2, "batch_size": 16, "threads": 1}
    })");
}

void TestCliTrain::writeExperiment(const QString& name, const QByteArray& json)
{
    QFile f(m_dir.filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(json);
}

void TestCliTrain::trainsAnExperimentFile()
{
    const QString runs = m_dir.filePath(QStringLiteral("runs"));
    const CliResult r = runTransferLab({QStringLiteral("train"), QStringLiteral("--config"), m_dir.filePath(QStringLiteral("exp.json")),
                                        QStringLiteral("--out"), runs, QStringLiteral("--json-progress")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QJsonObject> list = events(r.out);
    QVERIFY(list.size() >= 4);
    QCOMPARE(list.first().value(QStringLiteral("event")).toString(), QStringLiteral("started"));
    int epochs = 0;
    for (const QJsonObject& e : list)
        if (e.value(QStringLiteral("event")).toString() == QLatin1String("epoch")) {
            ++epochs;
            QVERIFY(e.contains(QStringLiteral("val_top1")));
            QVERIFY(e.contains(QStringLiteral("eta_seconds")));
        }
    QCOMPARE(epochs, 2);
    const QJsonObject done = list.last();
    QCOMPARE(done.value(QStringLiteral("event")).toString(), QStringLiteral("finished"));
    QCOMPARE(done.value(QStringLiteral("outcome")).toString(), QStringLiteral("finished"));
    QCOMPARE(done.value(QStringLiteral("best_by")).toString(), QStringLiteral("val_top1"));
    QVERIFY(done.value(QStringLiteral("best_val_top1")).isDouble());
    QVERIFY(!done.contains(QStringLiteral("best_val_miou")));
    const QDir runDir(done.value(QStringLiteral("run_dir")).toString());
    QVERIFY(runDir.exists(QStringLiteral("model.pth")));
    QVERIFY(runDir.exists(QStringLiteral("epochs.csv")));

    // The finished run classifies an image by its class names.
    const QString image = QDir(m_dir.filePath(QStringLiteral("데모/source/val/star"))).entryInfoList(QDir::Files).first().filePath();
    const CliResult predicted = runTransferLab({QStringLiteral("predict"), QStringLiteral("--run"), runDir.path(),
                                                QStringLiteral("--image"), image, QStringLiteral("--topk"), QStringLiteral("3"),
                                                QStringLiteral("--json")});
    QVERIFY2(predicted.exitCode == 0, predicted.err.constData());
    const QJsonObject prediction = QJsonDocument::fromJson(predicted.out).object();
    QCOMPARE(prediction.value(QStringLiteral("logits")).toArray().size(), 8);
    const QJsonArray top = prediction.value(QStringLiteral("top")).toArray();
    QCOMPARE(top.size(), 3);
    const QStringList shapes{QStringLiteral("circle"), QStringLiteral("cross"), QStringLiteral("diamond"), QStringLiteral("hexagon"),
                             QStringLiteral("ring"), QStringLiteral("square"), QStringLiteral("star"), QStringLiteral("triangle")};
    const QJsonObject best = top.first().toObject();
    QCOMPARE(best.value(QStringLiteral("class")).toString(), shapes.at(best.value(QStringLiteral("index")).toInt()));
    QVERIFY(best.value(QStringLiteral("prob")).toDouble() >= top.last().toObject().value(QStringLiteral("prob")).toDouble());

    // Plain output without --json-progress, for logs and pipes.
    const CliResult plain = runTransferLab({QStringLiteral("train"), QStringLiteral("--config"),
                                            m_dir.filePath(QStringLiteral("exp.json")), QStringLiteral("--out"), runs});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(plain.out.contains("epoch 2/2 done"));
    QVERIFY(plain.out.contains("run folder: "));
}

void TestCliTrain::overridesAndResumeOfAFinishedRun()
{
    const QString runs = m_dir.filePath(QStringLiteral("runs-set"));
    const CliResult r = runTransferLab({QStringLiteral("train"), QStringLiteral("--config"), m_dir.filePath(QStringLiteral("exp.json")),
                                        QStringLiteral("--out"), runs, QStringLiteral("--set"), QStringLiteral("train.epochs=1"),
                                        QStringLiteral("--set"), QStringLiteral("freeze.preset=linear_probe"),
                                        QStringLiteral("--json-progress")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject done = events(r.out).last();
    QCOMPARE(done.value(QStringLiteral("epochs_done")).toInt(), 1);
    const QString runDir = done.value(QStringLiteral("run_dir")).toString();
    QFile saved(runDir + QStringLiteral("/experiment.json"));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject experiment = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(experiment.value(QStringLiteral("freeze")).toObject().value(QStringLiteral("preset")).toString(),
             QStringLiteral("linear_probe"));
    // Resuming a finished run has nothing left to do and says so by finishing at once.
    const CliResult again = runTransferLab({QStringLiteral("resume"), runDir, QStringLiteral("--json-progress")});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(events(again.out).last().value(QStringLiteral("epochs_done")).toInt(), 1);
}

void TestCliTrain::runWithoutValidationShowsNoValidationScore()
{
    // The class folders themselves with nothing held out: no epoch is validated.
    const QStringList args{QStringLiteral("train"), QStringLiteral("--config"), m_dir.filePath(QStringLiteral("exp.json")),
                           QStringLiteral("--out"), m_dir.filePath(QStringLiteral("runs-unvalidated")),
                           QStringLiteral("--set"), QStringLiteral("data.train=데모/source/train"),
                           QStringLiteral("--set"), QStringLiteral("data.val_fraction=0")};
    const CliResult r = runTransferLab(args + QStringList{QStringLiteral("--json-progress")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QJsonObject> list = events(r.out);
    int epochs = 0;
    for (const QJsonObject& e : list) {
        if (e.value(QStringLiteral("event")).toString() != QLatin1String("epoch"))
            continue;
        ++epochs;
        for (const QString& key : e.keys())
            QVERIFY2(!key.startsWith(QLatin1String("val")), qPrintable(key));
    }
    QCOMPARE(epochs, 2);
    const QJsonObject done = list.last();
    QCOMPARE(done.value(QStringLiteral("event")).toString(), QStringLiteral("finished"));
    QCOMPARE(done.value(QStringLiteral("best_by")).toString(), QStringLiteral("train_loss"));
    QVERIFY(done.value(QStringLiteral("best_train_loss")).isDouble());
    for (const QString& key : done.keys())
        QVERIFY2(!key.startsWith(QLatin1String("best_val")), qPrintable(key));
    // The run folder's summary names the same figures and says where validation came from.
    QFile file(done.value(QStringLiteral("run_dir")).toString() + QStringLiteral("/summary.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject summary = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(summary.value(QStringLiteral("validation")).toObject().value(QStringLiteral("source")).toString(),
             QStringLiteral("none"));
    QVERIFY(!summary.contains(QStringLiteral("best_val_top1")));
    QVERIFY(!summary.contains(QStringLiteral("final_val")));

    // Plain lines name the training figures as such and say there is no validation.
    const CliResult plain = runTransferLab(args);
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QVERIFY2(plain.out.contains("train accuracy") && plain.out.contains("; no validation"), plain.out.constData());
    QVERIFY2(plain.out.contains("no validation data; lowest train loss"), plain.out.constData());
    QVERIFY2(!plain.out.contains("top-1") && !plain.out.contains("val loss"), plain.out.constData());
}

void TestCliTrain::pretrainStageFromRelativePaths()
{
    // The source stage's folder is relative to the experiment file, like the target's.
    writeExperiment(QStringLiteral("pretrain.json"), R"({
        "format": "transferlab-experiment/1",
        "model": {"arch": "lenet5", "in_channels": 1},
        "data": {"train": "데모/target", "image_size": 32},
        "pretrain": {"data": {"train": "데모/source"}, "epochs": 2},
        "train": {"epochs": 1, "batch_size": 16, "threads": 1}
    })");
    // Given as a bare file name, from the folder it is in.
    const CliResult r = runTransferLab({QStringLiteral("train"), QStringLiteral("--config"), QStringLiteral("pretrain.json"),
                                        QStringLiteral("--out"), QStringLiteral("runs-pretrain"), QStringLiteral("--json-progress")},
                                       120000, m_dir.path());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QDir runDir(QDir(m_dir.path()).filePath(events(r.out).last().value(QStringLiteral("run_dir")).toString()));
    // The run keeps absolute data paths, so it can be opened from anywhere later.
    QFile asRun(runDir.filePath(QStringLiteral("experiment.json")));
    QVERIFY(asRun.open(QIODevice::ReadOnly));
    const QString trainData = QJsonDocument::fromJson(asRun.readAll()).object().value(QStringLiteral("data")).toObject().value(QStringLiteral("train")).toString();
    QCOMPARE(trainData, QDir(m_dir.path()).filePath(QStringLiteral("데모/target")));
    for (const QString& file : {QStringLiteral("pretrain/model.pth"), QStringLiteral("pretrain/confusion.json"),
                                QStringLiteral("model.pth"), QStringLiteral("confusion.json"), QStringLiteral("val_predictions.csv")})
        QVERIFY2(runDir.exists(file), qPrintable(file));
    QFile summary(runDir.filePath(QStringLiteral("summary.json")));
    QVERIFY(summary.open(QIODevice::ReadOnly));
    const QJsonObject pretrain = QJsonDocument::fromJson(summary.readAll()).object().value(QStringLiteral("pretrain")).toObject();
    QCOMPARE(pretrain.value(QStringLiteral("run")).toString(), QStringLiteral("pretrain"));
    QCOMPARE(pretrain.value(QStringLiteral("epochs")).toInt(), 2);

    // Progress counts each stage's epochs against that stage's own count.
    QStringList stages;
    for (const QJsonObject& e : events(r.out)) {
        const QString kind = e.value(QStringLiteral("event")).toString();
        if (kind == QLatin1String("stage"))
            stages << QStringLiteral("%1/%2").arg(e.value(QStringLiteral("stage")).toString()).arg(e.value(QStringLiteral("epochs")).toInt());
        else if (kind == QLatin1String("epoch"))
            stages << QStringLiteral("%1 %2/%3")
                          .arg(e.value(QStringLiteral("stage")).toString())
                          .arg(e.value(QStringLiteral("epoch")).toInt())
                          .arg(e.value(QStringLiteral("epochs")).toInt());
    }
    QCOMPARE(stages, QStringList({QStringLiteral("pretrain/2"), QStringLiteral("pretrain 1/2"), QStringLiteral("pretrain 2/2"),
                                  QStringLiteral("target/1"), QStringLiteral("target 1/1")}));
}

void TestCliTrain::segmentationReportsMeanIou()
{
    const CliResult demo = runTransferLab({QStringLiteral("demo-data"), m_dir.filePath(QStringLiteral("seg")), QStringLiteral("--size"),
                                           QStringLiteral("32"), QStringLiteral("--source-per-class"), QStringLiteral("1"),
                                           QStringLiteral("--target-per-class"), QStringLiteral("1"), QStringLiteral("--val-per-class"),
                                           QStringLiteral("1"), QStringLiteral("--segmentation"), QStringLiteral("16")});
    QCOMPARE(demo.exitCode, 0);
    writeExperiment(QStringLiteral("segmentation.json"), R"({
        "format": "transferlab-experiment/1",
        "task": "segmentation",
        "model": {"arch": "unet", "unet_base_width": 4},
        "data": {"train": "seg/segmentation", "image_size": 32},
        "optim": {"name": "adam", "lr": 0.003},
        "train": {"epochs": 1, "batch_size": 8, "threads": 1}
    })");
    const QStringList args{QStringLiteral("train"), QStringLiteral("--config"), m_dir.filePath(QStringLiteral("segmentation.json")),
                           QStringLiteral("--out"), m_dir.filePath(QStringLiteral("runs-segmentation"))};
    const CliResult plain = runTransferLab(args);
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QVERIFY2(plain.out.contains("mean IoU"), plain.out.constData());
    QVERIFY(!plain.out.contains("top-1"));
    const CliResult json = runTransferLab(args + QStringList{QStringLiteral("--json-progress")});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    bool sawEpoch = false;
    for (const QJsonObject& e : events(json.out))
        if (e.value(QStringLiteral("event")).toString() == QLatin1String("epoch")) {
            sawEpoch = true;
            const double miou = e.value(QStringLiteral("val_miou")).toDouble(-1.0);
            QVERIFY2(miou >= 0.0 && miou <= 1.0, qPrintable(QString::number(miou)));
            QVERIFY(!e.contains(QStringLiteral("val_top1")));
        }
    QVERIFY(sawEpoch);
}

void TestCliTrain::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    const QString train = QStringLiteral("train");
    const QString config = QStringLiteral("--config");
    const QString exp = m_dir.filePath(QStringLiteral("exp.json"));
    writeExperiment(QStringLiteral("typo.json"), R"({"format": "transferlab-experiment/1", "optim": {"lrr": 1}})");
    writeExperiment(QStringLiteral("broken.json"), R"({"format": )");
    writeExperiment(QStringLiteral("nodata.json"),
                    R"({"format": "transferlab-experiment/1", "model": {"arch": "lenet5", "in_channels": 1},
                        "data": {"train": "없음"}})");
    QTest::newRow("no config") << QStringList{train} << 2 << "--config";
    QTest::newRow("missing file") << QStringList{train, config, m_dir.filePath(QStringLiteral("nope.json"))} << 1 << "nope.json";
    QTest::newRow("not json") << QStringList{train, config, m_dir.filePath(QStringLiteral("broken.json"))} << 1 << "not valid JSON";
    QTest::newRow("unknown key") << QStringList{train, config, m_dir.filePath(QStringLiteral("typo.json"))} << 1 << "/optim/lrr: unknown key";
    QTest::newRow("bad override") << QStringList{train, config, exp, QStringLiteral("--set"), QStringLiteral("epochs")} << 1 << "key=value";
    QTest::newRow("bad override value") << QStringList{train, config, exp, QStringLiteral("--set"), QStringLiteral("train.epochs=-3")}
                                        << 1 << "/train/epochs";
    QTest::newRow("missing data") << QStringList{train, config, m_dir.filePath(QStringLiteral("nodata.json")), QStringLiteral("--out"),
                                                 m_dir.filePath(QStringLiteral("runs-bad"))}
                                  << 1 << "없음";
    QTest::newRow("resume no run") << QStringList{QStringLiteral("resume"), m_dir.path()} << 1 << "not a run folder";
    QTest::newRow("predict no run") << QStringList{QStringLiteral("predict"), QStringLiteral("--run"), m_dir.path(), QStringLiteral("--image"), exp}
                                    << 1 << "not a run folder";
}

void TestCliTrain::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const CliResult r = runTransferLab(args);
    const QString problem = tl::test::oneLineErrorProblem(r, exitCode, mentions);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
