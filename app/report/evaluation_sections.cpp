#include "report/report_sections.h"
#include "report/report_text.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace tl::report {

namespace {

constexpr int kMaxMatrixClasses = 40;  // wider tables stop being readable on a page
constexpr int kThumbnail = 112;

/// A confusion matrix with its source, from confusion.json or rebuilt from val_predictions.csv.
struct Confusion {
    QStringList classes;
    QVector<QVector<qint64>> matrix;  // row = truth, column = prediction
    int epoch = -1;
    QString source;
    bool valid() const { return !classes.isEmpty() && matrix.size() == classes.size(); }
};

int classIndex(const QString& field, const QStringList& classes)
{
    bool ok = false;
    const int i = field.trimmed().toInt(&ok);
    if (ok)
        return i >= 0 && i < classes.size() ? i : -1;
    return int(classes.indexOf(field));
}

Confusion confusionOf(const RunData& run)
{
    Confusion c;
    const QJsonObject last = run.confusion.value(QStringLiteral("last")).toObject();
    if (!last.isEmpty()) {
        for (const QJsonValue& v : run.confusion.value(QStringLiteral("classes")).toArray())
            c.classes << v.toString();
        if (c.classes.isEmpty())
            c.classes = run.classes();
        for (const QJsonValue& row : last.value(QStringLiteral("matrix")).toArray()) {
            QVector<qint64> counts;
            for (const QJsonValue& n : row.toArray())
                counts << qint64(n.toDouble());
            counts.resize(c.classes.size());
            c.matrix << counts;
        }
        c.epoch = last.value(QStringLiteral("epoch")).toInt(-1);
        c.source = QStringLiteral("confusion.json");
        return c;
    }
    if (run.predictions.has(QStringLiteral("target")) && run.predictions.has(QStringLiteral("predicted"))) {
        c.classes = run.classes();
        c.matrix = QVector<QVector<qint64>>(c.classes.size(), QVector<qint64>(c.classes.size(), 0));
        for (int r = 0; r < run.predictions.rows.size(); ++r) {
            const int t = classIndex(run.predictions.text(r, QStringLiteral("target")), c.classes);
            const int p = classIndex(run.predictions.text(r, QStringLiteral("predicted")), c.classes);
            if (t >= 0 && p >= 0)
                ++c.matrix[t][p];
        }
        c.source = QStringLiteral("val_predictions.csv");
    }
    return c;
}

QColor shade(double fraction, bool diagonal)
{
    // Light enough at full strength for black text to stay readable.
    const QColor full = diagonal ? QColor(0x4a, 0x90, 0xd0) : QColor(0xe0, 0x60, 0x50);
    const double t = std::clamp(fraction, 0.0, 1.0) * 0.8;
    return QColor::fromRgbF(float(1 - t + t * full.redF()), float(1 - t + t * full.greenF()), float(1 - t + t * full.blueF()));
}

/// Where an image of val_predictions.csv is now. Relative paths were relative to where training
/// ran, which the run folder does not record: try the data folder, the working directory, and
/// the folders above the run (runs/ usually sits beside the experiment file).
QString resolveImage(const RunData& run, const QString& path)
{
    if (QFileInfo(path).isAbsolute())
        return path;
    const QString data = jsonAt(run.experiment, QStringLiteral("data.train")).toString();
    QStringList bases{QDir::currentPath(), QDir(run.dir).filePath(QStringLiteral("../..")),
                      QDir(run.dir).filePath(QStringLiteral("..")), run.dir};
    if (QFileInfo(data).isAbsolute())
        bases.prepend(data);
    else if (!data.isEmpty())
        bases << QDir(run.dir).filePath(QStringLiteral("../../") + data);
    for (const QString& base : bases) {
        const QString candidate = QDir(base).filePath(path);
        if (QFileInfo::exists(candidate))
            return QDir::cleanPath(candidate);
    }
    return path;
}

QByteArray thumbnailJpeg(const QString& path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > kThumbnail || size.height() > kThumbnail))
        reader.setScaledSize(size.scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return {};
    if (image.width() < 48)  // tiny training images would vanish in the gallery
        image = image.scaled(image.size() * (kThumbnail / image.width()), Qt::KeepAspectRatio, Qt::FastTransformation);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.convertToFormat(QImage::Format_RGB888).save(&buffer, "JPEG", 85);
    return bytes;
}

