#pragma once

#include "diagram/diagram_style.h"

#include <QSet>
#include <QStringList>
#include <optional>

namespace tl {

/// One stroke of freeze painting across the diagram's boxes. The first box with parameters sets
/// the direction (a frozen box unfreezes, anything else freezes); every box touched after it
/// takes the same state. A one-box click can be taken back, for when it was half a double-click.
class FreezeBrush {
public:
    struct Change {
        QStringList layers;  // layers with parameters the stroke touched
        bool frozen = false;
    };

    void begin();
    bool active() const { return m_active; }
    /// Applies the stroke to a box's layers in `frozen`; returns whether the box was new to it.
    bool paint(int box, const QStringList& layers, FreezeState state, QSet<QString>& frozen);
    /// Ends the stroke; the change to report, if it touched any layer with parameters.
    std::optional<Change> finish();
    /// Restores `frozen` as it was before the last stroke if that stroke was one click on `box`;
    /// returns the layers that changed back.
    std::optional<Change> undoClick(int box, QSet<QString>& frozen);
    void clear();

private:
    bool m_active = false;
    int m_direction = -1;  // -1 undecided, 0 unfreeze, 1 freeze
    QSet<int> m_boxes;
    QStringList m_layers;
    QSet<QString> m_before;
    bool m_undoable = false;
};

}  // namespace tl
