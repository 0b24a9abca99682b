#include "confusion_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace tl {

namespace {

constexpr int kMargin = 8;
constexpr int kTitle = 20;  // room for the "Predicted" and "True class" axis titles
constexpr int kMaxLabel = 140;
const QColor kRight(0x1f, 0x5f, 0xa8);
const QColor kWrong(0xc0, 0x39, 0x2b);

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

}  // namespace

ConfusionView::ConfusionView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    clear(tr("No confusion matrix yet."));
}

void ConfusionView::setMatrix(const QStringList& classes, const QVector<QVector<qint64>>& matrix)
{
    m_classes = classes;
    m_matrix = matrix;
    m_matrix.resize(classes.size());
    m_rowTotals.clear();
    for (QVector<qint64>& row : m_matrix) {
        row.resize(classes.size());
        qint64 total = 0;
        for (qint64 v : row)
            total += v;
        m_rowTotals.append(total);
    }
    m_message.clear();
    m_hover = m_pressed = QPoint(-1, -1);
    relayout();
    updateGeometry();
    update();
}

void ConfusionView::clear(const QString& message)
{
    m_classes.clear();
    m_matrix.clear();
    m_rowTotals.clear();
    m_message = message;
    m_hover = m_pressed = QPoint(-1, -1);
    relayout();
    update();
}

qint64 ConfusionView::count(int truth, int predicted) const
{
    if (truth < 0 || predicted < 0 || truth >= classCount() || predicted >= classCount())
        return 0;
    return m_matrix[truth][predicted];
}

double ConfusionView::rowFraction(int truth, int predicted) const
{
    const qint64 total = truth >= 0 && truth < classCount() ? m_rowTotals[truth] : 0;
    return total > 0 ? double(count(truth, predicted)) / double(total) : 0.0;
}

QColor ConfusionView::cellColor(int truth, int predicted) const
{
    const double f = rowFraction(truth, predicted);
    // A single mistake among hundreds still gets a visible tint.
    const double t = count(truth, predicted) > 0 ? 0.08 + 0.92 * f : 0.0;
    return mix(QColor(Qt::white), truth == predicted ? kRight : kWrong, t);
}

QRect ConfusionView::cellRect(int truth, int predicted) const
{
    return QRect(m_grid.left() + predicted * m_cell, m_grid.top() + truth * m_cell, m_cell, m_cell);
}

QPoint ConfusionView::cellAt(const QPoint& pos) const
{
    if (m_cell <= 0 || !m_grid.contains(pos))
        return {-1, -1};
    const int predicted = (pos.x() - m_grid.left()) / m_cell;
    const int truth = (pos.y() - m_grid.top()) / m_cell;
    if (truth >= classCount() || predicted >= classCount())
        return {-1, -1};
    return {predicted, truth};
}

QString ConfusionView::cellText(int truth, int predicted) const
{
    if (truth < 0 || predicted < 0 || truth >= classCount() || predicted >= classCount())
        return {};
    const QString share = QString::number(rowFraction(truth, predicted) * 100.0, 'f', 1);
    return tr("True class: %1\nPredicted: %2\n%3 of %4 images of %1 (%5 %)")
        .arg(m_classes[truth], m_classes[predicted])
        .arg(count(truth, predicted))
        .arg(m_rowTotals[truth])
        .arg(share);
}

QSize ConfusionView::sizeHint() const
{
    const int n = qMax(1, classCount());
    const int side = qBound(200, n * 48, 700);
    return {side + kMaxLabel, side + kMaxLabel};
}

QSize ConfusionView::minimumSizeHint() const
{
    return {160, 160};
}

void ConfusionView::relayout()
{
    const QFontMetrics fm(font());
    m_labelWidth = 0;
    for (const QString& name : m_classes)
        m_labelWidth = qMax(m_labelWidth, fm.horizontalAdvance(name));
    m_labelWidth = qMin(m_labelWidth + 6, kMaxLabel);
    const int n = classCount();
    if (n == 0) {
        m_cell = 0;
        m_grid = QRect();
        return;
    }
    const int left = kMargin + kTitle + m_labelWidth;
    const int top = kMargin + kTitle + m_labelWidth;
    const int room = qMin(width() - left - kMargin, height() - top - kMargin);
    m_cell = qBound(4, room / n, 72);
    m_grid = QRect(left, top, m_cell * n, m_cell * n);
}

void ConfusionView::resizeEvent(QResizeEvent* event)
{
    relayout();
    QWidget::resizeEvent(event);
}

