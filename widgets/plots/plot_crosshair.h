#pragma once

#include <QObject>

class QCustomPlot;
class QCPItemStraightLine;
class QCPItemText;

namespace tl {

/// A vertical line under the mouse with the values of every named graph at that x, drawn on a
/// buffered overlay layer so following the mouse repaints the overlay only, not the data.
class PlotCrosshair final : public QObject {
    Q_OBJECT
public:
    explicit PlotCrosshair(QCustomPlot* plot);

    /// The label text at plot x coordinate `x` (what the user reads under the mouse).
    QString textAt(double x) const;
    void moveTo(double x);
    void hide();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QCustomPlot* m_plot;
    QCPItemStraightLine* m_line;
    QCPItemText* m_label;
};

/// Writes a plot as PNG, PDF or SVG, chosen by the file's extension; false with a reason on failure.
bool exportPlot(QCustomPlot* plot, const QString& path, QString* error = nullptr);

}  // namespace tl
