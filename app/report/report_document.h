#pragma once

#include <QByteArray>
#include <QColor>
#include <QList>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QVector>

namespace tl::report {

/// A table of plain-text cells; `background` optionally colours cells (row-major, may be empty).
struct ReportTable {
    QStringList header;
    QList<QStringList> rows;
    QList<QList<QColor>> background;
    QVector<bool> numeric;  // right-aligned columns
    bool firstColumnIsHeader = false;
};

/// A vector figure as SVG text (a complete <svg> element) and its natural size in points.
struct ReportFigure {
    QString svg;
    QSizeF size;
    QString caption;
};

/// A small raster picture, kept as JPEG bytes.
struct ReportImage {
    QByteArray jpeg;
    QString caption;
};

/// One piece of a section. Every string is plain text: the writers escape it.
struct ReportBlock {
    enum Kind { Paragraph, Note, List, Table, Figure, Gallery, Code };
    Kind kind = Paragraph;
    QString text;
    QStringList items;
    ReportTable table;
    ReportFigure figure;
    QList<ReportImage> images;

    static ReportBlock paragraph(const QString& text);
    static ReportBlock note(const QString& text);
    static ReportBlock list(const QStringList& items);
    static ReportBlock ofTable(const ReportTable& table);
    static ReportBlock ofFigure(const ReportFigure& figure);
    static ReportBlock gallery(const QList<ReportImage>& images);
    static ReportBlock code(const QString& text);
};

struct ReportSection {
    QString id;  // anchor, ASCII
    QString title;
    QList<ReportBlock> blocks;
};

/// The report as data, written out by the HTML and the PDF writer alike.
struct ReportDocument {
    QString title;
    QString subtitle;
    QList<ReportSection> sections;
};

/// Two-column key/value table.
ReportTable keyValueTable(const QList<QPair<QString, QString>>& rows);

}  // namespace tl::report
