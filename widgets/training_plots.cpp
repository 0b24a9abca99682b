#include "training_plots.h"

#include "plots/plot_crosshair.h"
#include "plots/qcustomplot_include.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {

namespace {

enum LossGraph { RawLossGraph, SmoothedLossGraph, ValLossGraph };
enum AccuracyGraph { TrainAccuracyGraph, ValAccuracyGraph };

void styleGraph(QCPGraph* graph, const QColor& color, double width, bool markers)
{
    graph->setPen(QPen(color, width));
    if (markers)
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, Qt::white, 6));
    graph->setAdaptiveSampling(true);
}

void setLog(QCPAxis* axis, bool logarithmic)
{
    axis->setScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logarithmic)
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
}

}  // namespace

TrainingPlots::TrainingPlots(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Smoothing:"), this));
    m_smoothingBox = new QDoubleSpinBox(this);
    m_smoothingBox->setObjectName(QStringLiteral("smoothing"));
    m_smoothingBox->setRange(0.0, 0.999);
    m_smoothingBox->setDecimals(3);
    m_smoothingBox->setSingleStep(0.05);
    m_smoothingBox->setValue(m_ema.beta());
    m_smoothingBox->setToolTip(tr("Exponential smoothing of the training loss, corrected for its start-up bias"));
    controls->addWidget(m_smoothingBox);
    m_logLoss = new QCheckBox(tr("Log loss"), this);
    m_logLr = new QCheckBox(tr("Log learning rate"), this);
    controls->addWidget(m_logLoss);
    controls->addWidget(m_logLr);
    controls->addStretch(1);
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export Plot"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("Loss..."), this, [this] { exportWithDialog(Plot::Loss); });
    exportMenu->addAction(tr("Accuracy..."), this, [this] { exportWithDialog(Plot::Accuracy); });
    exportMenu->addAction(tr("Learning Rate..."), this, [this] { exportWithDialog(Plot::LearningRate); });
    exportButton->setMenu(exportMenu);
    controls->addWidget(exportButton);
    layout->addLayout(controls);

    m_loss = makePlot(QStringLiteral("lossPlot"), tr("loss"));
    styleGraph(m_loss->addGraph(), QColor(31, 119, 180, 70), 1.0, false);
    m_loss->graph(RawLossGraph)->setName(tr("train loss"));
    styleGraph(m_loss->addGraph(), QColor(31, 119, 180), 2.0, false);
    m_loss->graph(SmoothedLossGraph)->setName(tr("smoothed"));
    styleGraph(m_loss->addGraph(), QColor(214, 39, 40), 2.0, true);
    m_loss->graph(ValLossGraph)->setName(tr("val loss"));
    m_accuracy = makePlot(QStringLiteral("accuracyPlot"), tr("accuracy (%)"));
    styleGraph(m_accuracy->addGraph(), QColor(31, 119, 180), 2.0, true);
    m_accuracy->graph(TrainAccuracyGraph)->setName(tr("train"));
    styleGraph(m_accuracy->addGraph(), QColor(214, 39, 40), 2.0, true);
    m_accuracy->graph(ValAccuracyGraph)->setName(tr("val"));
    m_lr = makePlot(QStringLiteral("learningRatePlot"), tr("learning rate"));
    styleGraph(m_lr->addGraph(), QColor(44, 160, 44), 2.0, false);
    m_lr->graph(0)->setName(tr("learning rate"));
    for (QCustomPlot* p : {m_loss, m_accuracy})
        p->legend->setVisible(true);
    m_clipNote = new QCPItemText(m_loss);
    m_clipNote->setObjectName(QStringLiteral("lossClipNote"));
    m_clipNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_clipNote->position->setCoords(0.01, 0.99);
    m_clipNote->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_clipNote->setColor(QColor(90, 90, 90));
    m_clipNote->setBrush(QColor(255, 255, 255, 200));
    m_clipNote->setPadding(QMargins(3, 1, 3, 1));
    m_clipNote->setVisible(false);
    connect(m_loss->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] { updateClipMarks(); });

    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_accuracy);
    bottom->addWidget(m_lr);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_loss);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    m_replotTimer = new QTimer(this);
    m_replotTimer->setInterval(kReplotIntervalMs);
    connect(m_replotTimer, &QTimer::timeout, this, &TrainingPlots::replotNow);
    connect(m_smoothingBox, &QDoubleSpinBox::valueChanged, this, &TrainingPlots::setSmoothing);
    connect(m_logLoss, &QCheckBox::toggled, this, [this](bool on) { setLogScale(Plot::Loss, on); });
    connect(m_logLr, &QCheckBox::toggled, this, [this](bool on) { setLogScale(Plot::LearningRate, on); });
}

