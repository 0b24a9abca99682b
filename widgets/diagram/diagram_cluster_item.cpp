#include "diagram/diagram_cluster_item.h"

#include "diagram/diagram_style.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace tl {

DiagramClusterItem::DiagramClusterItem(const DiagramCluster& cluster, const QRectF& rect)
    : m_cluster(cluster), m_rect(rect)
{
    setAcceptHoverEvents(true);
    setZValue(cluster.depth);  // inner frames above outer ones, all below edges and boxes
}

QRectF DiagramClusterItem::boundingRect() const
{
    return m_rect.adjusted(-1, -1, 1, 1);
}

QRectF DiagramClusterItem::collapseButtonRect() const
{
    return QRectF(m_rect.right() - 16, m_rect.top() + 4, 12, 12);
}

void DiagramClusterItem::hoverEnterEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = true;
    update();
}

void DiagramClusterItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = false;
    update();
}

void DiagramClusterItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    namespace ds = diagram_style;
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QColor border = ds::clusterBorder(m_cluster.kind);
    painter->setPen(QPen(m_hovered ? border.darker(140) : border, m_cluster.kind == GroupKind::Stage ? 1.3 : 1.0));
    painter->setBrush(ds::clusterFill(m_cluster.kind, m_cluster.depth));
    painter->drawRoundedRect(m_rect, 7, 7);

    if (option->levelOfDetailFromTransform(painter->worldTransform()) < 0.3)
        return;
    const QRectF button = collapseButtonRect();
    const QColor ink = ds::groupColor(m_cluster.kind);
    painter->setFont(ds::clusterFont());
    painter->setPen(ink);
    const QFontMetricsF metrics(ds::clusterFont());
    const QRectF titleRect(m_rect.left() + 8, m_rect.top() + 3, button.left() - m_rect.left() - 12, metrics.height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(m_cluster.label, Qt::ElideRight, titleRect.width()));
    painter->setPen(QPen(m_hovered ? ink : border.darker(120), 1.2));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(button, 2.5, 2.5);
    painter->drawLine(QPointF(button.left() + 3, button.center().y()), QPointF(button.right() - 3, button.center().y()));
}

}  // namespace tl
