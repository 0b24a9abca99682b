#include "run_files.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace tl {

namespace {

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

// RFC 4180 fields: a quoted field may hold commas, doubled quotes and line breaks. A file path
// in val_predictions.csv may contain commas, so a plain split is not enough.
QVector<QStringList> parseCsv(const QString& text)
{
    QVector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool rowHasData = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
            rowHasData = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
            rowHasData = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            if (rowHasData || !field.isEmpty()) {
                row.append(field);
                rows.append(row);
            }
            row.clear();
            field.clear();
            rowHasData = false;
        } else {
            field += c;
            rowHasData = true;
        }
    }
    if (rowHasData || !field.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

bool readJsonObject(const QString& file, QJsonObject& object, QString* error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return fail(error, QObject::tr("%1: cannot be read (%2)").arg(QDir::toNativeSeparators(file), f.errorString()));
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError)
        return fail(error, QObject::tr("%1: not valid JSON (%2 at byte %3)")
                               .arg(QDir::toNativeSeparators(file), parse.errorString()).arg(parse.offset));
    if (!doc.isObject())
        return fail(error, QObject::tr("%1: not a JSON object").arg(QDir::toNativeSeparators(file)));
    object = doc.object();
    return true;
}

bool readSnapshot(const QJsonValue& value, int classes, ConfusionSnapshot& snapshot, QString* why)
{
    if (!value.isObject())
        return fail(why, QObject::tr("missing"));
    const QJsonObject o = value.toObject();
    const QJsonArray rows = o.value(QLatin1String("matrix")).toArray();
    if (rows.size() != classes)
        return fail(why, QObject::tr("the matrix has %1 rows for %2 classes").arg(rows.size()).arg(classes));
    for (const QJsonValue& r : rows) {
        const QJsonArray cells = r.toArray();
        if (cells.size() != classes)
            return fail(why, QObject::tr("a matrix row has %1 cells for %2 classes").arg(cells.size()).arg(classes));
        QVector<qint64> row;
        for (const QJsonValue& cell : cells) {
            if (!cell.isDouble() || cell.toDouble() < 0)
                return fail(why, QObject::tr("a matrix cell is no count"));
            row.append(qint64(cell.toDouble()));
        }
        snapshot.matrix.append(row);
    }
    snapshot.epoch = o.value(QLatin1String("epoch")).toInt();
    snapshot.macroF1 = o.value(QLatin1String("macro_f1")).toDouble();
    for (const QJsonValue& v : o.value(QLatin1String("per_class")).toArray()) {
        const QJsonObject c = v.toObject();
        snapshot.perClass.append({c.value(QLatin1String("class")).toString(),
                                  c.value(QLatin1String("precision")).toDouble(),
                                  c.value(QLatin1String("recall")).toDouble(), c.value(QLatin1String("f1")).toDouble(),
                                  qint64(c.value(QLatin1String("support")).toDouble())});
    }
    snapshot.valid = true;
    return true;
}

int classIndex(const QString& cell, const QStringList& classes)
{
    bool ok = false;
    const int index = cell.toInt(&ok);
    if (ok)
        return index >= 0 && index < classes.size() ? index : -1;
    return int(classes.indexOf(cell));
}

/// summary.json's best_by. Older summaries lack it and wrote best_val_top1 even for a run
/// without validation data, so their epochs.csv decides.
QString bestByOf(const QJsonObject& summary, const QDir& dir, bool segmentation)
{
    const QString bestBy = summary.value(QLatin1String("best_by")).toString();
    if (!bestBy.isEmpty())
        return bestBy;
    CsvTable epochs;
    if (readCsv(dir.filePath(QStringLiteral("epochs.csv")), epochs) && hasValidationValues(epochs))
        return segmentation ? QStringLiteral("val_miou") : QStringLiteral("val_top1");
    return QStringLiteral("train_loss");
}

}  // namespace

bool hasValidationValues(const CsvTable& epochs)
{
    for (const QString& column : epochs.header) {
        if (!column.startsWith(QLatin1String("val_")))
            continue;
        for (double v : epochs.numbers(column))
            if (std::isfinite(v))
                return true;
    }
    return false;
}

QVector<double> CsvTable::numbers(const QString& name) const
{
    QVector<double> values;
    const int c = column(name);
    for (const QStringList& row : rows) {
        bool ok = false;
        const double v = c >= 0 && c < row.size() ? row[c].toDouble(&ok) : 0.0;
        values.append(ok ? v : std::numeric_limits<double>::quiet_NaN());
    }
    return values;
}

bool readCsv(const QString& file, CsvTable& table, QString* error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return fail(error, QObject::tr("%1: cannot be read (%2)").arg(QDir::toNativeSeparators(file), f.errorString()));
    QVector<QStringList> rows = parseCsv(QString::fromUtf8(f.readAll()));
    if (rows.isEmpty())
        return fail(error, QObject::tr("%1: empty, no header line").arg(QDir::toNativeSeparators(file)));
    table.header = rows.takeFirst();
    table.rows = rows;
    return true;
}