TrainingPlots::~TrainingPlots() = default;

QCustomPlot* TrainingPlots::makePlot(const QString& name, const QString& yLabel)
{
    auto* plot = new QCustomPlot(this);
    plot->setObjectName(name);
    plot->setMinimumSize(220, 150);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->xAxis->setLabel(tr("step"));
    plot->yAxis->setLabel(yLabel);
    plot->legend->setBrush(QColor(255, 255, 255, 200));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    new PlotCrosshair(plot);
    // Once the user zooms or drags, the view stays where they put it; double-click follows the data again.
    const auto userMoved = [this, plot] {
        if (!m_userZoomed.contains(plot))
            m_userZoomed << plot;
    };
    connect(plot, &QCustomPlot::mouseWheel, this, userMoved);
    connect(plot, &QCustomPlot::mousePress, this, userMoved);
    connect(plot, &QCustomPlot::mouseDoubleClick, this, [this, plot] {
        m_userZoomed.removeAll(plot);
        fitToData(plot);
        plot->replot();
    });
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot, &QWidget::customContextMenuRequested, this, [this, plot](const QPoint& pos) {
        QMenu menu(plot);
        menu.addAction(tr("Export..."), this, [this, plot] {
            exportWithDialog(plot == m_loss ? Plot::Loss : plot == m_accuracy ? Plot::Accuracy : Plot::LearningRate);
        });
        menu.addAction(tr("Fit to Data"), this, [this, plot] {
            m_userZoomed.removeAll(plot);
            fitToData(plot);
            plot->replot();
        });
        menu.exec(plot->mapToGlobal(pos));
    });
    return plot;
}

QCustomPlot* TrainingPlots::plot(Plot which) const
{
    switch (which) {
    case Plot::Loss: return m_loss;
    case Plot::Accuracy: return m_accuracy;
    case Plot::LearningRate: return m_lr;
    }
    return m_loss;
}

void TrainingPlots::clear()
{
    for (QCustomPlot* p : {m_loss, m_accuracy, m_lr})
        for (int i = 0; i < p->graphCount(); ++i)
            p->graph(i)->data()->clear();
    m_ema.reset();
    m_userZoomed.clear();
    m_firstEpochStep.reset();
    m_lossClipped = false;
    updateClipMarks();
    scheduleReplot();
}

void TrainingPlots::addIteration(double step, double loss, double learningRate)
{
    m_loss->graph(RawLossGraph)->addData(step, loss);
    m_loss->graph(SmoothedLossGraph)->addData(step, m_ema.add(loss));
    m_lr->graph(0)->addData(step, learningRate);
    scheduleReplot();
}

void TrainingPlots::addEpoch(double step, double trainAccuracy, std::optional<double> valLoss,
                             std::optional<double> valAccuracy)
{
    if (!m_firstEpochStep)
        m_firstEpochStep = step;
    m_accuracy->graph(TrainAccuracyGraph)->addData(step, 100.0 * trainAccuracy);
    if (valLoss)
        m_loss->graph(ValLossGraph)->addData(step, *valLoss);
    if (valAccuracy)
        m_accuracy->graph(ValAccuracyGraph)->addData(step, 100.0 * *valAccuracy);
    scheduleReplot();
}

