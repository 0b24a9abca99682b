#pragma once

#include <QRectF>
#include <QString>

class QGraphicsScene;

namespace tl {

/// Writes a region of a scene as a PNG on white, `scale` pixels per scene unit, shrunk where
/// needed so that no side exceeds 32000 pixels and the image stays under 32 megapixels (image
/// viewers, Qt's included, refuse larger ones by default). Atomic; on failure returns false and
/// sets `error`.
bool exportScenePng(QGraphicsScene* scene, const QRectF& region, const QString& path, double scale,
                    QString* error);

/// Writes a region of a scene as an SVG drawing (vector, selectable text). Atomic.
bool exportSceneSvg(QGraphicsScene* scene, const QRectF& region, const QString& path, const QString& title,
                    QString* error);

}  // namespace tl
