#include "report/metrics_export.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace tl::report {

namespace {

QJsonArray rowsOf(const CsvTable& table)
{
    QJsonArray rows;
    QList<QVector<double>> columns;
    for (const QString& c : table.header)
        columns << table.numbers(c);
    for (int r = 0; r < table.rows.size(); ++r) {
        QJsonObject row;
        for (int c = 0; c < table.header.size(); ++c) {
            const double v = columns[c][r];
            row.insert(table.header[c], std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null));
        }
        rows << row;
    }
    return rows;
}

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

}  // namespace

QByteArray metricsJson(const RunData& run)
{
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("transferlab-metrics/1")},
                     {QStringLiteral("run"), run.name},
                     {QStringLiteral("run_dir"), run.dir},
                     {QStringLiteral("arch"), run.arch()},
                     {QStringLiteral("classes"), QJsonArray::fromStringList(run.classes())},
                     {QStringLiteral("summary"), run.summary},
                     {QStringLiteral("epochs"), rowsOf(run.epochs)},
                     {QStringLiteral("iterations"), rowsOf(run.metrics)}};
    const QJsonObject last = run.confusion.value(QStringLiteral("last")).toObject();
    if (!last.isEmpty()) {
        root.insert(QStringLiteral("per_class"), last.value(QStringLiteral("per_class")));
        root.insert(QStringLiteral("macro_f1"), last.value(QStringLiteral("macro_f1")));
    }
    QJsonArray missing;
    for (const MissingFile& m : run.missing)
        missing << QJsonObject{{QStringLiteral("file"), m.name}, {QStringLiteral("reason"), m.reason}};
    root.insert(QStringLiteral("missing"), missing);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray metricsCsv(const RunData& run)
{
    QString out = QStringLiteral("run");
    for (const QString& c : run.epochs.header)
        out += QLatin1Char(',') + csvField(c);
    out += QLatin1Char('\n');
    for (const QStringList& row : run.epochs.rows) {
        out += csvField(run.name);
        for (int c = 0; c < run.epochs.header.size(); ++c)
            out += QLatin1Char(',') + csvField(row.value(c));
        out += QLatin1Char('\n');
    }
    return out.toUtf8();
}

}  // namespace tl::report
