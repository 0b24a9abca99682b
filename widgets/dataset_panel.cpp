#include "dataset_panel.h"

#include "count_bar_delegate.h"
#include "dataset_problems_view.h"
#include "dataset_scan_backend.h"
#include "folder_drop_filter.h"
#include "thumbnail_loader.h"
#include "thumbnail_model.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace tl {

namespace {
enum ClassColumn { NameColumn, CountColumn, TrainColumn, ValColumn, TestColumn, ClassColumnCount };
}

DatasetPanel::DatasetPanel(DatasetScanBackend* backend, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_dropFilter(new FolderDropFilter(this)),
      m_loader(new ThumbnailLoader(QSize(96, 96), this)), m_thumbnails(new ThumbnailModel(m_loader, this))
{
    m_backend->setParent(this);
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout;
    auto* choose = new QPushButton(tr("Choose Folder…"), this);
    choose->setObjectName(QStringLiteral("chooseFolderButton"));
    m_path = new QLabel(tr("No dataset yet"), this);
    m_path->setObjectName(QStringLiteral("datasetPath"));
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setMinimumWidth(40);
    top->addWidget(choose);
    top->addWidget(m_path, 1);
    layout->addLayout(top);

    auto* valRow = new QHBoxLayout;
    auto* chooseVal = new QPushButton(tr("Choose Validation Folder…"), this);
    chooseVal->setObjectName(QStringLiteral("chooseValFolderButton"));
    chooseVal->setToolTip(tr("A folder with the same class folders whose images validate the run; the training "
                             "folder then gives no validation images."));
    m_valPath = new QLabel(this);
    m_valPath->setObjectName(QStringLiteral("valFolderPath"));
    m_valPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_valPath->setMinimumWidth(40);
    m_clearVal = new QPushButton(tr("Clear"), this);
    m_clearVal->setObjectName(QStringLiteral("clearValFolderButton"));
    m_clearVal->setToolTip(tr("Validate on images of the training folder again"));
    valRow->addWidget(chooseVal);
    valRow->addWidget(m_valPath, 1);
    valRow->addWidget(m_clearVal);
    layout->addLayout(valRow);

    m_status = new QLabel(tr("Drop an image folder anywhere on the window: one sub-folder per class, "
                             "or train/ and val/ folders that each hold the class folders."), this);
    m_status->setObjectName(QStringLiteral("datasetStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto* busy = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("scanProgress"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelScanButton"));
    busy->addWidget(m_progress, 1);
    busy->addWidget(m_cancel);
    layout->addLayout(busy);

    auto* split = new QFormLayout;
    m_valFraction = new QDoubleSpinBox(this);
    m_valFraction->setObjectName(QStringLiteral("valFractionSpin"));
    m_valFraction->setRange(0.0, 90.0);
    m_valFraction->setSingleStep(5.0);
    m_valFraction->setDecimals(1);
    m_valFraction->setSuffix(QStringLiteral(" %"));
    m_valFraction->setValue(20.0);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("splitSeedSpin"));
    m_seed->setRange(0, 1'000'000'000);
    m_splitNote = new QLabel(this);
    m_splitNote->setWordWrap(true);
    split->addRow(tr("Validation share:"), m_valFraction);
    split->addRow(tr("Split seed:"), m_seed);
    split->addRow(m_splitNote);
    layout->addLayout(split);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildClassesTab(), tr("Classes"));
    m_problems = new DatasetProblemsView(this);
    m_tabs->addTab(m_problems, tr("Problems"));
    layout->addWidget(m_tabs, 1);

    connect(choose, &QPushButton::clicked, this, &DatasetPanel::chooseFolder);
    connect(chooseVal, &QPushButton::clicked, this, &DatasetPanel::chooseValidationFolder);
    connect(m_clearVal, &QPushButton::clicked, this, &DatasetPanel::clearValidationFolder);
    connect(m_cancel, &QPushButton::clicked, this, &DatasetPanel::cancelScan);
    connect(m_dropFilter, &FolderDropFilter::pathDropped, this, &DatasetPanel::loadFolder);
    connect(m_valFraction, &QDoubleSpinBox::valueChanged, this, &DatasetPanel::onSplitEdited);
    connect(m_seed, &QSpinBox::valueChanged, this, &DatasetPanel::onSplitEdited);
    connect(m_backend, &DatasetScanBackend::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(qMin<qint64>(total, INT_MAX)));
        m_progress->setValue(int(qMin<qint64>(done, INT_MAX)));
        m_progress->setFormat(tr("Checking %1 of %2 images").arg(done).arg(total));
    });
    connect(m_backend, &DatasetScanBackend::finished, this, &DatasetPanel::showSummary);
    connect(m_backend, &DatasetScanBackend::failed, this, &DatasetPanel::onFailed);
    m_dropFilter->install(this);
    setBusy(false);
    showValidationFolder();
}

DatasetPanel::~DatasetPanel() = default;

