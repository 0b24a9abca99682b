#pragma once

#include "train/experiment.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QSet>
#include <QString>

class QAction;
class QCheckBox;
class QDockWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QTabWidget;

namespace tl {

class ArchitectureDiagram;
class ArchitectureTree;
class DatasetPanel;
class FreezePanel;
class HyperparameterForm;
class ReportExporter;
class ResultsPanel;
class RunPredictionService;
class RunsPanel;
class TrainingPlots;
class TrainingThread;
class WeightsChooserBinding;
class ZooBrowser;
struct EpochSample;
struct GradientNormSample;
struct IterationBatch;
struct RunResult;

/// The application window. It edits one experiment (network, freeze plan, hyperparameters,
/// data folder) kept in an experiment file: docks for the architecture zoo, the freeze plan and
/// the hyperparameters; central tabs for the block diagram, live training curves, results and
/// runs; training on a worker thread with progress, speed and ETA in the status bar.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Shows the architecture with this name; false if the zoo has no such name.
    bool showArchitecture(const QString& name);
    /// Layers whose parameters are frozen in the shown network.
    QSet<QString> frozenLayers() const { return m_frozen; }

    /// The experiment as edited, form values included.
    const Experiment& experiment() const { return m_experiment; }
    QString experimentPath() const { return m_path; }

    /// At start: the file given, else the demo on the very first start, else the last file.
    void openStartupExperiment(const QString& path = {});
    /// Opens an experiment file; on failure says why in a message box and keeps the current one.
    bool openExperiment(const QString& path);
    bool saveExperimentAs(const QString& path);
    /// A fresh experiment with the defaults (asks first when there are unsaved changes).
    bool newExperiment();
    /// Writes the demo data and experiment to the application data folder and opens it.
    bool openDemoExperiment();

    static QString defaultRunsFolder();
    static QString demoFolder();
    QString runsFolder() const;
    void setRunsFolder(const QString& folder);

    TrainingThread* training() const { return m_training; }

public Q_SLOTS:
    void setDataFolder(const QString& folder);
    /// The experiment's separate validation folder (data.val); empty: validate on the training folder's images.
    void setValidationFolder(const QString& folder);
    /// Starts a new run of the experiment; false (with the reason shown) when it cannot.
    bool startTraining();
    bool continueRun(const QString& runDir);
    void pauseTraining();
    void resumeTraining();
    void stopTraining();

Q_SIGNALS:
    /// A run folder was written or finished (for the runs and results views).
    void runFinished(const QString& runDir);
    void experimentChanged();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // Structure (main_window.cpp).
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    QDockWidget* addDock(const QString& title, const QString& objectName, QWidget* content, Qt::DockWidgetArea area);
    void createArchitectureDock();
    void createFreezeDock();
    void createHyperparameterDock();
    void createDatasetDock();
    void createCentralTabs();
    QWidget* createTrainingTab();
    QWidget* createResultsTab();
    QWidget* createRunsTab();
    void createStatusBar();
    void restoreLayout();
    void saveLayout() const;
    void exportDiagram();
    /// Writes the report (HTML and PDF) of the run shown under Results, or of a chosen run.
    void exportReport();
    void updateRecentMenu();

    // The experiment (main_window_document.cpp).
    void setExperiment(const Experiment& experiment, const QString& path);
    bool save();
    bool saveAs();
    void openWithDialog();
    bool maybeSave();
    void setModified(bool modified);
    void updateTitle();
    void chooseDataFolder();
    void chooseRunsFolder();
    void choosePreset(FreezePreset preset, int lastStages);
    void setFrozen(const QStringList& layerIds, bool frozen);
    void refreshFreeze();
    /// Shows the network's shapes at the experiment's image size (or the network's default).
    /// Rebuilds the shown network for the experiment's image size, class and channel count.
    void refreshShapes();
    /// The class count the network is drawn with: the experiment's, else the dataset's.
    int64_t shownClassCount() const;
    void updateSummary();
    /// Offers the weights that fit the shown network and checks the experiment's choice.
    void updateWeightsChooser();
    QString imageSizeProblem(int size) const;

    // Training (main_window_training.cpp).
    bool launch(const QString& resumeDir);
    void connectTraining();
    void onStarted(const QString& runDir, const QString& device);
    void onIterations(const IterationBatch& batch);
    void onEpoch(const EpochSample& epoch);
    /// The diagram with its "Colour by gradient norm" switch and legend.
    QWidget* createDiagramTab();
    void onGradientNorms(const GradientNormSample& sample);
    /// Colours the diagram by the latest gradient norms when the switch is on, else clears it.
    void showGradientHeat();
    void onFinished(const RunResult& result);
    void onFailed(const QString& message, const QString& runDir);
    void updateTrainingActions();
    void endRun();

    Experiment m_experiment;
    QString m_path;
    int64_t m_dataClasses = 0;  // classes in the scanned dataset; 0 before a scan
    bool m_modified = false;
    QSet<QString> m_frozen;

    ZooBrowser* m_zoo = nullptr;
    FreezePanel* m_freezePanel = nullptr;
    HyperparameterForm* m_form = nullptr;
    QTabWidget* m_tabs = nullptr;
    ArchitectureDiagram* m_diagram = nullptr;
    TrainingPlots* m_plots = nullptr;
    DatasetPanel* m_datasetPanel = nullptr;
    ResultsPanel* m_results = nullptr;
    ReportExporter* m_reportExporter = nullptr;
    RunsPanel* m_runs = nullptr;
    RunPredictionService* m_predictions = nullptr;
    WeightsChooserBinding* m_weights = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QLabel* m_runLabel = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QList<QDockWidget*> m_docks;

    QLabel* m_summary = nullptr;
    QLabel* m_deviceLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_speedLabel = nullptr;
    QLabel* m_etaLabel = nullptr;

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_resumeAction = nullptr;
    QAction* m_stopAction = nullptr;

    TrainingThread* m_training = nullptr;
    QString m_currentRun;
    QCheckBox* m_gradientHeat = nullptr;
    QHash<QString, double> m_gradientNorms;  // of the latest step reported; kept after the run
    QElapsedTimer m_runClock;
    qint64 m_pausedMs = 0;
    QElapsedTimer m_pauseClock;
    bool m_closeWhenStopped = false;
};

}  // namespace tl
