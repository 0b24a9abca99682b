#include "report/svg_chart.h"

#include <QtMath>

#include <cmath>
#include <limits>

namespace tl::report {

namespace {

constexpr int kMaxPoints = 2000;  // more points than pixels only bloat the file

struct Range {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v)
    {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    bool valid() const { return lo <= hi; }
};

QVector<double> niceTicks(double lo, double hi, bool integers = false)
{
    const double span = hi - lo;
    const double raw = integers ? std::max(1.0, span / 5.0) : span / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double f : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (f * magnitude >= raw) {
            step = f * magnitude;
            break;
        }
    QVector<double> ticks;
    for (double t = std::ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step)
        ticks << (std::abs(t) < step * 1e-9 ? 0.0 : t);
    return ticks;
}

QString num(double v) { return QString::number(v, 'f', 1); }

QString label(double v)
{
    if (v != 0 && (std::abs(v) < 1e-4 || std::abs(v) >= 1e5))
        return QString::number(v, 'e', 0);
    return QString::number(v, 'g', 5);
}

}  // namespace

QString escapeXml(const QString& text)
{
    QString out = text.toHtmlEscaped();  // & < > "
    out.replace(QLatin1Char('\''), QLatin1String("&#39;"));
    // Control characters are not allowed in XML 1.0 at all.
    for (QChar& c : out)
        if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
            c = QChar(0xFFFD);
    return out;
}

QColor seriesColor(int index)
{
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                    QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                    QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf)};
    return colors[index % 8];
}

QVector<double> smoothed(const QVector<double>& values, double weight)
{
    QVector<double> out(values.size(), std::numeric_limits<double>::quiet_NaN());
    double last = 0.0;
    int seen = 0;
    for (int i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]))
            continue;
        last = last * weight + (1.0 - weight) * values[i];
        ++seen;
        out[i] = last / (1.0 - std::pow(weight, seen));
    }
    return out;
}

