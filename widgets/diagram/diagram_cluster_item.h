#pragma once

#include "diagram/diagram_graph.h"

#include <QGraphicsItem>

namespace tl {

/// The frame of an expanded group (stage, block, branch, head) with its title and a "−" button
/// that collapses it into one box.
class DiagramClusterItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };

    DiagramClusterItem(const DiagramCluster& cluster, const QRectF& rect);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    QString id() const { return m_cluster.id; }
    const DiagramCluster& cluster() const { return m_cluster; }
    QRectF rect() const { return m_rect; }
    /// The "−" button, in item coordinates.
    QRectF collapseButtonRect() const;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    DiagramCluster m_cluster;
    QRectF m_rect;
    bool m_hovered = false;
};

}  // namespace tl
