#include "report/svg_text_object.h"

#include <QSvgRenderer>

#include <algorithm>

namespace tl::report {

SvgTextObject::SvgTextObject(const ReportDocument& document, QSizeF room) : m_room(room)
{
    for (const ReportSection& s : document.sections)
        for (const ReportBlock& b : s.blocks)
            if (b.kind == ReportBlock::Figure) {
                m_renderers.push_back(std::make_unique<QSvgRenderer>(b.figure.svg.toUtf8()));
                m_sizes.push_back(b.figure.size);
            }
}

SvgTextObject::~SvgTextObject() = default;

QSizeF SvgTextObject::intrinsicSize(QTextDocument*, int, const QTextFormat& format)
{
    const int i = format.intProperty(FigureIndex);
    if (i < 0 || i >= int(m_sizes.size()) || m_sizes[size_t(i)].isEmpty())
        return {};
    const QSizeF size = m_sizes[size_t(i)];
    const double scale = std::min({1.0, m_room.width() / size.width(), m_room.height() / size.height()});
    return size * scale;
}

void SvgTextObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int, const QTextFormat& format)
{
    const int i = format.intProperty(FigureIndex);
    if (i >= 0 && i < int(m_renderers.size()))
        m_renderers[size_t(i)]->render(painter, rect);
}

}  // namespace tl::report
