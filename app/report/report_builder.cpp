#include "report/report_builder.h"
#include "report/report_text.h"

#include "report/architecture_section.h"
#include "report/report_sections.h"

#include "models/zoo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

#include <cmath>

namespace tl::report {

namespace {

QString jsonText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 10);
    case QJsonValue::String: return v.toString();
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default: return QStringLiteral("–");
    }
}

void flatten(const QJsonObject& object, const QString& prefix, QList<QPair<QString, QString>>& out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        // Small objects such as lr_mult read better as one line; sections recurse.
        if (it.value().isObject() && prefix.count(QLatin1Char('.')) < 1 && !it.value().toObject().isEmpty())
            flatten(it.value().toObject(), key, out);
        else
            out.push_back({key, jsonText(it.value())});
    }
}

/// When the run started, from the folder name the runner gives it (YYYY-MM-DD_HH-MM-SS_name).
QString startTime(const RunData& run)
{
    static const QRegularExpression stamp(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})_(\\d{2})-(\\d{2})-(\\d{2})"));
    const QRegularExpressionMatch m = stamp.match(QFileInfo(run.dir).fileName());
    if (m.hasMatch())
        return QStringLiteral("%1 %2:%3:%4").arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4));
    return QFileInfo(run.filePath(QStringLiteral("experiment.json"))).lastModified().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString torchvisionCall(const QString& arch, int classes, int channels)
{
    const QString n = QString::number(classes);
    if (arch == QLatin1String("googlenet"))
        return QStringLiteral("torchvision.models.googlenet(num_classes=%1, aux_logits=True, transform_input=%2, init_weights=False)")
            .arg(n, channels == 3 ? QStringLiteral("True") : QStringLiteral("False"));
    return QStringLiteral("torchvision.models.%1(num_classes=%2)").arg(arch, n);
}

/// summary.json's entry for the source stage: its epochs and its best validation top-1, or that
/// it had no validation data. Entries written before best_by was recorded name a top-1 either
/// way, so the stage's own folder decides then.
QString pretrainText(const RunData& run, const QJsonObject& pretrain)
{
    const int epochs = pretrain.value(QStringLiteral("epochs")).toInt();
    const QString bestBy = pretrain.value(QStringLiteral("best_by")).toString();
    const bool validated = !bestBy.isEmpty() ? bestBy.startsWith(QLatin1String("val_"))
                                             : run.pretrain && run.pretrain->validated();
    const QJsonValue top1 = pretrain.value(QStringLiteral("best_val_top1"));
    const QString folder = pretrain.value(QStringLiteral("run")).toString();
    if (validated && top1.isDouble())
        return tr("%1 epochs (%2/), best validation top-1 %3 %")
            .arg(epochs)
            .arg(folder)
            .arg(100.0 * top1.toDouble(), 0, 'f', 1);
    if (validated)
        return tr("%1 epochs (%2/)").arg(epochs).arg(folder);
    return tr("%1 epochs (%2/), no validation data: its best epoch had the lowest training loss")
        .arg(epochs)
        .arg(folder);
}

}  // namespace

QString formatNumber(double value, int digits)
{
    return std::isfinite(value) ? QString::number(value, 'f', digits) : QStringLiteral("–");
}

QString formatDuration(double seconds)
{
    if (!std::isfinite(seconds))
        return QStringLiteral("–");
    const qint64 s = qRound64(seconds);
    if (s >= 3600)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (s >= 60)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 s").arg(seconds, 0, 'f', 1);
}