bool readConfusionReport(const QString& file, ConfusionReport& report, QString* error)
{
    QJsonObject o;
    if (!readJsonObject(file, o, error))
        return false;
    report = {};
    for (const QJsonValue& c : o.value(QLatin1String("classes")).toArray())
        report.classes.append(c.toString());
    if (report.classes.isEmpty())
        return fail(error, QObject::tr("%1: has no class list").arg(QDir::toNativeSeparators(file)));
    QString why;
    if (!readSnapshot(o.value(QLatin1String("last")), int(report.classes.size()), report.last, &why))
        return fail(error, QObject::tr("%1: \"last\": %2").arg(QDir::toNativeSeparators(file), why));
    // A run has a best snapshot only once an epoch improved; the last one stands in.
    if (!readSnapshot(o.value(QLatin1String("best")), int(report.classes.size()), report.best, &why))
        report.best = report.last;
    return true;
}

bool readValPredictions(const QString& file, const QStringList& classes, QVector<ValPrediction>& rows, QString* error)
{
    CsvTable table;
    if (!readCsv(file, table, error))
        return false;
    const QString shown = QDir::toNativeSeparators(file);
    const int path = table.column(QStringLiteral("path"));
    const int target = table.column(QStringLiteral("target"));
    const int predicted = table.column(QStringLiteral("predicted"));
    const int prob = table.column(QStringLiteral("prob"));
    const int loss = table.column(QStringLiteral("loss"));
    const int index = table.column(QStringLiteral("index"));
    if (path < 0 || target < 0 || predicted < 0 || loss < 0)
        return fail(error, QObject::tr("%1: the header lacks path, target, predicted or loss").arg(shown));
    rows.clear();
    for (int r = 0; r < table.rows.size(); ++r) {
        const QStringList& cells = table.rows[r];
        const int need = qMax(qMax(path, target), qMax(predicted, qMax(loss, qMax(prob, index))));
        if (cells.size() <= need)
            return fail(error, QObject::tr("%1: line %2 has %3 fields").arg(shown).arg(r + 2).arg(cells.size()));
        ValPrediction p;
        p.index = index >= 0 ? cells[index].toInt() : r;
        p.path = cells[path];
        p.target = classIndex(cells[target], classes);
        p.predicted = classIndex(cells[predicted], classes);
        p.probability = prob >= 0 ? cells[prob].toDouble() : 0.0;
        bool ok = false;
        p.loss = cells[loss].toDouble(&ok);
        if (p.target < 0 || p.predicted < 0 || !ok)
            return fail(error, QObject::tr("%1: line %2: unknown class or no loss").arg(shown).arg(r + 2));
        rows.append(p);
    }
    return true;
}

RunInfo readRunInfo(const QString& runDir)
{
    RunInfo info;
    const QDir dir(runDir);
    info.path = dir.absolutePath();
    info.name = dir.dirName();
    // Run folders are named YYYY-MM-DD_HH-MM-SS_<experiment>.
    static const QRegularExpression stamp(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})_(\\d{2})-(\\d{2})-\\d{2}_(.+)$"));
    const QRegularExpressionMatch m = stamp.match(info.name);
    if (m.hasMatch()) {
        info.date = m.captured(1) + QLatin1Char(' ') + m.captured(2) + QLatin1Char(':') + m.captured(3);
        info.name = m.captured(4);
    } else {
        info.date = QFileInfo(runDir).lastModified().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }

    QJsonObject o;
    QString error;
    if (!dir.exists(QStringLiteral("experiment.json"))) {
        info.missing.append(QStringLiteral("experiment.json"));
    } else if (readJsonObject(dir.filePath(QStringLiteral("experiment.json")), o, &error)) {
        info.experimentFile = dir.filePath(QStringLiteral("experiment.json"));
        info.arch = o.value(QLatin1String("model")).toObject().value(QLatin1String("arch")).toString();
        info.dataRoot = o.value(QLatin1String("data")).toObject().value(QLatin1String("train")).toString();
    } else {
        info.problems.append(error);
    }
    if (!dir.exists(QStringLiteral("summary.json"))) {
        info.missing.append(QStringLiteral("summary.json"));
        info.outcome = QObject::tr("no summary");
    } else if (readJsonObject(dir.filePath(QStringLiteral("summary.json")), o, &error)) {
        info.outcome = o.value(QLatin1String("outcome")).toString();
        info.message = o.value(QLatin1String("message")).toString();
        info.segmentation = o.value(QLatin1String("task")).toString() == QLatin1String("segmentation");
        info.bestBy = bestByOf(o, dir, info.segmentation);
        if (info.validated()) {
            info.bestValTop1 = o.value(QLatin1String("best_val_top1")).toDouble(-1.0);
            info.bestValMeanIou = o.value(QLatin1String("best_val_miou")).toDouble(-1.0);
        }
        info.bestTrainLoss = o.value(QLatin1String("best_train_loss")).toDouble(-1.0);
        info.epochs = o.value(QLatin1String("epochs_done")).toInt(-1);
        // A classification summary names its classes; a segmentation summary counts them.
        const QJsonValue classes = o.value(QLatin1String("classes"));
        for (const QJsonValue& c : classes.toArray())
            info.classes.append(c.toString());
        info.classCount = classes.isArray() ? int(info.classes.size()) : classes.toInt(-1);
    } else {
        info.problems.append(error);
        info.outcome = QObject::tr("unreadable");
    }
    if (!dir.exists(QStringLiteral("epochs.csv")))
        info.missing.append(QStringLiteral("epochs.csv"));
    const bool finished = info.outcome == QLatin1String("finished") || info.outcome == QLatin1String("early_stopped");
    if (finished && !dir.exists(QStringLiteral("model.pth")))
        info.missing.append(QStringLiteral("model.pth"));
    return info;
}

}  // namespace tl
