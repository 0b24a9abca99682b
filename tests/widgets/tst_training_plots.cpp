// The live curves: points land in the graphs, the loss is smoothed without start-up bias,
// repaints happen on a timer only while data arrives, and plots export as PNG, PDF and SVG.
#include "plots/debiased_ema.h"
#include "plots/plot_crosshair.h"
#include "plots/qcustomplot_include.h"
#include "training_plots.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tl;

class TestTrainingPlots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pointsAppearInTheGraphs();
    void smoothingIsDebiased_data();
    void smoothingIsDebiased();
    void changingTheSmoothingRecomputesTheCurve();
    void repaintsWhileDataArrivesOnly();
    void logScaleToggles();
    void exportsWriteFiles_data();
    void exportsWriteFiles();
    void untrainedFirstEpochIsClipped_data();
    void untrainedFirstEpochIsClipped();
    void zoomingOutUndoesTheClip();
};

namespace {

/// Three epochs of 100 steps; the first epoch's validation loss is firstValLoss, the later ones about 2.
void addRun(TrainingPlots& plots, double firstValLoss)
{
    for (int epoch = 0; epoch < 3; ++epoch) {
        for (int i = 1; i <= 100; ++i) {
            const double step = epoch * 100 + i;
            plots.addIteration(step, 2.4 - 0.004 * step + 0.1 * std::sin(step), 0.01);
        }
        plots.addEpoch((epoch + 1) * 100, 0.3 + 0.2 * epoch, epoch == 0 ? firstValLoss : 2.1 - 0.2 * epoch, 0.3);
    }
}

QCPRange lossRange(TrainingPlots& plots)
{
    QTest::qWait(3 * TrainingPlots::kReplotIntervalMs);  // the timed repaint fits the axes
    return plots.plot(TrainingPlots::Plot::Loss)->yAxis->range();
}

QCPItemText* clipNote(TrainingPlots& plots)
{
    return plots.plot(TrainingPlots::Plot::Loss)->findChild<QCPItemText*>(QStringLiteral("lossClipNote"));
}

}  // namespace

void TestTrainingPlots::pointsAppearInTheGraphs()
{
    TrainingPlots plots;
    plots.addIteration(1, 2.0, 0.1);
    plots.addIteration(2, 1.5, 0.05);
    plots.addEpoch(2, 0.25, 1.75, 0.5);
    plots.addIteration(3, 1.0, 0.01);
    plots.addEpoch(3, 0.75, std::nullopt, std::nullopt);
    const QVector<QPointF> raw = plots.series(TrainingPlots::Series::RawLoss);
    QCOMPARE(raw, (QVector<QPointF>{{1, 2.0}, {2, 1.5}, {3, 1.0}}));
    QCOMPARE(plots.series(TrainingPlots::Series::SmoothedLoss).size(), 3);
    QCOMPARE(plots.series(TrainingPlots::Series::LearningRate),
             (QVector<QPointF>{{1, 0.1}, {2, 0.05}, {3, 0.01}}));
    QCOMPARE(plots.series(TrainingPlots::Series::ValLoss), (QVector<QPointF>{{2, 1.75}}));
    QCOMPARE(plots.series(TrainingPlots::Series::TrainAccuracy), (QVector<QPointF>{{2, 25.0}, {3, 75.0}}));
    QCOMPARE(plots.series(TrainingPlots::Series::ValAccuracy), (QVector<QPointF>{{2, 50.0}}));
    // The crosshair reads the values at the mouse's step off the same graphs.
    auto* crosshair = plots.plot(TrainingPlots::Plot::Loss)->findChild<PlotCrosshair*>();
    QVERIFY(crosshair);
    const QString text = crosshair->textAt(2.4);
    QVERIFY2(text.contains(QLatin1String("train loss: 1.5")) && text.contains(QLatin1String("val loss: 1.75")),
             qPrintable(text));
    QVERIFY(!crosshair->textAt(0.5).contains(QLatin1String("loss")));
    plots.clear();
    QVERIFY(plots.series(TrainingPlots::Series::RawLoss).isEmpty());
    QVERIFY(plots.series(TrainingPlots::Series::ValAccuracy).isEmpty());
}

