// Weights made by torchvision and saved as torch.save(model.state_dict()) does give the same
// logits here as in Python; weights written here give the same logits in Python.
#include "models/graph_module.h"
#include "models/zoo.h"
#include "python_reference.h"
#include "weights/pth_writer.h"
#include "weights/state_dict.h"
#include "weights/weight_matching.h"
#include "weights_test_util.h"

#include <torch/torch.h>

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace tl;

namespace {

constexpr int kImageSize = 64;
const char* const kArchs[] = {"resnet18", "resnet50", "vgg16", "googlenet", "densenet121", "mobilenet_v2"};

double maxAbsDiff(const torch::Tensor& ours, const QJsonArray& theirs)
{
    const torch::Tensor flat = ours.flatten().to(torch::kDouble);
    if (flat.numel() != theirs.size())
        return INFINITY;
    double worst = 0;
    for (int i = 0; i < theirs.size(); ++i)
        worst = std::max(worst, std::abs(flat[i].item<double>() - theirs[i].toDouble()));
    return worst;
}

}  // namespace

class TestPretrainedLogits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void logitsEqualTorchvision_data();
    void logitsEqualTorchvision();
    void pythonLoadsOurFile();

private:
    QTemporaryDir m_dir;
    QJsonObject m_reference;
};

void TestPretrainedLogits::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStringList args{QStringLiteral("models"), m_dir.path(), QString::number(kImageSize)};
    for (const char* a : kArchs)
        args << QString::fromLatin1(a);
    QString error;
    const QJsonDocument doc = test::runReference(QStringLiteral("weight_files.py"), args, error);
    QVERIFY2(doc.isObject(), qPrintable(error));
    m_reference = doc.object();
}

void TestPretrainedLogits::logitsEqualTorchvision_data()
{
    QTest::addColumn<QString>("arch");
    for (const char* a : kArchs)
        QTest::newRow(a) << QString::fromLatin1(a);
}

void TestPretrainedLogits::logitsEqualTorchvision()
{
    QFETCH(QString, arch);
    const QJsonObject ref = m_reference.value(arch).toObject();
    const WeightFile file = readWeights(ref.value(QStringLiteral("weights")).toString().toStdString());
    GraphModule module(buildArch(arch.toStdString()));
    const LoadReport report = loadWeights(module, file.tensors);
    QVERIFY(report.complete());
    QVERIFY(report.unexpected.empty());
    module.eval();
    const torch::Tensor x = test::tensorNamed(readWeights(m_dir.filePath(arch + QStringLiteral("-input.pth")).toStdString()).tensors, "input");
    QCOMPARE(x.sizes().vec(), (std::vector<int64_t>{1, 3, kImageSize, kImageSize}));
    torch::NoGradGuard noGrad;
    const double diff = maxAbsDiff(module.forward(x), ref.value(QStringLiteral("logits")).toArray());
    QVERIFY2(diff <= 1e-4, qPrintable(QStringLiteral("max |difference| %1").arg(diff)));
}

void TestPretrainedLogits::pythonLoadsOurFile()
{
    // Our writer, Python's torch.load(weights_only=True) + load_state_dict, the same logits.
    for (const char* a : {"resnet18", "googlenet"}) {
        const QString arch = QString::fromLatin1(a);
        const QJsonObject ref = m_reference.value(arch).toObject();
        const WeightFile file = readWeights(ref.value(QStringLiteral("weights")).toString().toStdString());
        GraphModule module(buildArch(a));
        QVERIFY(loadWeights(module, file.tensors).complete());
        const QString ours = m_dir.filePath(arch + QStringLiteral("-ours.pth"));
        writeWeights(ours.toStdString(), stateDictOf(module));
        QString error;
        const QJsonDocument doc = test::runReference(
            QStringLiteral("weight_files.py"),
            {QStringLiteral("logits"), arch, QStringLiteral("1000"), ours, ref.value(QStringLiteral("image")).toString()}, error);
        QVERIFY2(doc.isObject(), qPrintable(error));
        const QJsonArray theirs = doc.object().value(QStringLiteral("logits")).toArray();
        const QJsonArray expected = ref.value(QStringLiteral("logits")).toArray();
        QCOMPARE(theirs.size(), expected.size());
        for (int i = 0; i < theirs.size(); ++i)
            QVERIFY(std::abs(theirs[i].toDouble() - expected[i].toDouble()) <= 1e-5);
    }
}

QTEST_GUILESS_MAIN(TestPretrainedLogits)
#include "tst_pretrained_logits.moc"
