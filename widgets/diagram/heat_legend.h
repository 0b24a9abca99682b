#pragma once

#include <QWidget>

namespace tl {

/// The key to the diagram's heat colours: a caption, then the lowest value shown, the colour
/// ramp on a log scale, and the highest value. Floats over a corner of the diagram.
class HeatLegend final : public QWidget {
    Q_OBJECT
public:
    explicit HeatLegend(QWidget* parent = nullptr);

    void setCaption(const QString& caption);
    QString caption() const { return m_caption; }
    /// The values at the two ends of the ramp (lo == hi when every box has the same value).
    void setRange(double lo, double hi);
    double low() const { return m_lo; }
    double high() const { return m_hi; }
    /// How a value is written at the ends of the ramp.
    static QString valueText(double value);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_caption;
    double m_lo = 0.0;
    double m_hi = 0.0;
};

}  // namespace tl
