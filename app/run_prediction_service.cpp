#include "run_prediction_service.h"

#include "train/run_predictor.h"
#include "worker_thread_holder.h"

#include <QFile>

namespace tl {

namespace {

std::filesystem::path toFsPath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

}  // namespace

struct RunPredictionWorker::Loaded {
    QString runDir;
    std::unique_ptr<RunPredictor> predictor;
};

RunPredictionWorker::RunPredictionWorker() = default;
RunPredictionWorker::~RunPredictionWorker() = default;

void RunPredictionWorker::predict(const QString& runDir, const QString& image, int topK)
{
    try {
        if (!m_loaded || m_loaded->runDir != runDir) {
            m_loaded.reset();
            auto loaded = std::make_unique<Loaded>();
            loaded->runDir = runDir;
            loaded->predictor = std::make_unique<RunPredictor>(toFsPath(runDir));
            m_loaded = std::move(loaded);
        }
        const Prediction prediction = m_loaded->predictor->predict(toFsPath(image), topK);
        QVector<PredictedClass> top;
        for (const ClassScore& s : prediction.top)
            top.append({QFile::decodeName(QByteArray::fromStdString(s.name)), s.probability});
        Q_EMIT predicted(runDir, image, top);
    } catch (const std::exception& e) {  // tl::Error, c10::Error and cv::Exception all derive from it
        Q_EMIT failed(runDir, image, QFile::decodeName(QByteArray::fromStdString(e.what())));
    }
}

RunPredictionService::RunPredictionService(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<QVector<tl::PredictedClass>>();
    auto worker = std::make_unique<RunPredictionWorker>();
    m_worker = worker.get();
    connect(m_worker, &RunPredictionWorker::predicted, this, &RunPredictionService::predicted);
    connect(m_worker, &RunPredictionWorker::failed, this, &RunPredictionService::failed);
    m_thread = std::make_unique<WorkerThreadHolder>(std::move(worker), QStringLiteral("prediction"));
}

RunPredictionService::~RunPredictionService() = default;

void RunPredictionService::predict(const QString& runDir, const QString& image, int topK)
{
    RunPredictionWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, runDir, image, topK] { worker->predict(runDir, image, topK); }, Qt::QueuedConnection);
}

}  // namespace tl