ReportSection overviewSection(const RunData& run)
{
    ReportSection section{QStringLiteral("overview"), tr("Overview"), {}};
    const QString outcome = run.summary.value(QStringLiteral("outcome")).toString();
    const int done = run.summary.value(QStringLiteral("epochs_done")).toInt(run.epochs.rows.size());
    QList<QPair<QString, QString>> rows{
        {tr("Experiment"), run.name},
        {tr("Started"), startTime(run)},
        {tr("Run folder"), run.dir},
        {tr("Architecture"), run.arch().isEmpty() ? QStringLiteral("–") : run.arch()},
        {tr("Epochs"), tr("%1 of %2").arg(done).arg(run.plannedEpochs())},
        {tr("Outcome"), outcome.isEmpty() ? tr("unknown (no summary.json)") : outcome},
    };
    const QString message = run.summary.value(QStringLiteral("message")).toString();
    if (!message.isEmpty())
        rows.push_back({tr("Message"), message});
    if (!run.summary.isEmpty() || !run.epochs.isEmpty()) {
        rows.push_back({tr("Validation"), validationText(run)});
        rows.push_back({tr("Best checkpoint"), bestCheckpointText(run)});
    }
    const QJsonObject pretrain = run.summary.value(QStringLiteral("pretrain")).toObject();
    if (!pretrain.isEmpty())
        rows.push_back({tr("Pretraining stage"), pretrainText(run, pretrain)});
    section.blocks << ReportBlock::ofTable(keyValueTable(rows));
    if (!run.finished())
        section.blocks << ReportBlock::note(
            tr("This run did not finish: the report shows what its folder holds so far (see Missing files)."));
    return section;
}

ReportSection environmentSection(const RunData& run)
{
    ReportSection section{QStringLiteral("environment"), tr("Environment"), {}};
    const QJsonObject& s = run.summary;
    const auto value = [&s](const char* key) {
        const QJsonValue v = s.value(QLatin1String(key));
        return v.isUndefined() ? QStringLiteral("–") : jsonText(v);
    };
    section.blocks << ReportBlock::ofTable(keyValueTable({
        {tr("TransferLab (training)"), value("transferlab_version")},
        {tr("LibTorch"), value("torch_version")},
        {tr("Device"), value("device")},
        {tr("Threads"), value("threads")},
        {tr("Report written by"), QStringLiteral("TransferLab %1, Qt %2, %3, %4 cores")
                                     .arg(QStringLiteral(TRANSFERLAB_VERSION), QString::fromLatin1(qVersion()),
                                          QSysInfo::prettyProductName())
                                     .arg(QThread::idealThreadCount())},
        {tr("Report written at"), QDateTime::currentDateTime().toString(Qt::ISODate)},
    }));
    if (s.isEmpty())
        section.blocks << ReportBlock::note(tr("summary.json is missing: the training environment is unknown."));
    return section;
}

ReportSection hyperparameterSection(const RunData& run)
{
    ReportSection section{QStringLiteral("hyperparameters"), tr("Hyperparameters"), {}};
    if (run.experiment.isEmpty()) {
        section.blocks << ReportBlock::note(tr("experiment.json is missing."));
        return section;
    }
    QList<QPair<QString, QString>> rows;
    QJsonObject e = run.experiment;
    e.remove(QStringLiteral("format"));
    e.remove(QStringLiteral("name"));
    flatten(e, QString(), rows);
    section.blocks << ReportBlock::ofTable(keyValueTable(rows));
    return section;
}

