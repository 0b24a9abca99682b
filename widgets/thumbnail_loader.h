#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QSize>
#include <QThreadPool>

namespace tl {

/// Decodes small previews of image files on its own threads (QImageReader's scaled read, so a
/// large JPEG is decoded at a fraction of its size) and keeps them cached by path. The GUI
/// thread only asks and is told; it never decodes.
class ThumbnailLoader final : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailLoader(QSize size = QSize(96, 96), QObject* parent = nullptr);
    /// Drops queued decodes and waits for the running ones, so no result outlives the loader.
    ~ThumbnailLoader() override;

    QSize thumbnailSize() const { return m_size; }

    /// The cached preview of `path`, or a null pixmap after queueing its decode; ready() follows.
    /// A file that cannot be decoded gets a marked placeholder instead of being tried again.
    QPixmap thumbnail(const QString& path);
    bool isCached(const QString& path) const { return m_cache.contains(path); }
    /// Forgets queued decodes nobody will look at any more (another class was chosen).
    void cancelPending();

Q_SIGNALS:
    void ready(const QString& path);

private:
    void deliver(const QString& path, const QImage& image);
    QPixmap brokenPlaceholder() const;

    QSize m_size;
    QThreadPool m_pool;
    QCache<QString, QPixmap> m_cache;
    QSet<QString> m_pending;
};

}  // namespace tl
