// `predict`, `inspect --weights` and `convert` run as a user runs them: torchvision-made weight
// files give torchvision's logits, hostile or broken files a one-line error and a non-zero exit.
#include "python_reference.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_runner.h"

namespace {

using tl::test::CliResult;
using tl::test::runTransferLab;

double maxAbsDiff(const QJsonArray& a, const QJsonArray& b)
{
    if (a.size() != b.size() || a.isEmpty())
        return INFINITY;
    double worst = 0;
    for (int i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(a[i].toDouble() - b[i].toDouble()));
    return worst;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
}

const char* const kArchs[] = {"alexnet", "vgg11_bn", "googlenet", "resnet18", "densenet121", "mobilenet_v2"};

}  // namespace

class TestCliWeights : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void predictEqualsTorchvision_data();
    void predictEqualsTorchvision();
    void koreanFileNames();
    void predictWithPreprocessing();
    void inspectReportsTheLoad();
    void convertRoundTrip();
    void badInput_data();
    void badInput();

private:
    QJsonArray predictLogits(const QString& arch, const QString& weights, const QString& image);
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    QJsonObject m_reference;
};

void TestCliWeights::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStringList args{QStringLiteral("models"), m_dir.path(), QStringLiteral("64")};
    for (const char* a : kArchs)
        args << QString::fromLatin1(a);
    QString error;
    QJsonDocument doc = tl::test::runReference(QStringLiteral("weight_files.py"), args, error);
    QVERIFY2(doc.isObject(), qPrintable(error));
    m_reference = doc.object();
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("hostile")));
    doc = tl::test::runReference(QStringLiteral("weight_files.py"), {QStringLiteral("hostile"), path(QStringLiteral("hostile"))}, error);
    QVERIFY2(doc.isObject(), qPrintable(error));
}

QJsonArray TestCliWeights::predictLogits(const QString& arch, const QString& weights, const QString& image)
{
    const CliResult r = runTransferLab({QStringLiteral("predict"), QStringLiteral("--arch"), arch, QStringLiteral("--weights"),
                                     weights, QStringLiteral("--image"), image, QStringLiteral("--no-preprocess"),
                                     QStringLiteral("--json"), QStringLiteral("--topk"), QStringLiteral("3")});
    if (r.exitCode != 0)
        qWarning("%s", r.err.constData());
    const QJsonObject out = QJsonDocument::fromJson(r.out).object();
    const QJsonArray top = out.value(QStringLiteral("top")).toArray();
    if (top.size() != 3 || top[0].toObject().value(QStringLiteral("prob")).toDouble() < top[1].toObject().value(QStringLiteral("prob")).toDouble())
        return {};
    return out.value(QStringLiteral("logits")).toArray();
}

void TestCliWeights::predictEqualsTorchvision_data()
{
    QTest::addColumn<QString>("arch");
    for (const char* a : kArchs)
        QTest::newRow(a) << QString::fromLatin1(a);
}

void TestCliWeights::predictEqualsTorchvision()
{
    QFETCH(QString, arch);
    const QJsonObject ref = m_reference.value(arch).toObject();
    const QJsonArray logits = predictLogits(arch, ref.value(QStringLiteral("weights")).toString(),
                                            ref.value(QStringLiteral("image")).toString());
    const double diff = maxAbsDiff(logits, ref.value(QStringLiteral("logits")).toArray());
    QVERIFY2(diff <= 1e-4, qPrintable(QStringLiteral("max |difference| %1").arg(diff)));
}

void TestCliWeights::koreanFileNames()
{
    const QJsonObject ref = m_reference.value(QStringLiteral("resnet18")).toObject();
    const QString weights = path(QStringLiteral("가중치.pth"));
    const QString image = path(QStringLiteral("사진.png"));
    QVERIFY(QFile::copy(ref.value(QStringLiteral("weights")).toString(), weights));
    QVERIFY(QFile::copy(ref.value(QStringLiteral("image")).toString(), image));
    const double diff = maxAbsDiff(predictLogits(QStringLiteral("resnet18"), weights, image),
                                   ref.value(QStringLiteral("logits")).toArray());
    QVERIFY(diff <= 1e-4);
}