void TrainingPlots::setSmoothing(double beta)
{
    beta = std::clamp(beta, 0.0, 0.999);
    if (beta == m_ema.beta())
        return;
    m_ema = DebiasedEma(beta);
    if (m_smoothingBox->value() != beta) {
        const QSignalBlocker block(m_smoothingBox);
        m_smoothingBox->setValue(beta);
    }
    recomputeSmoothing();
}

double TrainingPlots::smoothing() const
{
    return m_ema.beta();
}

void TrainingPlots::recomputeSmoothing()
{
    QCPGraph* smoothed = m_loss->graph(SmoothedLossGraph);
    smoothed->data()->clear();
    m_ema.reset();
    QVector<double> keys;
    QVector<double> values;
    for (const QCPGraphData& d : *m_loss->graph(RawLossGraph)->data()) {
        keys << d.key;
        values << m_ema.add(d.value);
    }
    smoothed->setData(keys, values, true);
    scheduleReplot();
}

void TrainingPlots::setLogScale(Plot which, bool logarithmic)
{
    QCheckBox* box = which == Plot::Loss ? m_logLoss : which == Plot::LearningRate ? m_logLr : nullptr;
    if (box && box->isChecked() != logarithmic) {
        const QSignalBlocker block(box);
        box->setChecked(logarithmic);
    }
    setLog(plot(which)->yAxis, logarithmic);
    fitToData(plot(which));
    plot(which)->replot();
}

