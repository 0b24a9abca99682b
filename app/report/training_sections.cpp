#include "report/report_sections.h"
#include "report/report_text.h"
#include "report/svg_chart.h"

#include <QCoreApplication>

#include <cmath>

namespace tl::report {

namespace {

constexpr int kEpochRowsListed = 200;
constexpr double kSmoothing = 0.9;

bool isBookkeeping(const QString& column)
{
    return column == QLatin1String("epoch") || column == QLatin1String("seconds")
        || column == QLatin1String("images_per_second");
}

bool hasFinite(const QVector<double>& values)
{
    for (double v : values)
        if (std::isfinite(v))
            return true;
    return false;
}

/// A chart of the chosen epochs.csv columns against the epoch.
ReportFigure epochChart(const RunData& run, const QStringList& columns, const QString& title, const QString& yLabel)
{
    ChartSpec spec{title, tr("epoch"), yLabel, {}, false};
    const QVector<double> epoch = run.epochs.numbers(QStringLiteral("epoch"));
    for (const QString& c : columns) {
        const QVector<double> y = run.epochs.numbers(c);
        if (hasFinite(y))
            spec.series << ChartSeries{c, epoch, y, seriesColor(int(spec.series.size())), 1.8, c.startsWith(QLatin1String("train"))};
    }
    return renderChart(spec);
}

/// The epochs.csv row of the best epoch: summary.json's best_epoch, else the first row.
int bestRow(const RunData& run)
{
    const int best = run.summary.value(QStringLiteral("best_epoch")).toInt(-1);
    const QVector<double> epochs = run.epochs.numbers(QStringLiteral("epoch"));
    for (int i = 0; i < epochs.size(); ++i)
        if (int(epochs[i]) == best)
            return i;
    return -1;
}

/// epochs.csv's columns without the validation ones of a run that had no validation data:
/// they are empty, and a table of dashes under validation names says nothing.
QStringList shownColumns(const RunData& run)
{
    if (!run.withoutValidation())
        return run.epochs.header;
    QStringList columns;
    for (const QString& c : run.epochs.header)
        if (!c.startsWith(QLatin1String("val_")))
            columns << c;
    return columns;
}

/// The figures summary.json holds, for a run whose epochs.csv is gone: validation ones only
/// when they were measured.
QList<QPair<QString, QString>> summaryRows(const RunData& run)
{
    const QJsonObject& s = run.summary;
    const auto number = [&s](const char* key) { return formatNumber(s.value(QLatin1String(key)).toDouble(NAN)); };
    const bool segmentation = run.segmentation();
    QList<QPair<QString, QString>> rows{
        {tr("Final train loss"), number("final_train_loss")},
        {segmentation ? tr("Final train pixel accuracy") : tr("Final train accuracy"),
         number(segmentation ? "final_train_pixel_accuracy" : "final_train_accuracy")},
    };
    const QJsonObject val = s.value(QStringLiteral("final_val")).toObject();
    if (run.validated() && !val.isEmpty()) {
        rows.push_back({tr("Final validation loss"), formatNumber(val.value(QStringLiteral("loss")).toDouble(NAN))});
        if (segmentation)
            rows.push_back({tr("Final validation mIoU"), formatNumber(val.value(QStringLiteral("miou")).toDouble(NAN))});
        else
            rows.push_back({tr("Final validation top-1"), formatNumber(val.value(QStringLiteral("top1")).toDouble(NAN))});
    }
    rows.push_back({tr("Best checkpoint"), bestCheckpointText(run)});
    if (run.validated())
        rows.push_back({segmentation ? tr("Best validation mIoU") : tr("Best validation top-1"), formatNumber(run.bestValScore())});
    else if (run.withoutValidation())
        rows.push_back({tr("Validation"), tr("none: the run had no validation data")});
    if (s.contains(QStringLiteral("best_train_loss")))
        rows.push_back({tr("Best epoch's train loss"), number("best_train_loss")});
    return rows;
}

}  // namespace

ReportSection curvesSection(const RunData& run)
{
    ReportSection section{QStringLiteral("curves"), tr("Training curves"), {}};
    if (run.metrics.has(QStringLiteral("loss"))) {
        const QVector<double> step = run.metrics.numbers(QStringLiteral("step"));
        const QVector<double> loss = run.metrics.numbers(QStringLiteral("loss"));
        ChartSpec spec{tr("Training loss per iteration"), tr("iteration"), tr("loss"), {}, false};
        spec.series << ChartSeries{tr("loss"), step, loss, QColor(0x9e, 0xc5, 0xe8), 1.0, false};
        spec.series << ChartSeries{tr("smoothed"), step, smoothed(loss, kSmoothing), seriesColor(0), 2.0, false};
        section.blocks << ReportBlock::ofFigure(renderChart(spec));
    } else {
        section.blocks << ReportBlock::note(tr("metrics.csv is missing: no per-iteration curves."));
    }
    if (!run.epochs.isEmpty()) {
        QStringList losses, scores;
        for (const QString& c : run.epochs.header) {
            if (isBookkeeping(c))
                continue;
            (c.contains(QLatin1String("loss")) ? losses : scores) << c;
        }
        if (!losses.isEmpty())
            section.blocks << ReportBlock::ofFigure(epochChart(run, losses, tr("Loss per epoch"), tr("loss")));
        if (!scores.isEmpty())
            section.blocks << ReportBlock::ofFigure(epochChart(run, scores, tr("Accuracy and scores per epoch"), tr("score")));
        if (run.withoutValidation())
            section.blocks << ReportBlock::paragraph(
                tr("The run had no validation data: every per-epoch curve is a training figure."));
    } else {
        section.blocks << ReportBlock::note(tr("epochs.csv is missing: no per-epoch curves."));
    }
    if (run.metrics.has(QStringLiteral("lr"))) {
        const QVector<double> lr = run.metrics.numbers(QStringLiteral("lr"));
        double lo = INFINITY, hi = 0;
        for (double v : lr)
            if (std::isfinite(v) && v > 0) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        ChartSpec spec{tr("Learning rate"), tr("iteration"), tr("learning rate"), {}, hi > 20 * lo};
        spec.series << ChartSeries{tr("lr"), run.metrics.numbers(QStringLiteral("step")), lr, seriesColor(4), 1.8, false};
        section.blocks << ReportBlock::ofFigure(renderChart(spec, 640, 220));
    }
    return section;
}

QString bestByText(const RunData& run)
{
    const QString by = run.bestBy();
    if (by == QLatin1String("val_top1"))
        return tr("the highest validation top-1");
    if (by == QLatin1String("val_miou"))
        return tr("the highest validation mIoU");
    if (by == QLatin1String("train_loss"))
        return tr("the lowest training loss (the run had no validation data)");
    return by.isEmpty() ? tr("unknown") : by;
}

QString bestCheckpointText(const RunData& run)
{
    const int best = run.summary.value(QStringLiteral("best_epoch")).toInt(-1);
    if (best <= 0)
        return tr("no epoch has finished");
    return tr("epoch %1, chosen by %2").arg(best).arg(bestByText(run));
}

ReportSection resultsSection(const RunData& run)
{
    ReportSection section{QStringLiteral("results"), tr("Final and best metrics"), {}};
    if (run.epochs.isEmpty()) {
        if (run.summary.isEmpty()) {
            section.blocks << ReportBlock::note(tr("Neither epochs.csv nor summary.json is there: no epoch has finished."));
            return section;
        }
        section.blocks << ReportBlock::note(tr("epochs.csv is missing; these values come from summary.json."));
        section.blocks << ReportBlock::ofTable(keyValueTable(summaryRows(run)));
        return section;
    }
    const int last = int(run.epochs.rows.size()) - 1;
    const int best = bestRow(run);
    const bool validated = !run.withoutValidation();
    section.blocks << ReportBlock::paragraph(tr("Best checkpoint: %1.").arg(bestCheckpointText(run)));
    ReportTable table;
    table.header = QStringList{tr("Metric"), tr("Final (epoch %1)").arg(run.epochs.text(last, QStringLiteral("epoch")))};
    if (best >= 0)
        table.header << tr("Best (epoch %1)").arg(run.epochs.text(best, QStringLiteral("epoch")));
    table.numeric = {false, true, true};
    table.firstColumnIsHeader = true;
    const QStringList columns = shownColumns(run);
    for (const QString& c : columns) {
        if (isBookkeeping(c))
            continue;
        const QVector<double> v = run.epochs.numbers(c);
        QStringList row{c, formatNumber(v[last])};
        if (best >= 0)
            row << formatNumber(v[best]);
        table.rows << row;
    }
    const auto macroF1 = [&run](const char* which) {
        return run.confusion.value(QLatin1String(which)).toObject().value(QStringLiteral("macro_f1")).toDouble(NAN);
    };
    if (validated && !run.epochs.has(QStringLiteral("val_macro_f1")) && run.confusion.contains(QStringLiteral("last"))) {
        QStringList row{tr("val macro F1 (confusion.json)"), formatNumber(macroF1("last"))};
        if (best >= 0)
            row << formatNumber(macroF1("best"));
        table.rows << row;
    }
    section.blocks << ReportBlock::ofTable(table);
    if (run.withoutValidation())
        section.blocks << ReportBlock::paragraph(tr("No validation data: no validation figures."));

    ReportTable all;
    all.header = columns;
    all.numeric = QVector<bool>(all.header.size(), true);
    for (int r = std::max(0, last + 1 - kEpochRowsListed); r <= last; ++r) {
        QStringList row;
        for (const QString& c : columns) {
            bool ok = false;
            const double v = run.epochs.text(r, c).toDouble(&ok);
            row << (c == QLatin1String("epoch") || !ok ? run.epochs.text(r, c) : formatNumber(v, c == QLatin1String("images_per_second") ? 1 : c == QLatin1String("seconds") ? 2 : 4));
        }
        all.rows << row;
    }
    section.blocks << ReportBlock::paragraph(tr("Every epoch (epochs.csv):"));
    section.blocks << ReportBlock::ofTable(all);
    return section;
}

ReportSection timingSection(const RunData& run)
{
    ReportSection section{QStringLiteral("timings"), tr("Timings"), {}};
    const QVector<double> seconds = run.epochs.numbers(QStringLiteral("seconds"));
    const QVector<double> throughput = run.epochs.numbers(QStringLiteral("images_per_second"));
    double total = 0, rate = 0;
    int rated = 0;
    for (double s : seconds)
        if (std::isfinite(s))
            total += s;
    for (double r : throughput)
        if (std::isfinite(r)) {
            rate += r;
            ++rated;
        }
    if (seconds.isEmpty() && run.summary.isEmpty()) {
        section.blocks << ReportBlock::note(tr("No epoch has finished: no timings."));
        return section;
    }
    section.blocks << ReportBlock::ofTable(keyValueTable({
        {tr("Training time (finished epochs)"), seconds.isEmpty() ? QStringLiteral("–") : formatDuration(total)},
        {tr("Mean time per epoch"), seconds.isEmpty() ? QStringLiteral("–") : formatDuration(total / seconds.size())},
        {tr("Mean training throughput"), rated ? tr("%1 images/s").arg(rate / rated, 0, 'f', 1) : QStringLiteral("–")},
        {tr("Last epoch's throughput"), run.summary.contains(QStringLiteral("images_per_second"))
                                            ? tr("%1 images/s").arg(run.summary.value(QStringLiteral("images_per_second")).toDouble(), 0, 'f', 1)
                                            : QStringLiteral("–")},
        {tr("Device and threads"), QStringLiteral("%1, %2").arg(run.summary.value(QStringLiteral("device")).toString(QStringLiteral("–")))
                                       .arg(run.summary.value(QStringLiteral("threads")).toInt())},
    }));
    if (!throughput.isEmpty() && hasFinite(throughput)) {
        ChartSpec spec{tr("Training throughput per epoch"), tr("epoch"), tr("images/s"), {}, false};
        spec.series << ChartSeries{tr("images/s"), run.epochs.numbers(QStringLiteral("epoch")), throughput, seriesColor(2), 1.8, false};
        section.blocks << ReportBlock::ofFigure(renderChart(spec, 640, 200));
    }
    return section;
}

}  // namespace tl::report
