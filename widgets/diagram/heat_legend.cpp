#include "diagram/heat_legend.h"

#include "diagram/diagram_style.h"

#include <QLinearGradient>
#include <QLocale>
#include <QPainter>

namespace tl {

namespace {

constexpr int kRampWidth = 120;
constexpr int kRampHeight = 10;
constexpr int kMargin = 6;
constexpr int kGap = 6;

}  // namespace

HeatLegend::HeatLegend(QWidget* parent) : QWidget(parent)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);  // the diagram under it stays usable
    setAutoFillBackground(false);
}

void HeatLegend::setCaption(const QString& caption)
{
    m_caption = caption;
    updateGeometry();
    update();
}

void HeatLegend::setRange(double lo, double hi)
{
    if (lo == m_lo && hi == m_hi)
        return;
    m_lo = lo;
    m_hi = hi;
    updateGeometry();
    update();
}

QString HeatLegend::valueText(double value)
{
    // Gradient norms span orders of magnitude: two significant digits, exponent when needed.
    return QLocale().toString(value, 'g', 2);
}

QSize HeatLegend::sizeHint() const
{
    const QFontMetrics fm(font());
    // Room for the widest values a two-digit 'g' format writes, so the box does not jitter.
    const int number = fm.horizontalAdvance(QStringLiteral("8.8e-88"));
    int width = kMargin + number + kGap + kRampWidth + kGap + number + kMargin;
    if (!m_caption.isEmpty())
        width += fm.horizontalAdvance(m_caption) + kGap;
    return {width, qMax(fm.height(), kRampHeight) + 2 * kMargin};
}

void HeatLegend::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QColor(0xc8, 0xcd, 0xd3));
    p.setBrush(QColor(255, 255, 255, 230));
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);

    const QFontMetrics fm(font());
    const int number = fm.horizontalAdvance(QStringLiteral("8.8e-88"));
    const int mid = height() / 2;
    int x = kMargin;
    p.setPen(QColor(0x2b, 0x31, 0x38));
    if (!m_caption.isEmpty()) {
        const int w = fm.horizontalAdvance(m_caption);
        p.drawText(QRect(x, 0, w, height()), Qt::AlignVCenter | Qt::AlignLeft, m_caption);
        x += w + kGap;
    }
    p.drawText(QRect(x, 0, number, height()), Qt::AlignVCenter | Qt::AlignRight, valueText(m_lo));
    x += number + kGap;
    const QRect ramp(x, mid - kRampHeight / 2, kRampWidth, kRampHeight);
    QLinearGradient gradient(ramp.topLeft(), ramp.topRight());
    for (int i = 0; i <= 8; ++i)
        gradient.setColorAt(i / 8.0, diagram_style::heatColor(i / 8.0));
    p.setPen(QColor(0x8a, 0x91, 0x99));
    p.setBrush(gradient);
    p.drawRect(ramp);
    x += kRampWidth + kGap;
    p.setPen(QColor(0x2b, 0x31, 0x38));
    p.drawText(QRect(x, 0, number, height()), Qt::AlignVCenter | Qt::AlignLeft, valueText(m_hi));
}

}  // namespace tl
