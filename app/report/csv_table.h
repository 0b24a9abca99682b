#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QVector>

namespace tl::report {

/// A CSV file of a run folder: a header and rows of text fields.
struct CsvTable {
    QStringList header;
    QList<QStringList> rows;

    bool isEmpty() const { return rows.isEmpty(); }
    int column(const QString& name) const { return header.indexOf(name); }
    bool has(const QString& name) const { return column(name) >= 0; }
    /// The column's values as numbers; NaN where a field is empty or not a number.
    QVector<double> numbers(const QString& name) const;
    QString text(int row, const QString& name) const;
};

/// Parses CSV (RFC 4180 quoting). A last line cut off by a killed writer (fewer fields than the
/// header) is dropped rather than read as zeros.
CsvTable parseCsv(const QByteArray& text);

}  // namespace tl::report
