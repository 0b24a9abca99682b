// The `scan` and `demo-data` commands as a user runs them: the built executable, headless.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_runner.h"

using tl::test::CliResult;
using tl::test::runTransferLab;

class TestCliData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void demoDataThenScan();
    void scanReportsBadFiles();
    void badInput_data();
    void badInput();
};

void TestCliData::demoDataThenScan()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("데모 data"));
    CliResult r = runTransferLab({QStringLiteral("demo-data"), out, QStringLiteral("--source-per-class"), QStringLiteral("5"),
                               QStringLiteral("--target-per-class"), QStringLiteral("3"), QStringLiteral("--val-per-class"),
                               QStringLiteral("2"), QStringLiteral("--segmentation"), QStringLiteral("4")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("56 source"));
    QVERIFY(QFile::exists(out + QStringLiteral("/target/train/arrow/arrow_0000.png")));

    r = runTransferLab({QStringLiteral("scan"), out + QStringLiteral("/target"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("classification"));
    QCOMPARE(json.value(QStringLiteral("images")).toInt(), 25);
    QCOMPARE(json.value(QStringLiteral("classes")).toArray().size(), 5);
    QCOMPARE(json.value(QStringLiteral("classes")).toArray()[0].toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("arrow"));
    QCOMPARE(json.value(QStringLiteral("splits")).toObject().value(QStringLiteral("val")).toInt(), 10);
    QVERIFY(json.value(QStringLiteral("skipped")).toArray().isEmpty());

    r = runTransferLab({QStringLiteral("scan"), out + QStringLiteral("/segmentation")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("segmentation"));
}

void TestCliData::scanReportsBadFiles()
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("cat"));
    QDir(dir.path()).mkpath(QStringLiteral("dog"));
    QTemporaryDir demo;
    QCOMPARE(runTransferLab({QStringLiteral("demo-data"), demo.path(), QStringLiteral("--source-per-class"),
                             QStringLiteral("2"), QStringLiteral("--target-per-class"), QStringLiteral("1"),
                             QStringLiteral("--val-per-class"), QStringLiteral("1"), QStringLiteral("--segmentation"),
                             QStringLiteral("0")}).exitCode, 0);
    QFile::copy(demo.filePath(QStringLiteral("source/train/circle/circle_0000.png")), dir.filePath(QStringLiteral("cat/a.png")));
    QFile::copy(demo.filePath(QStringLiteral("source/train/star/star_0000.png")), dir.filePath(QStringLiteral("dog/b.png")));
    QFile text(dir.filePath(QStringLiteral("dog/c.jpg")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("hello");
    text.close();
    const CliResult r = runTransferLab({QStringLiteral("scan"), dir.path(), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    const QJsonArray skipped = json.value(QStringLiteral("skipped")).toArray();
    QCOMPARE(skipped.size(), 1);
    QVERIFY(skipped[0].toObject().value(QStringLiteral("path")).toString().endsWith(QStringLiteral("c.jpg")));
    QVERIFY(skipped[0].toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("not an image")));
    QCOMPARE(json.value(QStringLiteral("images")).toInt(), 2);

    const CliResult table = runTransferLab({QStringLiteral("scan"), dir.path()});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains("c.jpg: not an image"));
}

void TestCliData::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing folder") << QStringList{QStringLiteral("scan"), QStringLiteral("/nonexistent/데이터")} << 1
                                    << QStringLiteral("does not exist");
    QTest::newRow("no folder") << QStringList{QStringLiteral("scan")} << 2 << QStringLiteral("one dataset folder");
    QTest::newRow("bad threads") << QStringList{QStringLiteral("scan"), QStringLiteral("."), QStringLiteral("--threads"),
                                                QStringLiteral("x")}
                                 << 2 << QStringLiteral("--threads");
    QTest::newRow("demo size") << QStringList{QStringLiteral("demo-data"), QStringLiteral("/tmp/x"), QStringLiteral("--size"),
                                              QStringLiteral("3")}
                               << 2 << QStringLiteral("--size");
}

void TestCliData::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const CliResult r = runTransferLab(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliData)
#include "tst_cli_data.moc"
