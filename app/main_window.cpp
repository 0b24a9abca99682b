#include "main_window.h"

#include "dataset_panel.h"
#include "dataset_scanner.h"
#include "diagram/architecture_diagram.h"
#include "experiment_file.h"
#include "freeze_panel.h"
#include "hyperparameter_form.h"
#include "language_menu.h"
#include "report_exporter.h"
#include "results_panel.h"
#include "run_prediction_service.h"
#include "runs_panel.h"
#include "training_plots.h"
#include "training_worker.h"
#include "weights_chooser.h"
#include "weights_chooser_binding.h"
#include "zoo_browser.h"

#include <QApplication>
#include <QDir>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace tl {

namespace {

// Bump when docks are added or renamed, so an old saved layout is not applied to a new window.
constexpr int kLayoutVersion = 3;

/// The first-start size: roomy where the screen allows, else the whole screen with the docks
/// arranged so that each has the room it needs. A saved layout replaces it on later starts.
void fitToScreen(QMainWindow* window)
{
    const QSize preferred(1440, 900);
    const QRect available = window->screen() ? window->screen()->availableGeometry() : QRect(QPoint(0, 0), preferred);
    if (available.width() >= preferred.width() && available.height() >= preferred.height()) {
        window->resize(preferred);
        return;
    }
    // A laptop screen: the whole screen. Below 1000 pixels of height the hyperparameter form and
    // the dataset view do not both fit in the right-hand column, so they share it as tabs.
    window->resize(preferred.boundedTo(available.size()));
    window->setWindowState(window->windowState() | Qt::WindowMaximized);
    if (available.height() < 1000) {
        QDockWidget* form = window->findChild<QDockWidget*>(QStringLiteral("hyperparameterDock"));
        QDockWidget* dataset = window->findChild<QDockWidget*>(QStringLiteral("datasetDock"));
        window->tabifyDockWidget(form, dataset);
        dataset->raise();
    }
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("TransferLab"));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    m_training = new TrainingThread(this);
    m_reportExporter = new ReportExporter(QString(), this);
    connect(m_reportExporter, &ReportExporter::finished, this, [this](bool ok, const QString& message) {
        statusBar()->clearMessage();
        if (ok)
            statusBar()->showMessage(message, 15000);
        else
            QMessageBox::warning(this, tr("Export Report"), message);
    });
    createCentralTabs();
    createActions();
    createDocks();
    createMenus();
    createToolBar();
    createStatusBar();
    connectTraining();
    fitToScreen(this);
    restoreLayout();
    setExperiment(Experiment{}, QString());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_newAction = new QAction(tr("&New"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, [this] { newExperiment(); });
    m_openAction = new QAction(tr("&Open..."), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openWithDialog);
    m_saveAction = new QAction(tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, [this] { save(); });
    m_saveAsAction = new QAction(tr("Save &As..."), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, [this] { saveAs(); });

    m_startAction = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Start Training"), this);
    m_startAction->setObjectName(QStringLiteral("startTraining"));
    m_startAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    connect(m_startAction, &QAction::triggered, this, [this] { startTraining(); });
    m_pauseAction = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-pause")), tr("&Pause"), this);
    m_pauseAction->setShortcut(QKeySequence(tr("Ctrl+P")));
    connect(m_pauseAction, &QAction::triggered, this, &MainWindow::pauseTraining);
    m_resumeAction = new QAction(tr("Res&ume"), this);
    m_resumeAction->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    connect(m_resumeAction, &QAction::triggered, this, &MainWindow::resumeTraining);
    m_stopAction = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-stop")), tr("S&top"), this);
    m_stopAction->setShortcut(QKeySequence(tr("Ctrl+.")));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopTraining);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addAction(tr("Open &Demo Experiment"), this, [this] { openDemoExperiment(); });
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(tr("Choose &Data Folder..."), QKeySequence(tr("Ctrl+D")), this, &MainWindow::chooseDataFolder);
    file->addAction(tr("&Export Diagram..."), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportDiagram);
    QAction* report = file->addAction(tr("Export &Report..."), this, &MainWindow::exportReport);
    report->setObjectName(QStringLiteral("exportReport"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* training = menuBar()->addMenu(tr("&Training"));
    training->addAction(m_startAction);
    training->addAction(m_pauseAction);
    training->addAction(m_resumeAction);
    training->addAction(m_stopAction);
    training->addSeparator();
    training->addAction(tr("&Continue a Stopped Run..."), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Continue a Stopped Run"), runsFolder());
        if (!dir.isEmpty())
            continueRun(dir);
    });
    training->addAction(tr("Runs &Folder..."), this, &MainWindow::chooseRunsFolder);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : std::as_const(m_docks))
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("Collapse to &Stages"), this, [this] { m_diagram->collapseToDepth(0); });
    m_viewMenu->addAction(tr("Collapse to &Blocks"), this, [this] { m_diagram->collapseToDepth(1); });
    m_viewMenu->addAction(tr("&Expand All"), this, [this] { m_diagram->expandAll(); });
    m_viewMenu->addSeparator();
    auto* language = new LanguageMenu(this);
    connect(language, &LanguageMenu::languageChosen, this,
            [this](const QString&, const QString& note) { statusBar()->showMessage(note, 10000); });
    m_viewMenu->addMenu(language);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About TransferLab"), this, [this] {
        QMessageBox::about(this, tr("About TransferLab"),
                           tr("TransferLab %1\nA lab for transfer-learning experiments on images.")
                               .arg(QStringLiteral(TRANSFERLAB_VERSION)));
    });
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Training"));
    bar->setObjectName(QStringLiteral("trainingToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_startAction);
    bar->addAction(m_pauseAction);
    bar->addAction(m_resumeAction);
    bar->addAction(m_stopAction);
    m_viewMenu->insertAction(m_viewMenu->actions().value(m_docks.size()), bar->toggleViewAction());
}

QDockWidget* MainWindow::addDock(const QString& title, const QString& objectName, QWidget* content,
                                 Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);  // saveState() identifies docks by object name
    dock->setWidget(content);
    addDockWidget(area, dock);
    m_docks << dock;
    return dock;
}

