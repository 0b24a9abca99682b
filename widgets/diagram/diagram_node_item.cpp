#include "diagram/diagram_node_item.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace tl {

namespace {

constexpr double kStackOffset = 4.0;  // how far the cards behind a collapsed group peek out

}  // namespace

DiagramNodeItem::DiagramNodeItem(const DiagramNode& node, int index, const QRectF& rect)
    : m_node(node), m_index(index), m_rect(rect)
{
    setAcceptHoverEvents(true);
    setZValue(200);
}

QRectF DiagramNodeItem::boundingRect() const
{
    const double grow = m_node.isGroup ? kStackOffset * 2 : 0;
    return m_rect.adjusted(-2, -2, 2 + grow, 2 + grow);
}

QPainterPath DiagramNodeItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(m_rect, diagram_style::cornerRadius, diagram_style::cornerRadius);
    return path;
}

void DiagramNodeItem::setFreezeState(FreezeState state)
{
    if (state == m_state)
        return;
    m_state = state;
    update();
}

void DiagramNodeItem::setHeat(std::optional<double> heat)
{
    if (heat == m_heat)
        return;  // live updates repaint only the boxes whose colour changed
    m_heat = heat;
    update();
}

void DiagramNodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = true;
    update();
}

void DiagramNodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = false;
    update();
}

void DiagramNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    namespace ds = diagram_style;
    const double radius = ds::cornerRadius;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, true);

    const QColor headerColor = m_node.isGroup ? ds::groupColor(m_node.groupKind) : ds::kindColor(m_node.kind);
    const QColor fill = m_heat ? ds::heatColor(*m_heat) : ds::fillColor(m_state);
    QPen border(m_hovered ? headerColor.darker(130) : ds::borderColor(m_state),
                m_state == FreezeState::NoParameters ? 1.0 : 1.6);
    if (m_node.auxiliary)
        border.setStyle(Qt::DashLine);

    if (m_node.isGroup) {
        for (int k = 2; k >= 1; --k) {
            painter->setPen(QPen(ds::borderColor(m_state), 1.0));
            painter->setBrush(fill.darker(100 + 4 * k));
            painter->drawRoundedRect(m_rect.translated(kStackOffset * k, kStackOffset * k), radius, radius);
        }
    }
    painter->setPen(border);
    painter->setBrush(fill);
    painter->drawRoundedRect(m_rect, radius, radius);

    const QFontMetricsF titleMetrics(ds::titleFont());
    const double headerHeight = titleMetrics.height() + 6.0;
    const QRectF header(m_rect.left(), m_rect.top(), m_rect.width(), headerHeight);
    QPainterPath headerPath;
    headerPath.addRoundedRect(m_rect.adjusted(0.8, 0.8, -0.8, -0.8), radius - 0.5, radius - 0.5);
    QPainterPath clip;
    clip.addRect(header);
    painter->setPen(Qt::NoPen);
    painter->setBrush(headerColor);
    painter->drawPath(headerPath.intersected(clip));

    if (lod < 0.3)
        return;  // text is unreadable this far out; coloured boxes still show the structure

    painter->setPen(Qt::white);
    painter->setFont(ds::titleFont());
    QRectF titleRect = header.adjusted(ds::padding, 0, -ds::padding, 0);
    if (m_node.isGroup) {
        // A "+" badge says the box opens up.
        const QRectF badge(header.right() - 16, header.center().y() - 5.5, 11, 11);
        painter->setPen(QPen(Qt::white, 1.4));
        painter->drawLine(QPointF(badge.center().x(), badge.top() + 2), QPointF(badge.center().x(), badge.bottom() - 2));
        painter->drawLine(QPointF(badge.left() + 2, badge.center().y()), QPointF(badge.right() - 2, badge.center().y()));
        titleRect.setRight(badge.left() - 2);
    }
    painter->setPen(Qt::white);
    painter->drawText(titleRect, Qt::AlignVCenter | (m_node.isGroup ? Qt::AlignLeft : Qt::AlignHCenter),
                      titleMetrics.elidedText(m_node.title, Qt::ElideRight, titleRect.width()));
    if (m_state == FreezeState::Frozen && !m_heat)
        paintLock(painter, header);

    const bool darkFill = m_heat && *m_heat > 0.6;
    painter->setPen(darkFill ? QColor(Qt::white) : QColor(0x2b, 0x31, 0x38));
    painter->setFont(ds::bodyFont());
    const QFontMetricsF bodyMetrics(ds::bodyFont());
    double y = header.bottom() + 3.0;
    for (const QString& line : ds::bodyLines(m_node)) {
        const QRectF lineRect(m_rect.left() + ds::padding, y, m_rect.width() - 2 * ds::padding, bodyMetrics.height());
        painter->drawText(lineRect, Qt::AlignCenter, bodyMetrics.elidedText(line, Qt::ElideRight, lineRect.width()));
        y += bodyMetrics.height();
    }
}

void DiagramNodeItem::paintLock(QPainter* painter, const QRectF& header) const
{
    // A small padlock in the header corner, so "frozen" reads without relying on colour alone.
    const double s = 7.0;
    const QPointF origin(header.right() - s - 6, header.center().y() - s / 2 + 1.5);
    const QRectF body(origin.x(), origin.y() + s * 0.35, s, s * 0.65);
    painter->setPen(QPen(Qt::white, 1.2));
    painter->setBrush(Qt::NoBrush);
    painter->drawArc(QRectF(origin.x() + 1.2, origin.y() - s * 0.25, s - 2.4, s * 0.9), 0, 180 * 16);
    painter->setPen(Qt::NoPen);
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(body, 1, 1);
}

}  // namespace tl
