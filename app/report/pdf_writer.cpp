#include "report/pdf_writer.h"

#include "report/svg_text_object.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextObjectInterface>
#include <QTextTable>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace tl::report {

namespace {

constexpr int kDpi = 96;  // layout units: CSS pixels, so figure sizes mean the same as in the HTML
constexpr int kGalleryColumns = 5;

QFont baseFont(double points)
{
    QFont font;
    font.setFamilies(pdfFontFamilies());
    font.setPointSizeF(points);
    return font;
}

QTextCharFormat textFormat(double points, bool bold = false, const QColor& colour = QColor(0x22, 0x22, 0x22))
{
    QTextCharFormat f;
    f.setFont(baseFont(points));
    f.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    f.setForeground(colour);
    return f;
}

class Builder {
public:
    explicit Builder(QTextDocument& doc) : m_doc(doc), m_cursor(&doc) {}

    /// A heading that starts a new page when what must follow it (`room`) no longer fits below,
    /// since QTextDocument has no keep-with-next.
    void heading(const QString& text, double points, double room = 0)
    {
        QTextBlockFormat block;
        block.setTopMargin(points * 1.2);
        block.setBottomMargin(points * 0.4);
        const double page = m_doc.pageSize().height();
        const double used = std::fmod(m_doc.documentLayout()->documentSize().height(), page);
        const bool breakBefore = !m_first && room > 0 && page - used < room + points * 3;
        block.setPageBreakPolicy(breakBefore ? QTextFormat::PageBreak_AlwaysBefore : QTextFormat::PageBreak_Auto);
        paragraph(text, block, textFormat(points, true));
    }

    void paragraph(const QString& text, QTextBlockFormat block = {}, const QTextCharFormat& chars = textFormat(9.5))
    {
        if (block.bottomMargin() == 0)
            block.setBottomMargin(4);
        newBlock(block, chars);
        m_cursor.insertText(text, chars);
    }

    void note(const QString& text)
    {
        QTextBlockFormat block;
        block.setBackground(QColor(0xff, 0xf6, 0xdd));
        block.setLeftMargin(4);
        block.setBottomMargin(6);
        paragraph(QStringLiteral("⚠ ") + text, block);
    }

    void list(const QStringList& items)
    {
        for (const QString& item : items) {
            QTextBlockFormat block;
            block.setLeftMargin(16);
            block.setBottomMargin(1);
            paragraph(QStringLiteral("• ") + item, block);
        }
    }

