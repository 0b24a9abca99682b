// Cross-entropy + soft Dice for segmentation: the values and gradients PyTorch gives for the same
// formula, finite gradients on saturated scores, and unlabelled pixels that count for nothing.
#include "common/errors.h"
#include "python_reference.h"
#include "train/segmentation_loss.h"

#include <torch/torch.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace tl;

namespace {

constexpr int64_t N = 2, C = 3, H = 4, W = 5;

// The same fixed scores and masks as the Python below: smooth, of both signs, every class present.
torch::Tensor fixedLogits()
{
    return (torch::sin(0.37 * torch::arange(N * C * H * W, torch::kFloat64) + 0.11) * 2.0).reshape({N, C, H, W});
}

torch::Tensor fixedTargets(bool withIgnored)
{
    const torch::Tensor j = torch::arange(N * H * W, torch::kLong);
    torch::Tensor t = (j * 7 + 3) % C;
    if (withIgnored)
        t = t.masked_fill(j % 5 == 0, kIgnoreIndex);
    return t.reshape({N, H, W});
}

// Written out from the definition with torch.nn.functional, in float64.
const char* kReference = R"(
import json, sys, torch
import torch.nn.functional as F
N, C, H, W = 2, 3, 4, 5
def case(ce_w, dice_w, smooth, ignore, weighted, ls):
    logits = (torch.sin(0.37 * torch.arange(N * C * H * W, dtype=torch.float64) + 0.11) * 2).reshape(N, C, H, W)
    logits.requires_grad_()
    j = torch.arange(N * H * W)
    t = (j * 7 + 3) % C
    if ignore:
        t = torch.where(j % 5 == 0, torch.full_like(t, 255), t)
    t = t.reshape(N, H, W)
    weight = torch.tensor([0.5, 2.0, 1.0], dtype=torch.float64) if weighted else None
    ce = F.cross_entropy(logits, t, weight=weight, ignore_index=255, label_smoothing=ls)
    valid = (t != 255).unsqueeze(1).double()
    p = logits.softmax(1) * valid
    onehot = F.one_hot(t.masked_fill(t == 255, 0), C).permute(0, 3, 1, 2).double() * valid
    inter = (p * onehot).sum((0, 2, 3))
    card = p.sum((0, 2, 3)) + onehot.sum((0, 2, 3))
    dice = 1 - ((2 * inter + smooth) / (card + smooth)).mean()
    loss = ce_w * ce + dice_w * dice
    loss.backward()
    return {"loss": loss.item(), "dice": dice.item(), "grad": logits.grad.flatten().tolist()}
print(json.dumps([case(*c) for c in json.loads(sys.argv[1])]))
)";

struct LossCase {
    const char* name;
    double ceWeight;
    double diceWeight;
    double smooth;
    bool ignore;
    bool weighted;
    double labelSmoothing;
};

const LossCase kCases[] = {
    {"1:1 with unlabelled pixels", 1.0, 1.0, 1.0, true, false, 0.0},
    {"1:1 every pixel labelled", 1.0, 1.0, 1.0, false, false, 0.0},
    {"cross-entropy only", 1.0, 0.0, 1.0, true, false, 0.0},
    {"Dice only, small smooth", 0.0, 1.0, 1e-3, true, false, 0.0},
    {"0.5:2, class weights, label smoothing", 0.5, 2.0, 1.0, true, true, 0.1},
};

}  // namespace

class TestSegmentationLoss : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void matchesPyTorch_data();
    void matchesPyTorch();
    void gradientsStayFiniteOnSaturatedScores();
    void unlabelledPixelsCountForNothing();
    void batchWithoutLabelsIsZero();
    void classOutOfRangeIsAClearError();

private:
    QJsonArray m_reference;  // PyTorch's results for kCases, in order
};

void TestSegmentationLoss::initTestCase()
{
    QJsonArray cases;
    for (const LossCase& c : kCases)
        cases.append(QJsonArray{c.ceWeight, c.diceWeight, c.smooth, c.ignore, c.weighted, c.labelSmoothing});
    QProcess python;
    python.start(test::pythonExecutable(), {QStringLiteral("-c"), QString::fromUtf8(kReference),
                                            QString::fromUtf8(QJsonDocument(cases).toJson(QJsonDocument::Compact))});
    QVERIFY2(python.waitForFinished(120000) && python.exitCode() == 0, python.readAllStandardError().constData());
    m_reference = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
    QCOMPARE(m_reference.size(), qsizetype(std::size(kCases)));
}

