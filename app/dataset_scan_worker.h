#pragma once

#include "data/dataset_types.h"
#include "dataset_summary.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace tl {

/// Runs on the scanner's thread: lists and health-checks a folder with the engine and turns the
/// result into the panel's plain summary. Keeps the last index so the split can be recounted.
class DatasetScanWorker final : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void scan(quint64 job, const QString& folder, const QString& valFolder, const SplitSettings& split,
              const std::shared_ptr<std::atomic<bool>>& cancel);
    void resplit(quint64 job, const QString& valFolder, const SplitSettings& split);

Q_SIGNALS:
    void progress(quint64 job, qint64 done, qint64 total);
    void finished(quint64 job, const tl::DatasetSummary& summary);
    void failed(quint64 job, const QString& folder, const QString& message);

private:
    DatasetSummary splitSummary(const QString& valFolder, const SplitSettings& split) const;

    ClassificationIndex m_index;  // usable files of the last classification scan
    DatasetSummary m_base;        // the last scan's summary before splitting
};

}  // namespace tl
