// The main window: the zoo by family, the network's diagram and freeze plan, the experiment
// file round trip, presets, validation, the saved layout and the first-start demo.
#include "isolated_home.h"
#include "architecture_tree.h"
#include "diagram/architecture_diagram.h"
#include "experiment_file.h"
#include "freeze_panel.h"
#include "hyperparameter_form.h"
#include "language.h"
#include "main_window.h"
#include "zoo_browser.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStatusBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace tl;

namespace {

QTemporaryDir* g_home = nullptr;

QString countText(const MainWindow& w)
{
    return w.findChild<QLabel*>(QStringLiteral("trainableCount"))->text();
}

QString locale(qlonglong n)
{
    return QLocale().toString(n);
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
public:
    /// Settings and application data go to a fresh folder, so every run is a first start.
    static void initMain()
    {
        g_home = test::isolateHome();
    }

private Q_SLOTS:
    void init() { QSettings().clear(); }
    void listsTheZooAndShowsTheChoice();
    void unknownArchitectureIsRefused();
    void paintingFreezeUpdatesTheCount();
    void presetsChangeTheTrainableCount();
    void newSaveOpenRoundTrip();
    void badFileIsReportedAndNothingLost();
    void invalidEntryIsShownAndBlocksTraining();
    void layoutIsRestored();
    void firstStartOpensTheDemo();
    void languageChoiceIsSaved();
    void everyDockIsUsableAtLaptopSize();
};

void TestMainWindow::listsTheZooAndShowsTheChoice()
{
    MainWindow w;
    auto* zoo = w.findChild<ZooBrowser*>(QStringLiteral("zooList"));
    auto* tree = w.findChild<ArchitectureTree*>(QStringLiteral("architectureTree"));
    QVERIFY(zoo && tree);
    QCOMPARE(zoo->variantCount(), 22);
    // Grouped by family, with parameter count and input size per variant.
    QTreeWidgetItem* resnet18 = zoo->itemFor(QStringLiteral("resnet18"));
    QCOMPARE(resnet18->parent()->text(ZooBrowser::NameColumn), QStringLiteral("ResNet"));
    QCOMPARE(resnet18->parent()->childCount(), 5);
    QCOMPARE(resnet18->text(ZooBrowser::ParamsColumn), QLocale().toString(11.7, 'f', 1) + QStringLiteral(" M"));
    QCOMPARE(resnet18->text(ZooBrowser::InputColumn), QStringLiteral("224×224"));
    QCOMPARE(zoo->itemFor(QStringLiteral("lenet5"))->text(ZooBrowser::InputColumn), QStringLiteral("32×32"));
    // Choosing an entry in the list shows that network.
    zoo->setCurrentItem(zoo->itemFor(QStringLiteral("googlenet")));
    QVERIFY(tree->itemFor(QStringLiteral("inception3a.branch4")));
    QCOMPARE(w.experiment().model.arch, std::string("googlenet"));
    QVERIFY(w.showArchitecture(QStringLiteral("mobilenet_v2")));
    QVERIFY(tree->itemFor(QStringLiteral("features.17.conv.3")));
    QCOMPARE(zoo->currentArchitecture(), QStringLiteral("mobilenet_v2"));
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
    QVERIFY(diagram);
    QVERIFY2(countText(w).contains(locale(11689512)), qPrintable(countText(w)));
    Q_EMIT diagram->freezeToggled({QStringLiteral("conv1"), QStringLiteral("bn1")}, true);
    QCOMPARE(w.frozenLayers().size(), 2);
    QCOMPARE(diagram->frozen().size(), 2);
    // conv1 (9,408) and bn1 (128) no longer train.
    QVERIFY2(countText(w).contains(locale(11689512 - 9408 - 128)), qPrintable(countText(w)));
    Q_EMIT diagram->freezeToggled({QStringLiteral("bn1")}, false);
    QCOMPARE(w.frozenLayers(), QSet<QString>{QStringLiteral("conv1")});
    QCOMPARE(w.experiment().freeze.frozen, std::vector<std::string>{"conv1"});
    // Another network starts with nothing frozen.
    QVERIFY(w.showArchitecture(QStringLiteral("vgg11")));
    QVERIFY(w.frozenLayers().isEmpty());
}

void TestMainWindow::presetsChangeTheTrainableCount()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.showArchitecture(QStringLiteral("resnet18")));
    auto* probe = w.findChild<QPushButton*>(QStringLiteral("presetLinearProbe"));
    auto* full = w.findChild<QPushButton*>(QStringLiteral("presetFullFineTune"));
    QVERIFY(probe && full);
    QTest::mouseClick(probe, Qt::LeftButton);
    // Only the 1000-class head trains: 512 x 1000 weights and 1000 biases.
    QVERIFY2(countText(w).contains(locale(513000) + QStringLiteral("</b> of ") + locale(11689512)), qPrintable(countText(w)));
    QCOMPARE(w.experiment().freeze.preset, FreezePreset::LinearProbe);
    QVERIFY(w.frozenLayers().contains(QStringLiteral("layer4.1.conv2")));
    QVERIFY(!w.frozenLayers().contains(QStringLiteral("fc")));
    QVERIFY(w.isWindowModified());
    QTest::mouseClick(full, Qt::LeftButton);
    QVERIFY(countText(w).contains(locale(11689512) + QStringLiteral("</b>")));
    QVERIFY(w.frozenLayers().isEmpty());
}