    void code(const QString& text)
    {
        QTextCharFormat mono = textFormat(8);
        QFont font = mono.font();
        font.setFamilies({QStringLiteral("Noto Sans Mono CJK KR"), QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Monospace")});
        font.setStyleHint(QFont::Monospace);
        mono.setFont(font);
        QTextBlockFormat block;
        block.setBackground(QColor(0xf5, 0xf5, 0xf5));
        block.setNonBreakableLines(true);
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            newBlock(block, mono);
            m_cursor.insertText(line, mono);
        }
    }

    void figure(int index, const QString& caption)
    {
        QTextBlockFormat block;
        block.setAlignment(Qt::AlignHCenter);
        block.setTopMargin(4);
        newBlock(block, textFormat(9.5));
        QTextCharFormat object;
        object.setObjectType(SvgTextObject::Type);
        object.setProperty(SvgTextObject::FigureIndex, index);
        m_cursor.insertText(QString(QChar::ObjectReplacementCharacter), object);
        if (!caption.isEmpty()) {
            QTextBlockFormat below;
            below.setBottomMargin(8);
            paragraph(caption, below, textFormat(8, false, QColor(0x55, 0x55, 0x55)));
        }
    }

    void table(const ReportTable& t)
    {
        const int columns = std::max<int>(int(t.header.size()), t.rows.isEmpty() ? 0 : int(t.rows.front().size()));
        const int rows = int(t.rows.size()) + (t.header.isEmpty() ? 0 : 1);
        if (!columns || !rows)
            return;
        newBlock({}, textFormat(4));
        QTextTableFormat format;
        format.setBorder(0.5);
        format.setBorderBrush(QColor(0xc8, 0xc8, 0xc8));
        format.setBorderCollapse(true);
        format.setCellPadding(2.5);
        format.setCellSpacing(0);
        format.setBottomMargin(6);
        if (!t.header.isEmpty())
            format.setHeaderRowCount(1);
        QTextTable* table = m_cursor.insertTable(rows, columns, format);
        const double points = columns > 9 ? 7 : 8;
        int row = 0;
        if (!t.header.isEmpty()) {
            for (int c = 0; c < t.header.size(); ++c)
                cell(table, 0, c, t.header[c], textFormat(points, true), QColor(0xf0, 0xf3, 0xf7), false);
            row = 1;
        }
        for (int r = 0; r < t.rows.size(); ++r, ++row)
            for (int c = 0; c < std::min<int>(columns, int(t.rows[r].size())); ++c) {
                const bool header = c == 0 && t.firstColumnIsHeader;
                QColor background = header ? QColor(0xfa, 0xfa, 0xfa) : QColor();
                if (r < t.background.size() && c < t.background[r].size() && t.background[r][c].isValid())
                    background = t.background[r][c];
                cell(table, row, c, t.rows[r][c], textFormat(points, header), background,
                     c < t.numeric.size() && t.numeric[c] && !header);
            }
        m_cursor.movePosition(QTextCursor::End);
    }

    void gallery(const QList<ReportImage>& images)
    {
        const int rows = int((images.size() + kGalleryColumns - 1) / kGalleryColumns);
        newBlock({}, textFormat(4));
        QTextTableFormat format;
        format.setBorder(0);
        format.setCellPadding(3);
        QTextTable* table = m_cursor.insertTable(rows, kGalleryColumns, format);
        for (int i = 0; i < images.size(); ++i) {
            QImage image = QImage::fromData(images[i].jpeg, "JPEG");
            const QUrl name(QStringLiteral("thumb:%1").arg(m_images++));
            m_doc.addResource(QTextDocument::ImageResource, name, image);
            QTextCursor c = table->cellAt(i / kGalleryColumns, i % kGalleryColumns).firstCursorPosition();
            QTextImageFormat picture;
            picture.setName(name.toString());
            picture.setWidth(std::min(image.width(), 112));
            picture.setHeight(picture.width() * image.height() / std::max(1, image.width()));
            c.insertImage(picture);
            for (const QString& line : images[i].caption.split(QLatin1Char('\n'))) {
                c.insertBlock();
                c.insertText(line, textFormat(6.5));
            }
        }
        m_cursor.movePosition(QTextCursor::End);
    }

private:
    void newBlock(const QTextBlockFormat& block, const QTextCharFormat& chars)
    {
        if (m_first) {
            m_cursor.setBlockFormat(block);
            m_cursor.setBlockCharFormat(chars);
            m_first = false;
        } else {
            m_cursor.insertBlock(block, chars);
        }
    }

    static void cell(QTextTable* table, int row, int column, const QString& text, const QTextCharFormat& chars,
                     const QColor& background, bool right)
    {
        QTextTableCell cell = table->cellAt(row, column);
        if (background.isValid()) {
            QTextCharFormat f = cell.format();
            f.setBackground(background);
            cell.setFormat(f);
        }
        QTextCursor c = cell.firstCursorPosition();
        QTextBlockFormat block = c.blockFormat();
        block.setAlignment(right ? Qt::AlignRight : Qt::AlignLeft);
        c.setBlockFormat(block);
        c.insertText(text, chars);
    }

    QTextDocument& m_doc;
    QTextCursor m_cursor;
    bool m_first = true;
    int m_images = 0;
};

}  // namespace

QStringList pdfFontFamilies()
{
    QStringList families;
    const QStringList wanted{QStringLiteral("Noto Sans CJK KR"), QStringLiteral("NanumGothic"), QStringLiteral("Noto Sans KR"),
                             QStringLiteral("UnDotum"), QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")};
    for (const QString& family : wanted)
        if (QFontDatabase::hasFamily(family))
            families << family;
    families << QStringLiteral("Sans Serif");
    return families;
}

bool writePdf(const ReportDocument& document, QIODevice* device, QString* error)
{
    QPdfWriter writer(device);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(16, 16, 16, 18),
                                     QPageLayout::Millimeter));
    writer.setTitle(document.title);
    writer.setCreator(QStringLiteral("TransferLab %1").arg(QStringLiteral(TRANSFERLAB_VERSION)));
    const QRect page = writer.pageLayout().paintRectPixels(kDpi);
    const QSizeF pageSize(page.width(), page.height());

    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDefaultFont(baseFont(9.5));
    doc.setDocumentMargin(0);
    doc.setPageSize(pageSize);
    SvgTextObject svg(document, QSizeF(pageSize.width(), pageSize.height() * 0.8));
    doc.documentLayout()->registerHandler(SvgTextObject::Type, &svg);

    Builder b(doc);
    b.heading(document.title, 17);
    b.paragraph(document.subtitle, {}, textFormat(10, false, QColor(0x66, 0x66, 0x66)));
    int figure = 0;
    for (const ReportSection& s : document.sections) {
        // What must share the heading's page: the first figure, or the start of the first table.
        double room = 60;
        if (!s.blocks.isEmpty() && s.blocks.front().kind == ReportBlock::Figure) {
            QTextCharFormat f;
            f.setProperty(SvgTextObject::FigureIndex, figure);
            room = svg.intrinsicSize(&doc, 0, f).height() + 20;
        } else if (!s.blocks.isEmpty() && s.blocks.front().kind == ReportBlock::Table) {
            room = 20.0 * std::min<qsizetype>(4, s.blocks.front().table.rows.size() + 1);
        }
        b.heading(s.title, 13, room);
        for (const ReportBlock& block : s.blocks) {
            switch (block.kind) {
            case ReportBlock::Paragraph: b.paragraph(block.text); break;
            case ReportBlock::Note: b.note(block.text); break;
            case ReportBlock::List: b.list(block.items); break;
            case ReportBlock::Table: b.table(block.table); break;
            case ReportBlock::Figure: b.figure(figure++, block.figure.caption); break;
            case ReportBlock::Gallery: b.gallery(block.images); break;
            case ReportBlock::Code: b.code(block.text); break;
            }
        }
    }

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("cannot start the PDF");
        return false;
    }
    const int pages = doc.pageCount();
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -p * pageSize.height());
        doc.drawContents(&painter, QRectF(QPointF(0, p * pageSize.height()), pageSize));
        painter.restore();
        painter.setFont(baseFont(7.5));
        painter.setPen(QColor(0x88, 0x88, 0x88));
        painter.drawText(QRectF(0, pageSize.height() + 4, pageSize.width(), 20), Qt::AlignRight | Qt::AlignTop,
                         QStringLiteral("%1 / %2").arg(p + 1).arg(pages));
    }
    painter.end();
    return true;
}

}  // namespace tl::report