void MainWindow::createDocks()
{
    createArchitectureDock();
    createFreezeDock();
    createHyperparameterDock();
    createDatasetDock();
}


void MainWindow::createArchitectureDock()
{
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_zoo = new ZooBrowser(content);
    m_zoo->setObjectName(QStringLiteral("zooList"));
    auto* chooser = new WeightsChooser(content);
    chooser->setObjectName(QStringLiteral("weightsChooser"));
    chooser->setContentsMargins(6, 0, 6, 6);
    layout->addWidget(m_zoo, 1);
    layout->addWidget(chooser);
    addDock(tr("Architecture"), QStringLiteral("architectureDock"), content, Qt::LeftDockWidgetArea);
    connect(m_zoo, &ZooBrowser::architectureChosen, this, &MainWindow::showArchitecture);
    m_weights = new WeightsChooserBinding(chooser, this);
    connect(m_weights, &WeightsChooserBinding::settingChosen, this, [this](const QString& path) {
        m_experiment.model.weights = path.isEmpty() ? std::string("none") : path.toStdString();
        setModified(true);
    });
    connect(this, &MainWindow::runFinished, m_weights, &WeightsChooserBinding::refreshChoices);
    connect(m_runs, &RunsPanel::runsDirectoryChosen, this, &MainWindow::updateWeightsChooser);
}

void MainWindow::createFreezeDock()
{
    m_freezePanel = new FreezePanel(this);
    QDockWidget* dock = addDock(tr("Freeze"), QStringLiteral("freezeDock"), m_freezePanel, Qt::LeftDockWidgetArea);
    splitDockWidget(m_docks.front(), dock, Qt::Vertical);
    connect(m_freezePanel, &FreezePanel::presetChosen, this, &MainWindow::choosePreset);
    connect(m_freezePanel, &FreezePanel::batchNormPolicyChosen, this, [this](BatchNormPolicy policy) {
        m_experiment.freeze.batchNorm = policy;
        setModified(true);
        refreshFreeze();
    });
}

