// Exporting a report from the window: the child `transferlab report` writes both files without
// blocking the event loop, and a folder that is no run comes back as a message naming it.
#include "report_exporter.h"
#include "run_fixtures.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace tl;

class TestReportExporter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesBothFilesWhileTheWindowKeepsRunning();
    void folderThatIsNoRunIsReported();
    void oneReportAtATime();

private:
    QString makeRun(const QTemporaryDir& dir) const;
};

QString TestReportExporter::makeRun(const QTemporaryDir& dir) const
{
    const QString run = dir.filePath(QStringLiteral("2026-11-27_10-00-00_보고서"));
    QDir().mkpath(run);
    test::writeFile(run + QStringLiteral("/experiment.json"), test::experimentJson(QStringLiteral("lenet5"), dir.path()));
    test::writeFile(run + QStringLiteral("/summary.json"), test::summaryJson(QStringLiteral("finished"), 0.75, 3));
    test::writeFile(run + QStringLiteral("/epochs.csv"), test::epochsCsv(3, 0.5));
    return run;
}

void TestReportExporter::writesBothFilesWhileTheWindowKeepsRunning()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString run = makeRun(dir);
    ReportExporter exporter(QStringLiteral(TRANSFERLAB_EXECUTABLE));
    QSignalSpy done(&exporter, &ReportExporter::finished);
    // The event loop keeps ticking while the child draws the report.
    int ticks = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
    tick.start(20);
    const QString html = dir.filePath(QStringLiteral("out/보고서.html"));
    QDir().mkpath(dir.filePath(QStringLiteral("out")));
    QVERIFY(exporter.start(run, html, dir.filePath(QStringLiteral("out/보고서.pdf"))));
    QVERIFY(exporter.isBusy());
    QVERIFY(done.wait(120000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QVERIFY(done.first().at(1).toString().contains(html));
    QVERIFY(QFileInfo(html).size() > 1000);
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("out/보고서.pdf"))).size() > 1000);
    QVERIFY(ticks > 5);
    QVERIFY(!exporter.isBusy());
}

void TestReportExporter::folderThatIsNoRunIsReported()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ReportExporter exporter(QStringLiteral(TRANSFERLAB_EXECUTABLE));
    QSignalSpy done(&exporter, &ReportExporter::finished);
    const QString notARun = dir.filePath(QStringLiteral("empty"));
    QDir().mkpath(notARun);
    QVERIFY(exporter.start(notARun, dir.filePath(QStringLiteral("r.html")), dir.filePath(QStringLiteral("r.pdf"))));
    QVERIFY(done.wait(60000));
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("empty")), qPrintable(done.first().at(1).toString()));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("r.html"))));

    ReportExporter missing(dir.filePath(QStringLiteral("no-such-program")));
    QSignalSpy failed(&missing, &ReportExporter::finished);
    QVERIFY(missing.start(notARun, dir.filePath(QStringLiteral("r.html")), dir.filePath(QStringLiteral("r.pdf"))));
    QVERIFY(failed.wait(10000));
    QVERIFY(!failed.first().at(0).toBool());
    QVERIFY(!missing.isBusy());
}

void TestReportExporter::oneReportAtATime()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString run = makeRun(dir);
    ReportExporter exporter(QStringLiteral(TRANSFERLAB_EXECUTABLE));
    QSignalSpy done(&exporter, &ReportExporter::finished);
    QVERIFY(exporter.start(run, dir.filePath(QStringLiteral("a.html")), dir.filePath(QStringLiteral("a.pdf"))));
    QVERIFY(!exporter.start(run, dir.filePath(QStringLiteral("b.html")), dir.filePath(QStringLiteral("b.pdf"))));
    QVERIFY(done.wait(120000));
    QCOMPARE(done.size(), 1);
}

QTEST_GUILESS_MAIN(TestReportExporter)
#include "tst_report_exporter.moc"