void TestSegmentationLoss::matchesPyTorch_data()
{
    QTest::addColumn<int>("index");
    for (size_t i = 0; i < std::size(kCases); ++i)
        QTest::newRow(kCases[i].name) << int(i);
}

void TestSegmentationLoss::matchesPyTorch()
{
    QFETCH(int, index);
    const LossCase& c = kCases[index];
    const QJsonObject reference = m_reference[index].toObject();
    SegmentationLossOptions options;
    options.crossEntropyWeight = c.ceWeight;
    options.diceWeight = c.diceWeight;
    options.smooth = c.smooth;
    options.labelSmoothing = c.labelSmoothing;
    if (c.weighted)
        options.classWeights = torch::tensor({0.5f, 2.0f, 1.0f});
    const torch::Tensor logits = fixedLogits().to(torch::kFloat32).requires_grad_();
    const torch::Tensor targets = fixedTargets(c.ignore);
    const torch::Tensor loss = segmentationLoss(logits, targets, options);
    loss.backward();

    QVERIFY2(std::abs(loss.item<double>() - reference[QStringLiteral("loss")].toDouble()) < 1e-5,
             qPrintable(QStringLiteral("%1 vs %2").arg(loss.item<double>()).arg(reference[QStringLiteral("loss")].toDouble())));
    const double dice = softDiceLoss(logits.detach(), targets, c.smooth).item<double>();
    QVERIFY(std::abs(dice - reference[QStringLiteral("dice")].toDouble()) < 1e-5);
    const QJsonArray grad = reference[QStringLiteral("grad")].toArray();
    const torch::Tensor ours = logits.grad().flatten().to(torch::kFloat64);
    QCOMPARE(grad.size(), qsizetype(ours.numel()));
    double worst = 0.0;
    for (int64_t i = 0; i < ours.numel(); ++i)
        worst = std::max(worst, std::abs(ours[i].item<double>() - grad[qsizetype(i)].toDouble()));
    QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
}

void TestSegmentationLoss::gradientsStayFiniteOnSaturatedScores()
{
    // A confident, wrong model: softmax saturates to exact 0 and 1 in float32.
    const torch::Tensor logits = (fixedLogits().to(torch::kFloat32) * 5000.0).requires_grad_();
    const torch::Tensor loss = segmentationLoss(logits, fixedTargets(true));
    loss.backward();
    QVERIFY(std::isfinite(loss.item<double>()));
    QVERIFY(loss.item<double>() > 0);
    QVERIFY(torch::isfinite(logits.grad()).all().item<bool>());
    QVERIFY(logits.grad().abs().sum().item<double>() > 0);
}

void TestSegmentationLoss::unlabelledPixelsCountForNothing()
{
    const torch::Tensor targets = fixedTargets(true);
    const torch::Tensor ignored = targets.eq(kIgnoreIndex).unsqueeze(1).expand({N, C, H, W});
    const torch::Tensor logits = fixedLogits().to(torch::kFloat32).requires_grad_();
    const torch::Tensor loss = segmentationLoss(logits, targets);
    loss.backward();
    // Whatever the model says at an unlabelled pixel leaves the loss alone and gets no gradient.
    const torch::Tensor changed = fixedLogits().to(torch::kFloat32).masked_fill(ignored, 40.0);
    QVERIFY(std::abs(segmentationLoss(changed, targets).item<double>() - loss.item<double>()) < 1e-6);
    QCOMPARE(logits.grad().masked_select(ignored).abs().max().item<double>(), 0.0);
    QVERIFY(logits.grad().masked_select(ignored.logical_not()).abs().max().item<double>() > 0);
}

void TestSegmentationLoss::batchWithoutLabelsIsZero()
{
    const torch::Tensor logits = fixedLogits().to(torch::kFloat32).requires_grad_();
    const torch::Tensor loss = segmentationLoss(logits, torch::full({N, H, W}, kIgnoreIndex, torch::kLong));
    QCOMPARE(loss.item<double>(), 0.0);  // not NaN, which would stop the run as diverged
    loss.backward();
    QCOMPARE(logits.grad().abs().max().item<double>(), 0.0);
}

void TestSegmentationLoss::classOutOfRangeIsAClearError()
{
    const torch::Tensor targets = fixedTargets(false).clone();
    targets[0][0][0] = 7;
    try {
        segmentationLoss(fixedLogits().to(torch::kFloat32), targets);
        QFAIL("a mask with class 7 was accepted for 3 classes");
    } catch (const InvalidArgument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("class index 7")), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, segmentationLoss(fixedLogits(), fixedTargets(false).flatten()));
}

QTEST_GUILESS_MAIN(TestSegmentationLoss)
#include "tst_segmentation_loss.moc"
