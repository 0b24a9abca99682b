// The experiment the window edits: files, the network, the freeze plan.
#include "main_window.h"

#include "architecture_tree.h"
#include "dataset_panel.h"
#include "common/errors.h"
#include "diagram/architecture_diagram.h"
#include "experiment_file.h"
#include "freeze_panel.h"
#include "graph/shape_inference.h"
#include "hyperparameter_form.h"
#include "models/zoo.h"
#include "training_worker.h"
#include "weights_chooser_binding.h"
#include "zoo_browser.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace tl {

namespace {

constexpr const char* kFirstStartKey = "firstStartDone";
constexpr const char* kRunsFolderKey = "training/runsFolder";
const QString kFileFilter = QStringLiteral("TransferLab experiment (*.json);;All files (*)");

void removeAll(std::vector<std::string>& list, const std::string& id)
{
    list.erase(std::remove(list.begin(), list.end(), id), list.end());
}

}  // namespace

QString MainWindow::defaultRunsFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("runs"));
}

QString MainWindow::demoFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo"));
}

QString MainWindow::runsFolder() const
{
    return QSettings().value(QLatin1String(kRunsFolderKey), defaultRunsFolder()).toString();
}

void MainWindow::setRunsFolder(const QString& folder)
{
    QSettings().setValue(QLatin1String(kRunsFolderKey), folder);
}

void MainWindow::openStartupExperiment(const QString& path)
{
    if (!path.isEmpty()) {
        openExperiment(path);
        return;
    }
    QSettings settings;
    if (!settings.value(QLatin1String(kFirstStartKey), false).toBool()) {
        settings.setValue(QLatin1String(kFirstStartKey), true);
        if (openDemoExperiment())
            return;
    }
    const QStringList recent = RecentFiles::list();
    if (!recent.isEmpty() && QFileInfo::exists(recent.front()))
        openExperiment(recent.front());
}

bool MainWindow::openDemoExperiment()
{
    if (!maybeSave())
        return false;
    QString file;
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        file = createDemoExperiment(demoFolder());
        QApplication::restoreOverrideCursor();
    } catch (const std::exception& e) {
        QApplication::restoreOverrideCursor();
        QMessageBox::warning(this, tr("Demo Experiment"),
                             tr("The demo data could not be written to %1:\n%2").arg(demoFolder(), QString::fromUtf8(e.what())));
        return false;
    }
    return openExperiment(file);
}

bool MainWindow::openExperiment(const QString& path)
{
    Experiment experiment;
    QString error;
    if (!readExperimentFile(path, experiment, &error) || !findArch(experiment.model.arch)) {
        if (error.isEmpty())
            error = tr("%1: unknown architecture '%2'").arg(path, QString::fromStdString(experiment.model.arch));
        QMessageBox::warning(this, tr("Open Experiment"),
                             tr("Could not open %1.\n\n%2\n\nThe current experiment is unchanged.").arg(QFileInfo(path).fileName(), error));
        if (!QFileInfo::exists(path))
            RecentFiles::remove(path);
        return false;
    }
    setExperiment(experiment, QFileInfo(path).absoluteFilePath());
    RecentFiles::add(path);
    return true;
}

bool MainWindow::newExperiment()
{
    if (!maybeSave())
        return false;
    Experiment fresh;
    fresh.model.arch = m_experiment.model.arch;  // keep the network the user was looking at
    setExperiment(fresh, QString());
    return true;
}

void MainWindow::setExperiment(const Experiment& experiment, const QString& path)
{
    m_experiment = experiment;
    m_path = path;
    m_form->setExperiment(m_experiment);
    m_freezePanel->setConfig(m_experiment.freeze);
    const FreezeConfig freeze = m_experiment.freeze;
    showArchitecture(QString::fromStdString(m_experiment.model.arch));
    m_experiment.freeze = freeze;  // showArchitecture() resets the id lists, which belong to this network
    refreshFreeze();
    m_form->applyTo(m_experiment);
    // Before experimentChanged, so the dock's scan of the data folder counts this validation folder.
    const std::string val = withAbsolutePaths(m_experiment, m_path).data.val;
    m_datasetPanel->setValidationFolder(val.empty() ? QString() : QString::fromStdString(val));
    connect(m_datasetPanel, &DatasetPanel::validationFolderChosen, this, &MainWindow::setValidationFolder,
            Qt::UniqueConnection);
    setModified(false);
    Q_EMIT experimentChanged();
}

