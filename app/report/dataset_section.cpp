#include "report/report_sections.h"
#include "report/report_text.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

#include <array>
#include <vector>

namespace tl::report {

namespace {

constexpr int kSkippedListed = 50;  // the rest is counted, so a damaged folder does not flood the report

/// The class a split entry belongs to: the first folder of its relative path that is a class
/// (the path starts with the class folder, or with train/ val/ test/ and then the class folder).
int classOf(const QString& path, const QHash<QString, int>& classes)
{
    const QStringList parts = path.split(QLatin1Char('/'));
    for (int i = 0; i + 1 < parts.size(); ++i) {
        const auto it = classes.find(parts[i]);
        if (it != classes.end())
            return *it;
    }
    return -1;
}

/// How the split was made: a seeded fraction, or given by folders (no fraction is held out then).
QString splitText(const RunData& run)
{
    const QString source = jsonAt(run.summary, QStringLiteral("validation.source")).toString();
    if (source == QLatin1String("folder") || source == QLatin1String("split_folders"))
        return tr("given by the folders");
    return tr("seed %1, validation fraction %2")
        .arg(run.split.value(QStringLiteral("seed")).toVariant().toString())
        .arg(run.split.value(QStringLiteral("valFraction")).toDouble());
}

}  // namespace

QString validationText(const RunData& run)
{
    const QJsonObject v = run.summary.value(QStringLiteral("validation")).toObject();
    const QString source = v.value(QStringLiteral("source")).toString();
    const int images = v.value(QStringLiteral("images")).toInt();
    if (source == QLatin1String("folder"))
        return tr("%1 images from the validation folder %2").arg(images).arg(v.value(QStringLiteral("folder")).toString());
    if (source == QLatin1String("split_folders"))
        return tr("%1 images from the data folder's val/ folder").arg(images);
    if (source == QLatin1String("fraction"))
        return tr("%1 images held out of the training folder (validation fraction %2)")
            .arg(images)
            .arg(run.split.value(QStringLiteral("valFraction")).toDouble(
                jsonAt(run.experiment, QStringLiteral("data.val_fraction")).toDouble()));
    if (source == QLatin1String("none") || run.withoutValidation())
        return tr("none: the run had no validation data");
    return tr("validation data (its source was not recorded)");
}

ReportSection datasetSection(const RunData& run)
{
    ReportSection section{QStringLiteral("dataset"), tr("Dataset"), {}};
    const QString root = jsonAt(run.experiment, QStringLiteral("data.train")).toString();
    if (run.split.isEmpty()) {
        section.blocks << ReportBlock::note(tr("split.json is missing: which image went where is unknown."));
        if (!root.isEmpty())
            section.blocks << ReportBlock::paragraph(tr("Training folder: %1").arg(root));
        return section;
    }
    const QStringList classes = run.classes();
    QHash<QString, int> index;
    for (int i = 0; i < classes.size(); ++i)
        index.insert(classes[i], i);
    const QStringList splits{QStringLiteral("train"), QStringLiteral("val"), QStringLiteral("test")};
    std::vector<std::array<int, 3>> counts(size_t(classes.size()) + 1, {0, 0, 0});  // last row: unknown class
    QStringList all;
    for (int s = 0; s < splits.size(); ++s)
        for (const QJsonValue& v : run.split.value(splits[s]).toArray()) {
            const QString path = v.toString();
            all << path;
            const int c = classOf(path, index);
            ++counts[size_t(c < 0 ? classes.size() : c)][size_t(s)];
        }
    all.sort();
    const QByteArray fingerprint =
        QCryptographicHash::hash(all.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex();

    section.blocks << ReportBlock::ofTable(keyValueTable({
        {tr("Training folder"), root.isEmpty() ? QStringLiteral("–") : root},
        {tr("Classes"), QString::number(classes.size())},
        {tr("Images"), QString::number(all.size())},
        {tr("Split"), splitText(run)},
        {tr("Validation"), validationText(run)},
        {tr("Fingerprint (SHA-256 of the sorted file list)"), QString::fromLatin1(fingerprint)},
    }));
    ReportTable table;
    table.header = QStringList{tr("Class"), tr("Train"), tr("Validation"), tr("Test"), tr("Total")};
    table.numeric = {false, true, true, true, true};
    std::array<int, 3> totals{0, 0, 0};
    for (size_t c = 0; c < counts.size(); ++c) {
        const auto& row = counts[c];
        if (c == size_t(classes.size()) && row[0] + row[1] + row[2] == 0)
            continue;
        table.rows << QStringList{c < size_t(classes.size()) ? classes[int(c)] : tr("(no class folder)"),
                                  QString::number(row[0]), QString::number(row[1]), QString::number(row[2]),
                                  QString::number(row[0] + row[1] + row[2])};
        for (int s = 0; s < 3; ++s)
            totals[size_t(s)] += row[size_t(s)];
    }
    table.rows << QStringList{tr("All"), QString::number(totals[0]), QString::number(totals[1]), QString::number(totals[2]),
                              QString::number(totals[0] + totals[1] + totals[2])};
    section.blocks << ReportBlock::ofTable(table);

    if (run.log.isEmpty()) {
        section.blocks << ReportBlock::note(tr("log.txt is missing: skipped files are unknown."));
    } else if (run.skipped.isEmpty()) {
        section.blocks << ReportBlock::paragraph(tr("No image was skipped."));
    } else {
        ReportTable skipped;
        skipped.header = QStringList{tr("Skipped file"), tr("Reason")};
        for (int i = 0; i < std::min<int>(kSkippedListed, run.skipped.size()); ++i)
            skipped.rows << QStringList{run.skipped[i].path, run.skipped[i].reason};
        section.blocks << ReportBlock::paragraph(QCoreApplication::translate("report", "%n image(s) were skipped:", nullptr, int(run.skipped.size())));
        section.blocks << ReportBlock::ofTable(skipped);
        if (run.skipped.size() > kSkippedListed)
            section.blocks << ReportBlock::paragraph(tr("… and %1 more (see log.txt).").arg(run.skipped.size() - kSkippedListed));
    }
    return section;
}

}  // namespace tl::report
