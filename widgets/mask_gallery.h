#pragma once

#include "prediction_overlay.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;

namespace tl {

/// Validation images of a segmentation run with the predicted mask over each, the true mask
/// beside it on demand, and a legend of the class colours. Items arrive one at a time.
class MaskGallery final : public QWidget {
    Q_OBJECT
public:
    explicit MaskGallery(QWidget* parent = nullptr);

    /// Empties the gallery and says why it is empty (or what is coming).
    void clear(const QString& message);
    void setClasses(const QStringList& classes);
    void addItem(const MaskGalleryItem& item);
    void setCaption(const QString& text);

    int count() const { return int(m_items.size()); }
    QString caption() const;
    QString legendText() const;
    /// Whether each tile shows the true mask beside the predicted one.
    bool truthShown() const;
    void setTruthShown(bool shown);
    /// The picture of tile `row` as drawn now.
    QImage tile(int row) const;

private:
    QImage compose(const MaskGalleryItem& item) const;
    void redraw();

    QVector<MaskGalleryItem> m_items;
    QLabel* m_caption = nullptr;
    QCheckBox* m_truth = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_legend = nullptr;
};

}  // namespace tl
