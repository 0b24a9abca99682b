#include "report/report_sections.h"
#include "report/report_text.h"
#include "report/svg_chart.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

#include <cmath>

namespace tl::report {

namespace {

double lastFinite(const QVector<double>& v)
{
    for (auto it = v.crbegin(); it != v.crend(); ++it)
        if (std::isfinite(*it))
            return *it;
    return NAN;
}

double maxFinite(const QVector<double>& v)
{
    double best = NAN;
    for (double x : v)
        if (std::isfinite(x) && !(x <= best))
            best = x;
    return best;
}

double sumFinite(const QVector<double>& v)
{
    double s = 0;
    for (double x : v)
        if (std::isfinite(x))
            s += x;
    return s;
}

/// The score to compare runs by: validation top-1 for classification, else the main run's
/// first validation score column (e.g. val_miou for segmentation).
QString scoreColumn(const QList<const RunData*>& runs)
{
    for (const RunData* run : runs)
        if (run->epochs.has(QStringLiteral("val_top1")))
            return QStringLiteral("val_top1");
    for (const RunData* run : runs)
        for (const QString& c : run->epochs.header)
            if (c.startsWith(QLatin1String("val_")) && !c.contains(QLatin1String("loss")))
                return c;
    return QStringLiteral("train_accuracy");
}

}  // namespace

ReportSection comparisonSection(const QList<const RunData*>& runs)
{
    ReportSection section{QStringLiteral("comparison"), tr("Comparison"), {}};
    // Labels must tell runs apart even when experiments share a name.
    QStringList labels;
    QSet<QString> seen;
    for (const RunData* run : runs) {
        QString label = run->name;
        if (seen.contains(label))
            label += QStringLiteral(" (%1)").arg(QFileInfo(run->dir).fileName());
        seen.insert(label);
        labels << label;
    }
    const QString score = scoreColumn(runs);
    ReportTable table;
    table.header = QStringList{tr("Run"), tr("Network"), tr("Freeze preset"), tr("Epochs"), tr("Best %1").arg(score),
                               tr("Final %1").arg(score), tr("Final val_loss"), tr("Training time"), tr("Images/s")};
    table.numeric = {false, false, false, true, true, true, true, true, true};
    for (int i = 0; i < runs.size(); ++i) {
        const RunData& run = *runs[i];
        const QVector<double> ips = run.epochs.numbers(QStringLiteral("images_per_second"));
        table.rows << QStringList{labels[i],
                                  run.arch().isEmpty() ? QStringLiteral("–") : run.arch(),
                                  jsonAt(run.experiment, QStringLiteral("freeze.preset")).toString(QStringLiteral("–")),
                                  QString::number(run.epochs.rows.size()),
                                  formatNumber(maxFinite(run.epochs.numbers(score))),
                                  formatNumber(lastFinite(run.epochs.numbers(score))),
                                  formatNumber(lastFinite(run.epochs.numbers(QStringLiteral("val_loss")))),
                                  formatDuration(sumFinite(run.epochs.numbers(QStringLiteral("seconds")))),
                                  ips.isEmpty() ? QStringLiteral("–") : formatNumber(sumFinite(ips) / ips.size(), 1)};
    }
    section.blocks << ReportBlock::ofTable(table);
    section.blocks << ReportBlock::paragraph(tr("The first row is this report's run; its pretraining stage and the "
                                                "--compare runs follow."));

    ChartSpec scores{tr("%1 per epoch").arg(score), tr("epoch"), score, {}, false};
    ChartSpec losses{tr("Loss per epoch"), tr("epoch"), tr("loss"), {}, false};
    for (int i = 0; i < runs.size(); ++i) {
        const RunData& run = *runs[i];
        const QVector<double> epoch = run.epochs.numbers(QStringLiteral("epoch"));
        scores.series << ChartSeries{labels[i], epoch, run.epochs.numbers(score), seriesColor(i), 1.8, false};
        const QString lossColumn = run.epochs.has(QStringLiteral("val_loss")) ? QStringLiteral("val_loss") : QStringLiteral("train_loss");
        losses.series << ChartSeries{labels[i] + QLatin1Char(' ') + lossColumn, epoch, run.epochs.numbers(lossColumn), seriesColor(i), 1.8, false};
        losses.series << ChartSeries{QString(), epoch, run.epochs.numbers(QStringLiteral("train_loss")), seriesColor(i), 1.0, true};
    }
    section.blocks << ReportBlock::ofFigure(renderChart(scores));
    section.blocks << ReportBlock::ofFigure(renderChart(losses));
    section.blocks << ReportBlock::paragraph(tr("Dashed lines: training loss."));
    return section;
}

}  // namespace tl::report
