#include "report/report_document.h"

namespace tl::report {

ReportBlock ReportBlock::paragraph(const QString& text)
{
    ReportBlock b;
    b.text = text;
    return b;
}

ReportBlock ReportBlock::note(const QString& text)
{
    ReportBlock b;
    b.kind = Note;
    b.text = text;
    return b;
}

ReportBlock ReportBlock::list(const QStringList& items)
{
    ReportBlock b;
    b.kind = List;
    b.items = items;
    return b;
}

ReportBlock ReportBlock::ofTable(const ReportTable& table)
{
    ReportBlock b;
    b.kind = Table;
    b.table = table;
    return b;
}

ReportBlock ReportBlock::ofFigure(const ReportFigure& figure)
{
    ReportBlock b;
    b.kind = Figure;
    b.figure = figure;
    return b;
}

ReportBlock ReportBlock::gallery(const QList<ReportImage>& images)
{
    ReportBlock b;
    b.kind = Gallery;
    b.images = images;
    return b;
}

ReportBlock ReportBlock::code(const QString& text)
{
    ReportBlock b;
    b.kind = Code;
    b.text = text;
    return b;
}

ReportTable keyValueTable(const QList<QPair<QString, QString>>& rows)
{
    ReportTable t;
    t.firstColumnIsHeader = true;
    for (const auto& [key, value] : rows)
        t.rows << QStringList{key, value};
    return t;
}

}  // namespace tl::report
