// Pixel accuracy, IoU and Dice from pixel confusion counts: hand-computed cases, classes absent from
// both prediction and truth left out of the means, and an epoch's batches adding up exactly.
#include "common/errors.h"
#include "train/segmentation_metrics.h"

#include <torch/torch.h>

#include <QtTest>

#include <cmath>

using namespace tl;

using Values = std::vector<double>;
Q_DECLARE_METATYPE(Values)

namespace {

torch::Tensor mask(std::vector<int64_t> values, int64_t rows)
{
    const int64_t n = int64_t(values.size());
    return torch::tensor(values, torch::kLong).reshape({1, rows, n / rows});
}

bool sameOrBothNan(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) < 1e-12;
}

}  // namespace

class TestSegmentationMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handComputed_data();
    void handComputed();
    void batchesAddUpToTheEpoch();
    void badInputIsAClearError();
    void trainingAccuracyIgnoresUnlabelledPixels();
};

void TestSegmentationMetrics::handComputed_data()
{
    QTest::addColumn<int>("classes");
    QTest::addColumn<Values>("truth");
    QTest::addColumn<Values>("predicted");
    QTest::addColumn<double>("pixelAccuracy");
    QTest::addColumn<Values>("iou");
    QTest::addColumn<Values>("dice");
    const double nan = std::nan("");
    // Pairs (truth, prediction), the 255 pixel aside: (0,0) (0,1) (1,1) (1,1) (2,2) (2,0) (0,0).
    // Class 0: TP 2, FP 1, FN 1; class 1: TP 2, FP 1; class 2: TP 1, FN 1.
    QTest::newRow("three classes, one unlabelled pixel")
        << 3 << Values{0, 0, 1, 1, 2, 2, 255, 0} << Values{0, 1, 1, 1, 2, 0, 1, 0} << 5.0 / 7.0
        << Values{2.0 / 4.0, 2.0 / 3.0, 1.0 / 2.0} << Values{4.0 / 6.0, 4.0 / 5.0, 2.0 / 3.0};
    // Class 3 appears nowhere: no score, not a zero in the mean. Class 2 is only predicted: IoU 0.
    QTest::newRow("absent class left out, false positive class counted")
        << 4 << Values{0, 0, 0, 1, 1, 1} << Values{0, 0, 2, 1, 1, 1} << 5.0 / 6.0
        << Values{2.0 / 3.0, 1.0, 0.0, nan} << Values{4.0 / 5.0, 1.0, 0.0, nan};
    QTest::newRow("perfect") << 2 << Values{0, 1, 1, 0} << Values{0, 1, 1, 0} << 1.0 << Values{1.0, 1.0}
                             << Values{1.0, 1.0};
    QTest::newRow("all wrong") << 2 << Values{0, 0, 1, 1} << Values{1, 1, 0, 0} << 0.0 << Values{0.0, 0.0}
                               << Values{0.0, 0.0};
}

void TestSegmentationMetrics::handComputed()
{
    QFETCH(int, classes);
    QFETCH(Values, truth);
    QFETCH(Values, predicted);
    QFETCH(double, pixelAccuracy);
    QFETCH(Values, iou);
    QFETCH(Values, dice);
    const auto toInts = [](const Values& v) { return std::vector<int64_t>(v.begin(), v.end()); };
    SegmentationMetrics metrics(classes);
    metrics.add(mask(toInts(predicted), 2), mask(toInts(truth), 2));
    const SegmentationScores s = metrics.scores();
    QVERIFY(std::abs(s.pixelAccuracy - pixelAccuracy) < 1e-12);
    QCOMPARE(s.iou.size(), size_t(classes));
    double iouSum = 0, diceSum = 0;
    int present = 0;
    for (int c = 0; c < classes; ++c) {
        QVERIFY2(sameOrBothNan(s.iou[size_t(c)], iou[size_t(c)]), qPrintable(QStringLiteral("IoU of class %1").arg(c)));
        QVERIFY2(sameOrBothNan(s.dice[size_t(c)], dice[size_t(c)]), qPrintable(QStringLiteral("Dice of class %1").arg(c)));
        if (!std::isnan(iou[size_t(c)])) {
            iouSum += iou[size_t(c)];
            diceSum += dice[size_t(c)];
            ++present;
        }
    }
    QVERIFY(std::abs(s.meanIou - iouSum / present) < 1e-12);
    QVERIFY(std::abs(s.meanDice - diceSum / present) < 1e-12);
}

void TestSegmentationMetrics::batchesAddUpToTheEpoch()
{
    torch::manual_seed(3);
    const torch::Tensor truth = torch::randint(0, 5, {6, 8, 8}, torch::kLong).masked_fill(torch::rand({6, 8, 8}) < 0.1, 255);
    const torch::Tensor predicted = torch::randint(0, 5, {6, 8, 8}, torch::kLong);
    SegmentationMetrics whole(5);
    whole.add(predicted, truth);
    SegmentationMetrics batches(5);
    for (int64_t b = 0; b < 6; b += 2)
        batches.add(predicted.slice(0, b, b + 2), truth.slice(0, b, b + 2));
    QCOMPARE(batches.pixels(), truth.ne(255).sum().item<int64_t>());
    for (int64_t t = 0; t < 5; ++t)
        for (int64_t p = 0; p < 5; ++p)
            QCOMPARE(batches.count(t, p), whole.count(t, p));
    QCOMPARE(batches.scores().meanIou, whole.scores().meanIou);
    // The epoch's mIoU comes from the summed counts, not the mean of per-batch mIoUs.
    double perBatch = 0;
    for (int64_t b = 0; b < 6; b += 2) {
        SegmentationMetrics one(5);
        one.add(predicted.slice(0, b, b + 2), truth.slice(0, b, b + 2));
        perBatch += one.scores().meanIou / 3;
    }
    QVERIFY(std::abs(perBatch - whole.scores().meanIou) > 1e-9);
}

void TestSegmentationMetrics::badInputIsAClearError()
{
    SegmentationMetrics metrics(3);
    try {
        metrics.add(mask({0, 1, 2, 0}, 2), mask({0, 1, 9, 0}, 2));
        QFAIL("class 9 was accepted for 3 classes");
    } catch (const InvalidArgument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("class index 9")), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, metrics.add(mask({0, 1}, 1), mask({0, 1, 2, 0}, 2)));
    QCOMPARE(metrics.pixels(), int64_t(0));
    QCOMPARE(metrics.scores().meanIou, 0.0);  // nothing seen: no NaN in the epoch's row
}

void TestSegmentationMetrics::trainingAccuracyIgnoresUnlabelledPixels()
{
    // Scores that predict class 1 everywhere, on a mask of 1, 0 and two unlabelled pixels.
    const torch::Tensor logits = torch::tensor({0.f, 1.f}).reshape({1, 2, 1, 1}).expand({1, 2, 2, 2});
    const auto [hits, labelled] = labelledPixelHits(logits, mask({1, 0, 255, 255}, 2));
    QCOMPARE(hits, int64_t(1));
    QCOMPARE(labelled, int64_t(2));
}

QTEST_GUILESS_MAIN(TestSegmentationMetrics)
#include "tst_segmentation_metrics.moc"
