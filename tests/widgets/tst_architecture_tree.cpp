// The architecture tree shows groups and layers of a spec with shapes and parameter counts.
#include "architecture_tree.h"
#include "models/zoo.h"

#include <QtTest>

using namespace tl;

class TestArchitectureTree : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsGroupsAndLayers();
    void groupRowsSumTheirParameters();
    void impossibleSizeIsExplained();
    void everyArchitectureShows_data();
    void everyArchitectureShows();
};

void TestArchitectureTree::showsGroupsAndLayers()
{
    ArchitectureTree tree;
    tree.setSpec(buildArch("resnet18"), 224, 224);
    QTreeWidgetItem* conv = tree.itemFor(QStringLiteral("layer1.0.conv1"));
    QVERIFY(conv);
    QCOMPARE(conv->parent(), tree.itemFor(QStringLiteral("layer1.0")));
    QCOMPARE(conv->parent()->parent(), tree.itemFor(QStringLiteral("layer1")));
    QCOMPARE(conv->text(ArchitectureTree::KindColumn), QStringLiteral("conv"));
    QCOMPARE(conv->text(ArchitectureTree::ShapeColumn), QStringLiteral("64 × 56 × 56"));
    QCOMPARE(QLocale().toLongLong(conv->text(ArchitectureTree::ParamsColumn)), 36864);
    // Rows follow the network's order, and a group shows what leaves it.
    QCOMPARE(tree.topLevelItem(0)->data(ArchitectureTree::NameColumn, Qt::UserRole).toString(), QStringLiteral("input"));
    QCOMPARE(tree.topLevelItem(1)->data(ArchitectureTree::NameColumn, Qt::UserRole).toString(), QStringLiteral("stem"));
    QCOMPARE(tree.itemFor(QStringLiteral("layer4"))->text(ArchitectureTree::ShapeColumn), QStringLiteral("512 × 7 × 7"));
}

void TestArchitectureTree::groupRowsSumTheirParameters()
{
    ArchitectureTree tree;
    tree.setSpec(buildArch("resnet18"), 224, 224);
    // layer1: two basic blocks of two 64->64 3x3 convolutions and two BatchNorms each.
    const qlonglong expected = 2 * (2 * 36864 + 2 * 128);
    QCOMPARE(QLocale().toLongLong(tree.itemFor(QStringLiteral("layer1"))->text(ArchitectureTree::ParamsColumn)),
             expected);
}

void TestArchitectureTree::impossibleSizeIsExplained()
{
    ArchitectureTree tree;
    tree.setSpec(buildArch("vgg16"), 16, 16);
    QVERIFY(tree.topLevelItem(0)->text(ArchitectureTree::NameColumn).contains(QStringLiteral("too small")));
    QVERIFY(tree.itemFor(QStringLiteral("features.0")));  // the structure is still shown
    QVERIFY(tree.itemFor(QStringLiteral("features.0"))->text(ArchitectureTree::ShapeColumn).isEmpty());
}

void TestArchitectureTree::everyArchitectureShows_data()
{
    QTest::addColumn<QString>("arch");
    for (const ZooEntry& e : zoo())
        QTest::newRow(e.name.c_str()) << QString::fromStdString(e.name);
}

void TestArchitectureTree::everyArchitectureShows()
{
    QFETCH(QString, arch);
    const ArchSpec spec = buildArch(arch.toStdString());
    ArchitectureTree tree;
    tree.setSpec(spec, spec.defaultInputH, spec.defaultInputW);
    for (const Node& n : spec.nodes)
        QVERIFY2(tree.itemFor(QString::fromStdString(n.id)), n.id.c_str());
    QVERIFY(!tree.itemFor(QString::fromStdString(spec.output))->text(ArchitectureTree::ShapeColumn).isEmpty());
}

QTEST_MAIN(TestArchitectureTree)
#include "tst_architecture_tree.moc"
