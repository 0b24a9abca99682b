#pragma once

#include <QFrame>
#include <QVector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tl {
class ThumbnailLoader;

/// One class of a prediction as the predict box shows it.
struct PredictedClass {
    QString name;
    double probability = 0.0;
};

/// Takes an image (dropped on it or chosen) and shows a run's top classes for it with bars.
/// The prediction itself is asked for with imageChosen() and answered with showPrediction().
class PredictBox final : public QFrame {
    Q_OBJECT
public:
    explicit PredictBox(QWidget* parent = nullptr);

    /// Whether a model is there to ask; without one the box says why.
    void setAvailable(bool available, const QString& reason = {});
    void showBusy(const QString& image);
    void showPrediction(const QString& image, const QVector<PredictedClass>& top);
    void showError(const QString& image, const QString& message);

    QString image() const { return m_image; }
    QString statusText() const;
    int rowCount() const;

Q_SIGNALS:
    void imageChosen(const QString& path);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void showPreview(const QString& image);

    ThumbnailLoader* m_loader;
    QString m_image;
    bool m_available = false;
    QLabel* m_preview = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_choose = nullptr;
    QTableWidget* m_top = nullptr;
};

}  // namespace tl