QWidget* DatasetPanel::buildClassesTab()
{
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_classModel = new QStandardItemModel(0, ClassColumnCount, this);
    m_classModel->setHorizontalHeaderLabels({tr("Class"), tr("Images"), tr("Train"), tr("Val"), tr("Test")});
    m_classTable = new QTableView(splitter);
    m_classTable->setObjectName(QStringLiteral("classTable"));
    m_classTable->setModel(m_classModel);
    m_classTable->setItemDelegateForColumn(CountColumn, new CountBarDelegate(m_classTable));
    m_classTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_classTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_classTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_classTable->verticalHeader()->hide();
    QHeaderView* header = m_classTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CountColumn, QHeaderView::Fixed);
    m_classTable->setColumnWidth(CountColumn, 110);
    m_classTable->verticalHeader()->setDefaultSectionSize(m_classTable->fontMetrics().height() + 8);
    connect(m_classTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showClass(current.row()); });

    auto* gridBox = new QWidget(splitter);
    auto* gridLayout = new QVBoxLayout(gridBox);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    m_classCaption = new QLabel(tr("Choose a class to see its images."), gridBox);
    m_grid = new QListView(gridBox);
    m_grid->setObjectName(QStringLiteral("thumbnailView"));
    m_grid->setModel(m_thumbnails);
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true);
    m_grid->setIconSize(m_loader->thumbnailSize());
    m_grid->setGridSize(m_loader->thumbnailSize() + QSize(16, 24));
    m_grid->setTextElideMode(Qt::ElideMiddle);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    gridLayout->addWidget(m_classCaption);
    gridLayout->addWidget(m_grid, 1);
    splitter->setSizes({300, 400});
    return splitter;
}

void DatasetPanel::installDropTarget(QWidget* window)
{
    m_dropFilter->install(window);
}

QString DatasetPanel::statusText() const
{
    return m_status->text();
}

bool DatasetPanel::isScanning() const
{
    return m_backend->isBusy();
}

SplitSettings DatasetPanel::splitSettings() const
{
    return {m_valFraction->value() / 100.0, quint64(m_seed->value())};
}

void DatasetPanel::setSplitSettings(const SplitSettings& split)
{
    if (split == splitSettings())
        return;
    const QSignalBlocker a(m_valFraction);
    const QSignalBlocker b(m_seed);
    m_valFraction->setValue(split.valFraction * 100.0);
    m_seed->setValue(int(qMin<quint64>(split.seed, quint64(m_seed->maximum()))));
    if (!m_summary.presplit)
        recount();
}

void DatasetPanel::setValidationFolder(const QString& path)
{
    const QString folder = path.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (folder == m_valFolder)
        return;
    m_valFolder = folder;
    showValidationFolder();
    recount();
}

void DatasetPanel::chooseValidationFolder()
{
    const QString start = m_valFolder.isEmpty() ? m_folder : m_valFolder;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a Validation Folder"), start);
    if (dir.isEmpty())
        return;
    setValidationFolder(dir);
    Q_EMIT validationFolderChosen(m_valFolder);
}

void DatasetPanel::clearValidationFolder()
{
    if (m_valFolder.isEmpty())
        return;
    setValidationFolder(QString());
    Q_EMIT validationFolderChosen(QString());
}

void DatasetPanel::showValidationFolder()
{
    m_valPath->setText(m_valFolder.isEmpty() ? tr("Validation: from the training folder")
                                             : tr("Validation: %1").arg(QDir::toNativeSeparators(m_valFolder)));
    m_valPath->setToolTip(m_valFolder.isEmpty() ? QString() : QDir::toNativeSeparators(m_valFolder));
    m_clearVal->setEnabled(!m_valFolder.isEmpty());
}

void DatasetPanel::recount()
{
    // A scan still running recounts when it ends (showSummary compares what it was started with).
    if (!m_summary.root.isEmpty() && !m_backend->isBusy())
        m_backend->resplit(m_valFolder, splitSettings());
}

void DatasetPanel::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose an Image Folder"), m_folder);
    if (!dir.isEmpty())
        loadFolder(dir);
}

void DatasetPanel::loadFolder(const QString& path)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!info.exists()) {
        setStatus(tr("%1 does not exist.").arg(shown), true);
        Q_EMIT scanFinished(false);
        return;
    }
    if (!info.isDir()) {
        setStatus(tr("%1 is a file, not a folder. Drop a folder that holds one sub-folder of images per class.")
                      .arg(shown), true);
        Q_EMIT scanFinished(false);
        return;
    }
    m_folder = info.absoluteFilePath();
    m_path->setText(QDir::toNativeSeparators(m_folder));
    m_path->setToolTip(m_path->text());
    setStatus(tr("Scanning %1…").arg(QDir::toNativeSeparators(m_folder)), false);
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Listing files"));
    setBusy(true);
    m_awaitingScan = true;
    m_backend->startScan(m_folder, m_valFolder, splitSettings());
}

