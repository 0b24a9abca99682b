#pragma once

#include <QMainWindow>

class QListWidget;
class QLabel;

namespace tl {
class ArchitectureTree;

/// The application window: the architecture zoo on the left, the chosen network's structure
/// in the centre.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    /// Shows the architecture with this name; false if the zoo has no such name.
    bool showArchitecture(const QString& name);

private:
    void populateZoo();

    QListWidget* m_zoo = nullptr;
    ArchitectureTree* m_tree = nullptr;
    QLabel* m_summary = nullptr;
};

}  // namespace tl
