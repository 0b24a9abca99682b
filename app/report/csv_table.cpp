#include "report/csv_table.h"

#include <limits>

namespace tl::report {

QVector<double> CsvTable::numbers(const QString& name) const
{
    const int c = column(name);
    QVector<double> out;
    out.reserve(rows.size());
    for (const QStringList& row : rows) {
        bool ok = false;
        const double v = c >= 0 && c < row.size() ? row[c].trimmed().toDouble(&ok) : 0.0;
        out.push_back(ok ? v : std::numeric_limits<double>::quiet_NaN());
    }
    return out;
}

QString CsvTable::text(int row, const QString& name) const
{
    const int c = column(name);
    return row >= 0 && row < rows.size() && c >= 0 && c < rows[row].size() ? rows[row][c] : QString();
}

CsvTable parseCsv(const QByteArray& bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> lines;
    QStringList fields;
    QString field;
    bool quoted = false;
    bool complete = true;  // the last record ended with a newline
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        complete = false;
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            if (field.endsWith(QLatin1Char('\r')))
                field.chop(1);
            fields << field;
            field.clear();
            lines << fields;
            fields.clear();
            complete = true;
        } else {
            field += c;
        }
    }
    if (!complete) {
        fields << field;
        lines << fields;
    }
    CsvTable table;
    if (lines.isEmpty())
        return table;
    table.header = lines.takeFirst();
    for (QString& h : table.header)
        h = h.trimmed();
    for (const QStringList& line : lines) {
        if (line.size() == 1 && line.front().trimmed().isEmpty())
            continue;
        // A row written before a column was added has fewer fields; only a cut-off last line is dropped.
        if (line.size() < table.header.size() && &line == &lines.back() && !complete)
            continue;
        table.rows << line;
    }
    return table;
}

}  // namespace tl::report
