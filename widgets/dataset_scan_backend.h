#pragma once

#include "dataset_summary.h"

#include <QObject>

namespace tl {

/// What the dataset panel needs from a scanner. The engine-side scanner implements it, so the
/// panel can run and be tested without the engine. Every signal arrives on the GUI thread.
class DatasetScanBackend : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    /// Starts scanning `folder` in the background; a scan still running is cancelled first. With a
    /// `valFolder`, its images are the validation split and the training folder's own val/ is left out.
    virtual void startScan(const QString& folder, const QString& valFolder, const SplitSettings& split) = 0;
    /// Recounts the last scanned folder's split with other settings or another validation folder,
    /// without checking the training files again.
    virtual void resplit(const QString& valFolder, const SplitSettings& split) = 0;
    virtual void cancel() = 0;
    virtual bool isBusy() const = 0;

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(const tl::DatasetSummary& summary);
    void failed(const QString& folder, const QString& message);
};

}  // namespace tl
