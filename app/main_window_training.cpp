// Training from the window: the worker thread's signals become curves, log lines and status.
#include "main_window.h"

#include "diagram/architecture_diagram.h"
#include "experiment_file.h"
#include "hyperparameter_form.h"
#include "training_plots.h"
#include "training_worker.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tl {

namespace {

QString durationText(qint64 seconds)
{
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3").arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QLatin1Char('0')).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

/// The end of a finished run, naming the figure that chose the best epoch.
QString finishedText(const RunResult& result)
{
    const QString top1 = QStringLiteral("best_val_top1");
    const QString miou = QStringLiteral("best_val_miou");
    const QString loss = QStringLiteral("best_train_loss");
    if (result.bestBy == QLatin1String("val_miou") && result.best.contains(miou))
        return MainWindow::tr("Done: %n epoch(s), best validation mIoU %1% at epoch %2.", nullptr, result.epochsDone)
            .arg(100.0 * result.best.value(miou), 0, 'f', 1)
            .arg(result.bestEpoch);
    if (result.validated() && result.best.contains(top1))
        return MainWindow::tr("Done: %n epoch(s), best validation top-1 %1% at epoch %2.", nullptr, result.epochsDone)
            .arg(100.0 * result.best.value(top1), 0, 'f', 1)
            .arg(result.bestEpoch);
    if (result.best.contains(loss))
        return MainWindow::tr("Done: %n epoch(s), no validation data; lowest training loss %1 at epoch %2.", nullptr,
                              result.epochsDone)
            .arg(result.best.value(loss), 0, 'g', 4)
            .arg(result.bestEpoch);
    return MainWindow::tr("Done: %n epoch(s).", nullptr, result.epochsDone);
}

}  // namespace

void MainWindow::connectTraining()
{
    TrainingWorker* worker = m_training->worker();
    connect(worker, &TrainingWorker::started, this, &MainWindow::onStarted);
    connect(worker, &TrainingWorker::iterations, this, &MainWindow::onIterations);
    connect(worker, &TrainingWorker::epochDone, this, &MainWindow::onEpoch);
    connect(worker, &TrainingWorker::gradientNorms, this, &MainWindow::onGradientNorms);
    connect(worker, &TrainingWorker::logLine, m_log, &QPlainTextEdit::appendPlainText);
    connect(worker, &TrainingWorker::finished, this, &MainWindow::onFinished);
    connect(worker, &TrainingWorker::failed, this, &MainWindow::onFailed);
    updateTrainingActions();
}

bool MainWindow::startTraining()
{
    if (m_training->isBusy())
        return false;
    if (!m_form->isValid()) {
        QMessageBox::warning(this, tr("Start Training"), m_form->validationMessage());
        return false;
    }
    if (m_experiment.data.train.empty()) {
        QMessageBox::information(this, tr("Start Training"),
                                 tr("Choose an image folder first (File > Choose Data Folder): one sub-folder per "
                                    "class, or train/ and val/ folders with class sub-folders."));
        return false;
    }
    return launch(QString());
}

bool MainWindow::continueRun(const QString& runDir)
{
    return !m_training->isBusy() && launch(runDir);
}

bool MainWindow::launch(const QString& resumeDir)
{
    TrainingRequest request;
    request.experiment = withAbsolutePaths(m_experiment, m_path);
    request.runsDir = runsFolder();
    request.resumeDir = resumeDir;
    request.threads = m_experiment.train.threads;
    if (resumeDir.isEmpty() && !QDir().mkpath(request.runsDir)) {
        QMessageBox::warning(this, tr("Start Training"),
                             tr("The runs folder %1 cannot be created. Choose another one under Training > Runs Folder.")
                                 .arg(request.runsDir));
        return false;
    }
    if (!m_training->start(request))
        return false;
    m_plots->clear();
    m_log->clear();
    m_gradientNorms.clear();
    showGradientHeat();
    m_currentRun.clear();
    m_runLabel->setText(resumeDir.isEmpty() ? tr("Starting a run of %1...").arg(QString::fromStdString(m_experiment.name))
                                            : tr("Continuing %1...").arg(resumeDir));
    m_progress->setValue(0);
    m_speedLabel->clear();
    m_etaLabel->setText(tr("ETA —"));
    m_pausedMs = 0;
    m_runClock.start();
    m_tabs->setCurrentIndex(1);
    updateTrainingActions();
    return true;
}

void MainWindow::pauseTraining()
{
    if (!m_training->isBusy() || m_training->isPaused())
        return;
    m_training->setPaused(true);
    m_pauseClock.start();
    m_etaLabel->setText(tr("paused"));
    updateTrainingActions();
}

void MainWindow::resumeTraining()
{
    if (!m_training->isPaused())
        return;
    m_training->setPaused(false);
    m_pausedMs += m_pauseClock.elapsed();
    updateTrainingActions();
}

void MainWindow::stopTraining()
{
    if (!m_training->isBusy())
        return;
    m_training->stop();
    m_summary->setText(tr("Stopping after the current batch..."));
    m_stopAction->setEnabled(false);
}

void MainWindow::onStarted(const QString& runDir, const QString& device)
{
    m_currentRun = runDir;
    m_deviceLabel->setText(device);
    m_runLabel->setText(tr("Run folder: %1").arg(runDir));
    m_summary->setText(tr("Training %1...").arg(QString::fromStdString(m_experiment.model.arch)));
}

void MainWindow::onIterations(const IterationBatch& batch)
{
    for (const IterationSample& s : batch.samples)
        m_plots->addIteration(double(s.step), s.loss, s.lr);
    if (batch.samples.isEmpty())
        return;
    const IterationSample& last = batch.samples.back();
    m_speedLabel->setText(tr("%1 images/s").arg(QLocale().toString(last.imagesPerSecond, 'f', 0)));
    m_progress->setValue(int(batch.progress * m_progress->maximum()));
    const double seconds = double(m_runClock.elapsed() - m_pausedMs) / 1000.0;
    if (batch.progress > 0.01 && !m_training->isPaused())
        m_etaLabel->setText(tr("ETA %1").arg(durationText(qint64(seconds * (1.0 - batch.progress) / batch.progress))));
}

void MainWindow::onEpoch(const EpochSample& e)
{
    m_plots->addEpoch(double(e.step), e.trainAccuracy, e.hasVal ? std::optional<double>(e.valLoss) : std::nullopt,
                      e.hasVal ? std::optional<double>(e.valTop1) : std::nullopt);
    QString text = tr("Epoch %1 of %2: train loss %3, train accuracy %4%")
                       .arg(e.epoch)
                       .arg(m_experiment.train.epochs)
                       .arg(e.trainLoss, 0, 'g', 4)
                       .arg(100.0 * e.trainAccuracy, 0, 'f', 1);
    if (e.hasVal && e.segmentation)
        text += tr("; validation loss %1, mIoU %2%").arg(e.valLoss, 0, 'g', 4).arg(100.0 * e.valMeanIou, 0, 'f', 1);
    else if (e.hasVal)
        text += tr("; validation loss %1, top-1 %2%").arg(e.valLoss, 0, 'g', 4).arg(100.0 * e.valTop1, 0, 'f', 1);
    else
        text += tr("; no validation data");
    m_summary->setText(text);
}

QWidget* MainWindow::createDiagramTab()
{
    auto* page = new QWidget(m_tabs);
    page->setObjectName(QStringLiteral("diagramTab"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_gradientHeat = new QCheckBox(tr("Colour by gradient norm"), page);
    m_gradientHeat->setObjectName(QStringLiteral("gradientHeatToggle"));
    m_gradientHeat->setToolTip(tr("While training, colour each block by the L2 norm of its layer's gradients (log "
                                  "scale; a collapsed group shows its largest). Frozen layers keep their colours. "
                                  "The last values stay after the run."));
    m_gradientHeat->setContentsMargins(6, 3, 6, 3);
    m_gradientHeat->setChecked(QSettings().value(QStringLiteral("diagram/gradientHeat"), false).toBool());
    layout->addWidget(m_gradientHeat);
    m_diagram = new ArchitectureDiagram(page);
    m_diagram->setObjectName(QStringLiteral("architectureDiagram"));
    m_diagram->setHeatCaption(tr("Gradient norm"));
    layout->addWidget(m_diagram, 1);
    connect(m_gradientHeat, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("diagram/gradientHeat"), on);
        showGradientHeat();
    });
    return page;
}

void MainWindow::onGradientNorms(const GradientNormSample& sample)
{
    m_gradientNorms = sample.norms;
    if (m_gradientHeat->isChecked())
        m_diagram->setNodeHeat(m_gradientNorms);
}

void MainWindow::showGradientHeat()
{
    m_diagram->setNodeHeat(m_gradientHeat->isChecked() ? m_gradientNorms : QHash<QString, double>());
}

void MainWindow::onFinished(const RunResult& result)
{
    endRun();
    QString text;
    if (result.outcome == QLatin1String("stopped"))
        text = tr("Stopped after %n epoch(s); Training > Continue a Stopped Run picks it up again.", nullptr, result.epochsDone);
    else if (result.outcome == QLatin1String("diverged"))
        text = tr("The loss diverged (%1): lower the learning rate and start again.").arg(result.message);
    else
        text = finishedText(result);
    if (result.outcome != QLatin1String("stopped") && result.outcome != QLatin1String("diverged"))
        m_progress->setValue(m_progress->maximum());
    m_summary->setText(text);
    m_runLabel->setText(tr("Run folder: %1 — %2").arg(result.runDir, text));
    Q_EMIT runFinished(result.runDir);
    if (m_closeWhenStopped)
        close();
}

void MainWindow::onFailed(const QString& message, const QString& runDir)
{
    endRun();
    m_closeWhenStopped = false;
    m_summary->setText(tr("Training failed: %1").arg(message));
    m_log->appendPlainText(tr("error: %1").arg(message));
    QMessageBox::warning(this, tr("Training Failed"),
                         tr("%1\n\nFix the cause (data folder, image size, batch size, hyperparameters) and start "
                            "again; the window keeps your settings.")
                             .arg(message));
    if (!runDir.isEmpty())
        Q_EMIT runFinished(runDir);
}

void MainWindow::endRun()
{
    m_etaLabel->clear();
    updateTrainingActions();
}

void MainWindow::updateTrainingActions()
{
    const bool busy = m_training->isBusy();
    const bool paused = m_training->isPaused();
    m_startAction->setEnabled(!busy && m_form->isValid());
    m_pauseAction->setEnabled(busy && !paused);
    m_resumeAction->setEnabled(busy && paused);
    m_stopAction->setEnabled(busy);
    for (QAction* a : {m_newAction, m_openAction})
        a->setEnabled(!busy);
}

}  // namespace tl
