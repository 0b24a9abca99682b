// `export` as a user runs it: the trained model of a real (tiny) resnet18 run goes out as .pth and
// .safetensors, Python loads each into torchvision's resnet18 and gets the app's logits; the
// metrics go out as JSON and CSV.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_runner.h"
#include "python_reference.h"

using tl::test::CliResult;
using tl::test::oneLineErrorProblem;
using tl::test::runReference;
using tl::test::runTransferLab;

namespace {

// 28-pixel crops from a 32-pixel image: the validation pipeline resizes to round(28 / 0.875) = 32,
// a no-op here, so Python reproduces the input exactly with a centre crop.
constexpr int kCrop = 28;
constexpr int kClasses = 5;

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestCliExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void modelLoadsIntoTorchvision_data();
    void modelLoadsIntoTorchvision();
    void metricsAsJsonAndCsv();
    void badInput_data();
    void badInput();

private:
    QTemporaryDir m_dir;
    QString m_run;
    QString m_image;
    QJsonArray m_logits;
};

void TestCliExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const CliResult demo = runTransferLab({QStringLiteral("demo-data"), m_dir.filePath(QStringLiteral("demo")),
                                           QStringLiteral("--size"), QStringLiteral("32"), QStringLiteral("--source-per-class"),
                                           QStringLiteral("2"), QStringLiteral("--target-per-class"), QStringLiteral("6"),
                                           QStringLiteral("--val-per-class"), QStringLiteral("2"), QStringLiteral("--segmentation"),
                                           QStringLiteral("0")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    QFile exp(m_dir.filePath(QStringLiteral("exp.json")));
    QVERIFY(exp.open(QIODevice::WriteOnly));
    exp.write(R"({"format": "transferlab-experiment/1", "name": "export",
                  "model": {"arch": "resnet18", "weights": "none"},
                  "data": {"train": "demo/target", "image_size": 28},
                  "freeze": {"preset": "scratch"},
                  "optim": {"name": "sgd", "lr": 0.01},
                  "train": {"epochs": 1, "batch_size": 8, "threads": 2}})");
    exp.close();
    const CliResult r = runTransferLab({QStringLiteral("train"), QStringLiteral("--config"), exp.fileName(), QStringLiteral("--out"),
                                        m_dir.filePath(QStringLiteral("runs")), QStringLiteral("--json-progress")},
                                       240000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    m_run = QJsonDocument::fromJson(r.out.trimmed().split('\n').last()).object().value(QStringLiteral("run_dir")).toString();
    QVERIFY(QFileInfo::exists(m_run + QStringLiteral("/model.pth")));

    // A textured 32x32 image, so every weight influences the logits.
    QImage image(32, 32, QImage::Format_RGB888);
    QRandomGenerator rng(7);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x)
            image.setPixelColor(x, y, QColor(rng.bounded(256), rng.bounded(256), rng.bounded(256)));
    m_image = m_dir.filePath(QStringLiteral("noise.png"));
    QVERIFY(image.save(m_image));
    const CliResult predicted = runTransferLab({QStringLiteral("predict"), QStringLiteral("--run"), m_run, QStringLiteral("--image"),
                                                m_image, QStringLiteral("--json")});
    QVERIFY2(predicted.exitCode == 0, predicted.err.constData());
    m_logits = QJsonDocument::fromJson(predicted.out).object().value(QStringLiteral("logits")).toArray();
    QCOMPARE(m_logits.size(), kClasses);
}

void TestCliExport::modelLoadsIntoTorchvision_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("weights");
    QTest::addColumn<QString>("file");
    QTest::newRow("pth") << QStringLiteral("pth") << QStringLiteral("final") << QStringLiteral("model.pth");
    QTest::newRow("safetensors") << QStringLiteral("safetensors") << QStringLiteral("final") << QStringLiteral("model.safetensors");
    // After one epoch the best checkpoint holds the final weights: the checkpoint path must agree.
    QTest::newRow("best checkpoint") << QString() << QStringLiteral("best") << QStringLiteral("best.pth");
}

