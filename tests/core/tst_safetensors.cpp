// .safetensors read and written within the reference implementation's limits.
#include "common/errors.h"
#include "python_reference.h"
#include "weights/safetensors.h"
#include "weights/state_dict.h"
#include "weights_test_util.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace tl;

namespace {

// A file from a header text and data bytes, with the 8-byte little-endian header size.
QByteArray safetensorsBytes(const QByteArray& header, const QByteArray& data, quint64 declaredSize = 0)
{
    quint64 size = declaredSize ? declaredSize : quint64(header.size());
    QByteArray out;
    for (int i = 0; i < 8; ++i)
        out.append(char((size >> (8 * i)) & 0xff));
    return out + header + data;
}

}  // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTripsEveryDtype();
    void viewsTheFileWithoutCopy();
    void rejectsViolations_data();
    void rejectsViolations();

private:
    QTemporaryDir m_dir;
};

void TestSafetensors::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestSafetensors::roundTripsEveryDtype()
{
    StateDict tensors;
    const auto add = [&](const std::string& name, torch::Tensor t) {
        tensors.push_back({name, t.scalar_type(), t.sizes().vec(), t});
    };
    add("f32", torch::randn({2, 3}));
    add("transposed", torch::randn({3, 4}).t());  // written contiguous
    add("f64", torch::randn({3}, torch::kDouble));
    add("f16", torch::randn({5}).to(torch::kHalf));
    add("bf16", torch::randn({5}).to(torch::kBFloat16));
    add("i64", torch::arange(7));
    add("i8", torch::tensor({-3, 4}, torch::kChar));
    add("u8", torch::tensor({0, 255}, torch::kByte));
    add("bool", torch::tensor({true, false}));
    add("scalar", torch::tensor(2.5));
    add("empty", torch::zeros({0, 4}));
    const std::string path = m_dir.filePath(QStringLiteral("round.safetensors")).toStdString();
    writeSafetensors(path, tensors);
    const WeightFile back = readWeights(path);
    QCOMPARE(back.format, WeightFormat::Safetensors);
    QCOMPARE(back.tensors.size(), tensors.size());
    for (const NamedTensor& t : tensors) {
        const torch::Tensor b = test::tensorNamed(back.tensors, t.name);
        QVERIFY2(b.defined(), t.name.c_str());
        QCOMPARE(b.scalar_type(), t.tensor.scalar_type());
        QCOMPARE(b.sizes().vec(), t.tensor.sizes().vec());
        QVERIFY2(torch::equal(b, t.tensor), t.name.c_str());
    }
}

void TestSafetensors::viewsTheFileWithoutCopy()
{
    StateDict tensors{{"big", torch::kFloat, {1024, 64}, torch::randn({1024, 64})}};
    const std::string path = m_dir.filePath(QStringLiteral("view.safetensors")).toStdString();
    writeSafetensors(path, tensors);
    const auto file = MappedFile::open(path);
    const WeightFile w = readSafetensors(file, false);
    const auto* p = static_cast<const unsigned char*>(w.tensors.front().tensor.data_ptr());
    QVERIFY(p >= file->data() && p < file->data() + file->size());
    w.tensors.front().tensor.mul_(2);  // copy-on-write: the file stays as it was
    QVERIFY(torch::equal(readWeights(path).tensors.front().tensor, tensors.front().tensor));
}

void TestSafetensors::rejectsViolations_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    const QByteArray eight(8, '\0');
    QTest::newRow("too small") << QByteArray("\x02\0\0", 3) << "too small";
    QTest::newRow("header over 100 MB") << safetensorsBytes("{}", {}, 100'000'001) << "over the 100 MB limit";
    QTest::newRow("header past end") << safetensorsBytes("{}", {}, 50) << "past the end of the file";
    QTest::newRow("not json") << safetensorsBytes("{nope", {}) << "malformed safetensors header";
    QTest::newRow("json array") << safetensorsBytes("[1]", {}) << "not a JSON object";
    QTest::newRow("duplicate key")
        << safetensorsBytes(R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"a":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}})", "xy")
        << "appears twice";
    QTest::newRow("unknown dtype") << safetensorsBytes(R"({"a":{"dtype":"F7","shape":[1],"data_offsets":[0,1]}})", "x")
                                   << "unknown dtype";
    QTest::newRow("shape x dtype != bytes")
        << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", eight) << "need 12 bytes";
    QTest::newRow("gap between tensors")
        << safetensorsBytes(R"({"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},"b":{"dtype":"U8","shape":[2],"data_offsets":[4,6]}})", QByteArray(6, 'x'))
        << "does not start where the previous one ends";
    QTest::newRow("overlapping tensors")
        << safetensorsBytes(R"({"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"b":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}})", QByteArray(4, 'x'))
        << "does not start where the previous one ends";
    QTest::newRow("trailing bytes") << safetensorsBytes(R"({"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}})", "xyz")
                                    << "but the tensors cover 2";
    QTest::newRow("offsets past the data")
        << safetensorsBytes(R"({"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]}})", "xy") << "but the tensors cover 4";
    QTest::newRow("end before begin")
        << safetensorsBytes(R"({"a":{"dtype":"U8","shape":[0],"data_offsets":[2,0]}})", "xy") << "end before they begin";
    QTest::newRow("negative shape")
        << safetensorsBytes(R"({"a":{"dtype":"U8","shape":[-1],"data_offsets":[0,1]}})", "x") << "whole numbers";
    QTest::newRow("huge shape")
        << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}})", "xxxx")
        << "shape too large";
    QTest::newRow("bad metadata") << safetensorsBytes(R"({"__metadata__":{"a":1}})", {}) << "__metadata__";
}

void TestSafetensors::rejectsViolations()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(QStringLiteral("bad.safetensors"));
    test::writeAll(path, bytes);
    try {
        readSafetensors(MappedFile::open(path.toStdString()), false);
        QFAIL("no error");
    } catch (const WeightsError& e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(reason), e.what());
        QVERIFY2(QString::fromStdString(e.what()).startsWith(QStringLiteral("bad.safetensors: ")), e.what());
    }
}

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
