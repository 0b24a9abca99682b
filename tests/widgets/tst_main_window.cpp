// The main window lists the zoo and shows the chosen architecture.
#include "architecture_tree.h"
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

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
