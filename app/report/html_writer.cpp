#include "report/html_writer.h"

#include "report/svg_chart.h"

namespace tl::report {

namespace {

// Korean (and other CJK) names must render wherever the file is opened: fonts that carry
// Hangul on Linux, macOS and Windows are listed before the generic family.
const char* const kStyle = R"css(
body { font-family: "Noto Sans", "Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Apple SD Gothic Neo",
       "Malgun Gothic", "DejaVu Sans", sans-serif; color: #222; max-width: 60em; margin: 2em auto; padding: 0 1em;
       line-height: 1.45; font-size: 14px; }
h1 { font-size: 1.7em; margin-bottom: 0.1em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
.subtitle { color: #666; margin-top: 0; }
nav ol { columns: 2; font-size: 0.95em; }
nav a { color: #1f5fa0; text-decoration: none; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #d0d0d0; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
thead th { background: #f0f3f7; }
tbody th { background: #fafafa; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td { overflow-wrap: anywhere; }
.note { background: #fff6dd; border-left: 4px solid #e0b000; padding: 0.4em 0.8em; }
figure { margin: 1em 0; }
figure svg { max-width: 100%; height: auto; }
figure.diagram { max-height: 90em; overflow: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9em; }
.gallery { display: flex; flex-wrap: wrap; gap: 0.8em; }
.gallery figure { margin: 0; width: 9em; }
.gallery img { width: 112px; height: auto; image-rendering: pixelated; border: 1px solid #ccc; }
.gallery figcaption { white-space: pre-line; font-size: 0.8em; }
pre { background: #f5f5f5; border: 1px solid #e0e0e0; padding: 0.8em; overflow-x: auto;
      font-family: "Noto Sans Mono", "Noto Sans Mono CJK KR", "DejaVu Sans Mono", monospace; font-size: 0.88em; }
@media print { nav { display: none; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
)css";

QString e(const QString& text) { return escapeXml(text); }

void writeTable(QString& out, const ReportTable& t)
{
    out += QStringLiteral("<table>\n");
    if (!t.header.isEmpty()) {
        out += QStringLiteral("<thead><tr>");
        for (const QString& h : t.header)
            out += QStringLiteral("<th>%1</th>").arg(e(h));
        out += QStringLiteral("</tr></thead>\n");
    }
    out += QStringLiteral("<tbody>\n");
    for (int r = 0; r < t.rows.size(); ++r) {
        out += QStringLiteral("<tr>");
        for (int c = 0; c < t.rows[r].size(); ++c) {
            const bool header = c == 0 && t.firstColumnIsHeader;
            QString attributes;
            if (c < t.numeric.size() && t.numeric[c] && !header)
                attributes += QStringLiteral(" class=\"num\"");
            if (r < t.background.size() && c < t.background[r].size() && t.background[r][c].isValid())
                attributes += QStringLiteral(" style=\"background:%1\"").arg(t.background[r][c].name());
            const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
            out += QStringLiteral("<%1%2>%3</%1>").arg(tag, attributes, e(t.rows[r][c]));
        }
        out += QStringLiteral("</tr>\n");
    }
    out += QStringLiteral("</tbody></table>\n");
}

void writeBlock(QString& out, const ReportBlock& b, const QString& sectionId)
{
    switch (b.kind) {
    case ReportBlock::Paragraph:
        out += QStringLiteral("<p>%1</p>\n").arg(e(b.text));
        break;
    case ReportBlock::Note:
        out += QStringLiteral("<p class=\"note\">%1</p>\n").arg(e(b.text));
        break;
    case ReportBlock::List:
        out += QStringLiteral("<ul>\n");
        for (const QString& item : b.items)
            out += QStringLiteral("<li>%1</li>\n").arg(e(item));
        out += QStringLiteral("</ul>\n");
        break;
    case ReportBlock::Table:
        writeTable(out, b.table);
        break;
    case ReportBlock::Figure:
        out += QStringLiteral("<figure%1>\n").arg(sectionId == QLatin1String("architecture") ? QStringLiteral(" class=\"diagram\"") : QString());
        out += b.figure.svg;  // generated here, never taken from a file
        if (!b.figure.caption.isEmpty())
            out += QStringLiteral("<figcaption>%1</figcaption>\n").arg(e(b.figure.caption));
        out += QStringLiteral("</figure>\n");
        break;
    case ReportBlock::Gallery:
        out += QStringLiteral("<div class=\"gallery\">\n");
        for (const ReportImage& image : b.images)
            out += QStringLiteral("<figure><img src=\"data:image/jpeg;base64,%1\" alt=\"%2\"/><figcaption>%2</figcaption></figure>\n")
                       .arg(QString::fromLatin1(image.jpeg.toBase64()), e(image.caption));
        out += QStringLiteral("</div>\n");
        break;
    case ReportBlock::Code:
        out += QStringLiteral("<pre><code>%1</code></pre>\n").arg(e(b.text));
        break;
    }
}

}  // namespace

QByteArray writeHtml(const ReportDocument& document)
{
    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                          "<meta charset=\"utf-8\"/>\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                          "<meta name=\"generator\" content=\"TransferLab %1\"/>\n<title>%2</title>\n<style>")
               .arg(QStringLiteral(TRANSFERLAB_VERSION), e(document.title));
    out += QString::fromUtf8(kStyle);
    out += QStringLiteral("</style>\n</head>\n<body>\n<header>\n<h1>%1</h1>\n<p class=\"subtitle\">%2</p>\n</header>\n")
               .arg(e(document.title), e(document.subtitle));
    out += QStringLiteral("<nav>\n<ol>\n");
    for (const ReportSection& s : document.sections)
        out += QStringLiteral("<li><a href=\"#%1\">%2</a></li>\n").arg(s.id, e(s.title));
    out += QStringLiteral("</ol>\n</nav>\n");
    for (const ReportSection& s : document.sections) {
        out += QStringLiteral("<section id=\"%1\">\n<h2>%2</h2>\n").arg(s.id, e(s.title));
        for (const ReportBlock& b : s.blocks)
            writeBlock(out, b, s.id);
        out += QStringLiteral("</section>\n");
    }
    out += QStringLiteral("</body>\n</html>\n");
    return out.toUtf8();
}

}  // namespace tl::report
