#include "training_worker.h"

#include "train/experiment_runner.h"
#include "train/trainer.h"

#include <c10/util/Exception.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <torch/torch.h>

#include <QElapsedTimer>

#include <fstream>

namespace tl {

namespace {

/// Training steps of the whole run, from the run's split file (written before the first step),
/// so the progress bar is right from the first batch; 0 when it cannot be told.
qint64 totalSteps(const RunFolder& folder, const Experiment& e)
{
    std::ifstream in(folder.file("split.json"));
    const nlohmann::json split = nlohmann::json::parse(in, nullptr, false);
    if (split.is_discarded() || !split.contains("train") || !split["train"].is_array() || e.train.batchSize <= 0)
        return 0;
    const qint64 images = qint64(split["train"].size());
    return (images + e.train.batchSize - 1) / e.train.batchSize * e.train.epochs;
}

/// Turns the runner's callbacks (on the training thread) into throttled queued signals.
class SignalObserver final : public TrainingObserver {
public:
    SignalObserver(TrainingWorker* worker, const ExperimentRunner& runner) : m_worker(worker), m_runner(runner)
    {
        m_sinceSend.start();
    }

    void onIteration(const IterationMetrics& m) override
    {
        if (m_totalSteps < 0)
            m_totalSteps = totalSteps(m_runner.folder(), m_runner.experiment());
        m_lastStep = m.step;
        m_pending.samples.push_back({m.epoch, qint64(m.step), m.loss, m.accuracy, m.lr, m.imagesPerSecond});
        if (m_sinceSend.elapsed() >= TrainingWorker::kIterationIntervalMs)
            flush();
    }

    void onEpoch(const EpochMetrics& m) override
    {
        flush();
        EpochSample e;
        e.epoch = m.epoch + 1;
        e.step = m_lastStep;
        e.trainLoss = m.trainLoss;
        e.trainAccuracy = m.trainAccuracy;
        if (m.val) {
            e.hasVal = true;
            e.valLoss = m.val->loss;
            e.valTop1 = m.val->top1;
            e.valTop5 = m.val->top5;
            if (m.val->segmentation) {
                e.segmentation = true;
                e.valMeanIou = m.val->segmentation->meanIou;
            }
        }
        e.seconds = m.seconds;
        e.imagesPerSecond = m.imagesPerSecond;
        Q_EMIT m_worker->epochDone(e);
    }

    std::optional<std::chrono::milliseconds> gradientNormPeriod() const override
    {
        return std::chrono::milliseconds(TrainingWorker::kGradientNormIntervalMs);
    }

    void onGradientNorms(int64_t step, const std::vector<std::pair<std::string, double>>& norms) override
    {
        GradientNormSample sample;
        sample.step = qint64(step);
        sample.norms.reserve(qsizetype(norms.size()));
        for (const auto& [layer, norm] : norms)
            sample.norms.insert(QString::fromStdString(layer), norm);
        Q_EMIT m_worker->gradientNorms(sample);
    }

    void flush()
    {
        if (m_pending.samples.isEmpty())
            return;
        if (m_totalSteps > 0)
            m_pending.progress = std::min(1.0, double(m_lastStep) / double(m_totalSteps));
        Q_EMIT m_worker->iterations(m_pending);
        m_pending = {};
        m_sinceSend.restart();
    }

private:
    TrainingWorker* m_worker;
    const ExperimentRunner& m_runner;
    IterationBatch m_pending;
    QElapsedTimer m_sinceSend;
    qint64 m_totalSteps = -1;
    qint64 m_lastStep = 0;
};

QString deviceText(const std::string& setting, int threads)
{
    const torch::Device device = resolveDevice(setting);
    if (device.is_cuda())
        return QObject::tr("CUDA GPU");
    return QObject::tr("CPU, %1 threads").arg(threads);
}

}  // namespace

void TrainingWorker::train(const TrainingRequest& request)
{
    QString runDir;
    try {
        // LibTorch starts with one intra-op thread on these machines; ask for what was chosen.
        const int threads = request.threads > 0 ? request.threads : std::max(1, QThread::idealThreadCount());
        torch::set_num_threads(threads);
        const auto log = [this](const std::string& line) { Q_EMIT logLine(QString::fromStdString(line)); };
        Experiment experiment = request.experiment;
        experiment.train.threads = threads;
        ExperimentRunner runner = request.resumeDir.isEmpty()
                                    ? ExperimentRunner(experiment, request.runsDir.toStdString(), log)
                                    : ExperimentRunner::resume(request.resumeDir.toStdString(), log);
        runDir = QString::fromStdString(runner.folder().path().string());
        Q_EMIT started(runDir, deviceText(runner.experiment().train.device, threads));
        SignalObserver observer(this, runner);
        const RunSummary summary = runner.run(&observer, request.control.get());
        observer.flush();
        RunResult result;
        result.runDir = runDir;
        result.outcome = QString::fromLatin1(toString(summary.outcome));
        result.message = QString::fromStdString(summary.message);
        result.epochsDone = summary.epochsDone;
        result.bestEpoch = summary.bestEpoch;
        result.bestBy = QString::fromStdString(summary.bestBy);
        for (const auto& [name, value] : summary.best)
            result.best.insert(QString::fromStdString(name), value);
        Q_EMIT finished(result);
    } catch (const c10::Error& e) {
        Q_EMIT failed(tr("LibTorch stopped the run: %1").arg(QString::fromStdString(e.what_without_backtrace())), runDir);
    } catch (const cv::Exception& e) {
        Q_EMIT failed(tr("OpenCV stopped the run: %1").arg(QString::fromStdString(e.what())), runDir);
    } catch (const std::bad_alloc&) {
        Q_EMIT failed(tr("Out of memory: try a smaller batch size or image size."), runDir);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()), runDir);
    } catch (...) {
        Q_EMIT failed(tr("The run stopped with an unknown error."), runDir);
    }
}

void registerTrainingTypes()
{
    qRegisterMetaType<tl::IterationBatch>();
    qRegisterMetaType<tl::EpochSample>();
    qRegisterMetaType<tl::GradientNormSample>();
    qRegisterMetaType<tl::RunResult>();
}

TrainingThread::TrainingThread(QObject* parent) : QObject(parent)
{
    registerTrainingTypes();
    m_thread.setObjectName(QStringLiteral("training"));
    m_worker = new TrainingWorker;
    m_worker->moveToThread(&m_thread);
    // Connected before anyone else, so isBusy() is already false when the window hears the end.
    connect(m_worker, &TrainingWorker::finished, this, [this] { m_busy = false; });
    connect(m_worker, &TrainingWorker::failed, this, [this] { m_busy = false; });
    m_thread.start();
}

TrainingThread::~TrainingThread()
{
    if (m_control)
        m_control->requestStop();
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

bool TrainingThread::start(TrainingRequest request)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_control = std::make_shared<TrainingControl>();
    request.control = m_control;
    TrainingWorker* worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker, request] { worker->train(request); }, Qt::QueuedConnection);
    return true;
}

bool TrainingThread::isPaused() const
{
    return m_busy && m_control && m_control->paused();
}

void TrainingThread::setPaused(bool paused)
{
    if (m_busy && m_control)
        m_control->setPaused(paused);
}

void TrainingThread::stop()
{
    if (m_control)
        m_control->requestStop();
}

}  // namespace tl
