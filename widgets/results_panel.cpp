#include "results_panel.h"

#include "confusion_view.h"
#include "mask_gallery.h"
#include "segmentation_summary.h"
#include "thumbnail_loader.h"
#include "thumbnail_model.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tl {

namespace {

QTableWidgetItem* numberItem(double value, int decimals)
{
    auto* item = new QTableWidgetItem(QString::number(value, 'f', decimals));
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

ResultsPanel::ResultsPanel(QWidget* parent)
    : QWidget(parent), m_loader(new ThumbnailLoader(QSize(96, 96), this)), m_thumbnails(new ThumbnailModel(m_loader, this))
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_title = new QLabel(tr("<b>No run open</b>"), this);
    m_epoch = new QComboBox(this);
    m_epoch->setObjectName(QStringLiteral("epochChoice"));
    m_epoch->addItems({tr("Last epoch"), tr("Best epoch")});
    top->addWidget(m_title, 1);
    m_epochLabel = new QLabel(tr("Matrix of:"), this);
    top->addWidget(m_epochLabel);
    top->addWidget(m_epoch);
    layout->addLayout(top);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("resultsStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_status->hide();

    auto* vertical = new QSplitter(Qt::Vertical, this);
    auto* upper = new QSplitter(Qt::Horizontal, vertical);
    m_main = new QStackedWidget(upper);
    m_view = new ConfusionView(m_main);
    m_view->setObjectName(QStringLiteral("confusionView"));
    m_gallery = new MaskGallery(m_main);
    m_gallery->setObjectName(QStringLiteral("maskGallery"));
    m_main->addWidget(m_view);
    m_main->addWidget(m_gallery);
    auto* side = new QWidget(upper);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, 5, side);
    m_table->setObjectName(QStringLiteral("perClassTable"));
    m_table->setHorizontalHeaderLabels({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 5; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_predict = new PredictBox(side);
    m_predict->setObjectName(QStringLiteral("predictBox"));
    sideLayout->addWidget(m_table, 1);
    sideLayout->addWidget(m_predict);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 2);

    auto* lower = new QWidget(vertical);
    m_lower = lower;
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    m_cellCaption = new QLabel(tr("Click a cell of the matrix to see its validation images."), lower);
    m_cellCaption->setObjectName(QStringLiteral("cellCaption"));
    m_images = new QListView(lower);
    m_images->setObjectName(QStringLiteral("cellImages"));
    m_images->setModel(m_thumbnails);
    m_images->setViewMode(QListView::IconMode);
    m_images->setResizeMode(QListView::Adjust);
    m_images->setMovement(QListView::Static);
    m_images->setUniformItemSizes(true);
    m_images->setIconSize(m_loader->thumbnailSize());
    m_images->setGridSize(m_loader->thumbnailSize() + QSize(24, 28));
    lowerLayout->addWidget(m_cellCaption);
    lowerLayout->addWidget(m_images, 1);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 1);
    layout->addWidget(vertical, 1);

    connect(m_view, &ConfusionView::cellActivated, this, &ResultsPanel::showCell);
    connect(m_epoch, &QComboBox::currentIndexChanged, this, [this](int index) { showBest(index == 1); });
    connect(m_predict, &PredictBox::imageChosen, this, [this](const QString& image) {
        m_predict->showBusy(image);
        Q_EMIT predictRequested(m_runDir, image);
    });
    m_view->clear(tr("A run's confusion matrix appears here when it finishes, or when you double-click it in the Runs tab."));
}

QString ResultsPanel::statusText() const
{
    return m_status->text();
}

bool ResultsPanel::loadRun(const QString& runDir)
{
    const RunInfo info = readRunInfo(runDir);
    m_runDir = info.path;
    m_dataRoot = info.dataRoot;
    m_report = {};
    m_predictions.clear();
    m_cellImages.clear();
    m_thumbnails->setEntries({});
    m_title->setText(tr("<b>%1</b> %2 %3").arg(info.name.toHtmlEscaped(), info.date, info.arch.toHtmlEscaped()));
    m_title->setToolTip(QDir::toNativeSeparators(m_runDir));
    const QDir dir(m_runDir);
    const bool hasModel = dir.exists(QStringLiteral("model.pth"));
    m_segmentation = isSegmentationRun(m_runDir);
    m_predict->setAvailable(hasModel, tr("This run has no trained model (model.pth) to try images on."), m_segmentation);
    m_epoch->setVisible(!m_segmentation);
    m_epochLabel->setVisible(!m_segmentation);
    m_lower->setVisible(!m_segmentation);
    m_main->setCurrentWidget(m_segmentation ? static_cast<QWidget*>(m_gallery) : m_view);
    if (m_segmentation)
        return loadSegmentationRun();
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});

    QString error;
    if (!dir.exists(QStringLiteral("confusion.json"))) {
        error = tr("This run has no confusion.json yet: it has not finished a validation pass.");
    } else if (readConfusionReport(dir.filePath(QStringLiteral("confusion.json")), m_report, &error)) {
        m_predictionsError.clear();
        if (!dir.exists(QStringLiteral("val_predictions.csv")))
            m_predictionsError = tr("This run has no val_predictions.csv, so its images cannot be listed.");
        else
            readValPredictions(dir.filePath(QStringLiteral("val_predictions.csv")), m_report.classes, m_predictions,
                               &m_predictionsError);
    }
    if (!error.isEmpty()) {
        m_report = {};
        m_status->setText(error);
        m_status->setVisible(true);
        m_table->setRowCount(0);
        m_view->clear(error);
        m_cellCaption->setText(QString());
        return false;
    }
    m_status->setText(m_predictionsError);
    m_status->setVisible(!m_predictionsError.isEmpty());
    m_epoch->setItemText(0, tr("Last epoch (%1)").arg(m_report.last.epoch));
    m_epoch->setItemText(1, tr("Best epoch (%1)").arg(m_report.best.epoch));
    showBest(m_epoch->currentIndex() == 1);
    m_cellCaption->setText(m_predictionsError.isEmpty() ? tr("Click a cell of the matrix to see its validation images.")
                                                        : m_predictionsError);
    return true;
}

