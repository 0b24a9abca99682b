#include "report/run_data.h"
#include "report/report_text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace tl::report {

namespace {

// Large enough for any real run's CSVs; a bigger file is refused rather than exhausting memory.
constexpr qint64 kMaxFileBytes = qint64(512) << 20;

bool readFile(RunData& run, const QString& name, QByteArray& bytes, const QString& effect, bool optional = false)
{
    QFile file(run.filePath(name));
    if (!file.exists()) {
        if (!optional)
            run.missing.push_back({name, tr("missing"), effect});
        return false;
    }
    if (file.size() > kMaxFileBytes) {
        run.missing.push_back({name, tr("too large (%1 bytes)").arg(file.size()), effect});
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        run.missing.push_back({name, tr("cannot be read: %1").arg(file.errorString()), effect});
        return false;
    }
    bytes = file.readAll();
    return true;
}

QJsonObject readJson(RunData& run, const QString& name, const QString& effect, bool optional = false)
{
    QByteArray bytes;
    if (!readFile(run, name, bytes, effect, optional))
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (!doc.isObject()) {
        run.missing.push_back(
            {name, doc.isNull() ? tr("not valid JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset)
                                : tr("not a JSON object"),
             effect});
        return {};
    }
    return doc.object();
}

CsvTable readCsv(RunData& run, const QString& name, const QString& effect, bool optional = false)
{
    QByteArray bytes;
    if (!readFile(run, name, bytes, effect, optional))
        return {};
    CsvTable table = parseCsv(bytes);
    if (table.isEmpty())
        run.missing.push_back({name, tr("has no rows"), effect});
    return table;
}

}  // namespace

bool RunData::hasFile(const QString& fileName) const { return QFileInfo::exists(filePath(fileName)); }

QString RunData::filePath(const QString& fileName) const { return QDir(dir).filePath(fileName); }

QStringList RunData::classes() const
{
    for (const QJsonObject* o : {&summary, &split, &confusion}) {
        const QJsonArray list = o->value(QStringLiteral("classes")).toArray();
        if (!list.isEmpty()) {
            QStringList names;
            for (const QJsonValue& v : list)
                names << v.toString();
            return names;
        }
    }
    return {};
}

QString RunData::arch() const { return jsonAt(experiment, QStringLiteral("model.arch")).toString(); }

int RunData::plannedEpochs() const { return jsonAt(experiment, QStringLiteral("train.epochs")).toInt(); }

bool RunData::finished() const
{
    const QString outcome = summary.value(QStringLiteral("outcome")).toString();
    if (outcome == QLatin1String("early_stopped"))
        return true;
    return outcome == QLatin1String("finished") && hasFile(QStringLiteral("model.pth"));
}

bool RunData::segmentation() const
{
    const QString task = summary.value(QStringLiteral("task")).toString();
    if (!task.isEmpty())
        return task == QLatin1String("segmentation");
    return epochs.has(QStringLiteral("val_miou")) || jsonAt(experiment, QStringLiteral("task")).toString() == QLatin1String("segmentation");
}

QString RunData::bestBy() const
{
    const QString recorded = summary.value(QStringLiteral("best_by")).toString();
    if (!recorded.isEmpty())
        return recorded;
    if (summary.isEmpty() && epochs.isEmpty())
        return {};
    for (const QString& column : epochs.header)
        if (column.startsWith(QLatin1String("val_")))
            for (double v : epochs.numbers(column))
                if (std::isfinite(v))
                    return segmentation() ? QStringLiteral("val_miou") : QStringLiteral("val_top1");
    return QStringLiteral("train_loss");
}

QString RunData::scoreColumn() const
{
    return segmentation() ? QStringLiteral("val_miou") : QStringLiteral("val_top1");
}

double RunData::bestValScore() const
{
    if (!validated())
        return NAN;
    const QJsonValue recorded = summary.value(QLatin1String("best_") + scoreColumn());
    if (recorded.isDouble())
        return recorded.toDouble();
    double best = NAN;
    for (double v : epochs.numbers(scoreColumn()))
        if (std::isfinite(v) && !(v <= best))
            best = v;
    return best;
}

QJsonValue jsonAt(const QJsonObject& object, const QString& dottedPath)
{
    QJsonValue v = object;
    for (const QString& key : dottedPath.split(QLatin1Char('.'))) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(key);
    }
    return v;
}

RunData loadRun(const QString& dir)
{
    RunData run;
    run.dir = QDir(dir).absolutePath();
    run.experiment = readJson(run, QStringLiteral("experiment.json"), tr("the architecture, freeze plan and hyperparameters"));
    run.name = run.experiment.value(QStringLiteral("name")).toString();
    if (run.name.isEmpty())
        run.name = QFileInfo(run.dir).fileName();
    run.split = readJson(run, QStringLiteral("split.json"), tr("the dataset summary"));
    run.summary = readJson(run, QStringLiteral("summary.json"), tr("the outcome and the environment"));
    run.epochs = readCsv(run, QStringLiteral("epochs.csv"), tr("the per-epoch curves and metrics"));
    run.metrics = readCsv(run, QStringLiteral("metrics.csv"), tr("the per-iteration loss and learning rate"));
    // A run without validation data writes no validation files: their absence is no damage.
    const bool unvalidated = run.bestBy() == QLatin1String("train_loss");
    run.confusion = readJson(run, QStringLiteral("confusion.json"), tr("the confusion matrix and per-class scores"), unvalidated);
    run.predictions = readCsv(run, QStringLiteral("val_predictions.csv"), tr("the gallery of misclassified images"), unvalidated);
    QByteArray log;
    if (readFile(run, QStringLiteral("log.txt"), log, tr("the skipped files and the training log"))) {
        static const QRegularExpression skipped(QStringLiteral("^skipped (.+?): (.*)$"));
        for (const QString& line : QString::fromUtf8(log).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            run.log << line;
            const QRegularExpressionMatch m = skipped.match(line);
            if (m.hasMatch())
                run.skipped.push_back({m.captured(1), m.captured(2)});
        }
    }
    for (const QString& weights : {QStringLiteral("model.pth"), QStringLiteral("checkpoint_best.pt"),
                                   QStringLiteral("checkpoint_last.pt")}) {
        if (run.hasFile(weights))
            run.weightFiles << weights;
        else
            run.missing.push_back({weights, tr("missing"),
                                   weights == QLatin1String("model.pth") ? tr("the export of the trained model")
                                                                         : tr("resuming and the best epoch's weights")});
    }
    if (QFileInfo(run.filePath(QStringLiteral("pretrain"))).isDir()) {
        run.pretrain = std::make_shared<RunData>(loadRun(run.filePath(QStringLiteral("pretrain"))));
        if (run.pretrain->name == run.name || run.pretrain->name == QLatin1String("pretrain"))
            run.pretrain->name = run.name + tr(" (pretraining)");
    }
    return run;
}

}  // namespace tl::report
