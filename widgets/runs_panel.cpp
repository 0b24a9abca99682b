#include "runs_panel.h"

#include "plots/qcustomplot_include.h"

#include <QDir>
#include <QFileDialog>
#include <QFileSystemWatcher>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

constexpr int PathRole = Qt::UserRole;
constexpr int SortRole = Qt::UserRole + 1;

// Tableau's ten colours: distinct at a glance and kind to the colour-blind.
const QColor kPalette[] = {{31, 119, 180}, {255, 127, 14}, {44, 160, 44}, {214, 39, 40}, {148, 103, 189},
                           {140, 86, 75},  {227, 119, 194}, {127, 127, 127}, {188, 189, 34}, {23, 190, 207}};

/// Sorts numeric columns by number, not by their text.
class RunItem final : public QTreeWidgetItem {
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem& other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant a = data(column, SortRole);
        const QVariant b = other.data(column, SortRole);
        if (a.isValid() && b.isValid())
            return a.toDouble() < b.toDouble();
        return QTreeWidgetItem::operator<(other);
    }
};

/// The best validation score, or why there is none: a training figure never stands in for it.
void showBest(QTreeWidgetItem* item, const RunInfo& run)
{
    const double best = run.segmentation ? run.bestValMeanIou : run.bestValTop1;
    if (run.validated() && best >= 0) {
        item->setText(RunsPanel::BestColumn, run.segmentation ? RunsPanel::tr("mIoU %1 %").arg(best * 100.0, 0, 'f', 1)
                                                              : RunsPanel::tr("top-1 %1 %").arg(best * 100.0, 0, 'f', 1));
        item->setData(RunsPanel::BestColumn, SortRole, best);
        return;
    }
    item->setData(RunsPanel::BestColumn, SortRole, -1.0);
    if (run.bestBy == QLatin1String("train_loss")) {
        item->setText(RunsPanel::BestColumn, RunsPanel::tr("no validation"));
        item->setToolTip(RunsPanel::BestColumn,
                         run.bestTrainLoss >= 0
                             ? RunsPanel::tr("The run had no validation data; its best epoch is the one with the lowest "
                                             "training loss (%1).").arg(run.bestTrainLoss, 0, 'g', 4)
                             : RunsPanel::tr("The run had no validation data; its best epoch is the one with the lowest "
                                             "training loss."));
    } else {
        item->setText(RunsPanel::BestColumn, QStringLiteral("–"));
    }
}

bool hasFinite(const QVector<double>& values)
{
    return std::any_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

void addCurve(QCPGraph* graph, const QVector<double>& x, const QVector<double>& y, double scale)
{
    QVector<double> xs;
    QVector<double> ys;
    for (int i = 0; i < qMin(x.size(), y.size()); ++i) {
        if (std::isfinite(x[i]) && std::isfinite(y[i])) {
            xs.append(x[i]);
            ys.append(y[i] * scale);
        }
    }
    graph->setData(xs, ys, true);
}

}  // namespace