void MainWindow::createHyperparameterDock()
{
    m_form = new HyperparameterForm(this);
    m_form->setObjectName(QStringLiteral("hyperparameterForm"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    addDock(tr("Hyperparameters"), QStringLiteral("hyperparameterDock"), scroll, Qt::RightDockWidgetArea);
    m_form->setImageSizeCheck([this](int size) { return imageSizeProblem(size); });
    connect(m_form, &HyperparameterForm::changed, this, [this] {
        const int64_t imageSize = m_experiment.data.imageSize;
        m_form->applyTo(m_experiment);
        setModified(true);
        if (m_experiment.data.imageSize != imageSize)
            refreshShapes();
    });
    connect(m_form, &HyperparameterForm::validityChanged, this, &MainWindow::updateTrainingActions);
}

void MainWindow::createDatasetDock()
{
    m_datasetPanel = new DatasetPanel(new DatasetScanner, this);
    m_datasetPanel->setObjectName(QStringLiteral("datasetPanel"));
    m_datasetPanel->installDropTarget(this);
    addDock(tr("Dataset"), QStringLiteral("datasetDock"), m_datasetPanel, Qt::RightDockWidgetArea);
    const auto dataFolder = [this] {
        const std::string train = withAbsolutePaths(m_experiment, m_path).data.train;
        return train.empty() ? QString() : QDir::cleanPath(QString::fromStdString(train));
    };
    connect(m_datasetPanel, &DatasetPanel::datasetChosen, this, [this, dataFolder](const QString& folder) {
        if (QDir::cleanPath(folder) != dataFolder())
            setDataFolder(folder);
        // The new head has as many outputs as the data has classes, so draw and count it so.
        const int64_t classes = m_datasetPanel->summary().classes.size();
        if (classes != m_dataClasses) {
            m_dataClasses = classes;
            refreshShapes();
        }
    });
    connect(m_datasetPanel, &DatasetPanel::splitSettingsChanged, this, [this](const SplitSettings& split) {
        m_experiment.data.valFraction = split.valFraction;
        m_experiment.data.splitSeed = split.seed;
        setModified(true);
    });
    // An opened experiment or a folder chosen from the menu is shown (and checked) in the dock.
    connect(this, &MainWindow::experimentChanged, this, [this, dataFolder] {
        m_datasetPanel->setSplitSettings({m_experiment.data.valFraction, m_experiment.data.splitSeed});
        const QString folder = dataFolder();
        if (!folder.isEmpty() && QDir::cleanPath(m_datasetPanel->folder()) != folder)
            m_datasetPanel->loadFolder(folder);
    });
}

void MainWindow::createCentralTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createDiagramTab(), tr("Diagram"));
    m_tabs->addTab(createTrainingTab(), tr("Training"));
    m_tabs->addTab(createResultsTab(), tr("Results"));
    // The runs table is wider than a laptop's central area leaves; it scrolls rather than push the
    // window beyond the screen.
    auto* runsScroll = new QScrollArea(m_tabs);
    runsScroll->setWidget(createRunsTab());
    runsScroll->setWidgetResizable(true);
    runsScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(runsScroll, tr("Runs"));
    setCentralWidget(m_tabs);
    connect(m_diagram, &ArchitectureDiagram::freezeToggled, this, &MainWindow::setFrozen);
}