void TestCliWeights::predictWithPreprocessing()
{
    const QJsonObject ref = m_reference.value(QStringLiteral("mobilenet_v2")).toObject();
    const CliResult r = runTransferLab({QStringLiteral("predict"), QStringLiteral("--arch"), QStringLiteral("mobilenet_v2"),
                                     QStringLiteral("--weights"), ref.value(QStringLiteral("weights")).toString(),
                                     QStringLiteral("--image"), ref.value(QStringLiteral("image")).toString()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("PROBABILITY"));
    QCOMPARE(r.out.count('\n'), 6);  // a heading and the top 5
}

void TestCliWeights::inspectReportsTheLoad()
{
    const QString weights = m_reference.value(QStringLiteral("resnet18")).toObject().value(QStringLiteral("weights")).toString();
    CliResult r = runTransferLab({QStringLiteral("inspect"), QStringLiteral("--arch"), QStringLiteral("resnet18"),
                               QStringLiteral("--weights"), weights, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QJsonObject report = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("load_report")).toObject();
    QCOMPARE(report.value(QStringLiteral("matched")).toArray().size(), 122);
    for (const char* key : {"missing", "unexpected", "mismatched"})
        QVERIFY2(report.value(QLatin1String(key)).toArray().isEmpty(), key);
    QCOMPARE(report.value(QStringLiteral("sha256_prefix")).toString(), QStringLiteral("no-hash-in-name"));

    r = runTransferLab({QStringLiteral("inspect"), QStringLiteral("--arch"), QStringLiteral("resnet18"), QStringLiteral("--classes"),
                        QStringLiteral("10"), QStringLiteral("--weights"), weights, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    report = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("load_report")).toObject();
    QCOMPARE(report.value(QStringLiteral("mismatched")).toArray(), (QJsonArray{QStringLiteral("fc.weight"), QStringLiteral("fc.bias")}));
    QVERIFY(report.value(QStringLiteral("head_reinitialised")).toBool());

    // A hub-style name whose hash prefix is wrong is reported and fails.
    const QString hub = path(QStringLiteral("resnet18-deadbeef.pth"));
    QVERIFY(QFile::copy(weights, hub));
    r = runTransferLab({QStringLiteral("inspect"), QStringLiteral("--arch"), QStringLiteral("resnet18"), QStringLiteral("--weights"), hub});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("SHA-256"));
}

void TestCliWeights::convertRoundTrip()
{
    const QJsonObject ref = m_reference.value(QStringLiteral("densenet121")).toObject();
    const QString safetensors = path(QStringLiteral("densenet.safetensors"));
    const QString back = path(QStringLiteral("densenet-back.pth"));
    QCOMPARE(runTransferLab({QStringLiteral("convert"), ref.value(QStringLiteral("weights")).toString(), safetensors}).exitCode, 0);
    QCOMPARE(runTransferLab({QStringLiteral("convert"), safetensors, back}).exitCode, 0);
    for (const QString& file : {safetensors, back}) {
        const double diff = maxAbsDiff(predictLogits(QStringLiteral("densenet121"), file, ref.value(QStringLiteral("image")).toString()),
                                       ref.value(QStringLiteral("logits")).toArray());
        QVERIFY2(diff <= 1e-4, qPrintable(file));
    }
}

void TestCliWeights::badInput_data()
{
    QTest::addColumn<QString>("weights");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("message");
    QTest::newRow("os.system pickle") << "hostile/exploit.pth" << "resnet18" << "" << "disallowed global";
    QTest::newRow("legacy os.system pickle") << "hostile/exploit_legacy.pth" << "resnet18" << "" << "disallowed global";
    QTest::newRow("truncated") << "truncated.pth" << "resnet18" << "" << "truncated.pth: ";
    QTest::newRow("random bytes") << "random.pth" << "resnet18" << "" << "not a weight file";
    QTest::newRow("missing file") << "nowhere.pth" << "resnet18" << "" << "cannot open";
    QTest::newRow("other architecture") << "resnet18.pth" << "resnet34" << "" << "does not fit resnet34";
    QTest::newRow("image not decodable") << "resnet18.pth" << "resnet18" << "random.pth" << "not an image";
}

void TestCliWeights::badInput()
{
    QFETCH(QString, weights);
    QFETCH(QString, arch);
    QFETCH(QString, image);
    QFETCH(QString, message);
    const QByteArray good = readAll(m_reference.value(QStringLiteral("resnet18")).toObject().value(QStringLiteral("weights")).toString());
    writeAll(path(QStringLiteral("truncated.pth")), good.left(good.size() * 2 / 3));
    QByteArray noise(5000, '\0');
    for (int i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919 + 13) % 251);
    writeAll(path(QStringLiteral("random.pth")), noise);
    const QString imagePath = image.isEmpty() ? m_reference.value(QStringLiteral("resnet18")).toObject().value(QStringLiteral("image")).toString()
                                              : path(image);
    const CliResult r = runTransferLab({QStringLiteral("predict"), QStringLiteral("--arch"), arch, QStringLiteral("--weights"),
                                     path(weights), QStringLiteral("--image"), imagePath, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(!QFile::exists(path(QStringLiteral("hostile/executed"))));
}

QTEST_GUILESS_MAIN(TestCliWeights)
#include "tst_cli_weights.moc"
