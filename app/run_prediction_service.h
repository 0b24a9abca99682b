#pragma once

#include "prediction_overlay.h"

#include <QObject>
#include <QVector>

#include <atomic>
#include <memory>

namespace tl {
class RunPredictionWorker;
class RunPredictor;
class WorkerThreadHolder;

/// Runs a run's trained model on single images on a worker thread, for the results tab: the top
/// classes with a Grad-CAM heat map of the top class, or a segmentation run's predicted mask, and
/// the gallery of a segmentation run's validation images. The model of the last run asked about
/// stays loaded for the next request.
class RunPredictionService final : public QObject {
    Q_OBJECT
public:
    explicit RunPredictionService(QObject* parent = nullptr);
    ~RunPredictionService() override;

    /// Answered by predicted() or failed(), in the order asked.
    void predict(const QString& runDir, const QString& image, int topK = 5);
    /// Answered by galleryItem() for each of the first `maxImages` validation images, then
    /// galleryFinished(). A new request (or cancelGallery()) ends the one before; single
    /// predictions asked meanwhile are answered between two gallery images.
    void requestGallery(const QString& runDir, int maxImages = 32);
    void cancelGallery();

Q_SIGNALS:
    void predicted(const QString& runDir, const QString& image, const tl::ImagePrediction& prediction);
    void failed(const QString& runDir, const QString& image, const QString& message);
    void galleryItem(const QString& runDir, const tl::MaskGalleryItem& item);
    void galleryFinished(const QString& runDir, int count, const QString& problem);

private:
    std::shared_ptr<std::atomic<int>> m_galleryGeneration;
    std::unique_ptr<WorkerThreadHolder> m_thread;
    RunPredictionWorker* m_worker = nullptr;  // owned by m_thread
};

/// The thread side of RunPredictionService; engine exceptions end here as failed().
class RunPredictionWorker final : public QObject {
    Q_OBJECT
public:
    explicit RunPredictionWorker(std::shared_ptr<std::atomic<int>> galleryGeneration);
    ~RunPredictionWorker() override;
    void predict(const QString& runDir, const QString& image, int topK);
    void startGallery(const QString& runDir, int generation, int maxImages);

Q_SIGNALS:
    void predicted(const QString& runDir, const QString& image, const tl::ImagePrediction& prediction);
    void failed(const QString& runDir, const QString& image, const QString& message);
    void galleryItem(const QString& runDir, const tl::MaskGalleryItem& item);
    void galleryFinished(const QString& runDir, int count, const QString& problem);

private:
    struct Loaded;
    struct Gallery;
    RunPredictor& predictorFor(const QString& runDir);
    void galleryStep();

    std::shared_ptr<std::atomic<int>> m_galleryGeneration;
    std::unique_ptr<Loaded> m_loaded;
    std::unique_ptr<Gallery> m_gallery;
};

}  // namespace tl
