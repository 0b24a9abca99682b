#pragma once

#include "predict_box.h"

#include <QObject>
#include <QVector>

#include <memory>

namespace tl {
class RunPredictionWorker;
class WorkerThreadHolder;

/// Classifies single images with a run's trained model on a worker thread, for the results
/// tab's predict box. The model of the last run asked about stays loaded for the next image.
class RunPredictionService final : public QObject {
    Q_OBJECT
public:
    explicit RunPredictionService(QObject* parent = nullptr);
    ~RunPredictionService() override;

    /// Answered by predicted() or failed(), in the order asked.
    void predict(const QString& runDir, const QString& image, int topK = 5);

Q_SIGNALS:
    void predicted(const QString& runDir, const QString& image, const QVector<tl::PredictedClass>& top);
    void failed(const QString& runDir, const QString& image, const QString& message);

private:
    std::unique_ptr<WorkerThreadHolder> m_thread;
    RunPredictionWorker* m_worker = nullptr;  // owned by m_thread
};

/// The thread side of RunPredictionService; engine exceptions end here as failed().
class RunPredictionWorker final : public QObject {
    Q_OBJECT
public:
    RunPredictionWorker();
    ~RunPredictionWorker() override;
    void predict(const QString& runDir, const QString& image, int topK);

Q_SIGNALS:
    void predicted(const QString& runDir, const QString& image, const QVector<tl::PredictedClass>& top);
    void failed(const QString& runDir, const QString& image, const QString& message);

private:
    struct Loaded;
    std::unique_ptr<Loaded> m_loaded;
};

}  // namespace tl

Q_DECLARE_METATYPE(QVector<tl::PredictedClass>)
