#pragma once

#include <QMainWindow>

class QListWidget;
class QLabel;
class QTabWidget;

#include <QSet>
#include <QString>

namespace tl {
class ArchitectureDiagram;
class ArchitectureTree;

/// The application window: the architecture zoo on the left, the chosen network as a block
/// diagram (where blocks are frozen by painting) and as a layer tree in the centre.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    /// Shows the architecture with this name; false if the zoo has no such name.
    bool showArchitecture(const QString& name);

    /// Layers whose parameters are frozen in the shown network.
    QSet<QString> frozenLayers() const { return m_frozen; }

private:
    void populateZoo();
    void setFrozen(const QStringList& layerIds, bool frozen);
    void updateSummary();
    void exportDiagram();

    QListWidget* m_zoo = nullptr;
    QTabWidget* m_tabs = nullptr;
    ArchitectureDiagram* m_diagram = nullptr;
    ArchitectureTree* m_tree = nullptr;
    QLabel* m_summary = nullptr;
    QString m_arch;
    QSet<QString> m_frozen;
};

}  // namespace tl