ReportSection usageSection(const RunData& run)
{
    ReportSection section{QStringLiteral("usage"), tr("Using the model in Python"), {}};
    const QString arch = run.arch();
    const ZooEntry* entry = findArch(arch.toStdString());
    const int classes = run.classes().size();
    const int channels = jsonAt(run.experiment, QStringLiteral("model.in_channels")).toInt(3);
    int size = jsonAt(run.experiment, QStringLiteral("data.image_size")).toInt(0);
    if (size <= 0)
        size = entry ? int(entry->defaultInputH) : 224;
    if (!entry || !entry->torchvision) {
        section.blocks << ReportBlock::paragraph(
            tr("%1 is not a torchvision model: model.pth holds its tensors by TransferLab's layer names, readable with "
               "torch.load(\"model.pth\", weights_only=True) as a dictionary.")
                .arg(arch.isEmpty() ? tr("The network") : arch));
        return section;
    }
    section.blocks << ReportBlock::paragraph(
        tr("Export the trained weights with 'transferlab export RUN_DIR --format pth --out model.pth' (or "
           "--format safetensors). They load into torchvision's model without conversion:"));
    QString code = QStringLiteral("import torch, torchvision\n"
                                  "import torchvision.transforms as T\n"
                                  "from PIL import Image\n\n");
    code += QStringLiteral("model = %1\n").arg(torchvisionCall(arch, classes, channels));
    if (channels == 1)
        code += QStringLiteral("# The run used 1-channel input: give the first convolution in_channels=1 before loading.\n");
    code += QStringLiteral("model.load_state_dict(torch.load(\"model.pth\", weights_only=True))\nmodel.eval()\n\n");
    const QString mean = channels == 1 ? QStringLiteral("[0.449]") : QStringLiteral("[0.485, 0.456, 0.406]");
    const QString stddev = channels == 1 ? QStringLiteral("[0.226]") : QStringLiteral("[0.229, 0.224, 0.225]");
    code += QStringLiteral("# The input preparation of the run's validation (resize, centre crop, normalise).\n"
                           "prepare = T.Compose([T.Resize(%1), T.CenterCrop(%2), T.ToTensor(),\n"
                           "                     T.Normalize(%3, %4)])\n")
                .arg(qRound(size / 0.875))
                .arg(size)
                .arg(mean, stddev);
    code += QStringLiteral("image = Image.open(\"photo.jpg\").convert(\"%1\")\n").arg(channels == 1 ? QStringLiteral("L") : QStringLiteral("RGB"));
    code += QStringLiteral("with torch.no_grad():\n    logits = model(prepare(image).unsqueeze(0))\n");
    QStringList names;
    for (const QString& c : run.classes())
        names << QStringLiteral("\"%1\"").arg(QString(c).replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\"")));
    code += QStringLiteral("classes = [%1]\nprint(classes[logits.argmax(1).item()])\n").arg(names.join(QStringLiteral(", ")));
    section.blocks << ReportBlock::code(code);
    return section;
}

ReportSection missingSection(const QList<const RunData*>& runs)
{
    ReportSection section{QStringLiteral("missing"), tr("Missing files"), {}};
    ReportTable table;
    table.header = QStringList{tr("Run"), tr("File"), tr("Problem"), tr("Not shown")};
    for (const RunData* run : runs)
        for (const MissingFile& m : run->missing)
            table.rows << QStringList{run->name, m.name, m.reason, m.effect};
    if (table.rows.isEmpty())
        return {};
    section.blocks << ReportBlock::paragraph(tr("These files are missing or unreadable; the report shows everything else."));
    section.blocks << ReportBlock::ofTable(table);
    return section;
}

ReportDocument buildReport(const RunData& run, const QList<RunData>& others, const ReportOptions& options)
{
    ReportDocument doc;
    doc.title = tr("Training report: %1").arg(run.name);
    doc.subtitle = tr("%1, started %2").arg(run.arch().isEmpty() ? tr("unknown network") : run.arch(), startTime(run));
    QList<const RunData*> all{&run};
    if (run.pretrain)
        all << run.pretrain.get();
    for (const RunData& other : others)
        all << &other;
    doc.sections << overviewSection(run) << environmentSection(run) << datasetSection(run) << architectureSection(run)
                 << freezeSection(run) << hyperparameterSection(run) << curvesSection(run) << resultsSection(run)
                 << confusionSection(run) << perClassSection(run) << gallerySection(run, options.galleryImages)
                 << timingSection(run);
    if (all.size() > 1)
        doc.sections << comparisonSection(all);
    doc.sections << usageSection(run);
    const ReportSection missing = missingSection(all);
    if (!missing.blocks.isEmpty())
        doc.sections << missing;
    return doc;
}

}  // namespace tl::report
