#pragma once

#include "train/experiment.h"

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>
#include <QVector>

#include <memory>

namespace tl {

class TrainingControl;

/// One optimisation step as the window sees it.
struct IterationSample {
    int epoch = 0;
    qint64 step = 0;
    double loss = 0.0;
    double accuracy = 0.0;
    double lr = 0.0;
    double imagesPerSecond = 0.0;
};

/// The steps since the last delivery, coalesced so the window gets at most ~15 deliveries a second.
struct IterationBatch {
    QVector<IterationSample> samples;
    double progress = 0.0;  // of the whole run, 0..1
};

/// Each training layer's gradient norm (L2, by layer id) after one optimisation step.
struct GradientNormSample {
    qint64 step = 0;
    QHash<QString, double> norms;
};

/// One finished epoch (validation values only when the data has a validation split).
struct EpochSample {
    int epoch = 0;      // 1-based, as shown
    qint64 step = 0;    // the last optimisation step of the epoch
    double trainLoss = 0.0;
    double trainAccuracy = 0.0;  // segmentation: the training pixel accuracy
    bool hasVal = false;
    bool segmentation = false;
    double valLoss = 0.0;
    double valTop1 = 0.0;  // segmentation: the validation pixel accuracy
    double valTop5 = 0.0;
    double valMeanIou = 0.0;  // segmentation only
    double seconds = 0.0;
    double imagesPerSecond = 0.0;
};

/// How a run ended.
struct RunResult {
    QString runDir;
    QString outcome;  // finished, early_stopped, stopped, diverged
    QString message;
    int epochsDone = 0;
    int bestEpoch = -1;
    /// What chose the best epoch: "val_top1", "val_miou", or "train_loss" without validation data.
    QString bestBy;
    /// The best epoch's measured figures by summary.json's names ("best_val_top1", "best_train_loss", ...).
    QHash<QString, double> best;

    bool validated() const { return bestBy.startsWith(QLatin1String("val_")); }
};

/// What to train: a new run of `experiment` under `runsDir`, or the run in `resumeDir`.
struct TrainingRequest {
    Experiment experiment;
    QString runsDir;
    QString resumeDir;
    int threads = 0;  // intra-op threads; 0 = every core
    std::shared_ptr<TrainingControl> control;
};

/// Runs an ExperimentRunner on the thread it lives in and reports through queued signals; no
/// tensor leaves it. Stop and pause reach the loop through the request's TrainingControl,
/// because the running loop blocks this object's event loop.
class TrainingWorker final : public QObject {
    Q_OBJECT
public:
    /// Deliveries of iteration batches are at least this far apart; epochs always go at once.
    static constexpr int kIterationIntervalMs = 66;
    /// Per-layer gradient norms are taken at most this often: enough for a live colouring. At
    /// 5 a second the window trained resnet18 about 6 % slower than with the colouring off
    /// (bench_gui_training); once a second the difference fell within that benchmark's noise.
    static constexpr int kGradientNormIntervalMs = 1000;

    using QObject::QObject;
    /// Trains to the end, a stop, or an error; call on the worker's thread.
    void train(const TrainingRequest& request);

Q_SIGNALS:
    void started(const QString& runDir, const QString& device);
    void iterations(const tl::IterationBatch& batch);
    void epochDone(const tl::EpochSample& epoch);
    void gradientNorms(const tl::GradientNormSample& sample);
    void logLine(const QString& line);
    void finished(const tl::RunResult& result);
    /// The run could not go on; `message` says why in words a user can act on.
    void failed(const QString& message, const QString& runDir);
};

/// Owns the training thread and its worker (RAII: stop, quit, wait, delete on destruction), so
/// the window never subclasses QThread and never waits on training while it runs.
class TrainingThread final : public QObject {
    Q_OBJECT
public:
    explicit TrainingThread(QObject* parent = nullptr);
    ~TrainingThread() override;

    TrainingWorker* worker() const { return m_worker; }
    bool isBusy() const { return m_busy; }
    bool isPaused() const;

    /// Starts a run; false while another one is busy.
    bool start(TrainingRequest request);
    void setPaused(bool paused);
    /// Asks the run to stop after its current batch; it ends with `finished` (outcome "stopped").
    void stop();

private:
    QThread m_thread;
    TrainingWorker* m_worker = nullptr;
    std::shared_ptr<TrainingControl> m_control;
    bool m_busy = false;
};

/// Registers the signal types for queued connections; called by TrainingThread.
void registerTrainingTypes();

}  // namespace tl

Q_DECLARE_METATYPE(tl::IterationBatch)
Q_DECLARE_METATYPE(tl::EpochSample)
Q_DECLARE_METATYPE(tl::GradientNormSample)
Q_DECLARE_METATYPE(tl::RunResult)
