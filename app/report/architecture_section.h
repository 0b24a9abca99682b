#pragma once

#include "report/report_document.h"
#include "report/run_data.h"

namespace tl::report {

/// The block diagram with the run's freeze map (drawn by the widgets' ArchitectureDiagram,
/// offscreen, as SVG), and the freeze table per stage. Needs a QApplication.
ReportSection architectureSection(const RunData& run);
ReportSection freezeSection(const RunData& run);

}  // namespace tl::report
