#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

namespace tl {

/// A confusion matrix as a heat map: rows are the true class, columns the prediction, each cell
/// shows its count and is coloured by its share of the row (so a rare class reads as clearly as
/// a common one), diagonal cells blue and mistakes red. Hovering tells the counts; clicking a
/// cell asks for its images.
class ConfusionView final : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionView(QWidget* parent = nullptr);

    void setMatrix(const QStringList& classes, const QVector<QVector<qint64>>& matrix);
    /// Shows `message` instead of a matrix.
    void clear(const QString& message = {});

    int classCount() const { return int(m_classes.size()); }
    qint64 count(int truth, int predicted) const;
    /// The cell's share of its row (the true class's images), 0 for an empty row.
    double rowFraction(int truth, int predicted) const;
    QColor cellColor(int truth, int predicted) const;
    QRect cellRect(int truth, int predicted) const;
    /// The (truth, predicted) cell under `pos`, or (-1, -1).
    QPoint cellAt(const QPoint& pos) const;
    QPoint hoveredCell() const { return m_hover; }
    QString cellText(int truth, int predicted) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cellActivated(int truth, int predicted);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void relayout();
    void setHover(const QPoint& cell);

    QStringList m_classes;
    QVector<QVector<qint64>> m_matrix;
    QVector<qint64> m_rowTotals;
    QString m_message;
    QRect m_grid;  // the cells' area
    int m_cell = 0;
    int m_labelWidth = 0;
    QPoint m_hover{-1, -1};
    QPoint m_pressed{-1, -1};
};

}  // namespace tl
