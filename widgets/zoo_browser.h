#pragma once

#include <QTreeWidget>

namespace tl {

/// The model zoo grouped by family, each variant with its parameter count and default input size.
class ZooBrowser final : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, ParamsColumn, InputColumn };
    static constexpr int NameRole = Qt::UserRole;  // the architecture name on variant rows

    explicit ZooBrowser(QWidget* parent = nullptr);

    /// Selects the variant without emitting architectureChosen; false if the zoo has no such name.
    bool setCurrentArchitecture(const QString& name);
    QString currentArchitecture() const;
    /// The row of a variant, or nullptr.
    QTreeWidgetItem* itemFor(const QString& name) const;
    int variantCount() const { return int(m_items.size()); }

Q_SIGNALS:
    void architectureChosen(const QString& name);

private:
    QHash<QString, QTreeWidgetItem*> m_items;
};

}  // namespace tl
