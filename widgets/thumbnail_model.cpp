#include "thumbnail_model.h"

#include "thumbnail_loader.h"

#include <QFileInfo>
#include <QIcon>

namespace tl {

ThumbnailModel::ThumbnailModel(ThumbnailLoader* loader, QObject* parent) : QAbstractListModel(parent), m_loader(loader)
{
    connect(loader, &ThumbnailLoader::ready, this, &ThumbnailModel::onReady);
}

void ThumbnailModel::setEntries(const QVector<ThumbnailEntry>& entries)
{
    beginResetModel();
    if (m_loader)
        m_loader->cancelPending();
    m_entries = entries;
    m_rows.clear();
    for (int row = 0; row < m_entries.size(); ++row)
        m_rows[m_entries[row].path].append(row);
    endResetModel();
}

void ThumbnailModel::setPaths(const QStringList& paths)
{
    QVector<ThumbnailEntry> entries;
    entries.reserve(paths.size());
    for (const QString& path : paths)
        entries.append({path, QFileInfo(path).fileName(), path});
    setEntries(entries);
}

int ThumbnailModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ThumbnailModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const ThumbnailEntry& e = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole: return e.caption;
    case Qt::ToolTipRole: return e.toolTip;
    case PathRole: return e.path;
    case Qt::DecorationRole: {
        if (!m_loader)
            return {};
        const QPixmap pixmap = m_loader->thumbnail(e.path);
        if (pixmap.isNull()) {
            // An empty icon of the final size keeps the grid from jumping when previews arrive.
            QPixmap blank(m_loader->thumbnailSize());
            blank.fill(Qt::transparent);
            return QIcon(blank);
        }
        return QIcon(pixmap);
    }
    default: return {};
    }
}

void ThumbnailModel::onReady(const QString& path)
{
    const auto it = m_rows.constFind(path);
    if (it == m_rows.constEnd())
        return;
    for (int row : *it)
        Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole});
}

}  // namespace tl
