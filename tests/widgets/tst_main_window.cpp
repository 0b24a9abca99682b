// The main window lists the zoo and shows the chosen architecture.
#include "architecture_tree.h"
#include "diagram/architecture_diagram.h"
#include "main_window.h"

#include <QListWidget>
#include <QStatusBar>
#include <QLabel>
#include <QtTest>

using namespace tl;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsTheZooAndShowsTheChoice();
    void unknownArchitectureIsRefused();
    void paintingFreezeUpdatesTheCount();
};

void TestMainWindow::listsTheZooAndShowsTheChoice()
{
    MainWindow w;
    auto* list = w.findChild<QListWidget*>(QStringLiteral("zooList"));
    auto* tree = w.findChild<ArchitectureTree*>(QStringLiteral("architectureTree"));
    QVERIFY(list && tree);
    QCOMPARE(list->count(), 22);
    // Choosing an entry in the list shows that network.
    for (int row = 0; row < list->count(); ++row)
        if (list->item(row)->data(Qt::UserRole).toString() == QLatin1String("googlenet"))
            list->setCurrentRow(row);
    QVERIFY(tree->itemFor(QStringLiteral("inception3a.branch4")));
    QVERIFY(w.showArchitecture(QStringLiteral("mobilenet_v2")));
    QVERIFY(tree->itemFor(QStringLiteral("features.17.conv.3")));
    QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("mobilenet_v2"));
}

void TestMainWindow::unknownArchitectureIsRefused()
{
    MainWindow w;
    QVERIFY(!w.showArchitecture(QStringLiteral("resnet19")));
}

void TestMainWindow::paintingFreezeUpdatesTheCount()
{
    MainWindow w;
    QVERIFY(w.showArchitecture(QStringLiteral("resnet18")));
    auto* diagram = w.findChild<ArchitectureDiagram*>(QStringLiteral("architectureDiagram"));
    auto* status = w.findChild<QStatusBar*>();
    QVERIFY(diagram && status);
    auto* label = status->findChild<QLabel*>();
    QVERIFY(label->text().contains(QLocale().toString(11689512)));
    Q_EMIT diagram->freezeToggled({QStringLiteral("conv1"), QStringLiteral("bn1")}, true);
    QCOMPARE(w.frozenLayers().size(), 2);
    QCOMPARE(diagram->frozen().size(), 2);
    // conv1 (9,408) and bn1 (128) no longer train.
    QVERIFY2(label->text().contains(QLocale().toString(11689512 - 9408 - 128)), qPrintable(label->text()));
    Q_EMIT diagram->freezeToggled({QStringLiteral("bn1")}, false);
    QCOMPARE(w.frozenLayers(), QSet<QString>{QStringLiteral("conv1")});
    // Another network starts with nothing frozen.
    QVERIFY(w.showArchitecture(QStringLiteral("vgg11")));
    QVERIFY(w.frozenLayers().isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
