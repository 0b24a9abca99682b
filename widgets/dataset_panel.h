#pragma once

#include "dataset_summary.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;
class QTabWidget;

namespace tl {
class DatasetProblemsView;
class DatasetScanBackend;
class FolderDropFilter;
class ThumbnailLoader;
class ThumbnailModel;

/// The dataset dock: takes an image folder (dropped anywhere on the window or chosen), has it
/// scanned in the background, and shows its classes with counts and bars, a thumbnail grid of
/// the chosen class, the health check's warnings and skipped files, and the split settings or
/// the separate validation folder the validation images come from.
class DatasetPanel final : public QWidget {
    Q_OBJECT
public:
    /// The panel takes ownership of `backend`.
    explicit DatasetPanel(DatasetScanBackend* backend, QWidget* parent = nullptr);
    ~DatasetPanel() override;

    /// Makes `window` (and everything on it that does not take drops itself) accept a dropped folder.
    void installDropTarget(QWidget* window);

    QString folder() const { return m_folder; }
    const DatasetSummary& summary() const { return m_summary; }
    QString statusText() const;
    bool isScanning() const;

    /// The separate validation folder (the experiment's data.val); empty when validation images
    /// come from the training folder.
    QString validationFolder() const { return m_valFolder; }
    /// Shows `path` (empty: none) as the validation folder and recounts the split with it;
    /// emits nothing, as it shows what the experiment already says.
    void setValidationFolder(const QString& path);

    SplitSettings splitSettings() const;
    /// Shows an experiment's split settings without asking for a new scan of anything.
    void setSplitSettings(const SplitSettings& split);

public Q_SLOTS:
    /// Checks `path` and scans it when it is a folder; otherwise says why not.
    void loadFolder(const QString& path);
    void chooseFolder();
    void chooseValidationFolder();
    void clearValidationFolder();
    void cancelScan();

Q_SIGNALS:
    /// A scanned folder that can train a classifier (the experiment's data.train).
    void datasetChosen(const QString& path);
    void splitSettingsChanged(const tl::SplitSettings& split);
    /// The user chose a validation folder, or cleared it (empty `path`).
    void validationFolderChosen(const QString& path);
    /// Every scan ends with this, trainable or not, failed or cancelled.
    void scanFinished(bool trainable);

private:
    QWidget* buildClassesTab();
    void setStatus(const QString& text, bool error);
    void setBusy(bool busy);
    void showSummary(const DatasetSummary& summary);
    void showClass(int row);
    void onFailed(const QString& folder, const QString& message);
    void onSplitEdited();
    void showValidationFolder();
    void showSplitNote(const DatasetSummary& summary);
    /// Recounts the split of the scanned folder with what the panel shows now.
    void recount();

    DatasetScanBackend* m_backend = nullptr;
    FolderDropFilter* m_dropFilter = nullptr;
    ThumbnailLoader* m_loader = nullptr;
    ThumbnailModel* m_thumbnails = nullptr;
    QString m_folder;
    QString m_valFolder;
    DatasetSummary m_summary;
    bool m_awaitingScan = false;  // a resplit's summary is no new choice of dataset

    QLabel* m_path = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QDoubleSpinBox* m_valFraction = nullptr;
    QSpinBox* m_seed = nullptr;
    QLabel* m_splitNote = nullptr;
    QLabel* m_valPath = nullptr;
    QPushButton* m_clearVal = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_classTable = nullptr;
    QStandardItemModel* m_classModel = nullptr;
    QLabel* m_classCaption = nullptr;
    QListView* m_grid = nullptr;
    DatasetProblemsView* m_problems = nullptr;
};

}  // namespace tl
