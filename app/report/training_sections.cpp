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

ReportSection resultsSection(const RunData& run)
{
    ReportSection section{QStringLiteral("results"), tr("Final and best metrics"), {}};
    if (run.epochs.isEmpty()) {
        if (run.summary.isEmpty()) {
            section.blocks << ReportBlock::note(tr("Neither epochs.csv nor summary.json is there: no epoch has finished."));
            return section;
        }
        const QJsonObject val = run.summary.value(QStringLiteral("final_val")).toObject();
        section.blocks << ReportBlock::note(tr("epochs.csv is missing; these values come from summary.json."));
        section.blocks << ReportBlock::ofTable(keyValueTable({
            {tr("Final train loss"), formatNumber(run.summary.value(QStringLiteral("final_train_loss")).toDouble(NAN))},
            {tr("Final train accuracy"), formatNumber(run.summary.value(QStringLiteral("final_train_accuracy")).toDouble(NAN))},
            {tr("Final validation loss"), formatNumber(val.value(QStringLiteral("loss")).toDouble(NAN))},
            {tr("Final validation top-1"), formatNumber(val.value(QStringLiteral("top1")).toDouble(NAN))},
            {tr("Best epoch"), QString::number(run.summary.value(QStringLiteral("best_epoch")).toInt(-1))},
            {tr("Best validation top-1"), formatNumber(run.summary.value(QStringLiteral("best_val_top1")).toDouble(NAN))},
        }));
        return section;
    }
    const int last = int(run.epochs.rows.size()) - 1;
    const int best = bestRow(run);
    ReportTable table;
    table.header = QStringList{tr("Metric"), tr("Final (epoch %1)").arg(run.epochs.text(last, QStringLiteral("epoch")))};
    if (best >= 0)
        table.header << tr("Best (epoch %1)").arg(run.epochs.text(best, QStringLiteral("epoch")));
    table.numeric = {false, true, true};
    table.firstColumnIsHeader = true;
    for (const QString& c : run.epochs.header) {
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
    if (!run.epochs.has(QStringLiteral("val_macro_f1")) && run.confusion.contains(QStringLiteral("last"))) {
        QStringList row{tr("macro F1 (confusion.json)"), formatNumber(macroF1("last"))};
        if (best >= 0)
            row << formatNumber(macroF1("best"));
        table.rows << row;
    }
    section.blocks << ReportBlock::ofTable(table);

    ReportTable all;
    all.header = run.epochs.header;
    all.numeric = QVector<bool>(all.header.size(), true);
    for (int r = std::max(0, last + 1 - kEpochRowsListed); r <= last; ++r) {
        QStringList row;
        for (const QString& c : run.epochs.header) {
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