/// Why a section of validation results is empty: a run without validation data has none.
QString noValidationText()
{
    return tr("The run had no validation data, so there are no validation results to show.");
}

}  // namespace

ReportSection confusionSection(const RunData& run)
{
    ReportSection section{QStringLiteral("confusion"), tr("Confusion matrix"), {}};
    if (run.withoutValidation()) {
        section.blocks << ReportBlock::paragraph(noValidationText());
        return section;
    }
    const Confusion c = confusionOf(run);
    if (!c.valid()) {
        section.blocks << ReportBlock::note(tr("confusion.json and val_predictions.csv are missing: no confusion matrix."));
        return section;
    }
    if (c.classes.size() > kMaxMatrixClasses) {
        section.blocks << ReportBlock::note(tr("%1 classes are too many for a table; see %2.").arg(c.classes.size()).arg(c.source));
        return section;
    }
    section.blocks << ReportBlock::paragraph(
        (c.epoch >= 0 ? tr("Validation images after epoch %1, from %2.").arg(c.epoch).arg(c.source)
                      : tr("Validation images of the final model, from %1.").arg(c.source))
        + QLatin1Char(' ') + tr("Rows are the true classes, columns the predictions; shading shows each row's share."));
    ReportTable table;
    table.header << tr("truth \\ predicted") << c.classes;
    table.firstColumnIsHeader = true;
    table.numeric = QVector<bool>(c.classes.size() + 1, true);
    table.numeric[0] = false;
    for (int t = 0; t < c.classes.size(); ++t) {
        qint64 total = 0;
        for (qint64 n : c.matrix[t])
            total += n;
        QStringList row{c.classes[t]};
        QList<QColor> colours{QColor()};
        for (int p = 0; p < c.classes.size(); ++p) {
            row << QString::number(c.matrix[t][p]);
            colours << (c.matrix[t][p] ? shade(double(c.matrix[t][p]) / double(std::max<qint64>(1, total)), t == p) : QColor(Qt::white));
        }
        table.rows << row;
        table.background << colours;
    }
    section.blocks << ReportBlock::ofTable(table);
    return section;
}

