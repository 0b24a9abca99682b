#include "plots/plot_crosshair.h"

#include "plots/qcustomplot_include.h"

#include <QFileInfo>
#include <QSvgGenerator>

#include <algorithm>

namespace tl {

namespace {

constexpr const char* kOverlay = "overlay";

QString number(double v)
{
    return QString::number(v, 'g', 4);
}

}  // namespace

PlotCrosshair::PlotCrosshair(QCustomPlot* plot) : QObject(plot), m_plot(plot)
{
    QCPLayer* overlay = plot->layer(QString::fromLatin1(kOverlay));
    overlay->setMode(QCPLayer::lmBuffered);
    m_line = new QCPItemStraightLine(plot);
    m_line->setLayer(overlay);
    m_line->setPen(QPen(QColor(90, 90, 90, 160), 0, Qt::DashLine));
    m_line->setSelectable(false);
    m_label = new QCPItemText(plot);
    m_label->setLayer(overlay);
    m_label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_label->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_label->position->setCoords(0.01, 0.02);
    m_label->setTextAlignment(Qt::AlignLeft);
    m_label->setPadding(QMargins(4, 2, 4, 2));
    m_label->setBrush(QColor(255, 255, 255, 220));
    m_label->setPen(QPen(QColor(160, 160, 160)));
    m_label->setSelectable(false);
    m_line->setVisible(false);
    m_label->setVisible(false);
    plot->setMouseTracking(true);
    plot->installEventFilter(this);
    connect(plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        moveTo(m_plot->xAxis->pixelToCoord(event->position().x()));
    });
}

QString PlotCrosshair::textAt(double x) const
{
    QStringList lines{tr("step %1").arg(qRound64(x))};
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        QCPGraph* graph = m_plot->graph(i);
        if (graph->name().isEmpty() || !graph->visible() || graph->data()->isEmpty())
            continue;
        // The last point at or before x: what the curve shows there for step-wise data.
        const auto after = graph->data()->findEnd(x, false);
        if (after == graph->data()->constBegin())
            continue;
        const auto it = after - 1;
        lines << QStringLiteral("%1: %2").arg(graph->name(), number(it->value));
    }
    return lines.join(QLatin1Char('\n'));
}

void PlotCrosshair::moveTo(double x)
{
    m_line->point1->setCoords(x, 0);
    m_line->point2->setCoords(x, 1);
    m_label->setText(textAt(x));
    m_line->setVisible(true);
    m_label->setVisible(true);
    m_plot->layer(QString::fromLatin1(kOverlay))->replot();
}

void PlotCrosshair::hide()
{
    m_line->setVisible(false);
    m_label->setVisible(false);
    m_plot->layer(QString::fromLatin1(kOverlay))->replot();
}

bool PlotCrosshair::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::Leave)
        hide();
    return QObject::eventFilter(watched, event);
}

bool exportPlot(QCustomPlot* plot, const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int width = std::max(plot->width(), 640);
    const int height = std::max(plot->height(), 400);
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = plot->savePng(path, width, height, 2.0);
    } else if (suffix == QLatin1String("pdf")) {
        ok = plot->savePdf(path, width, height);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(QSize(width, height));
        svg.setViewBox(QRect(0, 0, width, height));
        svg.setTitle(plot->objectName());
        QCPPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            plot->toPainter(&painter, width, height);
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    } else {
        if (error)
            *error = QObject::tr("%1: unknown format '%2' (use .png, .pdf or .svg)").arg(path, suffix);
        return false;
    }
    if (!ok && error)
        *error = QObject::tr("%1: could not be written").arg(path);
    return ok;
}

}  // namespace tl
