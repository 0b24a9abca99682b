#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QVector>

namespace tl {
class ThumbnailLoader;

/// One image of a thumbnail grid: its file, a short caption and a tooltip.
struct ThumbnailEntry {
    QString path;
    QString caption;
    QString toolTip;
};

/// Images as a list model for a QListView in icon mode. Previews are asked of the loader only
/// when the view paints a row, so a class of 10,000 images costs nothing until scrolled to.
class ThumbnailModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit ThumbnailModel(ThumbnailLoader* loader, QObject* parent = nullptr);

    void setEntries(const QVector<ThumbnailEntry>& entries);
    void setPaths(const QStringList& paths);
    const QVector<ThumbnailEntry>& entries() const { return m_entries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    void onReady(const QString& path);

    QPointer<ThumbnailLoader> m_loader;
    QVector<ThumbnailEntry> m_entries;
    QHash<QString, QVector<int>> m_rows;
};

}  // namespace tl