bool MainWindow::save()
{
    return m_path.isEmpty() ? saveAs() : saveExperimentAs(m_path);
}

bool MainWindow::saveAs()
{
    const QString suggestion = m_path.isEmpty() ? QString::fromStdString(m_experiment.name) + QStringLiteral(".json") : m_path;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Experiment"), suggestion, kFileFilter);
    return !path.isEmpty() && saveExperimentAs(path);
}

bool MainWindow::saveExperimentAs(const QString& path)
{
    QString error;
    if (!writeExperimentFile(path, m_experiment, &error)) {
        QMessageBox::warning(this, tr("Save Experiment"), error);
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    RecentFiles::add(m_path);
    setModified(false);
    return true;
}

void MainWindow::openWithDialog()
{
    if (!maybeSave())
        return;
    const QString dir = m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Experiment"), dir, kFileFilter);
    if (!path.isEmpty())
        openExperiment(path);
}

bool MainWindow::maybeSave()
{
    if (!m_modified)
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved Changes"),
                                              tr("The experiment has unsaved changes. Save them first?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::setModified(bool modified)
{
    m_modified = modified;
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString name = m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
    setWindowTitle(tr("%1[*] — TransferLab").arg(name));
    setWindowModified(m_modified);
}

void MainWindow::setDataFolder(const QString& folder)
{
    m_experiment.data.train = QDir::cleanPath(folder).toStdString();
    setModified(true);
    updateSummary();
    Q_EMIT experimentChanged();
}

void MainWindow::setValidationFolder(const QString& folder)
{
    const std::string val = folder.isEmpty() ? std::string() : QDir::cleanPath(folder).toStdString();
    if (val == m_experiment.data.val)
        return;
    m_experiment.data.val = val;
    setModified(true);
    updateSummary();
}

void MainWindow::chooseDataFolder()
{
    const QString start = withAbsolutePaths(m_experiment, m_path).data.train.empty()
                            ? QDir::homePath()
                            : QString::fromStdString(withAbsolutePaths(m_experiment, m_path).data.train);
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose Data Folder"), start);
    if (!folder.isEmpty())
        setDataFolder(folder);
}

void MainWindow::chooseRunsFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Runs Folder"), runsFolder());
    if (!folder.isEmpty())
        setRunsFolder(folder);
}

bool MainWindow::showArchitecture(const QString& name)
{
    const ZooEntry* entry = findArch(name.toStdString());
    if (!entry)
        return false;
    try {
        const ArchSpec spec = buildArch(entry->name, {shownClassCount(), m_experiment.model.inChannels, m_experiment.model.unetBaseWidth});
        const int64_t size = m_experiment.data.imageSize;
        m_freezePanel->tree()->setSpec(spec, size > 0 ? size : entry->defaultInputH, size > 0 ? size : entry->defaultInputW);
        m_diagram->setSpec(spec, size > 0 ? size : entry->defaultInputH, size > 0 ? size : entry->defaultInputW);
    } catch (const Error& e) {
        m_summary->setText(QString::fromStdString(e.what()));
        return false;
    }
    // Big networks open with their blocks folded, so the whole structure fits a screen.
    if (m_diagram->spec().nodes.size() > 150)
        m_diagram->collapseToDepth(1);
    if (m_experiment.model.arch != entry->name) {
        m_experiment.model.arch = entry->name;
        setModified(true);
    }
    // Layer ids name layers of one network; on another they mean nothing.
    m_experiment.freeze.frozen.clear();
    m_experiment.freeze.trainable.clear();
    m_experiment.freeze.lrMultipliers.clear();
    m_experiment.freeze.unfreezeSchedule.clear();
    m_zoo->setCurrentArchitecture(name);
    m_form->setDefaultImageSize(int(entry->defaultInputH));
    m_form->setImageSizeCheck([this](int size) { return imageSizeProblem(size); });
    refreshFreeze();
    updateWeightsChooser();
    return true;
}

void MainWindow::refreshShapes()
{
    const ZooEntry* entry = findArch(m_experiment.model.arch);
    if (!entry || m_diagram->spec().nodes.empty())
        return;
    ArchSpec spec;
    try {
        spec = buildArch(entry->name, {shownClassCount(), m_experiment.model.inChannels, m_experiment.model.unetBaseWidth});
    } catch (const Error& e) {
        m_summary->setText(QString::fromStdString(e.what()));
        return;
    }
    const int64_t size = m_experiment.data.imageSize;
    const int64_t h = size > 0 ? size : entry->defaultInputH;
    const int64_t w = size > 0 ? size : entry->defaultInputW;
    const QSet<QString> collapsed = m_diagram->collapsedGroups();
    m_freezePanel->tree()->setSpec(spec, h, w);
    m_diagram->setSpec(spec, h, w);
    m_diagram->setCollapsedGroups(collapsed);
    refreshFreeze();
    updateWeightsChooser();
}

void MainWindow::updateWeightsChooser()
{
    if (!m_weights)
        return;
    // Relative weight paths are relative to the experiment file, as the command line reads them.
    const std::string weights = withAbsolutePaths(m_experiment, m_path).model.weights;
    const WeightsTarget target{QString::fromStdString(m_experiment.model.arch), shownClassCount(),
                               m_experiment.model.inChannels, m_experiment.model.unetBaseWidth};
    m_weights->update(target, runsFolder(),
                      weights.empty() || weights == "none" ? QString() : QString::fromStdString(weights));
}

int64_t MainWindow::shownClassCount() const
{
    return m_experiment.model.numClasses > 0 ? m_experiment.model.numClasses : m_dataClasses;
}

QString MainWindow::imageSizeProblem(int size) const
{
    const ZooEntry* entry = findArch(m_experiment.model.arch);
    if (!entry || size == 0 || m_diagram->spec().nodes.empty())
        return {};
    try {
        inferShapes(m_diagram->spec(), size, size);
    } catch (const Error& e) {
        return tr("Image size: %1 cannot take %2×%2 px images (%3).")
            .arg(QString::fromStdString(entry->title))
            .arg(size)
            .arg(QString::fromStdString(e.what()));
    }
    return {};
}

void MainWindow::choosePreset(FreezePreset preset, int lastStages)
{
    m_experiment.freeze.preset = preset;
    m_experiment.freeze.lastStages = lastStages;
    // A preset is a fresh start: painted changes on top of the previous one go.
    m_experiment.freeze.frozen.clear();
    m_experiment.freeze.trainable.clear();
    setModified(true);
    refreshFreeze();
}

void MainWindow::setFrozen(const QStringList& layerIds, bool frozen)
{
    FreezeConfig& config = m_experiment.freeze;
    for (const QString& id : layerIds) {
        removeAll(config.frozen, id.toStdString());
        removeAll(config.trainable, id.toStdString());
    }
    // Only layers the preset leaves in the other state need an explicit entry.
    try {
        const FreezePlan plan(m_diagram->spec(), config);
        for (const QString& id : layerIds) {
            if (plan.isFrozen(id.toStdString()) != frozen)
                (frozen ? config.frozen : config.trainable).push_back(id.toStdString());
        }
    } catch (const Error&) {
        return;
    }
    setModified(true);
    refreshFreeze();
}

void MainWindow::refreshFreeze()
{
    m_frozen.clear();
    const ArchSpec& spec = m_diagram->spec();
    if (spec.nodes.empty())
        return;
    try {
        const FreezePlan plan(spec, m_experiment.freeze);
        for (const Node& n : spec.nodes)
            if (hasParameters(n.kind) && plan.isFrozen(n.id))
                m_frozen.insert(QString::fromStdString(n.id));
        m_freezePanel->setConfig(m_experiment.freeze);
        m_freezePanel->showPlan(m_frozen, plan.trainableParameterCount(), plan.totalParameterCount());
    } catch (const Error& e) {
        m_summary->setText(QString::fromStdString(e.what()));
    }
    m_diagram->setFrozen(m_frozen);
    updateSummary();
}

void MainWindow::updateSummary()
{
    const ZooEntry* entry = findArch(m_experiment.model.arch);
    if (!entry || m_training->isBusy())
        return;
    QString data = m_experiment.data.train.empty() ? tr("no data folder chosen")
                                                   : QString::fromStdString(m_experiment.data.train);
    if (!m_experiment.data.val.empty())
        data = tr("%1, validation: %2").arg(data, QString::fromStdString(m_experiment.data.val));
    m_summary->setText(tr("%1 · %2 frozen layers · data: %3")
                           .arg(QString::fromStdString(entry->title))
                           .arg(m_frozen.size())
                           .arg(data));
}

}  // namespace tl
