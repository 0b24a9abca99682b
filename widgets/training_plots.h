#pragma once

#include "plots/debiased_ema.h"

#include <QPointF>
#include <QVector>
#include <QWidget>

#include <optional>

class QCheckBox;
class QCPItemText;
class QCustomPlot;
class QDoubleSpinBox;
class QTimer;

namespace tl {

/// Live training curves (accuracies in percent): the loss of every iteration (raw, light) with its debiased smoothed
/// curve and the validation loss per epoch; train and validation accuracy per epoch; the
/// learning rate. The x axis is the optimisation step throughout, so the plots line up.
///
/// Points are cheap to add; the plots repaint on a timer while data arrives and rest otherwise.
/// Each plot has a crosshair with the values under the mouse, wheel zoom and drag (double-click
/// fits the data again), a log scale for loss and learning rate, and export as PNG, PDF or SVG.
/// An untrained first epoch can score a validation loss ten times the later ones; the linear loss
/// axis then ends a little above the later epochs' values, the points above it are marked at the
/// top edge with their values, and a note says so. Zooming out far enough shows them again.
class TrainingPlots final : public QWidget {
    Q_OBJECT
public:
    enum class Plot { Loss, Accuracy, LearningRate };
    enum class Series { RawLoss, SmoothedLoss, ValLoss, TrainAccuracy, ValAccuracy, LearningRate };

    explicit TrainingPlots(QWidget* parent = nullptr);
    ~TrainingPlots() override;

    void clear();
    void addIteration(double step, double loss, double learningRate);
    /// One finished epoch, drawn at the step where it ended; accuracies are fractions (0..1).
    void addEpoch(double step, double trainAccuracy, std::optional<double> valLoss, std::optional<double> valAccuracy);

    /// The smoothing factor beta of the loss curve (0 = none, 0.999 = very smooth).
    void setSmoothing(double beta);
    double smoothing() const;
    void setLogScale(Plot plot, bool logarithmic);
    bool isLogScale(Plot plot) const;

    /// Writes one plot; the format follows the extension (.png, .pdf, .svg).
    bool exportPlot(Plot plot, const QString& path, QString* error = nullptr);
    /// The points a graph holds, as drawn.
    QVector<QPointF> series(Series series) const;
    QCustomPlot* plot(Plot plot) const;
    /// Repaints since construction, to measure the repaint rate.
    int replotCount() const { return m_replots; }
    /// Milliseconds between repaints while data arrives.
    static constexpr int kReplotIntervalMs = 100;
    /// The loss value above which points are cut off at the top edge; none when all are shown.
    std::optional<double> lossClippedAbove() const;

private:
    QCustomPlot* makePlot(const QString& name, const QString& yLabel);
    void scheduleReplot();
    void replotNow();
    void recomputeSmoothing();
    void exportWithDialog(Plot plot);
    void fitToData(QCustomPlot* plot);
    std::optional<double> robustLossTop() const;
    double largestLoss() const;
    void updateClipMarks();

    QCustomPlot* m_loss = nullptr;
    QCustomPlot* m_accuracy = nullptr;
    QCustomPlot* m_lr = nullptr;
    QDoubleSpinBox* m_smoothingBox = nullptr;
    QCheckBox* m_logLoss = nullptr;
    QCheckBox* m_logLr = nullptr;
    QTimer* m_replotTimer = nullptr;
    DebiasedEma m_ema{0.9};
    bool m_dirty = false;
    int m_replots = 0;
    QVector<QCustomPlot*> m_userZoomed;  // plots the user zoomed or dragged: they stop following the data
    std::optional<double> m_firstEpochStep;
    bool m_lossClipped = false;  // the fit cut outliers off and the view still does
    QCPItemText* m_clipNote = nullptr;
    QVector<QCPItemText*> m_clipMarks;
};

}  // namespace tl
