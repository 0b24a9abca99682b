#pragma once

#include "dataset_summary.h"

#include <QSplitter>

class QListWidget;
class QTableWidget;

namespace tl {

/// What is wrong with a scanned dataset: the reasons it cannot train (in red), the health
/// check's warnings, and every skipped file with its reason.
class DatasetProblemsView final : public QSplitter {
    Q_OBJECT
public:
    explicit DatasetProblemsView(QWidget* parent = nullptr);

    void setSummary(const DatasetSummary& summary);
    int problemCount() const { return m_count; }

private:
    QListWidget* m_warnings = nullptr;
    QTableWidget* m_skipped = nullptr;
    int m_count = 0;
};

}  // namespace tl