void TestMainWindow::newSaveOpenRoundTrip()
{
    QTemporaryDir dir;
    MainWindow w;
    QVERIFY(w.newExperiment());
    QVERIFY(w.showArchitecture(QStringLiteral("resnet34")));
    auto* lr = w.findChild<QLineEdit*>(QStringLiteral("learningRate"));
    auto* epochs = w.findChild<QSpinBox*>(QStringLiteral("epochs"));
    QVERIFY(lr && epochs);
    lr->clear();
    QTest::keyClicks(lr, QStringLiteral("5e-4"));
    epochs->setValue(7);
    w.findChild<QPushButton*>(QStringLiteral("presetLinearProbe"))->click();
    w.setDataFolder(dir.filePath(QStringLiteral("images")));
    const QString path = dir.filePath(QStringLiteral("실험.json"));
    QVERIFY(w.saveExperimentAs(path));
    QVERIFY(!w.isWindowModified());
    QVERIFY(w.windowTitle().contains(QStringLiteral("실험.json")));
    Experiment saved;
    QString error;
    QVERIFY2(readExperimentFile(path, saved, &error), qPrintable(error));
    QCOMPARE(saved.optim.lr, 5e-4);
    QCOMPARE(saved.train.epochs, 7);
    QCOMPARE(saved.model.arch, std::string("resnet34"));

    QVERIFY(w.newExperiment());
    QCOMPARE(w.experiment().optim.lr, Experiment{}.optim.lr);
    QCOMPARE(epochs->value(), Experiment{}.train.epochs);
    QVERIFY(w.experimentPath().isEmpty());

    QVERIFY(w.openExperiment(path));
    QCOMPARE(w.experiment().optim.lr, 5e-4);
    QCOMPARE(epochs->value(), 7);
    QCOMPARE(lr->text(), QStringLiteral("0.0005"));
    QCOMPARE(w.experiment().freeze.preset, FreezePreset::LinearProbe);
    QCOMPARE(w.experiment().model.arch, std::string("resnet34"));
    QCOMPARE(QString::fromStdString(w.experiment().data.train), dir.filePath(QStringLiteral("images")));
    QCOMPARE(RecentFiles::list().value(0), QFileInfo(path).absoluteFilePath());
}

void TestMainWindow::badFileIsReportedAndNothingLost()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("broken.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "transferlab-experiment/1", "optim": {"lr": "fast"}})");
    f.close();
    MainWindow w;
    QVERIFY(w.showArchitecture(QStringLiteral("alexnet")));
    QString shown;
    QTimer::singleShot(0, this, [&shown] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            shown = box->text();
            box->close();
        }
    });
    QVERIFY(!w.openExperiment(bad));
    QVERIFY2(shown.contains(QLatin1String("broken.json")) && shown.contains(QLatin1String("optim/lr")),
             qPrintable(shown));
    QCOMPARE(w.experiment().model.arch, std::string("alexnet"));
}

void TestMainWindow::invalidEntryIsShownAndBlocksTraining()
{
    MainWindow w;
    w.show();
    auto* form = w.findChild<HyperparameterForm*>(QStringLiteral("hyperparameterForm"));
    auto* message = w.findChild<QLabel*>(QStringLiteral("validationMessage"));
    auto* start = w.findChild<QAction*>(QStringLiteral("startTraining"));
    QVERIFY(form && message && start);
    QVERIFY(form->isValid());
    QVERIFY(start->isEnabled());
    auto* lr = w.findChild<QLineEdit*>(QStringLiteral("learningRate"));
    lr->setText(QStringLiteral("fast"));
    QVERIFY(!form->isValid());
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(QLatin1String("Learning rate")));
    QVERIFY(!start->isEnabled());
    lr->setText(QStringLiteral("0.1"));
    QVERIFY(start->isEnabled());
    // An image size the network cannot take is named with the network.
    QVERIFY(w.showArchitecture(QStringLiteral("lenet5")));
    w.findChild<QSpinBox*>(QStringLiteral("imageSize"))->setValue(8);
    QVERIFY2(message->text().contains(QLatin1String("LeNet-5")), qPrintable(message->text()));
    QVERIFY(!start->isEnabled());
}

void TestMainWindow::layoutIsRestored()
{
    {
        MainWindow w;
        w.show();
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("hyperparameterDock"));
        QVERIFY(dock && dock->isVisible());
        dock->hide();
        QVERIFY(w.close());
    }
    MainWindow again;
    again.show();
    QVERIFY(!again.findChild<QDockWidget*>(QStringLiteral("hyperparameterDock"))->isVisible());
    QVERIFY(again.findChild<QDockWidget*>(QStringLiteral("freezeDock"))->isVisible());
}

