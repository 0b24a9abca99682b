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

bool hasFinite(const QVector<double>& v)
{
    for (double x : v)
        if (std::isfinite(x))
            return true;
    return false;
}

double sumFinite(const QVector<double>& v)
{
    double s = 0;
    for (double x : v)
        if (std::isfinite(x))
            s += x;
    return s;
}

/// The score to compare runs by: validation mIoU when the report's run segments, else
/// validation top-1.
QString scoreColumn(const QList<const RunData*>& runs)
{
    return runs.isEmpty() ? QStringLiteral("val_top1") : runs.first()->scoreColumn();
}

QString percent(double fraction)
{
    return QStringLiteral("%1 %").arg(100.0 * fraction, 0, 'f', 1);
}

/// One sentence saying how the report's run compares with another on their best validation
/// scores, or why they cannot be compared on validation.
QString comparisonSentence(const RunData& run, const QString& runLabel, const RunData& other, const QString& otherLabel)
{
    if (run.segmentation() != other.segmentation())
        return tr("%1 and %2 cannot be compared: one segments images, the other classifies them.").arg(runLabel, otherLabel);
    const double a = run.bestValScore();
    const double b = other.bestValScore();
    if (!std::isfinite(a) || !std::isfinite(b)) {
        const QString lacking = !std::isfinite(a) && !std::isfinite(b) ? tr("neither had validation data")
                              : !std::isfinite(a)                      ? tr("%1 had no validation data").arg(runLabel)
                                                                       : tr("%1 had no validation data").arg(otherLabel);
        return tr("%1 and %2 cannot be compared on validation: %3.").arg(runLabel, otherLabel, lacking);
    }
    const QString metric = run.segmentation() ? tr("validation mIoU") : tr("validation top-1");
    // Rounded as shown, so the difference agrees with the two percentages beside it.
    const double points = std::round(1000.0 * a) / 10.0 - std::round(1000.0 * b) / 10.0;
    if (std::abs(points) < 0.05)
        return tr("%1: %2 %3, the same as %4 (%5): 0.0 points above or below.")
            .arg(runLabel, metric, percent(a), otherLabel, percent(b));
    return (points > 0 ? tr("%1: %2 %3, %4 points above %5 (%6).") : tr("%1: %2 %3, %4 points below %5 (%6)."))
        .arg(runLabel, metric, percent(a))
        .arg(std::abs(points), 0, 'f', 1)
        .arg(otherLabel, percent(b));
}

/// A figure of a run's validation, or "no validation" for a run that had none.
QString validationFigure(const RunData& run, double value)
{
    return run.withoutValidation() ? tr("no validation") : formatNumber(value);
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
    table.header = QStringList{tr("Run"), tr("Network"), tr("Freeze preset"), tr("Epochs"), tr("Best checkpoint by"),
                               tr("Best %1").arg(score), tr("Final %1").arg(score), tr("Final val_loss"),
                               tr("Training time"), tr("Images/s")};
    table.numeric = {false, false, false, true, false, true, true, true, true, true};
    for (int i = 0; i < runs.size(); ++i) {
        const RunData& run = *runs[i];
        const QVector<double> ips = run.epochs.numbers(QStringLiteral("images_per_second"));
        table.rows << QStringList{labels[i],
                                  run.arch().isEmpty() ? QStringLiteral("–") : run.arch(),
                                  jsonAt(run.experiment, QStringLiteral("freeze.preset")).toString(QStringLiteral("–")),
                                  QString::number(run.epochs.rows.size()),
                                  run.bestBy().isEmpty() ? QStringLiteral("–") : run.bestBy(),
                                  validationFigure(run, run.scoreColumn() == score ? run.bestValScore() : NAN),
                                  validationFigure(run, lastFinite(run.epochs.numbers(score))),
                                  validationFigure(run, lastFinite(run.epochs.numbers(QStringLiteral("val_loss")))),
                                  formatDuration(sumFinite(run.epochs.numbers(QStringLiteral("seconds")))),
                                  ips.isEmpty() ? QStringLiteral("–") : formatNumber(sumFinite(ips) / ips.size(), 1)};
    }
    section.blocks << ReportBlock::ofTable(table);
    section.blocks << ReportBlock::paragraph(tr("The first row is this report's run; its pretraining stage and the "
                                                "--compare runs follow. Each run's best checkpoint is the epoch with "
                                                "the best value of the figure named under \"Best checkpoint by\"."));
    for (int i = 1; i < runs.size(); ++i)
        section.blocks << ReportBlock::paragraph(comparisonSentence(*runs[0], labels[0], *runs[i], labels[i]));

    ChartSpec scores{tr("%1 per epoch").arg(score), tr("epoch"), score, {}, false};
    ChartSpec losses{tr("Loss per epoch"), tr("epoch"), tr("loss"), {}, false};
    for (int i = 0; i < runs.size(); ++i) {
        const RunData& run = *runs[i];
        const QVector<double> epoch = run.epochs.numbers(QStringLiteral("epoch"));
        const QVector<double> values = run.epochs.numbers(score);
        // A run without validation data has no score curve; its training loss stands as itself.
        if (hasFinite(values))
            scores.series << ChartSeries{labels[i], epoch, values, seriesColor(i), 1.8, false};
        const QVector<double> valLoss = run.epochs.numbers(QStringLiteral("val_loss"));
        if (hasFinite(valLoss)) {
            losses.series << ChartSeries{labels[i] + QStringLiteral(" val_loss"), epoch, valLoss, seriesColor(i), 1.8, false};
            losses.series << ChartSeries{QString(), epoch, run.epochs.numbers(QStringLiteral("train_loss")), seriesColor(i), 1.0, true};
        } else {
            losses.series << ChartSeries{labels[i] + QStringLiteral(" train_loss"), epoch,
                                         run.epochs.numbers(QStringLiteral("train_loss")), seriesColor(i), 1.0, true};
        }
    }
    if (!scores.series.isEmpty())
        section.blocks << ReportBlock::ofFigure(renderChart(scores));
    else
        section.blocks << ReportBlock::paragraph(tr("No compared run had validation data: no %1 curves.").arg(score));
    section.blocks << ReportBlock::ofFigure(renderChart(losses));
    section.blocks << ReportBlock::paragraph(tr("Dashed lines: training loss."));
    return section;
}

}  // namespace tl::report