void DatasetPanel::cancelScan()
{
    m_backend->cancel();
}

void DatasetPanel::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b02020; font-weight: bold;") : QString());
}

void DatasetPanel::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
}

void DatasetPanel::onFailed(const QString& folder, const QString& message)
{
    setBusy(false);
    m_awaitingScan = false;
    setStatus(message.isEmpty() ? tr("%1 could not be scanned.").arg(QDir::toNativeSeparators(folder)) : message, true);
    Q_EMIT scanFinished(false);
}

void DatasetPanel::showSummary(const DatasetSummary& summary)
{
    setBusy(false);
    m_summary = summary;
    const QLocale locale;
    const bool trainable = summary.errors.isEmpty() && !summary.cancelled;
    qint64 largest = 1;
    bool anyTest = false;
    for (const DatasetClassInfo& c : summary.classes) {
        largest = qMax(largest, c.count);
        anyTest = anyTest || c.test > 0;
    }
    const int previousRow = m_classTable->currentIndex().row();
    m_classModel->removeRows(0, m_classModel->rowCount());
    for (const DatasetClassInfo& c : summary.classes) {
        auto* name = new QStandardItem(c.name);
        name->setToolTip(c.name);
        auto* count = new QStandardItem(locale.toString(c.count));
        count->setData(double(c.count) / double(largest), CountBarDelegate::FractionRole);
        QList<QStandardItem*> row{name, count};
        for (qint64 n : {c.train, c.val, c.test}) {
            auto* item = new QStandardItem(locale.toString(n));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            row.append(item);
        }
        m_classModel->appendRow(row);
    }
    m_classTable->setColumnHidden(TestColumn, !anyTest);
    m_problems->setSummary(summary);
    m_tabs->setTabText(1, m_problems->problemCount() ? tr("Problems (%1)").arg(m_problems->problemCount()) : tr("Problems"));

    m_valFraction->setEnabled(!summary.presplit);
    m_seed->setEnabled(!summary.presplit);
    showSplitNote(summary);
    if (summary.cancelled) {
        setStatus(tr("The check was cancelled; the figures cover part of the files. Drop the folder again to "
                     "check all of it."), true);
    } else if (!summary.errors.isEmpty()) {
        setStatus(tr("%1 cannot train a classifier: %2.")
                      .arg(QDir::toNativeSeparators(summary.root), summary.errors.join(QStringLiteral("; "))), true);
    } else {
        QString text = tr("%1 images in %2 classes").arg(locale.toString(summary.images)).arg(summary.classes.size());
        if (!summary.sizes.isEmpty())
            text += QStringLiteral(", ") + summary.sizes;
        if (!summary.valFolder.isEmpty()) {
            qint64 val = 0;
            for (const DatasetClassInfo& c : summary.classes)
                val += c.val;
            text += tr("; %n validation image(s) from the validation folder", nullptr, int(val));
        }
        if (!summary.skipped.isEmpty())
            text += tr("; %n file(s) skipped (see Problems)", nullptr, int(summary.skipped.size()));
        setStatus(text + QLatin1Char('.'), false);
    }
    if (!summary.classes.isEmpty()) {
        const int row = previousRow >= 0 && previousRow < summary.classes.size() ? previousRow : 0;
        m_classTable->setCurrentIndex(m_classModel->index(row, NameColumn));
        showClass(row);
    } else {
        showClass(-1);
    }
    // The split or the validation folder changed while the scan ran: recount with what the panel shows now.
    if (summary.valFolder != m_valFolder || (!summary.presplit && summary.split != splitSettings()))
        recount();
    if (!m_awaitingScan)
        return;
    m_awaitingScan = false;
    if (trainable)
        Q_EMIT datasetChosen(summary.root);
    Q_EMIT scanFinished(trainable);
}

void DatasetPanel::showSplitNote(const DatasetSummary& summary)
{
    if (!summary.valFolder.isEmpty())
        m_splitNote->setText(tr("Train counts come from the training folder, Val counts from the validation folder %1.")
                                 .arg(QDir::toNativeSeparators(summary.valFolder)));
    else if (summary.presplit)
        m_splitNote->setText(tr("The split comes from the folder's train/ and val/ folders."));
    else
        m_splitNote->setText(tr("Each class is split on its own, the same way on every machine."));
}

void DatasetPanel::showClass(int row)
{
    if (row < 0 || row >= m_summary.classes.size()) {
        m_thumbnails->setPaths({});
        m_classCaption->setText(tr("Choose a class to see its images."));
        return;
    }
    const DatasetClassInfo& c = m_summary.classes[row];
    m_classCaption->setText(tr("%1: %n image(s)", nullptr, int(c.paths.size())).arg(c.name));
    m_thumbnails->setPaths(c.paths);
}

void DatasetPanel::onSplitEdited()
{
    if (!m_summary.presplit)
        recount();
    Q_EMIT splitSettingsChanged(splitSettings());
}

}  // namespace tl
