#pragma once

#include "diagram/diagram_style.h"

#include <QGraphicsItem>
#include <optional>

namespace tl {

/// A box of the architecture diagram: a layer, or a collapsed group drawn as a stack of cards.
/// Its fill says whether its parameters learn (warm) or are frozen (blue-grey), unless a heat
/// value (e.g. a live gradient norm) overrides it.
class DiagramNodeItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    DiagramNodeItem(const DiagramNode& node, int index, const QRectF& rect);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const DiagramNode& node() const { return m_node; }
    QString id() const { return m_node.id; }
    int index() const { return m_index; }
    QRectF rect() const { return m_rect; }

    FreezeState freezeState() const { return m_state; }
    void setFreezeState(FreezeState state);
    /// Heat in [0, 1], or none to show the freeze colours again.
    void setHeat(std::optional<double> heat);
    std::optional<double> heat() const { return m_heat; }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void paintLock(QPainter* painter, const QRectF& header) const;

    DiagramNode m_node;
    int m_index;
    QRectF m_rect;
    FreezeState m_state = FreezeState::NoParameters;
    std::optional<double> m_heat;
    bool m_hovered = false;
};

}  // namespace tl
