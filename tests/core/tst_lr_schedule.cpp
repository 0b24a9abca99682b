// Learning-rate schedules: the shapes users expect, and PyTorch's own curves where it has them.
#include "python_reference.h"
#include "train/lr_schedule.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace tl;

class TestLrSchedule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void constantWithWarmup();
    void stepDecay();
    void cosineEndsAtMinimum();
    void matchesPyTorch();
    void parsesNames();
};

void TestLrSchedule::constantWithWarmup()
{
    ScheduleConfig c;
    c.kind = ScheduleKind::Constant;
    c.warmupEpochs = 1;
    const LrSchedule s(c, 0.1, 10, 5);
    QCOMPARE(s.at(0), 0.01);
    QCOMPARE(s.at(4), 0.05);
    QCOMPARE(s.at(9), 0.1);
    QCOMPARE(s.at(30), 0.1);
}

void TestLrSchedule::stepDecay()
{
    ScheduleConfig c;
    c.kind = ScheduleKind::Step;
    c.stepEpochs = 2;
    c.gamma = 0.5;
    const LrSchedule s(c, 0.4, 10, 6);
    QCOMPARE(s.at(0), 0.4);
    QCOMPARE(s.at(19), 0.4);
    QCOMPARE(s.at(20), 0.2);
    QCOMPARE(s.at(45), 0.1);
}

void TestLrSchedule::cosineEndsAtMinimum()
{
    ScheduleConfig c;
    c.kind = ScheduleKind::Cosine;
    c.minFactor = 0.1;
    c.warmupEpochs = 1;
    const LrSchedule s(c, 1.0, 100, 10);
    QVERIFY(s.at(0) < 0.02);           // warming up
    QCOMPARE(s.at(100), 1.0);          // top after warm-up
    QVERIFY(s.at(550) < s.at(200));    // decaying
    QVERIFY(qAbs(s.at(999) - 0.1) < 1e-3);
}

void TestLrSchedule::matchesPyTorch()
{
    QString error;
    const QJsonDocument doc = test::runReference(QStringLiteral("lr_schedules.py"), {QStringLiteral("0.1"), QStringLiteral("50")}, error);
    QVERIFY2(doc.isObject(), qPrintable(error));
    ScheduleConfig oneCycle;
    oneCycle.kind = ScheduleKind::OneCycle;
    const LrSchedule ours(oneCycle, 0.1, 10, 5);
    const QJsonArray theirs = doc.object().value(QStringLiteral("one_cycle")).toArray();
    QCOMPARE(theirs.size(), 50);
    for (int i = 0; i < 50; ++i)
        QVERIFY2(qAbs(ours.at(i) - theirs[i].toDouble()) < 1e-9, qPrintable(QString::number(i)));

    ScheduleConfig cosine;
    cosine.kind = ScheduleKind::Cosine;
    const LrSchedule oursCosine(cosine, 0.1, 10, 5);
    const QJsonArray theirsCosine = doc.object().value(QStringLiteral("cosine")).toArray();
    for (int i = 0; i < 50; ++i)
        QVERIFY2(qAbs(oursCosine.at(i) - theirsCosine[i].toDouble()) < 1e-9, qPrintable(QString::number(i)));
}

void TestLrSchedule::parsesNames()
{
    ScheduleKind k = ScheduleKind::Constant;
    QVERIFY(parseScheduleKind("one_cycle", k));
    QCOMPARE(k, ScheduleKind::OneCycle);
    QVERIFY(parseScheduleKind("step", k));
    QCOMPARE(k, ScheduleKind::Step);
    QVERIFY(!parseScheduleKind("exponential-ish", k));
    QCOMPARE(QString::fromLatin1(toString(ScheduleKind::Cosine)), QStringLiteral("cosine"));
}

QTEST_APPLESS_MAIN(TestLrSchedule)
#include "tst_lr_schedule.moc"
