// Training from the main window: with "Colour by gradient norm" on, a short run colours the
// diagram's training blocks by their gradients (frozen ones keep their colours) and the colours
// stay after the run; with it off the diagram keeps its freeze colours until it is switched on.
#include "isolated_home.h"
#include "data/demo_data.h"
#include "diagram/architecture_diagram.h"
#include "diagram/diagram_node_item.h"
#include "diagram/diagram_style.h"
#include "diagram/heat_legend.h"
#include "experiment_file.h"
#include "main_window.h"
#include "training_worker.h"

#include <QApplication>
#include <QCheckBox>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace tl;

namespace {

QTemporaryDir* g_home = nullptr;

/// The colour drawn inside a box, just above its bottom-left corner (clear of border and text).
QColor fillShown(ArchitectureDiagram* view, const QString& layer)
{
    DiagramNodeItem* box = view->boxOfLayer(layer);
    if (!box)
        return {};
    view->centerOn(box);
    const QImage image = view->viewport()->grab().toImage();
    const QPoint at = view->mapFromScene(box->rect().bottomLeft() + QPointF(5, -4));
    return image.pixelColor(at);
}

bool near(const QColor& a, const QColor& b)
{
    return qAbs(a.red() - b.red()) <= 6 && qAbs(a.green() - b.green()) <= 6 && qAbs(a.blue() - b.blue()) <= 6;
}

}  // namespace

class TestMainWindowTraining : public QObject {
    Q_OBJECT
public:
    /// Settings and application data go to a fresh folder, so the user's own stay untouched.
    static void initMain()
    {
        g_home = test::isolateHome();
    }

private Q_SLOTS:
    void initTestCase();
    void gradientNormsColourTheDiagram_data();
    void gradientNormsColourTheDiagram();

private:
    QString m_experimentPath;
};

void TestMainWindowTraining::initTestCase()
{
    QVERIFY(g_home->isValid());
    DemoDataOptions options;
    options.imageSize = 32;
    options.sourceTrainPerClass = 12;
    options.sourceValPerClass = 2;
    options.targetTrainPerClass = 1;
    options.targetValPerClass = 1;
    options.segmentationImages = 0;
    const QString demo = g_home->filePath(QStringLiteral("demo"));
    writeDemoData(demo.toStdString(), options);
    Experiment e;
    e.name = "heat test";
    e.model.arch = "lenet5";
    e.model.inChannels = 1;
    e.model.weights = "none";
    e.data.train = (demo + QStringLiteral("/source")).toStdString();
    e.data.imageSize = 32;
    e.freeze.preset = FreezePreset::FromScratch;
    e.freeze.frozen = {"features.c1"};
    e.optim.name = "adam";
    e.optim.lr = 0.002;
    e.train.epochs = 2;
    e.train.batchSize = 8;
    e.train.threads = 1;
    m_experimentPath = g_home->filePath(QStringLiteral("heat.json"));
    QString error;
    QVERIFY2(writeExperimentFile(m_experimentPath, e, &error), qPrintable(error));
}

void TestMainWindowTraining::gradientNormsColourTheDiagram_data()
{
    QTest::addColumn<bool>("on");
    QTest::newRow("switch on") << true;
    QTest::newRow("switch off") << false;
}

void TestMainWindowTraining::gradientNormsColourTheDiagram()
{
    QFETCH(bool, on);
    QSettings().clear();
    MainWindow w;
    w.resize(1400, 900);
    QVERIFY(w.openExperiment(m_experimentPath));
    w.setRunsFolder(g_home->filePath(QStringLiteral("runs")));
    auto* toggle = w.findChild<QCheckBox*>(QStringLiteral("gradientHeatToggle"));
    auto* view = w.findChild<ArchitectureDiagram*>(QStringLiteral("architectureDiagram"));
    QVERIFY(toggle && view);
    QVERIFY(!toggle->isChecked());  // off unless chosen
    toggle->setChecked(on);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    // A failed run would open a message box; close it and let the test say why.
    QString failure;
    QTimer closer;
    connect(&closer, &QTimer::timeout, this, [&failure] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            failure = box->text();
            box->close();
        }
    });
    closer.start(100);
    QSignalSpy norms(w.training()->worker(), &TrainingWorker::gradientNorms);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    QVERIFY(w.startTraining());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 90000);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(!norms.isEmpty());  // the worker reports them whether or not they are shown

    auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("centralTabs"));
    tabs->setCurrentIndex(0);
    QVERIFY(view->isVisible());
    const QColor plain = diagram_style::fillColor(FreezeState::Trainable);
    const QColor frozen = diagram_style::fillColor(FreezeState::Frozen);
    const QStringList training{QStringLiteral("features.c3"), QStringLiteral("features.c5"),
                               QStringLiteral("classifier.f6"), QStringLiteral("classifier.output")};
    if (on) {
        // The colours of the last report stay after the run; the frozen layer keeps its own.
        for (const QString& layer : training) {
            QVERIFY2(view->boxOfLayer(layer)->heat().has_value(), qPrintable(layer));
            const QColor shown = fillShown(view, layer);
            QVERIFY2(!near(shown, plain), qPrintable(layer + QLatin1Char(' ') + shown.name()));
            QVERIFY2(near(shown, diagram_style::heatColor(*view->boxOfLayer(layer)->heat())),
                     qPrintable(layer + QLatin1Char(' ') + shown.name()));
        }
        QVERIFY(!view->boxOfLayer(QStringLiteral("features.c1"))->heat());
        QVERIFY(near(fillShown(view, QStringLiteral("features.c1")), frozen));
        QVERIFY(view->heatLegend()->isVisible());
        QVERIFY(view->heatLegend()->low() > 0 && view->heatLegend()->low() <= view->heatLegend()->high());
        toggle->setChecked(false);
        QVERIFY(near(fillShown(view, QStringLiteral("classifier.output")), plain));
        QVERIFY(!view->heatLegend()->isVisible());
    } else {
        for (const QString& layer : training) {
            QVERIFY2(!view->boxOfLayer(layer)->heat(), qPrintable(layer));
            QVERIFY2(near(fillShown(view, layer), plain), qPrintable(layer + QLatin1Char(' ') + fillShown(view, layer).name()));
        }
        QVERIFY(!view->heatLegend()->isVisible());
        // Switched on after the run, the last values appear.
        toggle->setChecked(true);
        QVERIFY(view->boxOfLayer(QStringLiteral("classifier.output"))->heat().has_value());
        QVERIFY(!near(fillShown(view, QStringLiteral("classifier.output")), plain));
        QVERIFY(view->heatLegend()->isVisible());
    }
    // The choice is remembered for the next window.
    QCOMPARE(QSettings().value(QStringLiteral("diagram/gradientHeat")).toBool(), toggle->isChecked());
}

QTEST_MAIN(TestMainWindowTraining)
#include "tst_main_window_training.moc"