RunsPanel::RunsPanel(QWidget* parent) : QWidget(parent), m_watcher(new QFileSystemWatcher(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_dirLabel = new QLabel(tr("No runs folder"), this);
    m_dirLabel->setObjectName(QStringLiteral("runsDirectory"));
    auto* choose = new QPushButton(tr("Runs Folder…"), this);
    auto* refresh = new QPushButton(tr("Refresh"), this);
    top->addWidget(m_dirLabel, 1);
    top->addWidget(choose);
    top->addWidget(refresh);
    layout->addLayout(top);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_list = new QTreeWidget(splitter);
    m_list->setObjectName(QStringLiteral("runList"));
    m_list->setHeaderLabels({tr("Run"), tr("Date"), tr("Architecture"), tr("Outcome"), tr("Best validation"),
                             tr("Epochs"), tr("Problems")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(DateColumn, Qt::DescendingOrder);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    m_plot = new QCustomPlot(splitter);
    m_plot->setObjectName(QStringLiteral("runsPlot"));
    m_plot->setMinimumHeight(260);
    QCPAxisRect* top1Rect = m_plot->axisRect();
    m_lossRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_lossRect);
    auto* margins = new QCPMarginGroup(m_plot);
    top1Rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_lossRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    top1Rect->axis(QCPAxis::atLeft)->setLabel(tr("Validation top-1 or mIoU (%)"));
    m_lossRect->axis(QCPAxis::atLeft)->setLabel(tr("Training loss"));
    m_lossRect->axis(QCPAxis::atBottom)->setLabel(tr("Epoch"));
    for (QCPAxisRect* r : {top1Rect, m_lossRect}) {
        r->setRangeDrag(Qt::Horizontal | Qt::Vertical);
        r->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    }
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    top1Rect->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    // The two plots share the epoch axis.
    connect(top1Rect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            m_lossRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    connect(m_lossRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            top1Rect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto* buttons = new QHBoxLayout;
    auto* hint = new QLabel(tr("Select several runs (Ctrl+click) to compare their curves."), this);
    m_results = new QPushButton(tr("Show Results"), this);
    m_results->setObjectName(QStringLiteral("showResultsButton"));
    m_open = new QPushButton(tr("Open Experiment"), this);
    m_open->setObjectName(QStringLiteral("openExperimentButton"));
    buttons->addWidget(hint, 1);
    buttons->addWidget(m_results);
    buttons->addWidget(m_open);
    layout->addLayout(buttons);

    connect(choose, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose the Runs Folder"), m_dir);
        if (dir.isEmpty())
            return;
        setRunsDirectory(dir);
        Q_EMIT runsDirectoryChosen(m_dir);
    });
    connect(refresh, &QPushButton::clicked, this, &RunsPanel::refresh);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &RunsPanel::refresh);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        replot();
        updateButtons();
    });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        Q_EMIT resultsRequested(item->data(NameColumn, PathRole).toString());
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QStringList selected = selectedRuns();
        for (const RunInfo& run : m_runs)
            if (selected.size() == 1 && run.path == selected.first() && !run.experimentFile.isEmpty())
                Q_EMIT openExperimentRequested(run.experimentFile);
    });
    connect(m_results, &QPushButton::clicked, this, [this] {
        const QStringList selected = selectedRuns();
        if (selected.size() == 1)
            Q_EMIT resultsRequested(selected.first());
    });
    updateButtons();
}

RunsPanel::~RunsPanel() = default;

void RunsPanel::setRunsDirectory(const QString& dir)
{
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_dir = QDir(dir).absolutePath();
    m_dirLabel->setText(QDir::toNativeSeparators(m_dir));
    if (QFileInfo(m_dir).isDir())
        m_watcher->addPath(m_dir);
    refresh();
}

void RunsPanel::refresh()
{
    const QStringList selected = selectedRuns();
    m_runs.clear();
    const QSignalBlocker block(m_list);
    m_list->clear();
    const QDir dir(m_dir);
    if (m_dir.isEmpty() || !dir.exists()) {
        m_dirLabel->setText(m_dir.isEmpty() ? tr("No runs folder") : tr("%1 does not exist yet").arg(m_dir));
    } else {
        for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            m_runs.append(readRunInfo(dir.filePath(name)));
        m_dirLabel->setText(tr("%1: %n run(s)", nullptr, int(m_runs.size())).arg(QDir::toNativeSeparators(m_dir)));
    }
    m_list->setSortingEnabled(false);
    for (const RunInfo& run : m_runs) {
        auto* item = new RunItem(m_list);
        item->setText(NameColumn, run.name);
        item->setData(NameColumn, PathRole, run.path);
        item->setToolTip(NameColumn, QDir::toNativeSeparators(run.path));
        item->setText(DateColumn, run.date);
        item->setText(ArchColumn, run.arch);
        item->setText(OutcomeColumn, run.outcome);
        item->setToolTip(OutcomeColumn, run.message);
        showBest(item, run);
        item->setText(EpochsColumn, run.epochs >= 0 ? QString::number(run.epochs) : QStringLiteral("–"));
        item->setData(EpochsColumn, SortRole, run.epochs);
        QStringList problems;
        if (!run.missing.isEmpty())
            problems.append(tr("missing %1").arg(run.missing.join(QStringLiteral(", "))));
        problems += run.problems;
        if (!problems.isEmpty()) {
            item->setText(ProblemsColumn, problems.join(QStringLiteral("; ")));
            item->setToolTip(ProblemsColumn, problems.join(QLatin1Char('\n')));
            item->setIcon(ProblemsColumn, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        }
        item->setSelected(selected.contains(run.path));
    }
    m_list->setSortingEnabled(true);
    replot();
    updateButtons();
}

void RunsPanel::selectRuns(const QStringList& paths)
{
    {
        const QSignalBlocker block(m_list);
        m_list->clearSelection();
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = m_list->topLevelItem(i);
            item->setSelected(paths.contains(item->data(NameColumn, PathRole).toString()));
        }
    }
    replot();
    updateButtons();
}

