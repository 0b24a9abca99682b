// The run folder: atomic whole-file writes, CSV appends and truncation, and file copies that
// stay what they were when the original is replaced afterwards (the best checkpoint).
#include "common/errors.h"
#include "train/run_folder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace tl;

class TestRunFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesSortByTime();
    void copyKeepsItsContentWhenTheOriginalIsReplaced();
    void copyOfAMissingFileNamesTheTarget();
    void truncateKeepsLinesUpToTheStep();
};

void TestRunFolder::namesSortByTime()
{
    QTemporaryDir dir;
    const RunFolder a = RunFolder::create(dir.path().toStdString(), "실험 one");
    const RunFolder b = RunFolder::create(dir.path().toStdString(), "실험 one");
    QVERIFY(a.path() != b.path());
    QVERIFY(a.path().filename().string() < b.path().filename().string());
    QVERIFY(std::filesystem::is_directory(b.path()));
}

void TestRunFolder::copyKeepsItsContentWhenTheOriginalIsReplaced()
{
    QTemporaryDir dir;
    const RunFolder run = RunFolder::create(dir.path().toStdString(), "copy");
    run.writeText("checkpoint_last.pt", "epoch 1");
    run.copyFile("checkpoint_last.pt", "checkpoint_best.pt");
    QCOMPARE(run.readText("checkpoint_best.pt"), std::string("epoch 1"));
    run.writeText("checkpoint_last.pt", "epoch 2");
    QCOMPARE(run.readText("checkpoint_last.pt"), std::string("epoch 2"));
    QCOMPARE(run.readText("checkpoint_best.pt"), std::string("epoch 1"));
    // A second copy replaces the first.
    run.copyFile("checkpoint_last.pt", "checkpoint_best.pt");
    QCOMPARE(run.readText("checkpoint_best.pt"), std::string("epoch 2"));
    QVERIFY(!std::filesystem::exists(run.file("checkpoint_best.pt.partial")));
}

void TestRunFolder::copyOfAMissingFileNamesTheTarget()
{
    QTemporaryDir dir;
    const RunFolder run = RunFolder::create(dir.path().toStdString(), "missing");
    run.writeText("checkpoint_best.pt", "old");
    try {
        run.copyFile("checkpoint_last.pt", "checkpoint_best.pt");
        QFAIL("no error");
    } catch (const Error& e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("checkpoint_best.pt")), e.what());
    }
    QCOMPARE(run.readText("checkpoint_best.pt"), std::string("old"));
    QVERIFY(!std::filesystem::exists(run.file("checkpoint_best.pt.partial")));
}

void TestRunFolder::truncateKeepsLinesUpToTheStep()
{
    QTemporaryDir dir;
    const RunFolder run = RunFolder::create(dir.path().toStdString(), "csv");
    for (int step = 1; step <= 5; ++step)
        run.appendLine("metrics.csv", std::to_string(step) + ",0.5", "step,loss");
    run.truncateAfter("metrics.csv", 3);
    QCOMPARE(run.readText("metrics.csv"), std::string("step,loss\n1,0.5\n2,0.5\n3,0.5\n"));
}

QTEST_GUILESS_MAIN(TestRunFolder)
#include "tst_run_folder.moc"
