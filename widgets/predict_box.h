#pragma once

#include "prediction_overlay.h"

#include <QFrame>
#include <QVector>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace tl {
class ThumbnailLoader;

/// Takes an image (dropped on it or chosen) and shows what a run's model makes of it: the top
/// classes with bars and a Grad-CAM heat map over the image, or for a segmentation run the
/// predicted mask over the image with a legend of the classes and their share of the pixels.
/// The prediction itself is asked for with imageChosen() and answered with showPrediction().
class PredictBox final : public QFrame {
    Q_OBJECT
public:
    explicit PredictBox(QWidget* parent = nullptr);

    /// Whether a model is there to ask; without one the box says why.
    void setAvailable(bool available, const QString& reason = {}, bool segmentation = false);
    void showBusy(const QString& image);
    void showPrediction(const QString& image, const ImagePrediction& prediction);
    void showPrediction(const QString& image, const QVector<PredictedClass>& top);
    void showError(const QString& image, const QString& message);

    QString image() const { return m_image; }
    QString statusText() const;
    int rowCount() const;
    /// Text of a cell of the classes table (or legend).
    QString cellText(int row, int column) const;
    /// Whether a heat map or mask came with the prediction, and whether it is drawn now.
    bool overlayAvailable() const;
    bool overlayShown() const;
    void setOverlayShown(bool shown);
    /// The picture in the preview now.
    QImage shownPicture() const { return m_shown; }
    QString overlaySourceText() const;

Q_SIGNALS:
    void imageChosen(const QString& path);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void showPreview(const QString& image);
    void showPicture();
    void clearResult();
    void fillClasses(const QVector<PredictedClass>& top);
    void fillLegend(const ImagePrediction& prediction);

    ThumbnailLoader* m_loader;
    QString m_image;
    bool m_available = false;
    bool m_segmentation = false;
    ImagePrediction m_prediction;
    QImage m_shown;
    QLabel* m_preview = nullptr;
    QLabel* m_status = nullptr;
    QCheckBox* m_overlay = nullptr;
    QLabel* m_source = nullptr;
    QPushButton* m_choose = nullptr;
    QTableWidget* m_top = nullptr;
};

}  // namespace tl