void TestTrainingPlots::smoothingIsDebiased_data()
{
    QTest::addColumn<double>("beta");
    QTest::addColumn<QVector<double>>("values");
    QTest::addColumn<QVector<double>>("expected");
    // avg_n = beta avg_{n-1} + (1 - beta) x_n, shown as avg_n / (1 - beta^n).
    QTest::newRow("beta 0.5") << 0.5 << QVector<double>{1, 2, 3} << QVector<double>{1.0, 5.0 / 3.0, 17.0 / 7.0};
    // A constant stays constant: the bias correction removes the pull towards zero entirely.
    QTest::newRow("constant") << 0.9 << QVector<double>{2, 2, 2} << QVector<double>{2, 2, 2};
    QTest::newRow("no smoothing") << 0.0 << QVector<double>{4, 1, 3} << QVector<double>{4, 1, 3};
    // 0.9: second value (0.09*1 + 0.1*3) / (1 - 0.81) = 0.39 / 0.19.
    QTest::newRow("beta 0.9") << 0.9 << QVector<double>{1, 3} << QVector<double>{1.0, 0.39 / 0.19};
}

void TestTrainingPlots::smoothingIsDebiased()
{
    QFETCH(double, beta);
    QFETCH(QVector<double>, values);
    QFETCH(QVector<double>, expected);
    TrainingPlots plots;
    plots.setSmoothing(beta);
    DebiasedEma ema(beta);
    for (int i = 0; i < values.size(); ++i) {
        plots.addIteration(i + 1, values[i], 0.1);
        QVERIFY(qAbs(ema.add(values[i]) - expected[i]) < 1e-12);
    }
    const QVector<QPointF> smoothed = plots.series(TrainingPlots::Series::SmoothedLoss);
    QCOMPARE(smoothed.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i)
        QVERIFY2(qAbs(smoothed[i].y() - expected[i]) < 1e-12,
                 qPrintable(QStringLiteral("point %1: %2 instead of %3").arg(i).arg(smoothed[i].y()).arg(expected[i])));
}

void TestTrainingPlots::changingTheSmoothingRecomputesTheCurve()
{
    TrainingPlots plots;
    for (int i = 1; i <= 3; ++i)
        plots.addIteration(i, i, 0.1);
    plots.setSmoothing(0.5);
    QCOMPARE(plots.smoothing(), 0.5);
    QVERIFY(qAbs(plots.series(TrainingPlots::Series::SmoothedLoss).back().y() - 17.0 / 7.0) < 1e-12);
    plots.setSmoothing(0.0);
    QCOMPARE(plots.series(TrainingPlots::Series::SmoothedLoss), plots.series(TrainingPlots::Series::RawLoss));
}

void TestTrainingPlots::repaintsWhileDataArrivesOnly()
{
    TrainingPlots plots;
    plots.resize(800, 600);
    plots.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plots));
    const int before = plots.replotCount();
    QElapsedTimer clock;
    clock.start();
    int step = 0;
    while (clock.elapsed() < 1000) {
        ++step;
        plots.addIteration(step, 1.0 / step, 0.01);
        QTest::qWait(5);
    }
    const int during = plots.replotCount() - before;
    qInfo("%d repaints in %lld ms while %d points arrived", during, clock.elapsed(), step);
    // At least 5 a second while data arrives, and not one per point.
    QVERIFY2(during >= 5 && during <= 1000 / TrainingPlots::kReplotIntervalMs + 2, qPrintable(QString::number(during)));
    QTest::qWait(3 * TrainingPlots::kReplotIntervalMs);
    const int settled = plots.replotCount();
    QTest::qWait(5 * TrainingPlots::kReplotIntervalMs);
    QCOMPARE(plots.replotCount(), settled);  // idle: no repaints without new data
}

void TestTrainingPlots::logScaleToggles()
{
    TrainingPlots plots;
    QVERIFY(!plots.isLogScale(TrainingPlots::Plot::Loss));
    plots.setLogScale(TrainingPlots::Plot::Loss, true);
    plots.setLogScale(TrainingPlots::Plot::LearningRate, true);
    QVERIFY(plots.isLogScale(TrainingPlots::Plot::Loss));
    QVERIFY(plots.isLogScale(TrainingPlots::Plot::LearningRate));
    QVERIFY(!plots.isLogScale(TrainingPlots::Plot::Accuracy));
    plots.setLogScale(TrainingPlots::Plot::Loss, false);
    QVERIFY(!plots.isLogScale(TrainingPlots::Plot::Loss));
}

void TestTrainingPlots::exportsWriteFiles_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << QStringLiteral("png") << QByteArray("\x89PNG");
    QTest::newRow("pdf") << QStringLiteral("pdf") << QByteArray("%PDF");
    QTest::newRow("svg") << QStringLiteral("svg") << QByteArray("<svg");
}