ReportFigure renderChart(const ChartSpec& spec, double width, double height)
{
    const double left = 70, right = 16, top = spec.title.isEmpty() ? 14 : 32, bottom = 44;
    const double plotW = width - left - right, plotH = height - top - bottom;
    Range xr, yr;
    for (const ChartSeries& s : spec.series)
        for (int i = 0; i < std::min(s.x.size(), s.y.size()); ++i)
            if (std::isfinite(s.x[i]) && std::isfinite(s.y[i]) && (!spec.logY || s.y[i] > 0)) {
                xr.add(s.x[i]);
                yr.add(spec.logY ? std::log10(s.y[i]) : s.y[i]);
            }
    if (!xr.valid()) {
        xr = {0, 1};
        yr = {0, 1};
    }
    if (xr.hi - xr.lo < 1e-12) {
        xr.lo -= 0.5;
        xr.hi += 0.5;
    }
    if (yr.hi - yr.lo < 1e-12) {
        const double pad = std::max(std::abs(yr.hi) * 0.05, 1e-6);
        yr.lo -= pad;
        yr.hi += pad;
    } else {
        const double pad = (yr.hi - yr.lo) * 0.05;
        yr.lo -= pad;
        yr.hi += pad;
    }
    const auto px = [&](double x) { return left + (x - xr.lo) / (xr.hi - xr.lo) * plotW; };
    const auto py = [&](double y) { return top + plotH - (y - yr.lo) / (yr.hi - yr.lo) * plotH; };

    QString svg;
    svg += QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%1\" height=\"%2\" "
                          "viewBox=\"0 0 %1 %2\" font-family=\"sans-serif\" font-size=\"11\">\n")
               .arg(width)
               .arg(height);
    svg += QStringLiteral("<rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>\n").arg(width).arg(height);
    if (!spec.title.isEmpty())
        svg += QStringLiteral("<text x=\"%1\" y=\"20\" font-size=\"13\" font-weight=\"bold\" fill=\"#222222\">%2</text>\n")
                   .arg(num(left))
                   .arg(escapeXml(spec.title));
    // Grid and tick labels.
    QVector<double> yTicks = niceTicks(yr.lo, yr.hi);
    if (spec.logY) {
        // Ticks at 1, 2 and 5 times a power of ten read better than fractional exponents.
        yTicks.clear();
        for (int k = int(std::floor(yr.lo)); k <= int(std::ceil(yr.hi)); ++k)
            for (double f : {1.0, 2.0, 5.0}) {
                const double t = k + std::log10(f);
                if (t >= yr.lo && t <= yr.hi)
                    yTicks << t;
            }
    }
    for (double t : yTicks) {
        const double y = py(t);
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#e0e0e0\" stroke-width=\"1\"/>\n")
                   .arg(num(left), num(y), num(left + plotW));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\" fill=\"#444444\">%3</text>\n")
                   .arg(num(left - 6), num(y + 4), escapeXml(label(spec.logY ? std::pow(10.0, t) : t)));
    }
    for (double t : niceTicks(xr.lo, xr.hi, spec.integerX)) {
        const double x = px(t);
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#eeeeee\" stroke-width=\"1\"/>\n")
                   .arg(num(x), num(top), num(top + plotH));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"#444444\">%3</text>\n")
                   .arg(num(x), num(top + plotH + 15), escapeXml(label(t)));
    }
    svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" stroke=\"#888888\" "
                          "stroke-width=\"1\"/>\n")
               .arg(num(left), num(top), num(plotW), num(plotH));
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"#222222\">%3</text>\n")
               .arg(num(left + plotW / 2), num(height - 8), escapeXml(spec.xLabel));
    svg += QStringLiteral("<text x=\"12\" y=\"%1\" text-anchor=\"middle\" fill=\"#222222\" "
                          "transform=\"rotate(-90 12 %1)\">%2</text>\n")
               .arg(num(top + plotH / 2), escapeXml(spec.yLabel));
    // Lines, broken at missing values.
    for (const ChartSeries& s : spec.series) {
        const int n = std::min(s.x.size(), s.y.size());
        const int stride = std::max(1, n / kMaxPoints);
        QString d;
        bool pen = false;
        int points = 0;
        for (int i = 0; i < n; i += stride) {
            const double v = spec.logY ? (s.y[i] > 0 ? std::log10(s.y[i]) : NAN) : s.y[i];
            if (!std::isfinite(s.x[i]) || !std::isfinite(v)) {
                pen = false;
                continue;
            }
            d += QStringLiteral("%1%2 %3 ").arg(pen ? QLatin1Char('L') : QLatin1Char('M')).arg(num(px(s.x[i])), num(py(v)));
            pen = true;
            ++points;
        }
        if (points == 1)  // a single epoch is still worth a visible mark
            svg += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"3\" fill=\"%3\"/>\n")
                       .arg(d.section(QLatin1Char(' '), 0, 0).mid(1), d.section(QLatin1Char(' '), 1, 1), s.color.name());
        else if (points > 1)
            svg += QStringLiteral("<path d=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"%3\"%4 "
                                  "stroke-linejoin=\"round\"/>\n")
                       .arg(d.trimmed(), s.color.name(), QString::number(s.width),
                            s.dashed ? QStringLiteral(" stroke-dasharray=\"6 3\"") : QString());
    }
    // Legend, top right inside the plot, on a box that keeps it readable over the lines.
    int named = 0;
    for (const ChartSeries& s : spec.series)
        named += s.name.isEmpty() ? 0 : 1;
    if (named)
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"184\" height=\"%3\" fill=\"#ffffff\" fill-opacity=\"0.85\" "
                              "stroke=\"#cccccc\" stroke-width=\"0.5\"/>\n")
                   .arg(num(left + plotW - 196), num(top + 3), num(named * 15 + 4));
    double ly = top + 14;
    for (const ChartSeries& s : spec.series) {
        if (s.name.isEmpty())
            continue;
        const double lx = left + plotW - 190;
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" stroke-width=\"2.5\"%5/>\n")
                   .arg(num(lx), num(ly - 4), num(lx + 22), s.color.name(),
                        s.dashed ? QStringLiteral(" stroke-dasharray=\"6 3\"") : QString());
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"#222222\">%3</text>\n")
                   .arg(num(lx + 28), num(ly), escapeXml(s.name.left(32)));
        ly += 15;
    }
    svg += QStringLiteral("</svg>\n");
    return {svg, QSizeF(width, height), QString()};  // the title is in the drawing
}

}  // namespace tl::report