QWidget* MainWindow::createTrainingTab()
{
    auto* page = new QWidget(m_tabs);
    page->setObjectName(QStringLiteral("trainingTab"));
    auto* layout = new QVBoxLayout(page);
    m_runLabel = new QLabel(page);
    m_runLabel->setObjectName(QStringLiteral("runLabel"));
    m_runLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runLabel->setWordWrap(true);
    layout->addWidget(m_runLabel);
    auto* split = new QSplitter(Qt::Vertical, page);
    m_plots = new TrainingPlots(split);
    m_plots->setObjectName(QStringLiteral("trainingPlots"));
    m_log = new QPlainTextEdit(split);
    m_log->setObjectName(QStringLiteral("trainingLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setPlaceholderText(tr("Press Start Training (Ctrl+R); the run's log appears here."));
    split->addWidget(m_plots);
    split->addWidget(m_log);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    return page;
}

QWidget* MainWindow::createResultsTab()
{
    m_results = new ResultsPanel(m_tabs);
    m_results->setObjectName(QStringLiteral("resultsTab"));
    m_predictions = new RunPredictionService(this);
    connect(m_results, &ResultsPanel::predictRequested, m_predictions,
            [this](const QString& runDir, const QString& image) { m_predictions->predict(runDir, image); });
    connect(m_predictions, &RunPredictionService::predicted, this,
            [this](const QString& runDir, const QString& image, const ImagePrediction& prediction) {
                if (runDir == m_results->runDir())
                    m_results->showPrediction(image, prediction);
            });
    connect(m_predictions, &RunPredictionService::failed, this,
            [this](const QString& runDir, const QString& image, const QString& message) {
                if (runDir == m_results->runDir())
                    m_results->showPredictionError(image, message);
            });
    connect(m_results, &ResultsPanel::galleryRequested, m_predictions,
            [this](const QString& runDir) { m_predictions->requestGallery(runDir); });
    connect(m_predictions, &RunPredictionService::galleryItem, m_results, &ResultsPanel::addGalleryItem);
    connect(m_predictions, &RunPredictionService::galleryFinished, m_results, &ResultsPanel::finishGallery);
    connect(this, &MainWindow::runFinished, m_results, [this](const QString& runDir) { m_results->loadRun(runDir); });
    return m_results;
}

QWidget* MainWindow::createRunsTab()
{
    m_runs = new RunsPanel(m_tabs);
    m_runs->setObjectName(QStringLiteral("runsTab"));
    m_runs->setRunsDirectory(runsFolder());
    connect(this, &MainWindow::runFinished, m_runs, [this] { m_runs->setRunsDirectory(runsFolder()); });
    connect(m_runs, &RunsPanel::runsDirectoryChosen, this, &MainWindow::setRunsFolder);
    connect(m_runs, &RunsPanel::resultsRequested, this, [this](const QString& runDir) {
        m_results->loadRun(runDir);
        m_tabs->setCurrentWidget(m_results);
    });
    connect(m_runs, &RunsPanel::openExperimentRequested, this, [this](const QString& file) {
        if (maybeSave())
            openExperiment(file);
    });
    return m_runs;
}

void MainWindow::createStatusBar()
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    statusBar()->addWidget(m_summary, 1);
    m_deviceLabel = new QLabel(this);
    m_deviceLabel->setObjectName(QStringLiteral("deviceLabel"));
    statusBar()->addPermanentWidget(m_deviceLabel);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_progress->setMaximumWidth(220);
    statusBar()->addPermanentWidget(m_progress);
    m_speedLabel = new QLabel(this);
    m_speedLabel->setObjectName(QStringLiteral("speedLabel"));
    m_speedLabel->setMinimumWidth(110);
    statusBar()->addPermanentWidget(m_speedLabel);
    m_etaLabel = new QLabel(this);
    m_etaLabel->setObjectName(QStringLiteral("etaLabel"));
    m_etaLabel->setMinimumWidth(90);
    statusBar()->addPermanentWidget(m_etaLabel);
    m_deviceLabel->setText(tr("CPU, %1 cores").arg(QThread::idealThreadCount()));
    m_progress->setValue(0);
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray(), kLayoutVersion);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState(kLayoutVersion));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_training->isBusy()) {
        const auto answer = QMessageBox::question(this, tr("Quit"),
                                                  tr("A run is training. Stop it and quit? It can be continued later "
                                                     "from its last finished epoch."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        // Closes once the run has saved its checkpoint and ended; the window stays responsive until then.
        m_closeWhenStopped = true;
        stopTraining();
        event->ignore();
        return;
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = RecentFiles::list();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        QAction* action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(path));
        connect(action, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openExperiment(path);
        });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    else
        m_recentMenu->addAction(tr("&Clear List"), this, [] { RecentFiles::clear(); });
}

}  // namespace tl
