#pragma once

#include <QColor>
#include <QIcon>
#include <QImage>
#include <QMetaType>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVector>

namespace tl {

/// One class of a prediction as the predict box shows it.
struct PredictedClass {
    QString name;
    double probability = 0.0;
};

/// Values in [0, 1] over an image, row by row (Grad-CAM's heat).
struct HeatMap {
    QSize size;
    QVector<float> values;
    QString layer;  // the network node the map was computed at
    bool isNull() const { return values.isEmpty(); }
};

/// A class index per pixel, row by row; -1 where no class is known.
struct ClassMask {
    QSize size;
    QVector<qint32> labels;
    bool isNull() const { return labels.isEmpty(); }
    /// Fraction of the labelled pixels that each class 0 .. classCount - 1 covers.
    QVector<double> shares(int classCount) const;
};

/// Everything the predict box shows for one image. The pictures are drawn where the prediction
/// is made (off the GUI thread), scaled down to at most a few hundred pixels.
struct ImagePrediction {
    QImage picture;  // the image itself
    QVector<PredictedClass> top;  // classification
    HeatMap heat;
    QImage heatView;  // picture with the heat map over it
    QString heatProblem;
    QStringList classes;  // segmentation: every class of the run, by index
    ClassMask mask;
    QVector<double> shares;
    QImage maskView;  // picture with the class colours over it
    bool segmentation() const { return !mask.isNull(); }
};

/// One validation image of a segmentation run with its predicted and true masks drawn over it.
struct MaskGalleryItem {
    QString image;
    QImage predicted;
    QImage truth;
    double pixelAccuracy = -1.0;  // negative when the true mask could not be read
};

/// Colours and pictures of predictions, shared by the predict box and the mask gallery. Every
/// function is safe to call on any thread.
namespace overlay {

/// A perceptually ordered ramp from cold (dark blue) to hot (dark red), as "turbo"-style maps do.
QColor heatColor(float value);
/// A colour per class index that stays apart from its neighbours.
QColor classColor(int index);
/// `image` scaled to fit `side` pixels, as 32-bit RGB.
QImage fitted(const QImage& image, int side);
/// `base` with the heat drawn over it, more opaque where it is hotter.
QImage withHeat(const QImage& base, const HeatMap& heat);
/// `base` with every labelled pixel tinted in its class colour.
QImage withMask(const QImage& base, const ClassMask& mask, int alpha = 140);

}  // namespace overlay

/// A small square of `color` with a thin border, for legends. On the GUI thread only: it paints
/// a QPixmap.
QIcon classSwatch(const QColor& color);

}  // namespace tl

Q_DECLARE_METATYPE(tl::ImagePrediction)
Q_DECLARE_METATYPE(tl::MaskGalleryItem)
