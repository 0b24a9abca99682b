// Mutated weight files (cut at every few bytes, bytes flipped) only ever give a tl::Error:
// never a crash, a hang or another exception type.
#include "common/errors.h"
#include "python_reference.h"
#include "weights/state_dict.h"
#include "weights_test_util.h"

#include <torch/torch.h>

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace tl;

class TestWeightsRobustness : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void truncatedAnywhere_data();
    void truncatedAnywhere();
    void bytesFlipped_data();
    void bytesFlipped();

private:
    // Loads `bytes` as a file; returns false (and says why) if anything but a tl::Error escaped.
    bool loadsCleanly(const QByteArray& bytes, QString& why);
    QTemporaryDir m_dir;
};

void TestWeightsRobustness::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    const QJsonDocument doc = test::runReference(QStringLiteral("weight_files.py"), {QStringLiteral("variants"), m_dir.path()}, error);
    QVERIFY2(doc.isObject(), qPrintable(error));
}

bool TestWeightsRobustness::loadsCleanly(const QByteArray& bytes, QString& why)
{
    const QString path = m_dir.filePath(QStringLiteral("mutant"));
    test::writeAll(path, bytes);
    try {
        const WeightFile w = readWeights(path.toStdString());
        for (const NamedTensor& t : w.tensors)
            (void)t.tensor.sum().item<double>();  // every tensor must be readable to its end
    } catch (const Error&) {
    } catch (const std::exception& e) {
        why = QStringLiteral("escaped std::exception: ") + QString::fromStdString(e.what()).left(300);
        return false;
    }
    return true;
}

void TestWeightsRobustness::truncatedAnywhere_data()
{
    QTest::addColumn<QString>("file");
    for (const char* f : {"plain.pth", "legacy.pth", "nested.pth", "plain.safetensors"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestWeightsRobustness::truncatedAnywhere()
{
    QFETCH(QString, file);
    const QByteArray bytes = test::readAll(m_dir.filePath(file));
    QVERIFY(!bytes.isEmpty());
    const int step = std::max<int>(1, int(bytes.size()) / 400);
    for (int size = 0; size < bytes.size(); size += step) {
        QString why;
        QVERIFY2(loadsCleanly(bytes.left(size), why), qPrintable(QStringLiteral("cut at %1: %2").arg(size).arg(why)));
    }
}

void TestWeightsRobustness::bytesFlipped_data()
{
    truncatedAnywhere_data();
}

void TestWeightsRobustness::bytesFlipped()
{
    QFETCH(QString, file);
    const QByteArray original = test::readAll(m_dir.filePath(file));
    QRandomGenerator random(20240611);  // fixed, so a failure can be replayed
    for (int round = 0; round < 300; ++round) {
        QByteArray bytes = original;
        const int flips = 1 + int(random.bounded(4));
        for (int i = 0; i < flips; ++i) {
            const int at = int(random.bounded(quint32(bytes.size())));
            // Mostly small changes of numbers (sizes, offsets, lengths), sometimes any byte.
            bytes[at] = random.bounded(2) ? char(bytes[at] ^ (1 << random.bounded(8))) : char(random.bounded(256));
        }
        QString why;
        QVERIFY2(loadsCleanly(bytes, why), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(why)));
    }
}

QTEST_GUILESS_MAIN(TestWeightsRobustness)
#include "tst_weights_robustness.moc"
