#include "diagram/diagram_export.h"

#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace tl {

namespace {

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

}  // namespace

bool exportScenePng(QGraphicsScene* scene, const QRectF& region, const QString& path, double scale,
                    QString* error)
{
    if (!scene || region.isEmpty())
        return fail(error, QObject::tr("There is no diagram to export."));
    constexpr double maxSide = 32000;
    constexpr double maxPixels = 32e6;
    scale = qMin(scale, maxSide / qMax(region.width(), region.height()));
    scale = qMin(scale, std::sqrt(maxPixels / (region.width() * region.height())));
    const QSize size(qMax(1, qRound(region.width() * scale)), qMax(1, qRound(region.height() * scale)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return fail(error, QObject::tr("Not enough memory for a %1 × %2 image.").arg(size.width()).arg(size.height()));
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        scene->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), region);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QObject::tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (!image.save(&file, "PNG") || !file.commit())
        return fail(error, QObject::tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

bool exportSceneSvg(QGraphicsScene* scene, const QRectF& region, const QString& path, const QString& title,
                    QString* error)
{
    if (!scene || region.isEmpty())
        return fail(error, QObject::tr("There is no diagram to export."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QObject::tr("Cannot write %1: %2").arg(path, file.errorString()));
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(region.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), region.size()));
    generator.setTitle(title);
    generator.setDescription(QObject::tr("Architecture diagram exported from TransferLab"));
    {
        QPainter painter(&generator);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.fillRect(QRectF(QPointF(0, 0), region.size()), Qt::white);
        scene->render(&painter, QRectF(QPointF(0, 0), region.size()), region);
    }
    if (file.error() != QFileDevice::NoError || !file.commit())
        return fail(error, QObject::tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

}  // namespace tl
