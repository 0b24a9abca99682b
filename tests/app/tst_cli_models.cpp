// The `models` and `inspect` commands, and the command line's handling of bad input, run as a
// user runs them: the built executable, headless.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "cli_runner.h"

using tl::test::CliResult;
using tl::test::runTransferLab;

class TestCliModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelsListsTheZoo();
    void modelsTable();
    void inspectJson();
    void inspectOptions();
    void inspectTable();
    void versionAndHelp();
    void badInput_data();
    void badInput();
};

void TestCliModels::modelsListsTheZoo()
{
    const CliResult r = runTransferLab({QStringLiteral("models"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 22);
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue& v : list)
        byName.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
    for (const char* name : {"lenet5", "alexnet", "vgg11", "vgg19_bn", "googlenet", "resnet18", "resnet152",
                             "densenet121", "densenet201", "unet", "mobilenet_v2"})
        QVERIFY2(byName.contains(QString::fromLatin1(name)), name);
    const QJsonObject resnet = byName.value(QStringLiteral("resnet50"));
    QCOMPARE(resnet.value(QStringLiteral("family")).toString(), QStringLiteral("resnet"));
    QCOMPARE(resnet.value(QStringLiteral("params")).toInteger(), 25557032);
    QCOMPARE(resnet.value(QStringLiteral("input_size")).toArray(), (QJsonArray{224, 224}));
    QCOMPARE(byName.value(QStringLiteral("lenet5")).value(QStringLiteral("input_size")).toArray(), (QJsonArray{32, 32}));
}

void TestCliModels::modelsTable()
{
    const CliResult r = runTransferLab({QStringLiteral("models")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("densenet169")));
    QVERIFY(text.contains(QStringLiteral("11689512")) || text.contains(QStringLiteral("11,689,512")));
    QCOMPARE(text.count(QLatin1Char('\n')), 23);  // header + one line each
}

void TestCliModels::inspectJson()
{
    const CliResult r = runTransferLab(
        {QStringLiteral("inspect"), QStringLiteral("--arch"), QStringLiteral("resnet18"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j.value(QStringLiteral("arch")).toString(), QStringLiteral("resnet18"));
    QCOMPARE(j.value(QStringLiteral("input_shape")).toArray(), (QJsonArray{1, 3, 224, 224}));
    QCOMPARE(j.value(QStringLiteral("total_params")).toInteger(), 11689512);
    QCOMPARE(j.value(QStringLiteral("trainable_params")).toInteger(), 11689512);
    const QJsonArray nodes = j.value(QStringLiteral("nodes")).toArray();
    QJsonObject fc;
    for (const QJsonValue& v : nodes)
        if (v.toObject().value(QStringLiteral("id")).toString() == QLatin1String("fc"))
            fc = v.toObject();
    QCOMPARE(fc.value(QStringLiteral("kind")).toString(), QStringLiteral("linear"));
    QCOMPARE(fc.value(QStringLiteral("output_shape")).toArray(), (QJsonArray{1, 1000}));
    QCOMPARE(fc.value(QStringLiteral("params")).toInteger(), 513000);
    QCOMPARE(fc.value(QStringLiteral("inputs")).toArray(), (QJsonArray{QStringLiteral("flatten")}));
    QCOMPARE(fc.value(QStringLiteral("group")).toString(), QStringLiteral("head"));
    int residual = 0;
    int projection = 0;
    for (const QJsonValue& v : j.value(QStringLiteral("edges")).toArray()) {
        const QString kind = v.toObject().value(QStringLiteral("kind")).toString();
        residual += kind.startsWith(QLatin1String("residual_"));
        projection += kind == QLatin1String("residual_projection");
    }
    QCOMPARE(residual, 8);
    QCOMPARE(projection, 3);
    const QJsonArray params = j.value(QStringLiteral("parameters")).toArray();
    QCOMPARE(params.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("conv1.weight"));
    QCOMPARE(params.first().toObject().value(QStringLiteral("shape")).toArray(), (QJsonArray{64, 3, 7, 7}));
    QVERIFY(params.first().toObject().value(QStringLiteral("trainable")).toBool());
    QCOMPARE(j.value(QStringLiteral("buffers")).toArray().size(), 60);
}

void TestCliModels::inspectOptions()
{
    const CliResult r = runTransferLab({QStringLiteral("inspect"), QStringLiteral("--arch"), QStringLiteral("densenet121"),
                                     QStringLiteral("--classes"), QStringLiteral("7"), QStringLiteral("--in-channels"),
                                     QStringLiteral("1"), QStringLiteral("--input-size"), QStringLiteral("96x128"),
                                     QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j.value(QStringLiteral("input_shape")).toArray(), (QJsonArray{1, 1, 96, 128}));
    QCOMPARE(j.value(QStringLiteral("output_shape")).toArray(), (QJsonArray{1, 7}));
    const QJsonObject first = j.value(QStringLiteral("parameters")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("features.conv0.weight"));
    QCOMPARE(first.value(QStringLiteral("shape")).toArray(), (QJsonArray{64, 1, 7, 7}));
}

void TestCliModels::inspectTable()
{
    const CliResult r = runTransferLab({QStringLiteral("inspect"), QStringLiteral("--arch"), QStringLiteral("unet"),
                                     QStringLiteral("--input-size"), QStringLiteral("128")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("up1.concat")));
    QVERIFY(text.contains(QStringLiteral("[1, 2, 128, 128]")));
    QVERIFY(text.contains(QStringLiteral("Total params")));
}

void TestCliModels::versionAndHelp()
{
    const CliResult version = runTransferLab({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("transferlab "));
    const CliResult help = runTransferLab({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("inspect"));
    for (const char* command : {"models", "inspect"}) {
        const CliResult r = runTransferLab({QString::fromLatin1(command), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("--json"), command);
    }
}

void TestCliModels::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    const QString inspect = QStringLiteral("inspect");
    const QString arch = QStringLiteral("--arch");
    QTest::newRow("unknown arch") << QStringList{inspect, arch, QStringLiteral("resnet19")} << 2 << "resnet19";
    QTest::newRow("no arch") << QStringList{inspect} << 2 << "--arch";
    QTest::newRow("zero classes") << QStringList{inspect, arch, QStringLiteral("resnet18"), QStringLiteral("--classes"), QStringLiteral("0")}
                                  << 2 << "--classes";
    QTest::newRow("classes not a number") << QStringList{inspect, arch, QStringLiteral("resnet18"), QStringLiteral("--classes"),
                                                         QStringLiteral("ten")}
                                          << 2 << "ten";
    QTest::newRow("two channels") << QStringList{inspect, arch, QStringLiteral("vgg11"), QStringLiteral("--in-channels"), QStringLiteral("2")}
                                  << 2 << "--in-channels";
    QTest::newRow("size not a number") << QStringList{inspect, arch, QStringLiteral("vgg11"), QStringLiteral("--input-size"),
                                                      QStringLiteral("big")}
                                       << 2 << "--input-size";
    QTest::newRow("too small for pooling") << QStringList{inspect, arch, QStringLiteral("vgg16"), QStringLiteral("--input-size"),
                                                          QStringLiteral("16"), QStringLiteral("--json")}
                                           << 1 << "too small";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << "frobnicate";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("models"), QStringLiteral("--bogus")} << 2 << "bogus";
}

void TestCliModels::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const CliResult r = runTransferLab(args);
    const QString problem = tl::test::oneLineErrorProblem(r, exitCode, mentions);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliModels)
#include "tst_cli_models.moc"