void TestCliExport::modelLoadsIntoTorchvision()
{
    QFETCH(QString, format);
    QFETCH(QString, weights);
    QFETCH(QString, file);
    const QString out = m_dir.filePath(QStringLiteral("exported/") + file);
    QDir().mkpath(m_dir.filePath(QStringLiteral("exported")));
    QStringList args{QStringLiteral("export"), m_run, QStringLiteral("--out"), out, QStringLiteral("--weights"), weights};
    if (!format.isEmpty())
        args << QStringLiteral("--format") << format;
    const CliResult r = runTransferLab(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QString error;
    const QJsonDocument python = runReference(QStringLiteral("exported_model.py"),
                                              {QStringLiteral("resnet18"), QString::number(kClasses), out, m_image,
                                               QString::number(kCrop)},
                                              error);
    QVERIFY2(!python.isNull(), qPrintable(error));
    QCOMPARE(python.object().value(QStringLiteral("keys")).toInt(), 122);  // resnet18's state_dict, buffers included
    const QJsonArray logits = python.object().value(QStringLiteral("logits")).toArray();
    QCOMPARE(logits.size(), kClasses);
    for (int i = 0; i < kClasses; ++i)
        QVERIFY2(std::abs(logits[i].toDouble() - m_logits[i].toDouble()) < 1e-4,
                 qPrintable(QStringLiteral("logit %1: Python %2, TransferLab %3").arg(i).arg(logits[i].toDouble()).arg(m_logits[i].toDouble())));
}

void TestCliExport::metricsAsJsonAndCsv()
{
    const QString json = m_dir.filePath(QStringLiteral("metrics.json"));
    const QString csv = m_dir.filePath(QStringLiteral("metrics.csv"));
    QCOMPARE(runTransferLab({QStringLiteral("export"), m_run, QStringLiteral("--metrics"), json}).exitCode, 0);
    QCOMPARE(runTransferLab({QStringLiteral("export"), m_run, QStringLiteral("--metrics"), csv}).exitCode, 0);
    const QJsonObject doc = QJsonDocument::fromJson(readAll(json)).object();
    QCOMPARE(doc.value(QStringLiteral("format")).toString(), QStringLiteral("transferlab-metrics/1"));
    QCOMPARE(doc.value(QStringLiteral("arch")).toString(), QStringLiteral("resnet18"));
    QCOMPARE(doc.value(QStringLiteral("classes")).toArray().size(), kClasses);
    QCOMPARE(doc.value(QStringLiteral("summary")).toObject().value(QStringLiteral("epochs_done")).toInt(), 1);
    const QJsonArray epochs = doc.value(QStringLiteral("epochs")).toArray();
    QCOMPARE(epochs.size(), 1);
    const QJsonObject first = epochs.first().toObject();
    QCOMPARE(first.value(QStringLiteral("epoch")).toInt(), 1);
    QVERIFY(first.value(QStringLiteral("train_loss")).toDouble() > 0);
    QVERIFY(first.value(QStringLiteral("val_top1")).isDouble());
    QVERIFY(!doc.value(QStringLiteral("iterations")).toArray().isEmpty());
    QVERIFY(doc.value(QStringLiteral("iterations")).toArray().first().toObject().contains(QStringLiteral("lr")));
    // The CSV: the epochs with the run's name first, numbers as epochs.csv has them.
    const QList<QByteArray> lines = readAll(csv).trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].startsWith("run,epoch,train_loss,train_accuracy,val_loss,val_top1"));
    QVERIFY(lines[1].startsWith("export,1,"));
    const QList<QByteArray> epochsCsv = readAll(m_run + QStringLiteral("/epochs.csv")).trimmed().split('\n');
    QCOMPARE(lines[1], "export," + epochsCsv[1]);
}

void TestCliExport::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    const QString out = m_dir.filePath(QStringLiteral("x.pth"));
    QTest::newRow("onnx") << QStringList{m_run, QStringLiteral("--format"), QStringLiteral("onnx"), QStringLiteral("--out"), out} << 2
                          << QStringLiteral("pth or safetensors");
    QTest::newRow("nothing to do") << QStringList{m_run} << 2 << QStringLiteral("--out");
    QTest::newRow("unknown extension") << QStringList{m_run, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.bin"))} << 2
                                       << QStringLiteral("--format");
    QTest::newRow("bad weights") << QStringList{m_run, QStringLiteral("--out"), out, QStringLiteral("--weights"), QStringLiteral("worst")}
                                 << 2 << QStringLiteral("final, best or last");
    QTest::newRow("metrics extension") << QStringList{m_run, QStringLiteral("--metrics"), m_dir.filePath(QStringLiteral("m.txt"))} << 2
                                       << QStringLiteral("m.txt");
    QTest::newRow("not a run") << QStringList{m_dir.filePath(QStringLiteral("demo")), QStringLiteral("--out"), out} << 1
                               << QStringLiteral("not a run folder");
    // A run cut off before it finished has no model.pth; the message says what to do instead.
    const QString unfinished = m_dir.filePath(QStringLiteral("unfinished"));
    QDir().mkpath(unfinished);
    for (const char* name : {"experiment.json", "summary.json", "split.json"})
        QFile::copy(m_run + QLatin1Char('/') + QLatin1String(name), unfinished + QLatin1Char('/') + QLatin1String(name));
    QTest::newRow("unfinished") << QStringList{unfinished, QStringLiteral("--out"), out} << 1 << QStringLiteral("model.pth");
}

void TestCliExport::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const CliResult r = runTransferLab(QStringList{QStringLiteral("export")} + args);
    const QString problem = oneLineErrorProblem(r, exitCode, mentions);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("x.pth"))));
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
