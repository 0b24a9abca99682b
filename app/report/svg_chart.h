#pragma once

#include "report/report_document.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QVector>

namespace tl::report {

/// One line of a chart; NaN values leave a gap.
struct ChartSeries {
    QString name;
    QVector<double> x;
    QVector<double> y;
    QColor color;
    double width = 1.6;
    bool dashed = false;
};

struct ChartSpec {
    QString title;
    QString xLabel;
    QString yLabel;
    QList<ChartSeries> series;
    bool logY = false;  // for learning rates spanning decades
    bool integerX = true;  // epochs and iterations: no ticks between whole numbers
};

/// Draws a line chart as SVG text. Written directly rather than through a plot widget because
/// the same small, self-contained SVG is embedded in the HTML and rendered as vectors into the
/// PDF by QSvgRenderer; it needs no widget tree and its output is stable from run to run.
ReportFigure renderChart(const ChartSpec& spec, double width = 640, double height = 300);

/// Exponential moving average with bias correction (as TensorBoard smooths), NaN-tolerant.
QVector<double> smoothed(const QVector<double>& values, double weight);

/// A colour per series index that stays distinguishable in print.
QColor seriesColor(int index);

/// Escapes text for XML/HTML content and attribute values.
QString escapeXml(const QString& text);

}  // namespace tl::report