void TestMainWindow::firstStartOpensTheDemo()
{
    MainWindow w;
    w.openStartupExperiment();
    const QString path = w.experimentPath();
    QVERIFY2(path.startsWith(MainWindow::demoFolder()), qPrintable(path));
    QVERIFY(QFileInfo::exists(MainWindow::demoFolder() + QStringLiteral("/source/train")));
    QVERIFY(w.findChild<QAction*>(QStringLiteral("startTraining"))->isEnabled());
    QVERIFY(!w.experiment().data.train.empty());
    QVERIFY(!w.frozenLayers().size());
    QCOMPARE(w.findChild<ZooBrowser*>(QStringLiteral("zooList"))->currentArchitecture(),
             QString::fromStdString(w.experiment().model.arch));
    // Once the demo data is scanned the head has one output per class (8), not ImageNet's 1000:
    // ResNet-18's 11,689,512 parameters less 1000×513 plus 8×513.
    QTRY_VERIFY_WITH_TIMEOUT(countText(w).contains(locale(11180616)), 30000);
    // Later starts open the last file instead of writing the demo again.
    MainWindow second;
    second.openStartupExperiment();
    QCOMPARE(second.experimentPath(), path);
}

void TestMainWindow::languageChoiceIsSaved()
{
    MainWindow w;
    auto* menu = w.findChild<QMenu*>(QStringLiteral("languageMenu"));
    QVERIFY(menu);
    QStringList labels;
    for (QAction* a : menu->actions())
        if (!a->isSeparator())
            labels << a->text();
    QCOMPARE(labels.size(), 3);  // system default, English, Korean
    QVERIFY(labels.contains(QStringLiteral("한국어")));
    QVERIFY(menu->actions().first()->isChecked());  // nothing chosen yet: the system's language
    for (QAction* a : menu->actions())
        if (a->data().toString() == QLatin1String("ko"))
            a->trigger();
    QCOMPARE(Language::configured(), QStringLiteral("ko"));
    QVERIFY(!w.statusBar()->currentMessage().isEmpty());
    MainWindow again;
    for (QAction* a : again.findChild<QMenu*>(QStringLiteral("languageMenu"))->actions())
        if (!a->isSeparator())
            QCOMPARE(a->isChecked(), a->data().toString() == QLatin1String("ko"));
}

void TestMainWindow::everyDockIsUsableAtLaptopSize()
{
    MainWindow w;
    // The window fits a 1280x800 screen on first start: none of it lies beyond the edges.
    const QSize minimum = w.minimumSizeHint().expandedTo(w.minimumSize());
    QVERIFY2(minimum.width() <= 1280 && minimum.height() <= 760,
             qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
    w.setWindowState(Qt::WindowNoState);  // the test screen is smaller still; the window is as on a laptop
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.size(), QSize(1280, 800));
    const auto docks = w.findChildren<QDockWidget*>();
    QVERIFY(docks.size() >= 4);
    for (QDockWidget* dock : docks) {
        QWidget* content = dock->widget();
        QVERIFY(content);
        const bool tabbedAway = !w.tabifiedDockWidgets(dock).isEmpty() && content->visibleRegion().isEmpty();
        if (tabbedAway)
            continue;  // its tab shows it at the same size as its visible neighbour
        QVERIFY2(dock->isVisible() && w.rect().contains(QRect(dock->mapTo(&w, QPoint(0, 0)), dock->size())),
                 qPrintable(dock->objectName()));
        // Either the content has the room it asks for, or it scrolls.
        const QSize need = content->minimumSizeHint();
        QVERIFY2(qobject_cast<QScrollArea*>(content) || (content->width() >= need.width() && content->height() >= need.height()),
                 qPrintable(QStringLiteral("%1: %2x%3 for %4x%5").arg(dock->objectName()).arg(content->width())
                                .arg(content->height()).arg(need.width()).arg(need.height())));
    }
    // The last rows of the hyperparameter form can be reached.
    w.findChild<QDockWidget*>(QStringLiteral("hyperparameterDock"))->raise();
    QApplication::processEvents();
    auto* threads = w.findChild<QSpinBox*>(QStringLiteral("threads"));
    auto* patience = w.findChild<QSpinBox*>(QStringLiteral("earlyStopPatience"));
    QVERIFY(threads && patience);
    for (QSpinBox* box : {threads, patience}) {
        QScrollArea* scroll = nullptr;
        for (QWidget* p = box->parentWidget(); p && !scroll; p = p->parentWidget())
            scroll = qobject_cast<QScrollArea*>(p);
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(box);
        QVERIFY2(!box->visibleRegion().isEmpty(), qPrintable(box->objectName()));
        QVERIFY(box->visibleRegion().boundingRect().height() >= box->height() - 1);
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