void TestTrainingPlots::exportsWriteFiles()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, magic);
    QTemporaryDir dir;
    TrainingPlots plots;
    plots.resize(900, 600);
    for (int i = 1; i <= 50; ++i)
        plots.addIteration(i, 2.0 / i, 0.01);
    plots.addEpoch(50, 0.6, 0.8, 0.55);
    for (const auto plot : {TrainingPlots::Plot::Loss, TrainingPlots::Plot::Accuracy, TrainingPlots::Plot::LearningRate}) {
        const QString path = dir.filePath(QStringLiteral("plot%1.%2").arg(int(plot)).arg(suffix));
        QString error;
        QVERIFY2(plots.exportPlot(plot, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.size() > 1000, qPrintable(QString::number(bytes.size())));
        QVERIFY2(bytes.left(300).contains(magic), bytes.left(80).constData());
    }
    QString error;
    QVERIFY(!plots.exportPlot(TrainingPlots::Plot::Loss, dir.filePath(QStringLiteral("plot.bmpx")), &error));
    QVERIFY(error.contains(QLatin1String("bmpx")));
}

void TestTrainingPlots::untrainedFirstEpochIsClipped_data()
{
    QTest::addColumn<double>("firstValLoss");
    QTest::addColumn<bool>("clipped");
    QTest::newRow("untrained first epoch") << 21.0 << true;
    QTest::newRow("ordinary first epoch") << 2.6 << false;
}

void TestTrainingPlots::untrainedFirstEpochIsClipped()
{
    QFETCH(double, firstValLoss);
    QFETCH(bool, clipped);
    TrainingPlots plots;
    plots.resize(900, 600);
    addRun(plots, firstValLoss);
    const QCPRange range = lossRange(plots);
    QVERIFY(clipNote(plots));
    QCOMPARE(clipNote(plots)->visible(), clipped);
    QCOMPARE(bool(plots.lossClippedAbove()), clipped);
    // Every value after the first epoch is in view, and the later curve fills most of the height.
    double later = 0.0;
    for (const auto series : {TrainingPlots::Series::RawLoss, TrainingPlots::Series::SmoothedLoss, TrainingPlots::Series::ValLoss})
        for (const QPointF& p : plots.series(series))
            if (p.x() > 100)
                later = std::max(later, p.y());
    QVERIFY2(range.upper >= later, qPrintable(QStringLiteral("%1 < %2").arg(range.upper).arg(later)));
    if (clipped) {
        QVERIFY2(range.upper < 1.5 * later, qPrintable(QString::number(range.upper)));
        QVERIFY(clipNote(plots)->text().contains(QLatin1String("clipped")));
        // The cut point is marked at the top edge with its value.
        bool marked = false;
        for (QCPItemText* item : plots.plot(TrainingPlots::Plot::Loss)->findChildren<QCPItemText*>())
            marked = marked || (item != clipNote(plots) && item->text().contains(QLocale().toString(21.0, 'g', 3)));
        QVERIFY(marked);
    } else {
        QVERIFY(range.upper >= firstValLoss);
    }
    // A log axis shows everything at once: nothing is cut there.
    plots.setLogScale(TrainingPlots::Plot::Loss, true);
    QVERIFY(plots.plot(TrainingPlots::Plot::Loss)->yAxis->range().upper >= firstValLoss);
    QVERIFY(!clipNote(plots)->visible());
}

void TestTrainingPlots::zoomingOutUndoesTheClip()
{
    TrainingPlots plots;
    plots.resize(900, 600);
    plots.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plots));
    addRun(plots, 21.0);
    lossRange(plots);
    QVERIFY(plots.lossClippedAbove());
    QCustomPlot* loss = plots.plot(TrainingPlots::Plot::Loss);
    const QPointF centre = loss->axisRect()->rect().center();
    for (int i = 0; i < 30 && loss->yAxis->range().upper < 21.0; ++i) {
        QWheelEvent wheel(centre, loss->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(loss, &wheel);
    }
    QVERIFY(loss->yAxis->range().upper >= 21.0);
    QVERIFY(!plots.lossClippedAbove());
    QVERIFY(!clipNote(plots)->visible());
    // New points do not pull the view back: the user's zoom stays.
    plots.addIteration(301, 1.2, 0.01);
    QVERIFY(lossRange(plots).upper >= 21.0);
}

QTEST_MAIN(TestTrainingPlots)
#include "tst_training_plots.moc"