ReportSection perClassSection(const RunData& run)
{
    ReportSection section{QStringLiteral("per-class"), tr("Per-class metrics"), {}};
    if (run.withoutValidation()) {
        section.blocks << ReportBlock::paragraph(noValidationText());
        return section;
    }
    ReportTable table;
    table.header = QStringList{tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")};
    table.numeric = {false, true, true, true, true};
    const QJsonObject last = run.confusion.value(QStringLiteral("last")).toObject();
    const QJsonArray perClass = last.value(QStringLiteral("per_class")).toArray();
    QString macro;
    if (!perClass.isEmpty()) {
        for (const QJsonValue& v : perClass) {
            const QJsonObject o = v.toObject();
            table.rows << QStringList{o.value(QStringLiteral("class")).toVariant().toString(),
                                      formatNumber(o.value(QStringLiteral("precision")).toDouble(NAN)),
                                      formatNumber(o.value(QStringLiteral("recall")).toDouble(NAN)),
                                      formatNumber(o.value(QStringLiteral("f1")).toDouble(NAN)),
                                      QString::number(o.value(QStringLiteral("support")).toInteger())};
        }
        macro = formatNumber(last.value(QStringLiteral("macro_f1")).toDouble(NAN));
    } else {
        const Confusion c = confusionOf(run);
        if (!c.valid()) {
            section.blocks << ReportBlock::note(tr("confusion.json and val_predictions.csv are missing: no per-class scores."));
            return section;
        }
        double f1Sum = 0;
        for (int k = 0; k < c.classes.size(); ++k) {
            qint64 tp = c.matrix[k][k], predicted = 0, support = 0;
            for (int j = 0; j < c.classes.size(); ++j) {
                predicted += c.matrix[j][k];
                support += c.matrix[k][j];
            }
            const double precision = predicted ? double(tp) / double(predicted) : 0.0;
            const double recall = support ? double(tp) / double(support) : 0.0;
            const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
            f1Sum += f1;
            table.rows << QStringList{c.classes[k], formatNumber(precision), formatNumber(recall), formatNumber(f1), QString::number(support)};
        }
        macro = formatNumber(f1Sum / c.classes.size());
        section.blocks << ReportBlock::paragraph(tr("Computed from %1.").arg(c.source));
    }
    section.blocks << ReportBlock::ofTable(table);
    section.blocks << ReportBlock::paragraph(tr("Macro F1: %1").arg(macro));
    return section;
}

ReportSection gallerySection(const RunData& run, int count)
{
    ReportSection section{QStringLiteral("misclassified"), tr("Misclassified images"), {}};
    if (run.withoutValidation()) {
        section.blocks << ReportBlock::paragraph(noValidationText());
        return section;
    }
    const CsvTable& p = run.predictions;
    if (!p.has(QStringLiteral("path")) || !p.has(QStringLiteral("target")) || !p.has(QStringLiteral("predicted"))) {
        section.blocks << ReportBlock::note(tr("val_predictions.csv is missing: no gallery of misclassified images."));
        return section;
    }
    const QStringList classes = run.classes();
    const QVector<double> loss = p.numbers(QStringLiteral("loss"));
    const QVector<double> prob = p.numbers(QStringLiteral("prob"));
    QVector<int> wrong;
    for (int r = 0; r < p.rows.size(); ++r)
        if (p.text(r, QStringLiteral("target")).trimmed() != p.text(r, QStringLiteral("predicted")).trimmed())
            wrong << r;
    std::stable_sort(wrong.begin(), wrong.end(), [&loss](int a, int b) {
        const double la = std::isfinite(loss[a]) ? loss[a] : -1, lb = std::isfinite(loss[b]) ? loss[b] : -1;
        return la > lb;
    });
    if (wrong.isEmpty()) {
        section.blocks << ReportBlock::paragraph(tr("Every validation image was classified correctly."));
        return section;
    }
    const auto name = [&classes](const QString& field) {
        const int i = classIndex(field, classes);
        return i >= 0 ? classes[i] : field;
    };
    QList<ReportImage> images;
    QStringList unreadable;
    for (int r : wrong) {
        if (images.size() >= count)
            break;
        const QString path = p.text(r, QStringLiteral("path"));
        const QByteArray jpeg = thumbnailJpeg(resolveImage(run, path));
        if (jpeg.isEmpty()) {
            unreadable << path;
            continue;
        }
        images << ReportImage{jpeg, tr("%1 → %2\np %3, loss %4\n%5")
                                        .arg(name(p.text(r, QStringLiteral("target"))), name(p.text(r, QStringLiteral("predicted"))),
                                             formatNumber(prob[r], 2), formatNumber(loss[r], 2), QFileInfo(path).fileName())};
    }
    section.blocks << ReportBlock::paragraph(tr("%1 of %2 validation images are misclassified; the %3 with the highest "
                                                "loss (true class → predicted class):")
                                                 .arg(wrong.size())
                                                 .arg(p.rows.size())
                                                 .arg(images.size()));
    if (!images.isEmpty())
        section.blocks << ReportBlock::gallery(images);
    if (!unreadable.isEmpty())
        section.blocks << ReportBlock::note(tr("Images no longer readable: %1").arg(unreadable.join(QStringLiteral(", "))));
    return section;
}

}  // namespace tl::report
