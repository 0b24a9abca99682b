// The zoo's registry: names, defaults and option checking.
#include "common/errors.h"
#include "models/zoo.h"

#include <QtTest>

using namespace tl;

class TestZoo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsEveryArchitectureByTorchvisionName();
    void defaultsPerArchitecture();
    void rejectsBadOptions_data();
    void rejectsBadOptions();
};

void TestZoo::listsEveryArchitectureByTorchvisionName()
{
    const QStringList expected{
        QStringLiteral("lenet5"),      QStringLiteral("alexnet"),     QStringLiteral("vgg11"),
        QStringLiteral("vgg11_bn"),    QStringLiteral("vgg13"),       QStringLiteral("vgg13_bn"),
        QStringLiteral("vgg16"),       QStringLiteral("vgg16_bn"),    QStringLiteral("vgg19"),
        QStringLiteral("vgg19_bn"),    QStringLiteral("googlenet"),   QStringLiteral("resnet18"),
        QStringLiteral("resnet34"),    QStringLiteral("resnet50"),    QStringLiteral("resnet101"),
        QStringLiteral("resnet152"),   QStringLiteral("densenet121"), QStringLiteral("densenet161"),
        QStringLiteral("densenet169"), QStringLiteral("densenet201"), QStringLiteral("unet"),
        QStringLiteral("mobilenet_v2")};
    QStringList names;
    for (const ZooEntry& e : zoo()) {
        names << QString::fromStdString(e.name);
        QCOMPARE(buildArch(e.name).arch, e.name);
    }
    QCOMPARE(names, expected);
}

void TestZoo::defaultsPerArchitecture()
{
    QCOMPARE(buildArch("lenet5").inChannels, int64_t{1});
    QCOMPARE(buildArch("lenet5").numClasses, int64_t{10});
    QCOMPARE(buildArch("resnet18").numClasses, int64_t{1000});
    QCOMPARE(buildArch("unet").numClasses, int64_t{2});
    QCOMPARE(findArch("unet")->defaultInputH, int64_t{256});
    QVERIFY(!findArch("unet")->torchvision);
    QVERIFY(findArch("densenet201")->torchvision);
    QCOMPARE(findArch("nonexistent"), nullptr);
}

void TestZoo::rejectsBadOptions_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("channels");
    QTest::newRow("unknown name") << "resnet19" << 10 << 3;
    QTest::newRow("zero classes") << "resnet18" << -1 << 3;
    QTest::newRow("two channels") << "resnet18" << 10 << 2;
    QTest::newRow("four channels") << "vgg11" << 10 << 4;
}

void TestZoo::rejectsBadOptions()
{
    QFETCH(QString, arch);
    QFETCH(int, classes);
    QFETCH(int, channels);
    BuildOptions o;
    o.numClasses = classes;
    o.inChannels = channels;
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildArch(arch.toStdString(), o));
}

QTEST_APPLESS_MAIN(TestZoo)
#include "tst_zoo.moc"
