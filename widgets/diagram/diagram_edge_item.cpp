#include "diagram/diagram_edge_item.h"

#include "diagram/diagram_style.h"

#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QtMath>

namespace tl {

namespace {

QPointF borderPoint(const QRectF& rect, const QPointF& toward)
{
    // Where the line from the box's centre toward a point leaves the box.
    const QPointF c = rect.center();
    const QPointF d = toward - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const double sx = qFuzzyIsNull(d.x()) ? 1e9 : (rect.width() / 2) / qAbs(d.x());
    const double sy = qFuzzyIsNull(d.y()) ? 1e9 : (rect.height() / 2) / qAbs(d.y());
    return c + d * qMin(1.0, qMin(sx, sy));
}

}  // namespace

DiagramEdgeItem::DiagramEdgeItem(EdgeKind kind, int from, int to, const QPolygonF& curve, const QRectF& fromRect,
                                 const QRectF& toRect)
    : m_kind(kind), m_from(from), m_to(to)
{
    m_path = kind == EdgeKind::UNetSkip ? bridgePath(fromRect, toRect) : curvePath(curve, fromRect, toRect);
    // The arrowhead points along the last stretch of the path.
    const QPointF tip = m_path.pointAtPercent(1.0);
    const double len = m_path.length();
    const QPointF back = m_path.pointAtPercent(len > 0 ? m_path.percentAtLength(qMax(0.0, len - 7.0)) : 0.0);
    QLineF axis(tip, back);
    if (axis.length() > 0.01) {
        axis.setLength(7.5);
        QLineF left = axis;
        left.setAngle(axis.angle() + 24);
        QLineF right = axis;
        right.setAngle(axis.angle() - 24);
        m_arrow << tip << left.p2() << right.p2();
    }
    setZValue(kind == EdgeKind::Sequential ? 100 : 110);
}

void DiagramEdgeItem::setOnProjection(bool on)
{
    m_onProjection = on;
    update();
}

QPainterPath DiagramEdgeItem::curvePath(const QPolygonF& curve, const QRectF& fromRect, const QRectF& toRect)
{
    QPainterPath path;
    if (curve.size() >= 4 && (curve.size() - 1) % 3 == 0) {
        path.moveTo(curve[0]);
        for (int i = 1; i + 2 < curve.size(); i += 3)
            path.cubicTo(curve[i], curve[i + 1], curve[i + 2]);
        return path;
    }
    // Graphviz gave no route (it should not happen); a straight line still shows the connection.
    path.moveTo(borderPoint(fromRect, toRect.center()));
    path.lineTo(borderPoint(toRect, fromRect.center()));
    return path;
}

QPainterPath DiagramEdgeItem::bridgePath(const QRectF& fromRect, const QRectF& toRect)
{
    // A skip bridge runs level from the side of the encoder box to the facing side of the decoder box.
    const bool rightward = toRect.center().x() >= fromRect.center().x();
    const QPointF start(rightward ? fromRect.right() : fromRect.left(), fromRect.center().y());
    const QPointF end(rightward ? toRect.left() : toRect.right(), toRect.center().y());
    QPainterPath path(start);
    const double dx = (end.x() - start.x()) / 2;
    path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end);
    return path;
}

QRectF DiagramEdgeItem::boundingRect() const
{
    return m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-8, -8, 8, 8);
}

QPainterPath DiagramEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(6);
    return stroker.createStroke(m_path);
}

void DiagramEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QPen pen = diagram_style::edgePen(m_onProjection ? EdgeKind::ResidualProjection : m_kind);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(QPen(pen.color(), 1.0));
    painter->setBrush(pen.color());
    painter->drawPolygon(m_arrow);
    if (m_kind == EdgeKind::ResidualProjection) {
        // The diamond marks a shortcut that changes shape (1×1 convolution), unlike an identity arc.
        const QPointF mid = m_path.pointAtPercent(0.5);
        QPolygonF diamond;
        diamond << mid + QPointF(0, -6) << mid + QPointF(6, 0) << mid + QPointF(0, 6) << mid + QPointF(-6, 0);
        painter->setPen(QPen(Qt::white, 1.5));
        painter->drawPolygon(diamond);
    }
}

}  // namespace tl
