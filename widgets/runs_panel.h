#pragma once

#include "run_files.h"

#include <QWidget>

class QCPAxisRect;
class QCustomPlot;
class QFileSystemWatcher;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace tl {

/// Every run under a runs folder with its architecture, outcome, best validation score ("no
/// validation" for a run without validation data) and epochs (and what is missing from a damaged
/// run); the selected runs' validation top-1 (or mIoU), where measured, and training loss per
/// epoch overlaid in one plot.
class RunsPanel final : public QWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, DateColumn, ArchColumn, OutcomeColumn, BestColumn, EpochsColumn, ProblemsColumn };

    explicit RunsPanel(QWidget* parent = nullptr);
    ~RunsPanel() override;

    void setRunsDirectory(const QString& dir);
    QString runsDirectory() const { return m_dir; }
    const QVector<RunInfo>& runs() const { return m_runs; }

    /// Selects the runs with these folder paths (what a user does with Ctrl+click).
    void selectRuns(const QStringList& paths);
    QStringList selectedRuns() const;
    /// Runs drawn in the plot, in order; each has one training loss graph, and one validation
    /// top-1 (or mIoU) graph when its epochs were validated.
    QStringList plottedRuns() const { return m_plotted; }
    int valTop1GraphCount() const;
    int trainLossGraphCount() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    /// The experiment.json of the chosen run, to open it as the current experiment.
    void openExperimentRequested(const QString& experimentFile);
    /// Show this run's results.
    void resultsRequested(const QString& runDir);
    /// The user chose another runs folder with the panel's button.
    void runsDirectoryChosen(const QString& dir);

private:
    void replot();
    void updateButtons();

    QString m_dir;
    QVector<RunInfo> m_runs;
    QStringList m_plotted;
    QLabel* m_dirLabel = nullptr;
    QTreeWidget* m_list = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPAxisRect* m_lossRect = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_results = nullptr;
    QFileSystemWatcher* m_watcher = nullptr;
};

}  // namespace tl
