// .pth files as torch.save writes them (zip and legacy, nested, prefixed, every dtype, shared
// storages) read exactly; hostile and malformed files give a clean error and run nothing.
#include "common/errors.h"
#include "python_reference.h"
#include "weights/pth_writer.h"
#include "weights/state_dict.h"
#include "weights_test_util.h"

#include <torch/torch.h>

#include <algorithm>

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace tl;

class TestPthReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void readsEveryLayout_data();
    void readsEveryLayout();
    void readsOnDemand_data();
    void readsOnDemand();
    void keepsSharedStorages();
    void readsLayoutOnly();
    void rejectsHostileFiles_data();
    void rejectsHostileFiles();
    void rejectsMalformedBytes_data();
    void rejectsMalformedBytes();
    void pythonLoadsWhatWeWrite();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    QJsonObject m_expected;
    QString m_marker;
};

void TestPthReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QJsonDocument doc = test::runReference(QStringLiteral("weight_files.py"), {QStringLiteral("variants"), m_dir.path()}, error);
    QVERIFY2(doc.isObject(), qPrintable(error));
    m_expected = doc.object();
    QDir(m_dir.path()).mkdir(QStringLiteral("hostile"));
    doc = test::runReference(QStringLiteral("weight_files.py"), {QStringLiteral("hostile"), path(QStringLiteral("hostile"))}, error);
    QVERIFY2(doc.isObject(), qPrintable(error));
    m_marker = doc.object().value(QStringLiteral("marker")).toString();
}

void TestPthReader::readsEveryLayout_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("nestedKey");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("zip") << "plain.pth" << "pth" << "" << "";
    QTest::newRow("legacy") << "legacy.pth" << "pth-legacy" << "" << "";
    QTest::newRow("nested zip") << "nested.pth" << "pth" << "state_dict" << "";
    QTest::newRow("nested legacy") << "nested_legacy.pth" << "pth-legacy" << "state_dict" << "";
    QTest::newRow("module prefix") << "module_prefix.pth" << "pth" << "model" << "module.";
    QTest::newRow("zip64, other root") << "zip64.pth" << "pth" << "" << "";
    QTest::newRow("korean name") << QStringLiteral("가중치.pth") << "pth" << "" << "";
    QTest::newRow("safetensors") << "plain.safetensors" << "safetensors" << "" << "";
}

void TestPthReader::readsEveryLayout()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(QString, nestedKey);
    QFETCH(QString, prefix);
    const WeightFile w = readWeights(QFile::encodeName(path(file)).toStdString());
    QCOMPARE(QString::fromLatin1(toString(w.format)), format);
    QCOMPARE(QString::fromStdString(w.nestedKey), nestedKey);
    QCOMPARE(int(w.tensors.size()), m_expected.size());
    for (auto it = m_expected.begin(); it != m_expected.end(); ++it) {
        const torch::Tensor t = test::tensorNamed(w.tensors, (prefix + it.key()).toStdString());
        const QString diff = test::compareWithReference(t, it.value().toObject());
        QVERIFY2(diff.isEmpty(), qPrintable(it.key() + QStringLiteral(": ") + diff));
    }
}

void TestPthReader::readsOnDemand_data()
{
    readsEveryLayout_data();
}

void TestPthReader::readsOnDemand()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(QString, prefix);
    const WeightFile w = readWeights(QFile::encodeName(path(file)).toStdString(), TensorData::OnDemand);
    QCOMPARE(int(w.tensors.size()), m_expected.size());
    for (auto it = m_expected.begin(); it != m_expected.end(); ++it) {
        const std::string name = (prefix + it.key()).toStdString();
        const auto entry = std::find_if(w.tensors.begin(), w.tensors.end(), [&](const NamedTensor& t) { return t.name == name; });
        QVERIFY2(entry != w.tensors.end(), name.c_str());
        // Zip files hold their data back until asked; the other formats are read whole.
        QCOMPARE(entry->tensor.defined(), format != QLatin1String("pth"));
        const torch::Tensor t = entry->tensor.defined() ? entry->tensor : entry->fetch();
        QCOMPARE(t.sizes().vec(), entry->shape);
        const QString diff = test::compareWithReference(t, it.value().toObject());
        QVERIFY2(diff.isEmpty(), qPrintable(it.key() + QStringLiteral(": ") + diff));
    }
}

