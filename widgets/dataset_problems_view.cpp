#include "dataset_problems_view.h"

#include <QDir>
#include <QHeaderView>
#include <QListWidget>
#include <QTableWidget>

namespace tl {

DatasetProblemsView::DatasetProblemsView(QWidget* parent) : QSplitter(Qt::Vertical, parent)
{
    m_warnings = new QListWidget(this);
    m_warnings->setObjectName(QStringLiteral("warningList"));
    m_warnings->setWordWrap(true);
    m_skipped = new QTableWidget(0, 2, this);
    m_skipped->setObjectName(QStringLiteral("skippedTable"));
    m_skipped->setHorizontalHeaderLabels({tr("Skipped file"), tr("Reason")});
    m_skipped->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_skipped->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_skipped->verticalHeader()->hide();
    m_skipped->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_skipped->horizontalHeader()->setStretchLastSection(true);
    m_skipped->setColumnWidth(0, 220);
    m_skipped->setWordWrap(false);
    m_skipped->setTextElideMode(Qt::ElideLeft);  // the file name is the end of the path
    setStretchFactor(1, 1);
}

void DatasetProblemsView::setSummary(const DatasetSummary& summary)
{
    m_warnings->clear();
    m_warnings->addItems(summary.errors + summary.warnings);
    for (int i = 0; i < summary.errors.size(); ++i)
        m_warnings->item(i)->setForeground(QColor(0xb0, 0x20, 0x20));
    m_skipped->setRowCount(int(summary.skipped.size()));
    const QDir root(summary.root);
    for (int row = 0; row < summary.skipped.size(); ++row) {
        const DatasetSkippedFile& s = summary.skipped[row];
        auto* file = new QTableWidgetItem(QDir::toNativeSeparators(root.relativeFilePath(s.path)));
        file->setToolTip(QDir::toNativeSeparators(s.path));
        auto* reason = new QTableWidgetItem(s.reason);
        reason->setToolTip(s.reason);
        m_skipped->setItem(row, 0, file);
        m_skipped->setItem(row, 1, reason);
    }
    m_count = int(summary.errors.size() + summary.warnings.size() + summary.skipped.size());
}

}  // namespace tl