void ResultsPanel::showBest(bool best)
{
    if (m_epoch->currentIndex() != int(best)) {
        const QSignalBlocker block(m_epoch);
        m_epoch->setCurrentIndex(int(best));
    }
    showSnapshot();
}

void ResultsPanel::showSnapshot()
{
    const ConfusionSnapshot& s = m_epoch->currentIndex() == 1 ? m_report.best : m_report.last;
    if (!s.valid)
        return;
    m_view->setMatrix(m_report.classes, s.matrix);
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(s.perClass.size()) + 1);
    for (int row = 0; row < s.perClass.size(); ++row) {
        const ClassMetrics& c = s.perClass[row];
        m_table->setItem(row, 0, new QTableWidgetItem(c.name.isEmpty() ? m_report.classes.value(row) : c.name));
        m_table->setItem(row, 1, numberItem(c.precision, 3));
        m_table->setItem(row, 2, numberItem(c.recall, 3));
        m_table->setItem(row, 3, numberItem(c.f1, 3));
        m_table->setItem(row, 4, numberItem(double(c.support), 0));
    }
    const int last = int(s.perClass.size());
    auto* macro = new QTableWidgetItem(tr("Macro average (epoch %1)").arg(s.epoch));
    QFont bold = macro->font();
    bold.setBold(true);
    macro->setFont(bold);
    m_table->setItem(last, 0, macro);
    for (int c = 1; c < 5; ++c)
        m_table->setItem(last, c, new QTableWidgetItem);
    m_table->setItem(last, 3, numberItem(s.macroF1, 3));
    m_table->item(last, 3)->setFont(bold);
}

QString ResultsPanel::resolveImage(const QString& path) const
{
    if (QFileInfo(path).isAbsolute())
        return path;
    // Relative paths are relative to the dataset the run trained on.
    if (!m_dataRoot.isEmpty() && QFileInfo::exists(QDir(m_dataRoot).filePath(path)))
        return QDir(m_dataRoot).filePath(path);
    return QDir(m_runDir).filePath(path);
}

