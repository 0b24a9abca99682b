#include "dataset_scanner.h"

#include "dataset_scan_worker.h"
#include "worker_thread_holder.h"

namespace tl {

DatasetScanner::DatasetScanner(QObject* parent) : DatasetScanBackend(parent)
{
    qRegisterMetaType<tl::DatasetSummary>();
    qRegisterMetaType<tl::SplitSettings>();
    auto worker = std::make_unique<DatasetScanWorker>();
    m_worker = worker.get();
    connect(m_worker, &DatasetScanWorker::progress, this, &DatasetScanner::onProgress);
    connect(m_worker, &DatasetScanWorker::finished, this, &DatasetScanner::onFinished);
    connect(m_worker, &DatasetScanWorker::failed, this, &DatasetScanner::onFailed);
    m_thread = std::make_unique<WorkerThreadHolder>(std::move(worker), QStringLiteral("dataset scan"));
}

DatasetScanner::~DatasetScanner()
{
    if (m_cancel)
        m_cancel->store(true);
    m_thread.reset();
}

void DatasetScanner::startScan(const QString& folder, const QString& valFolder, const SplitSettings& split)
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 job = ++m_job;
    m_busy = true;
    DatasetScanWorker* worker = m_worker;
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    QMetaObject::invokeMethod(
        m_worker, [worker, job, folder, valFolder, split, cancel] { worker->scan(job, folder, valFolder, split, cancel); },
        Qt::QueuedConnection);
}

void DatasetScanner::resplit(const QString& valFolder, const SplitSettings& split)
{
    if (m_busy)
        return;  // the running scan's result will carry the settings it was started with
    const quint64 job = ++m_job;
    DatasetScanWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, job, valFolder, split] { worker->resplit(job, valFolder, split); }, Qt::QueuedConnection);
}

void DatasetScanner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void DatasetScanner::onProgress(quint64 job, qint64 done, qint64 total)
{
    if (job == m_job)
        Q_EMIT progress(done, total);
}

void DatasetScanner::onFinished(quint64 job, const DatasetSummary& summary)
{
    if (job != m_job)
        return;
    m_busy = false;
    Q_EMIT finished(summary);
}

void DatasetScanner::onFailed(quint64 job, const QString& folder, const QString& message)
{
    if (job != m_job)
        return;
    m_busy = false;
    Q_EMIT failed(folder, message);
}

}  // namespace tl