void TestPthReader::keepsSharedStorages()
{
    for (const char* file : {"plain.pth", "legacy.pth"}) {
        const WeightFile w = readWeights(path(QLatin1String(file)).toStdString());
        const torch::Tensor base = test::tensorNamed(w.tensors, "base");
        const torch::Tensor view = test::tensorNamed(w.tensors, "view");
        QVERIFY(base.is_alias_of(view));
        QCOMPARE(view.storage_offset(), int64_t(12));
    }
}

void TestPthReader::readsLayoutOnly()
{
    const WeightFile w = readWeights(path(QStringLiteral("legacy.pth")).toStdString(), TensorData::LayoutOnly);
    QCOMPARE(int(w.tensors.size()), m_expected.size());
    const NamedTensor& t = w.tensors.at(2);
    QCOMPARE(t.name, std::string("transposed"));
    QCOMPARE(t.shape, (std::vector<int64_t>{4, 3, 2}));
    QVERIFY(!t.tensor.defined());
}

void TestPthReader::rejectsHostileFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("os.system in zip") << "exploit.pth" << "disallowed global";
    QTest::newRow("os.system in legacy") << "exploit_legacy.pth" << "disallowed global";
    QTest::newRow("storage shorter than declared") << "short_storage.pth" << "elements of 4 bytes declared";
    QTest::newRow("view past its storage") << "view_past_storage.pth" << "past the end of its storage";
    QTest::newRow("missing storage record") << "missing_record.pth" << "has no data record";
}

void TestPthReader::rejectsHostileFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    // On demand, a damaged storage may only show when its tensor is fetched; it must show then.
    for (const TensorData mode : {TensorData::Read, TensorData::OnDemand}) {
        try {
            const WeightFile w = readWeights(path(QStringLiteral("hostile/") + file).toStdString(), mode);
            for (const NamedTensor& t : w.tensors)
                if (t.fetch)
                    t.fetch();
            QFAIL("no error");
        } catch (const WeightsError& e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.startsWith(file + QLatin1Char(':')), qPrintable(message));
            QVERIFY2(message.contains(reason), qPrintable(message));
        }
    }
    QVERIFY(!QFileInfo::exists(m_marker));
}

void TestPthReader::rejectsMalformedBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << "not a weight file";
    QTest::newRow("text") << QByteArray("hello, this is not a model\n") << "not a weight file";
    QTest::newRow("zip magic only") << QByteArray("PK\x03\x04garbagegarbagegarbage", 25) << "not a valid PyTorch zip file";
    QTest::newRow("pickle, wrong magic") << QByteArray("\x80\x02K\x05.", 5) << "wrong magic number";
    QTest::newRow("pickle cut short") << QByteArray("\x80\x02\x8a\x0a\x6c\xfc", 6) << "pickle ends too early";
    QByteArray plain = test::readAll(path(QStringLiteral("plain.pth")));
    QTest::newRow("zip cut in half") << plain.left(plain.size() / 2) << "not a valid PyTorch zip file";
    QByteArray legacy = test::readAll(path(QStringLiteral("legacy.pth")));
    QTest::newRow("legacy cut before data end") << legacy.left(legacy.size() - 3) << "file ends";
}

void TestPthReader::rejectsMalformedBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const QString file = path(QStringLiteral("malformed.pth"));
    test::writeAll(file, bytes);
    try {
        readWeights(file.toStdString());
        QFAIL("no error");
    } catch (const WeightsError& e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(reason), e.what());
        QVERIFY2(QString::fromStdString(e.what()).startsWith(QStringLiteral("malformed.pth")), e.what());
    }
}

void TestPthReader::pythonLoadsWhatWeWrite()
{
    const WeightFile source = readWeights(path(QStringLiteral("plain.pth")).toStdString());
    for (const QString& name : {QStringLiteral("ours.pth"), QStringLiteral("ours.safetensors")}) {
        writeWeights(path(name).toStdString(), source.tensors);
        QString error;
        const QJsonDocument doc = test::runReference(QStringLiteral("weight_files.py"), {QStringLiteral("read"), path(name)}, error);
        QVERIFY2(doc.isObject(), qPrintable(error));
        QCOMPARE(doc.object().keys(), m_expected.keys());
        for (auto it = m_expected.begin(); it != m_expected.end(); ++it)
            QCOMPARE(doc.object().value(it.key()).toObject(), it.value().toObject());
    }
}

QTEST_GUILESS_MAIN(TestPthReader)
#include "tst_pth_reader.moc"
