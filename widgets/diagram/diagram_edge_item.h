#pragma once

#include "graph/arch_spec.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

namespace tl {

/// A connection of the architecture diagram, drawn by kind: plain arrows for the main path,
/// teal arcs for identity shortcuts, orange arcs with a diamond for projection shortcuts,
/// violet fans into inception branches, dashed magenta dense concatenations, dashed green
/// U-Net skip bridges and dotted branches to auxiliary heads.
class DiagramEdgeItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    /// `curve` holds cubic Bézier points from source to target as Graphviz routed them; U-Net
    /// skips ignore it and bridge the two boxes directly.
    DiagramEdgeItem(EdgeKind kind, int from, int to, const QPolygonF& curve, const QRectF& fromRect,
                    const QRectF& toRect);

    /// Draws a sequential step in the colour of the projection shortcut it belongs to.
    void setOnProjection(bool on);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    EdgeKind kind() const { return m_kind; }
    int from() const { return m_from; }
    int to() const { return m_to; }
    const QPainterPath& path() const { return m_path; }

private:
    static QPainterPath curvePath(const QPolygonF& curve, const QRectF& fromRect, const QRectF& toRect);
    static QPainterPath bridgePath(const QRectF& fromRect, const QRectF& toRect);

    EdgeKind m_kind;
    bool m_onProjection = false;
    int m_from;
    int m_to;
    QPainterPath m_path;
    QPolygonF m_arrow;
};

}  // namespace tl
