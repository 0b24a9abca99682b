#pragma once

#include "dataset_scan_backend.h"

#include <atomic>
#include <memory>

namespace tl {
class DatasetScanWorker;
class WorkerThreadHolder;

/// Scans and health-checks image folders with the engine on a worker thread, for the dataset
/// panel. A new scan cancels the one running; results of a superseded scan are dropped.
class DatasetScanner final : public DatasetScanBackend {
    Q_OBJECT
public:
    explicit DatasetScanner(QObject* parent = nullptr);
    /// Cancels a running scan and waits for the worker thread to end.
    ~DatasetScanner() override;

    void startScan(const QString& folder, const QString& valFolder, const SplitSettings& split) override;
    void resplit(const QString& valFolder, const SplitSettings& split) override;
    void cancel() override;
    bool isBusy() const override { return m_busy; }

private:
    void onProgress(quint64 job, qint64 done, qint64 total);
    void onFinished(quint64 job, const tl::DatasetSummary& summary);
    void onFailed(quint64 job, const QString& folder, const QString& message);

    std::unique_ptr<WorkerThreadHolder> m_thread;
    DatasetScanWorker* m_worker = nullptr;  // owned by m_thread, lives on its thread
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_job = 0;
    bool m_busy = false;
};

}  // namespace tl
