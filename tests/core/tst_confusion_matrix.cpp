// Confusion matrix and the per-class scores shown in the results and the report.
#include "common/errors.h"
#include "train/confusion_matrix.h"

#include <QtTest>

using namespace tl;

class TestConfusionMatrix : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scores();
    void emptyAndErrors();
};

void TestConfusionMatrix::scores()
{
    ConfusionMatrix m(3);
    // class 0: 3 right, 1 taken for class 1; class 1: 2 right; class 2: 1 right, 1 taken for 0.
    for (auto [t, p] : std::vector<std::pair<int, int>>{{0, 0}, {0, 0}, {0, 0}, {0, 1}, {1, 1}, {1, 1}, {2, 2}, {2, 0}})
        m.add(t, p);
    QCOMPARE(m.total(), 8);
    QCOMPARE(m.count(0, 1), 1);
    QCOMPARE(m.accuracy(), 6.0 / 8.0);
    const ClassScores c0 = m.scores(0);
    QCOMPARE(c0.precision, 3.0 / 4.0);
    QCOMPARE(c0.recall, 3.0 / 4.0);
    QCOMPARE(c0.support, 4);
    const ClassScores c1 = m.scores(1);
    QCOMPARE(c1.precision, 2.0 / 3.0);
    QCOMPARE(c1.recall, 1.0);
    QCOMPARE(c1.f1, 0.8);
    ConfusionMatrix other(3);
    other.add(2, 2);
    m.merge(other);
    QCOMPARE(m.scores(2).recall, 2.0 / 3.0);
}

void TestConfusionMatrix::emptyAndErrors()
{
    ConfusionMatrix m(2);
    QCOMPARE(m.accuracy(), 0.0);
    QCOMPARE(m.scores(1).f1, 0.0);
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, m.add(2, 0));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, m.add(0, -1));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, m.merge(ConfusionMatrix(3)));
}

QTEST_APPLESS_MAIN(TestConfusionMatrix)
#include "tst_confusion_matrix.moc"
