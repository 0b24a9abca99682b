#pragma once

#include "report/report_document.h"

#include <QIODevice>
#include <QString>

namespace tl::report {

/// Writes the report as an A4 PDF through QTextDocument and QPdfWriter: text and tables as
/// text, figures as vectors (their SVG rendered by QSvgRenderer), pictures as JPEG. Uses a
/// CJK-capable font so Korean names render. Returns false and sets `error` on failure.
bool writePdf(const ReportDocument& document, QIODevice* device, QString* error);

/// The font families the PDF asks for, in order; the first installed one carries Hangul.
QStringList pdfFontFamilies();

}  // namespace tl::report
