#include "thumbnail_loader.h"

#include <QImageReader>
#include <QPainter>

namespace tl {

namespace {

QImage decodeScaled(const QString& path, QSize box)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    // Asking the reader for the scaled size lets JPEG decode at 1/2, 1/4 or 1/8 resolution.
    if (full.isValid() && (full.width() > box.width() || full.height() > box.height()))
        reader.setScaledSize(full.scaled(box, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return image;
    // Small images (32-pixel datasets) are enlarged too, so every preview fills the same box.
    if (image.size() != image.size().scaled(box, Qt::KeepAspectRatio))
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

}  // namespace

ThumbnailLoader::ThumbnailLoader(QSize size, QObject* parent) : QObject(parent), m_size(size)
{
    m_pool.setMaxThreadCount(2);
    // Each thumbnail costs one unit; a few thousand 96-pixel previews stay below ~100 MB.
    m_cache.setMaxCost(3000);
}

ThumbnailLoader::~ThumbnailLoader()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QPixmap ThumbnailLoader::thumbnail(const QString& path)
{
    if (QPixmap* cached = m_cache.object(path))
        return *cached;
    if (!m_pending.contains(path)) {
        m_pending.insert(path);
        const QSize box = m_size;
        m_pool.start([this, path, box] {
            const QImage image = decodeScaled(path, box);
            // The destructor waits for running tasks, so `this` is alive here; the queued call
            // is dropped by Qt if the loader is deleted before it runs.
            QMetaObject::invokeMethod(this, [this, path, image] { deliver(path, image); }, Qt::QueuedConnection);
        });
    }
    return {};
}

void ThumbnailLoader::cancelPending()
{
    m_pool.clear();
    m_pending.clear();
}

void ThumbnailLoader::deliver(const QString& path, const QImage& image)
{
    m_pending.remove(path);
    m_cache.insert(path, new QPixmap(image.isNull() ? brokenPlaceholder() : QPixmap::fromImage(image)), 1);
    Q_EMIT ready(path);
}

QPixmap ThumbnailLoader::brokenPlaceholder() const
{
    QPixmap pixmap(m_size);
    pixmap.fill(QColor(0xf2, 0xdc, 0xdc));
    QPainter p(&pixmap);
    p.setPen(QPen(QColor(0xb0, 0x30, 0x30), 3));
    const QRect r = pixmap.rect().adjusted(m_size.width() / 3, m_size.height() / 3, -m_size.width() / 3,
                                           -m_size.height() / 3);
    p.drawLine(r.topLeft(), r.bottomRight());
    p.drawLine(r.topRight(), r.bottomLeft());
    return pixmap;
}

}  // namespace tl
