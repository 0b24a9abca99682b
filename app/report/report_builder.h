#pragma once

#include "report/report_document.h"
#include "report/run_data.h"

#include <QList>

namespace tl::report {

struct ReportOptions {
    int galleryImages = 12;  // misclassified images shown, highest loss first
};

/// Assembles the whole report of `run`, comparing it with `others` (and with its pretraining
/// stage when it has one). Needs a QApplication for the diagram.
ReportDocument buildReport(const RunData& run, const QList<RunData>& others, const ReportOptions& options = {});

}  // namespace tl::report
