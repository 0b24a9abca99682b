#include "diagram/freeze_brush.h"

namespace tl {

void FreezeBrush::clear()
{
    *this = FreezeBrush();
}

void FreezeBrush::begin()
{
    clear();
    m_active = true;
}

bool FreezeBrush::paint(int box, const QStringList& layers, FreezeState state, QSet<QString>& frozen)
{
    if (!m_active || m_boxes.contains(box))
        return false;
    m_boxes.insert(box);
    if (layers.isEmpty())
        return true;  // a ReLU or a pooling layer has nothing to freeze, but the stroke goes on
    if (m_direction < 0) {
        m_direction = state == FreezeState::Frozen ? 0 : 1;
        m_before = frozen;
    }
    for (const QString& id : layers) {
        if (m_direction == 1)
            frozen.insert(id);
        else
            frozen.remove(id);
    }
    m_layers += layers;
    return true;
}

std::optional<FreezeBrush::Change> FreezeBrush::finish()
{
    if (!m_active)
        return std::nullopt;
    m_active = false;
    m_undoable = m_boxes.size() == 1 && m_direction >= 0;
    if (m_layers.isEmpty())
        return std::nullopt;
    return Change{m_layers, m_direction == 1};
}

std::optional<FreezeBrush::Change> FreezeBrush::undoClick(int box, QSet<QString>& frozen)
{
    if (!m_undoable || !m_boxes.contains(box))
        return std::nullopt;
    Change change;
    change.frozen = m_direction != 1;
    for (const QString& id : m_layers)
        if (m_before.contains(id) == change.frozen)
            change.layers << id;
    frozen = m_before;
    clear();
    if (change.layers.isEmpty())
        return std::nullopt;
    return change;
}

}  // namespace tl