bool TrainingPlots::isLogScale(Plot which) const
{
    return plot(which)->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

QVector<QPointF> TrainingPlots::series(Series which) const
{
    QCPGraph* graph = nullptr;
    switch (which) {
    case Series::RawLoss: graph = m_loss->graph(RawLossGraph); break;
    case Series::SmoothedLoss: graph = m_loss->graph(SmoothedLossGraph); break;
    case Series::ValLoss: graph = m_loss->graph(ValLossGraph); break;
    case Series::TrainAccuracy: graph = m_accuracy->graph(TrainAccuracyGraph); break;
    case Series::ValAccuracy: graph = m_accuracy->graph(ValAccuracyGraph); break;
    case Series::LearningRate: graph = m_lr->graph(0); break;
    }
    QVector<QPointF> points;
    for (const QCPGraphData& d : *graph->data())
        points << QPointF(d.key, d.value);
    return points;
}

void TrainingPlots::scheduleReplot()
{
    m_dirty = true;
    if (!m_replotTimer->isActive())
        m_replotTimer->start();
}

void TrainingPlots::replotNow()
{
    if (!m_dirty) {
        m_replotTimer->stop();  // nothing new: rest until the next point arrives
        return;
    }
    m_dirty = false;
    for (QCustomPlot* p : {m_loss, m_accuracy, m_lr}) {
        if (!m_userZoomed.contains(p))
            fitToData(p);
        p->replot();
    }
    ++m_replots;
}

void TrainingPlots::fitToData(QCustomPlot* p)
{
    p->rescaleAxes(true);
    if (p == m_accuracy) {
        p->yAxis->setRange(0, 100);
        return;
    }
    if (p->yAxis->scaleType() != QCPAxis::stLinear)
        return;  // a log axis shows outliers and the rest at once
    const QCPRange r = p->yAxis->range();
    const std::optional<double> top = p == m_loss ? robustLossTop() : std::nullopt;
    if (p == m_loss)
        m_lossClipped = bool(top);
    p->yAxis->setRange(std::min(0.0, r.lower), top ? *top : r.upper + 0.05 * std::max(r.size(), 1e-9));
}

std::optional<double> TrainingPlots::robustLossTop() const
{
    // Only points after the first epoch judge what is readable: that epoch starts untrained, and
    // its validation loss can be far above anything later.
    if (!m_firstEpochStep)
        return std::nullopt;
    std::vector<double> raw;
    double later = 0.0;
    for (const QCPGraphData& d : *m_loss->graph(RawLossGraph)->data())
        if (d.key > *m_firstEpochStep && std::isfinite(d.value))
            raw.push_back(d.value);
    if (!raw.empty()) {
        // A high percentile, so a single spiking batch does not decide the scale either.
        const size_t at = std::min(raw.size() - 1, size_t(0.98 * double(raw.size())));
        std::nth_element(raw.begin(), raw.begin() + ptrdiff_t(at), raw.end());
        later = raw[at];
    }
    bool any = !raw.empty();
    for (const int g : {int(SmoothedLossGraph), int(ValLossGraph)})
        for (const QCPGraphData& d : *m_loss->graph(g)->data())
            if (d.key > *m_firstEpochStep && std::isfinite(d.value)) {
                later = std::max(later, d.value);
                any = true;
            }
    if (!any || later <= 0.0)
        return std::nullopt;
    const double top = 1.1 * later;
    // Cut only where it pays: the full range would squash the later curves to under two thirds.
    return largestLoss() > 1.5 * top ? std::optional<double>(top) : std::nullopt;
}

double TrainingPlots::largestLoss() const
{
    double largest = -std::numeric_limits<double>::infinity();
    for (int g = 0; g < m_loss->graphCount(); ++g)
        for (const QCPGraphData& d : *m_loss->graph(g)->data())
            if (std::isfinite(d.value))
                largest = std::max(largest, d.value);
    return largest;
}

std::optional<double> TrainingPlots::lossClippedAbove() const
{
    if (!m_lossClipped)
        return std::nullopt;
    return m_loss->yAxis->range().upper;
}

void TrainingPlots::updateClipMarks()
{
    const double top = m_loss->yAxis->range().upper;
    // Once the user zooms out past the largest value, nothing is cut any more.
    if (m_lossClipped && (top >= largestLoss() || m_loss->yAxis->scaleType() != QCPAxis::stLinear))
        m_lossClipped = false;
    for (QCPItemText* mark : std::as_const(m_clipMarks))
        m_loss->removeItem(mark);
    m_clipMarks.clear();
    m_clipNote->setVisible(m_lossClipped);
    if (!m_lossClipped)
        return;
    m_clipNote->setText(tr("values above %1 clipped").arg(QLocale().toString(top, 'g', 3)));
    const QColor red = m_loss->graph(ValLossGraph)->pen().color();
    for (const QCPGraphData& d : *m_loss->graph(ValLossGraph)->data()) {
        if (!(d.value > top) || m_clipMarks.size() >= 50)
            continue;
        auto* mark = new QCPItemText(m_loss);
        mark->position->setTypeX(QCPItemPosition::ptPlotCoords);
        mark->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        mark->position->setCoords(d.key, 0.0);
        mark->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
        mark->setColor(red);
        mark->setText(QStringLiteral("\u25B2 ") + QLocale().toString(d.value, 'g', 3));
        m_clipMarks << mark;
    }
}

bool TrainingPlots::exportPlot(Plot which, const QString& path, QString* error)
{
    if (!m_userZoomed.contains(plot(which)))
        fitToData(plot(which));
    return tl::exportPlot(plot(which), path, error);
}

void TrainingPlots::exportWithDialog(Plot which)
{
    const QString name = which == Plot::Loss ? QStringLiteral("loss")
                       : which == Plot::Accuracy ? QStringLiteral("accuracy") : QStringLiteral("learning-rate");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Plot"), name + QStringLiteral(".png"),
                                                      tr("PNG image (*.png);;PDF document (*.pdf);;SVG image (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPlot(which, path, &error))
        QMessageBox::warning(this, tr("Export Plot"), error);
}

}  // namespace tl