void ConfusionView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    if (classCount() == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const int n = classCount();
    QFont countFont = font();
    countFont.setPixelSize(qBound(7, m_cell / 3, 14));
    const QFontMetrics countMetrics(countFont);
    for (int t = 0; t < n; ++t) {
        for (int c = 0; c < n; ++c) {
            const QRect r = cellRect(t, c);
            const QColor fill = cellColor(t, c);
            p.fillRect(r, fill);
            const QString text = QString::number(m_matrix[t][c]);
            if (countMetrics.horizontalAdvance(text) + 4 <= m_cell && countMetrics.height() <= m_cell) {
                p.setFont(countFont);
                p.setPen(fill.lightnessF() < 0.55 ? Qt::white : QColor(0x30, 0x30, 0x30));
                p.drawText(r, Qt::AlignCenter, text);
            }
        }
    }
    p.setFont(font());
    p.setPen(QColor(0xc8, 0xc8, 0xc8));
    for (int i = 0; i <= n; ++i) {
        p.drawLine(m_grid.left(), m_grid.top() + i * m_cell, m_grid.right() + 1, m_grid.top() + i * m_cell);
        p.drawLine(m_grid.left() + i * m_cell, m_grid.top(), m_grid.left() + i * m_cell, m_grid.bottom() + 1);
    }
    if (m_hover.x() >= 0) {
        p.setPen(QPen(palette().color(QPalette::Text), 2));
        p.drawRect(cellRect(m_hover.y(), m_hover.x()).adjusted(1, 1, -1, -1));
    }

    // Class names: rows on the left, columns above, rotated; the hovered row and column in bold.
    const QFontMetrics fm(font());
    const int labelStep = qMax(1, (fm.height() + m_cell - 1) / qMax(1, m_cell));  // skip labels that would overlap
    for (int i = 0; i < n; i += labelStep) {
        QFont f = font();
        f.setBold(i == m_hover.y());
        p.setFont(f);
        p.setPen(palette().color(QPalette::Text));
        const QString row = QFontMetrics(f).elidedText(m_classes[i], Qt::ElideMiddle, m_labelWidth - 6);
        p.drawText(QRect(m_grid.left() - m_labelWidth, cellRect(i, 0).top(), m_labelWidth - 6, m_cell),
                   Qt::AlignRight | Qt::AlignVCenter, row);
        f.setBold(i == m_hover.x());
        p.setFont(f);
        p.save();
        p.translate(cellRect(0, i).left(), m_grid.top() - 6);
        p.rotate(-90);
        p.drawText(QRect(0, 0, m_labelWidth - 6, m_cell), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(f).elidedText(m_classes[i], Qt::ElideMiddle, m_labelWidth - 6));
        p.restore();
    }
    QFont title = font();
    title.setItalic(true);
    p.setFont(title);
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRect(m_grid.left(), kMargin, m_grid.width(), kTitle), Qt::AlignCenter, tr("Predicted"));
    p.save();
    p.translate(kMargin, m_grid.bottom());
    p.rotate(-90);
    p.drawText(QRect(0, 0, m_grid.height(), kTitle), Qt::AlignCenter, tr("True class"));
    p.restore();
}

void ConfusionView::setHover(const QPoint& cell)
{
    if (cell == m_hover)
        return;
    m_hover = cell;
    setCursor(cell.x() >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
}

void ConfusionView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint cell = cellAt(event->position().toPoint());
    setHover(cell);
    if (cell.x() >= 0)
        QToolTip::showText(event->globalPosition().toPoint(), cellText(cell.y(), cell.x()), this,
                           cellRect(cell.y(), cell.x()));
    else
        QToolTip::hideText();
}

void ConfusionView::mousePressEvent(QMouseEvent* event)
{
    m_pressed = event->button() == Qt::LeftButton ? cellAt(event->position().toPoint()) : QPoint(-1, -1);
}

void ConfusionView::mouseReleaseEvent(QMouseEvent* event)
{
    const QPoint cell = cellAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && cell.x() >= 0 && cell == m_pressed)
        Q_EMIT cellActivated(cell.y(), cell.x());
    m_pressed = QPoint(-1, -1);
}

void ConfusionView::leaveEvent(QEvent* event)
{
    setHover({-1, -1});
    QWidget::leaveEvent(event);
}

bool ConfusionView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const QPoint cell = cellAt(static_cast<QHelpEvent*>(event)->pos());
        if (cell.x() >= 0)
            QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), cellText(cell.y(), cell.x()), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

}  // namespace tl
