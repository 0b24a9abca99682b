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
};

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

QTEST_MAIN(TestTrainingPlots)
#include "tst_training_plots.moc"
