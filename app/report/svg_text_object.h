#pragma once

#include "report/report_document.h"

#include <QObject>
#include <QSizeF>
#include <QTextFormat>
#include <QTextObjectInterface>

#include <memory>
#include <vector>

class QSvgRenderer;

namespace tl::report {

/// Draws the report's figures inside a QTextDocument as vectors: each figure's SVG is rendered
/// by QSvgRenderer straight into the painter (the PDF's), scaled to fit the room given.
class SvgTextObject final : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    static constexpr int Type = QTextFormat::UserObject + 1;
    static constexpr int FigureIndex = QTextFormat::UserProperty + 1;  // the figure's place in the document

    SvgTextObject(const ReportDocument& document, QSizeF room);
    ~SvgTextObject() override;

    QSizeF intrinsicSize(QTextDocument* doc, int position, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int position,
                    const QTextFormat& format) override;

private:
    QSizeF m_room;
    std::vector<std::unique_ptr<QSvgRenderer>> m_renderers;
    std::vector<QSizeF> m_sizes;
};

}  // namespace tl::report
