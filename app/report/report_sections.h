#pragma once

#include "report/report_document.h"
#include "report/run_data.h"

#include <QList>

namespace tl::report {

// Each builds one section of the report from what the run folder holds; a section whose files
// are missing says so instead of disappearing, so the report's outline is always the same.
ReportSection overviewSection(const RunData& run);
ReportSection environmentSection(const RunData& run);
ReportSection datasetSection(const RunData& run);
ReportSection hyperparameterSection(const RunData& run);
ReportSection curvesSection(const RunData& run);
ReportSection resultsSection(const RunData& run);
ReportSection confusionSection(const RunData& run);
ReportSection perClassSection(const RunData& run);
ReportSection gallerySection(const RunData& run, int count);
ReportSection timingSection(const RunData& run);
/// The run beside its pretraining stage and the --compare runs: a table and overlaid curves.
ReportSection comparisonSection(const QList<const RunData*>& runs);
ReportSection usageSection(const RunData& run);
/// Only when something is missing: every file the run lacks and what that leaves out.
ReportSection missingSection(const QList<const RunData*>& runs);

/// Which figure chose the best checkpoint, in words: the validation score, or the lowest
/// training loss for a run without validation data.
QString bestByText(const RunData& run);
/// "epoch 3, chosen by the highest validation top-1", from summary.json.
QString bestCheckpointText(const RunData& run);
/// Where the run's validation images came from, and how many there were.
QString validationText(const RunData& run);

/// A number for a table: `digits` decimals, "–" when not finite.
QString formatNumber(double value, int digits = 4);
/// Seconds as "1 h 02 min", "3 min 05 s" or "12.3 s".
QString formatDuration(double seconds);

}  // namespace tl::report
