#pragma once

#include <QTreeWidget>

namespace tl {
class ArchSpec;

/// The network as a tree: stages, blocks and branches, down to single layers, each row with
/// its kind, output shape and parameter count. Built from the ArchSpec alone.
class ArchitectureTree final : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, ShapeColumn, ParamsColumn };

    explicit ArchitectureTree(QWidget* parent = nullptr);

    /// Shows `spec` at the given input size; on a size the network cannot take, shows why instead.
    void setSpec(const ArchSpec& spec, int64_t height, int64_t width);

    /// Item of a node or group id, or nullptr.
    QTreeWidgetItem* itemFor(const QString& id) const;

private:
    QHash<QString, QTreeWidgetItem*> m_items;
};

}  // namespace tl