void ResultsPanel::showCell(int truth, int predicted)
{
    if (truth < 0 || predicted < 0 || truth >= m_report.classes.size() || predicted >= m_report.classes.size())
        return;
    m_cellImages.clear();
    for (const ValPrediction& p : m_predictions)
        if (p.target == truth && p.predicted == predicted)
            m_cellImages.append(p);
    std::stable_sort(m_cellImages.begin(), m_cellImages.end(),
                     [](const ValPrediction& a, const ValPrediction& b) { return a.loss > b.loss; });
    QVector<ThumbnailEntry> entries;
    for (const ValPrediction& p : m_cellImages) {
        const QString file = resolveImage(p.path);
        entries.append({file, tr("loss %1").arg(p.loss, 0, 'f', 2),
                        tr("%1\nloss %2, probability of the prediction %3")
                            .arg(QDir::toNativeSeparators(file))
                            .arg(p.loss, 0, 'f', 3)
                            .arg(p.probability, 0, 'f', 3)});
    }
    m_thumbnails->setEntries(entries);
    const QString& t = m_report.classes[truth];
    const QString& pr = m_report.classes[predicted];
    QString caption = truth == predicted ? tr("%1 recognised correctly: %n image(s), highest loss first", nullptr,
                                               int(entries.size())).arg(t)
                                         : tr("%1 taken for %2: %n image(s), highest loss first", nullptr,
                                               int(entries.size())).arg(t, pr);
    if (!m_predictionsError.isEmpty())
        caption = m_predictionsError;
    m_cellCaption->setText(caption);
}

void ResultsPanel::showPrediction(const QString& image, const QVector<PredictedClass>& top)
{
    m_predict->showPrediction(image, top);
}

void ResultsPanel::showPrediction(const QString& image, const ImagePrediction& prediction)
{
    m_predict->showPrediction(image, prediction);
}

void ResultsPanel::showPredictionError(const QString& image, const QString& message)
{
    m_predict->showError(image, message);
}

}  // namespace tl

namespace tl {

bool ResultsPanel::loadSegmentationRun()
{
    SegmentationSummary summary;
    QString error;
    const bool ok = readSegmentationSummary(m_runDir, m_dataRoot, summary, &error);
    m_table->setSortingEnabled(false);
    m_table->setRowCount(0);
    m_gallery->clear(QString());
    if (!ok) {
        m_status->setText(error);
        m_status->setVisible(true);
        m_gallery->setClasses({});
        m_gallery->setCaption(error);
        return false;
    }
    m_gallery->setClasses(summary.classes);
    fillSegmentationTable(m_table, summary);
    m_status->setText(summary.pixelAccuracy >= 0
                          ? tr("Segmentation run: %1 % of the validation pixels right, mean IoU %2.")
                                .arg(summary.pixelAccuracy * 100.0, 0, 'f', 1)
                                .arg(summary.meanIou, 0, 'f', 3)
                          : tr("Segmentation run without validation images: no scores to show."));
    m_status->setVisible(true);
    if (QDir(m_runDir).exists(QStringLiteral("model.pth"))) {
        m_gallery->setCaption(tr("Predicting the masks of the validation images…"));
        Q_EMIT galleryRequested(m_runDir);
    } else {
        m_gallery->setCaption(tr("This run has no trained model (model.pth) to predict masks with."));
    }
    return true;
}

void ResultsPanel::addGalleryItem(const QString& runDir, const MaskGalleryItem& item)
{
    if (!m_segmentation || QDir(runDir).absolutePath() != QDir(m_runDir).absolutePath())
        return;
    m_gallery->addItem(item);
    m_gallery->setCaption(tr("Validation images with the predicted mask over them: %n so far", nullptr, m_gallery->count()));
}

void ResultsPanel::finishGallery(const QString& runDir, int count, const QString& problem)
{
    if (!m_segmentation || QDir(runDir).absolutePath() != QDir(m_runDir).absolutePath())
        return;
    if (!problem.isEmpty())
        m_gallery->setCaption(problem);
    else if (count == 0)
        m_gallery->setCaption(tr("This run has no validation images to show."));
    else
        m_gallery->setCaption(tr("%n validation image(s) with the predicted mask over them", nullptr, count));
}

}  // namespace tl
