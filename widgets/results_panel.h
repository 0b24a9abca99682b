#pragma once

#include "predict_box.h"
#include "run_files.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QStackedWidget;
class QTableWidget;

namespace tl {
class ConfusionView;
class MaskGallery;
class ThumbnailLoader;
class ThumbnailModel;

/// The results of one run: its validation confusion matrix (last or best epoch), per-class
/// precision, recall and F1, the validation images behind any cell (highest loss first), and a
/// box to try new images on the run's model. A segmentation run shows per-class IoU and Dice
/// and a gallery of validation images with predicted masks instead. Reads the run folder's files
/// with Qt alone; predictions are asked for with signals.
class ResultsPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPanel(QWidget* parent = nullptr);

    /// Shows the run in `runDir`; false (and a message in the panel) when it has no results.
    bool loadRun(const QString& runDir);
    QString runDir() const { return m_runDir; }
    QString statusText() const;
    const ConfusionReport& report() const { return m_report; }
    ConfusionView* confusionView() const { return m_view; }
    MaskGallery* maskGallery() const { return m_gallery; }
    bool segmentationRun() const { return m_segmentation; }

    /// Shows the best epoch's matrix instead of the last one's.
    void showBest(bool best);
    /// Lists the validation images of true class `truth` predicted as `predicted`, highest loss first.
    void showCell(int truth, int predicted);
    /// The images listed now, in order.
    QVector<ValPrediction> cellImages() const { return m_cellImages; }

    void showPrediction(const QString& image, const QVector<PredictedClass>& top);
    void showPrediction(const QString& image, const ImagePrediction& prediction);
    void showPredictionError(const QString& image, const QString& message);

    /// Answers to galleryRequested(); answers for another run than the one shown are ignored.
    void addGalleryItem(const QString& runDir, const MaskGalleryItem& item);
    void finishGallery(const QString& runDir, int count, const QString& problem = {});

Q_SIGNALS:
    /// Asks for the run's model's top classes (or mask) for `image`.
    void predictRequested(const QString& runDir, const QString& image);
    /// Asks for the run's validation images with their predicted and true masks.
    void galleryRequested(const QString& runDir);

private:
    bool loadSegmentationRun();
    void showSnapshot();
    QString resolveImage(const QString& path) const;

    QString m_runDir;
    QString m_dataRoot;
    ConfusionReport m_report;
    QVector<ValPrediction> m_predictions;
    QString m_predictionsError;
    QVector<ValPrediction> m_cellImages;
    bool m_segmentation = false;

    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QComboBox* m_epoch = nullptr;
    QLabel* m_epochLabel = nullptr;
    QStackedWidget* m_main = nullptr;
    ConfusionView* m_view = nullptr;
    MaskGallery* m_gallery = nullptr;
    QWidget* m_lower = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_cellCaption = nullptr;
    QListView* m_images = nullptr;
    ThumbnailLoader* m_loader = nullptr;
    ThumbnailModel* m_thumbnails = nullptr;
    PredictBox* m_predict = nullptr;
};

}  // namespace tl
