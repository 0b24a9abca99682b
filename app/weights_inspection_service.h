#pragma once

#include "weights_chooser.h"
#include "weights_fit_text.h"

#include <QObject>
#include <QVector>

#include <atomic>
#include <memory>

namespace tl {
class WeightsInspectionWorker;
class WorkerThreadHolder;

/// The network a weight file is matched against, as the experiment will build it.
struct WeightsTarget {
    QString arch;
    qint64 classes = 0;  // 0 = the architecture's default
    qint64 inChannels = 3;
    qint64 unetBaseWidth = 64;

    bool operator==(const WeightsTarget& o) const
    {
        return arch == o.arch && classes == o.classes && inChannels == o.inChannels && unetBaseWidth == o.unetBaseWidth;
    }
    bool operator!=(const WeightsTarget& o) const { return !(*this == o); }
};

/// Finds the weights that fit an architecture (torch hub cache, finished runs) and matches a
/// chosen file against the network, on a worker thread: reading a big file takes seconds and
/// the window stays responsive. Only the answer to the latest question of each kind arrives.
class WeightsInspectionService final : public QObject {
    Q_OBJECT
public:
    explicit WeightsInspectionService(QObject* parent = nullptr);
    ~WeightsInspectionService() override;

    /// Answered by listed(): the hub cache's files and the runs under `runsDir` for `arch`.
    void list(const QString& arch, const QString& runsDir);
    /// Answered by inspected(): how the weight file or run folder fits `target`.
    void inspect(const QString& setting, const WeightsTarget& target);
    /// Drops the answer to the question asked last, if it has not arrived yet.
    void cancelInspection() { ++*m_latestInspect; }

Q_SIGNALS:
    void listed(const QString& arch, const QVector<tl::WeightsEntry>& entries);
    void inspected(const tl::WeightsFit& fit);

private:
    std::shared_ptr<std::atomic<quint64>> m_latestList;
    std::shared_ptr<std::atomic<quint64>> m_latestInspect;
    std::unique_ptr<WorkerThreadHolder> m_thread;
    WeightsInspectionWorker* m_worker = nullptr;  // owned by m_thread
};

/// The thread side of WeightsInspectionService; engine exceptions end here as a WeightsFit's error.
class WeightsInspectionWorker final : public QObject {
    Q_OBJECT
public:
    static QVector<WeightsEntry> findEntries(const QString& arch, const QString& runsDir);
    static WeightsFit inspectNow(const QString& setting, const WeightsTarget& target);

    void list(quint64 id, const QString& arch, const QString& runsDir);
    void inspect(quint64 id, const QString& setting, const WeightsTarget& target);

Q_SIGNALS:
    void listed(quint64 id, const QString& arch, const QVector<tl::WeightsEntry>& entries);
    void inspected(quint64 id, const tl::WeightsFit& fit);

private:
    friend class WeightsInspectionService;
    std::shared_ptr<std::atomic<quint64>> m_latestList;
    std::shared_ptr<std::atomic<quint64>> m_latestInspect;
};

}  // namespace tl

Q_DECLARE_METATYPE(QVector<tl::WeightsEntry>)