QStringList RunsPanel::selectedRuns() const
{
    QStringList paths;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)  // list order, so colours follow the list
        if (m_list->topLevelItem(i)->isSelected())
            paths.append(m_list->topLevelItem(i)->data(NameColumn, PathRole).toString());
    return paths;
}

int RunsPanel::valTop1GraphCount() const
{
    return int(m_plot->axisRect(0)->graphs().size());
}

int RunsPanel::trainLossGraphCount() const
{
    return int(m_lossRect->graphs().size());
}

void RunsPanel::replot()
{
    m_plot->clearGraphs();
    m_plotted.clear();
    QCPAxisRect* top1Rect = m_plot->axisRect(0);
    QHash<QString, QString> names;
    for (const RunInfo& run : m_runs)
        names.insert(run.path, run.date.isEmpty() ? run.name : run.name + QStringLiteral(" (") + run.date + QLatin1Char(')'));
    for (const QString& path : selectedRuns()) {
        CsvTable epochs;
        if (!readCsv(QDir(path).filePath(QStringLiteral("epochs.csv")), epochs) || epochs.column(QStringLiteral("epoch")) < 0)
            continue;
        const QColor color = kPalette[m_plotted.size() % std::size(kPalette)];
        const QVector<double> x = epochs.numbers(QStringLiteral("epoch"));
        const QString name = names.value(path, QDir(path).dirName());
        // Classification runs score by top-1; segmentation runs by mean IoU.
        const QString score = epochs.column(QStringLiteral("val_top1")) >= 0 ? QStringLiteral("val_top1")
                                                                             : QStringLiteral("val_miou");
        const QVector<double> scores = epochs.numbers(score);
        // A run without validation data has no score curve; its loss curve carries its name.
        const bool validated = hasFinite(scores);
        if (validated) {
            QCPGraph* top1 = m_plot->addGraph(top1Rect->axis(QCPAxis::atBottom), top1Rect->axis(QCPAxis::atLeft));
            top1->setName(name);
            top1->setPen(QPen(color, 2));
            top1->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
            addCurve(top1, x, scores, 100.0);
        }
        QCPGraph* loss = m_plot->addGraph(m_lossRect->axis(QCPAxis::atBottom), m_lossRect->axis(QCPAxis::atLeft));
        loss->setName(validated ? QDir(path).dirName() : tr("%1 (no validation; training loss)").arg(name));
        loss->setPen(QPen(color, 2));
        if (validated)
            loss->removeFromLegend();
        addCurve(loss, x, epochs.numbers(QStringLiteral("train_loss")), 1.0);
        m_plotted.append(path);
    }
    double firstEpoch = 1.0;
    double lastEpoch = 1.0;
    bool any = false;
    for (QCPAxisRect* r : {top1Rect, m_lossRect}) {
        for (QCPGraph* g : r->graphs()) {
            bool found = false;
            const QCPRange keys = g->getKeyRange(found);
            if (found) {
                firstEpoch = any ? qMin(firstEpoch, keys.lower) : keys.lower;
                lastEpoch = any ? qMax(lastEpoch, keys.upper) : keys.upper;
                any = true;
            }
            g->rescaleValueAxis(g != r->graphs().first());
        }
    }
    top1Rect->axis(QCPAxis::atBottom)->setRange(firstEpoch - 0.3, lastEpoch + 0.3);
    m_lossRect->axis(QCPAxis::atBottom)->setRange(firstEpoch - 0.3, lastEpoch + 0.3);
    if (!top1Rect->graphs().isEmpty())
        top1Rect->axis(QCPAxis::atLeft)->setRange(0, 100);
    if (!m_lossRect->graphs().isEmpty()) {
        QCPAxis* lossAxis = m_lossRect->axis(QCPAxis::atLeft);
        lossAxis->setRange(0, lossAxis->range().upper * 1.08);  // room above the first epoch's loss
    }
    m_plot->legend->setVisible(!m_plotted.isEmpty());
    m_plot->replot();
}

void RunsPanel::updateButtons()
{
    const QStringList selected = selectedRuns();
    bool hasExperiment = false;
    for (const RunInfo& run : m_runs)
        if (selected.size() == 1 && run.path == selected.first())
            hasExperiment = !run.experimentFile.isEmpty();
    m_open->setEnabled(hasExperiment);
    m_results->setEnabled(selected.size() == 1);
}

}  // namespace tl
