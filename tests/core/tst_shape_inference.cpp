// Shape inference: known shapes of the zoo and clear errors for inputs a network cannot take.
#include "common/errors.h"
#include "graph/shape_inference.h"
#include "models/zoo.h"

#include <QtTest>

using namespace tl;

class TestShapeInference : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownShapes_data();
    void knownShapes();
    void tooSmallInputNamesTheNode_data();
    void tooSmallInputNamesTheNode();
    void nonSquareInput();
};

void TestShapeInference::knownShapes_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("shape");
    QTest::newRow("resnet18 layer4") << "resnet18" << 224 << "layer4.1.relu_out" << "[1, 512, 7, 7]";
    QTest::newRow("resnet50 layer1") << "resnet50" << 224 << "layer1.0.add" << "[1, 256, 56, 56]";
    // Ceil-mode pooling as in torchvision's GoogLeNet: 112 -> 56 -> 28 -> 14 -> 7.
    QTest::newRow("googlenet maxpool1") << "googlenet" << 224 << "maxpool1" << "[1, 64, 56, 56]";
    QTest::newRow("googlenet 3b") << "googlenet" << 224 << "inception3b.concat" << "[1, 480, 28, 28]";
    QTest::newRow("googlenet 4e") << "googlenet" << 224 << "inception4e.concat" << "[1, 832, 14, 14]";
    QTest::newRow("googlenet 5b") << "googlenet" << 224 << "inception5b.concat" << "[1, 1024, 7, 7]";
    QTest::newRow("googlenet aux") << "googlenet" << 224 << "aux1.pool" << "[1, 512, 4, 4]";
    QTest::newRow("googlenet ceil") << "googlenet" << 115 << "maxpool1" << "[1, 64, 29, 29]";
    QTest::newRow("densenet121 block4") << "densenet121" << 224 << "features.norm5" << "[1, 1024, 7, 7]";
    QTest::newRow("densenet161 block1") << "densenet161" << 224 << "features.denseblock1.denselayer6.concat"
                                        << "[1, 384, 56, 56]";
    QTest::newRow("alexnet features") << "alexnet" << 224 << "features.12" << "[1, 256, 6, 6]";
    QTest::newRow("vgg16 features") << "vgg16" << 224 << "features.30" << "[1, 512, 7, 7]";
    QTest::newRow("vgg16 adaptive") << "vgg16" << 64 << "avgpool" << "[1, 512, 7, 7]";
    QTest::newRow("mobilenet_v2 last") << "mobilenet_v2" << 224 << "features.18.2" << "[1, 1280, 7, 7]";
    QTest::newRow("unet same size") << "unet" << 256 << "head.conv" << "[1, 2, 256, 256]";
    QTest::newRow("unet bottleneck") << "unet" << 256 << "bottleneck.relu2" << "[1, 1024, 16, 16]";
    QTest::newRow("lenet5 c5") << "lenet5" << 32 << "features.c5" << "[1, 120, 1, 1]";
}

void TestShapeInference::knownShapes()
{
    QFETCH(QString, arch);
    QFETCH(int, size);
    QFETCH(QString, node);
    QFETCH(QString, shape);
    const ArchSpec spec = buildArch(arch.toStdString());
    const std::vector<Shape> shapes = inferShapes(spec, size, size);
    QCOMPARE(shapes.size(), spec.nodes.size());
    const int index = spec.indexOf(node.toStdString());
    QVERIFY2(index >= 0, qPrintable(node));
    QCOMPARE(QString::fromStdString(shapeToString(shapes[index])), shape);
}

void TestShapeInference::tooSmallInputNamesTheNode_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("vgg16 at 16") << "vgg16" << 16 << "features.30";
    QTest::newRow("alexnet at 32") << "alexnet" << 32 << "features.12";
    QTest::newRow("lenet5 at 64") << "lenet5" << 64 << "classifier.f6";
    QTest::newRow("lenet5 at 8") << "lenet5" << 8 << "features.c3";
    QTest::newRow("unet at 250") << "unet" << 250 << "concat";
    QTest::newRow("zero") << "resnet18" << 0 << "not positive";
}

void TestShapeInference::tooSmallInputNamesTheNode()
{
    QFETCH(QString, arch);
    QFETCH(int, size);
    QFETCH(QString, mentions);
    const ArchSpec spec = buildArch(arch.toStdString());
    try {
        inferShapes(spec, size, size);
        QFAIL("an impossible input size was accepted");
    } catch (const ShapeError& e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY2(message.startsWith(arch), qPrintable(message));
        QVERIFY(!message.contains(QLatin1Char('\n')));
    }
}

void TestShapeInference::nonSquareInput()
{
    const ArchSpec spec = buildArch("resnet18");
    const std::vector<Shape> shapes = inferShapes(spec, 224, 160, 4);
    QCOMPARE(shapes[spec.indexOf("layer4.1.relu_out")], (Shape{4, 512, 7, 5}));
    QCOMPARE(shapes[spec.indexOf("fc")], (Shape{4, 1000}));
}

QTEST_APPLESS_MAIN(TestShapeInference)
#include "tst_shape_inference.moc"
