// `lr-find` as a user runs it: an experiment file in, a loss curve and a suggested learning rate
// out (table, JSON, CSV), and one-line errors with the usual exit codes.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_runner.h"

#include <cmath>

using tl::test::CliResult;
using tl::test::runTransferLab;

class TestCliLrFind : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sweepsAndSuggests();
    void printsATable();
    void badInput_data();
    void badInput();

private:
    void writeFile(const QString& name, const QByteArray& bytes);
    QString exp() const { return m_dir.filePath(QStringLiteral("exp.json")); }
    QTemporaryDir m_dir;
};

void TestCliLrFind::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const CliResult demo = runTransferLab({QStringLiteral("demo-data"), m_dir.filePath(QStringLiteral("데모")),
                                           QStringLiteral("--size"), QStringLiteral("32"), QStringLiteral("--source-per-class"),
                                           QStringLiteral("8"), QStringLiteral("--val-per-class"), QStringLiteral("2"),
                                           QStringLiteral("--segmentation"), QStringLiteral("0")});
    QCOMPARE(demo.exitCode, 0);
    writeFile(QStringLiteral("exp.json"), R"({
        "format": "transferlab-experiment/1",
        "model": {"arch": "lenet5", "in_channels": 1},
        "data": {"train": "데모/source", "image_size": 32, "augment": {"random_resized_crop": false}},
        "optim": {"name": "adam"},
        "train": {"batch_size": 8, "threads": 1}
    })");
    writeFile(QStringLiteral("typo.json"), R"({"format": "transferlab-experiment/1", "optim": {"lrr": 1}})");
}

void TestCliLrFind::writeFile(const QString& name, const QByteArray& bytes)
{
    QFile f(m_dir.filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

void TestCliLrFind::sweepsAndSuggests()
{
    const QString csv = m_dir.filePath(QStringLiteral("곡선.csv"));
    const CliResult r = runTransferLab({QStringLiteral("lr-find"), QStringLiteral("--config"), exp(), QStringLiteral("--start"),
                                        QStringLiteral("1e-5"), QStringLiteral("--end"), QStringLiteral("10"), QStringLiteral("--steps"),
                                        QStringLiteral("40"), QStringLiteral("--json"), QStringLiteral("--out"), csv});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(r.out).object();
    const double suggested = result.value(QStringLiteral("suggested_lr")).toDouble();
    QVERIFY2(suggested >= 1e-5 && suggested <= 10, r.out.constData());
    const QJsonArray points = result.value(QStringLiteral("points")).toArray();
    QVERIFY(points.size() >= 5 && points.size() <= 40);
    QCOMPARE(points.first().toObject().value(QStringLiteral("lr")).toDouble(), 1e-5);
    for (int i = 1; i < points.size(); ++i)
        QVERIFY(points[i].toObject().value(QStringLiteral("lr")).toDouble()
                > points[i - 1].toObject().value(QStringLiteral("lr")).toDouble());
    // The CSV holds the same curve.
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("lr,loss,smoothed"));
    QCOMPARE(lines.size(), points.size() + 1);
    const QList<QByteArray> last = lines.last().split(',');
    QCOMPARE(last.size(), 3);
    const double smoothed = points.last().toObject().value(QStringLiteral("smoothed")).toDouble();
    QVERIFY(std::abs(last.at(2).toDouble() - smoothed) <= 1e-8 * std::abs(smoothed));
    // Nothing is left behind next to the experiment: no run folder.
    QVERIFY(!QDir(m_dir.filePath(QStringLiteral("runs"))).exists());
}

void TestCliLrFind::printsATable()
{
    const CliResult r = runTransferLab({QStringLiteral("lr-find"), QStringLiteral("--config"), exp(), QStringLiteral("--steps"),
                                        QStringLiteral("12"), QStringLiteral("--set"), QStringLiteral("optim.name=sgd")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.startsWith("lr "));
    QVERIFY(r.out.contains("smoothed"));
    QVERIFY(r.out.contains("suggested learning rate: "));
    QVERIFY(r.out.split('\n').size() >= 12);
}

void TestCliLrFind::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    const QString lrFind = QStringLiteral("lr-find");
    const QString config = QStringLiteral("--config");
    QTest::newRow("no config") << QStringList{lrFind} << 2 << "--config";
    QTest::newRow("start not a number") << QStringList{lrFind, config, exp(), QStringLiteral("--start"), QStringLiteral("abc")}
                                        << 2 << "--start";
    QTest::newRow("end below start") << QStringList{lrFind, config, exp(), QStringLiteral("--start"), QStringLiteral("1"),
                                                    QStringLiteral("--end"), QStringLiteral("0.1")}
                                     << 2 << "0 < start < end";
    QTest::newRow("one step") << QStringList{lrFind, config, exp(), QStringLiteral("--steps"), QStringLiteral("1")} << 2
                              << "steps";
    QTest::newRow("missing file") << QStringList{lrFind, config, m_dir.filePath(QStringLiteral("nope.json"))} << 1
                                  << "nope.json";
    QTest::newRow("unknown key") << QStringList{lrFind, config, m_dir.filePath(QStringLiteral("typo.json"))} << 1
                                 << "/optim/lrr: unknown key";
    QTest::newRow("bad override") << QStringList{lrFind, config, exp(), QStringLiteral("--set"), QStringLiteral("optim.lr=-1")}
                                  << 1 << "/optim/lr";
    QTest::newRow("unwritable curve") << QStringList{lrFind, config, exp(), QStringLiteral("--steps"), QStringLiteral("3"),
                                                     QStringLiteral("--out"), m_dir.filePath(QStringLiteral("없음/curve.csv"))}
                                      << 1 << "curve.csv";
}

void TestCliLrFind::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const CliResult r = runTransferLab(args);
    const QString problem = tl::test::oneLineErrorProblem(r, exitCode, mentions);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestCliLrFind)
#include "tst_cli_lr_find.moc"
