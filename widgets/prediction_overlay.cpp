#include "prediction_overlay.h"

#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <array>
#include <cmath>

namespace tl {

QVector<double> ClassMask::shares(int classCount) const
{
    QVector<double> out(std::max(0, classCount), 0.0);
    qint64 labelled = 0;
    for (qint32 v : labels) {
        if (v >= 0 && v < classCount) {
            out[v] += 1.0;
            ++labelled;
        }
    }
    if (labelled > 0)
        for (double& s : out)
            s /= double(labelled);
    return out;
}

namespace overlay {

QColor heatColor(float value)
{
    // Stops of a blue-cyan-green-yellow-red ramp whose lightness rises to the middle and falls
    // towards the ends, so both cold and hot stay readable over a photo.
    struct Stop {
        float at;
        int r, g, b;
    };
    static constexpr std::array<Stop, 7> stops{{{0.00f, 48, 18, 59},
                                                {0.15f, 65, 105, 225},
                                                {0.35f, 30, 200, 220},
                                                {0.50f, 100, 240, 100},
                                                {0.65f, 225, 220, 40},
                                                {0.80f, 250, 135, 30},
                                                {1.00f, 170, 15, 5}}};
    const float v = std::clamp(std::isfinite(value) ? value : 0.0f, 0.0f, 1.0f);
    size_t i = 1;
    while (i + 1 < stops.size() && v > stops[i].at)
        ++i;
    const Stop& a = stops[i - 1];
    const Stop& b = stops[i];
    const float t = (v - a.at) / (b.at - a.at);
    return QColor(int(std::lround(a.r + t * (b.r - a.r))), int(std::lround(a.g + t * (b.g - a.g))),
                  int(std::lround(a.b + t * (b.b - a.b))));
}

QColor classColor(int index)
{
    // Class 0 is the background in most datasets (and in the demo masks): a neutral grey that
    // dims it, so the objects stand out. Then Okabe and Ito's colour-blind-safe set, then hues a
    // golden angle apart.
    static const std::array<QRgb, 8> base{qRgb(70, 70, 70),    qRgb(230, 159, 0), qRgb(0, 158, 115),
                                          qRgb(204, 121, 167), qRgb(86, 180, 233), qRgb(213, 94, 0),
                                          qRgb(240, 228, 66),  qRgb(0, 114, 178)};
    if (index >= 0 && index < int(base.size()))
        return QColor(base[size_t(index)]);
    return QColor::fromHsv(int(std::fmod(index * 137.508, 360.0)), 200, 220);
}

QImage fitted(const QImage& image, int side)
{
    if (image.isNull())
        return {};
    QImage out = image.width() > side || image.height() > side
                     ? image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                     : image;
    return out.convertToFormat(QImage::Format_RGB32);
}

namespace {

/// Paints `layer` (any size) stretched over `base`.
QImage drawOver(const QImage& base, const QImage& layer)
{
    QImage out = base.convertToFormat(QImage::Format_RGB32);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(out.rect(), layer);
    return out;
}

}  // namespace

QImage withHeat(const QImage& base, const HeatMap& heat)
{
    if (base.isNull() || heat.isNull() || heat.values.size() != qsizetype(heat.size.width()) * heat.size.height())
        return base;
    QImage layer(heat.size, QImage::Format_ARGB32);
    for (int y = 0; y < heat.size.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(layer.scanLine(y));
        const float* row = heat.values.constData() + qsizetype(y) * heat.size.width();
        for (int x = 0; x < heat.size.width(); ++x) {
            const QColor c = heatColor(row[x]);
            line[x] = qRgba(c.red(), c.green(), c.blue(), int(60 + 140 * std::clamp(row[x], 0.0f, 1.0f)));
        }
    }
    return drawOver(base, layer);
}

QImage withMask(const QImage& base, const ClassMask& mask, int alpha)
{
    if (base.isNull() || mask.isNull() || mask.labels.size() != qsizetype(mask.size.width()) * mask.size.height())
        return base;
    QImage layer(mask.size, QImage::Format_ARGB32);
    std::vector<QRgb> colors;
    for (int y = 0; y < mask.size.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(layer.scanLine(y));
        const qint32* row = mask.labels.constData() + qsizetype(y) * mask.size.width();
        for (int x = 0; x < mask.size.width(); ++x) {
            const qint32 v = row[x];
            if (v < 0) {
                line[x] = qRgba(0, 0, 0, 0);
                continue;
            }
            while (int(colors.size()) <= v) {
                const QColor c = classColor(int(colors.size()));
                colors.push_back(qRgba(c.red(), c.green(), c.blue(), alpha));
            }
            line[x] = colors[size_t(v)];
        }
    }
    // Nearest neighbour keeps class borders sharp when the mask is scaled.
    QImage out = base.convertToFormat(QImage::Format_RGB32);
    QPainter painter(&out);
    painter.drawImage(out.rect(), layer);
    return out;
}

}  // namespace overlay

QIcon classSwatch(const QColor& color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(color);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0, 0, 0, 90));
    painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1));
    return QIcon(pixmap);
}

}  // namespace tl
