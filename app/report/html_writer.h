#pragma once

#include "report/report_document.h"

#include <QByteArray>

namespace tl::report {

/// The report as one self-contained HTML file: CSS inline, figures as inline SVG, pictures as
/// data: URIs, nothing fetched from anywhere. Well-formed XML (polyglot HTML5), so it can be
/// read back with an XML parser. Every string is escaped.
QByteArray writeHtml(const ReportDocument& document);

}  // namespace tl::report
