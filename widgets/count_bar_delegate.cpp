#include "count_bar_delegate.h"

#include <QApplication>
#include <QPainter>

namespace tl {

void CountBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QWidget* widget = const_cast<QWidget*>(option.widget);
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const double fraction = qBound(0.0, index.data(FractionRole).toDouble(), 1.0);
    const QRect area = option.rect.adjusted(3, 3, -3, -3);
    QRect bar = area;
    bar.setWidth(qMax(fraction > 0 ? 2 : 0, int(area.width() * fraction)));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = option.palette.color(QPalette::Highlight);
    fill.setAlpha(option.state & QStyle::State_Selected ? 110 : 70);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(bar, 2, 2);
    painter->setPen(option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                                 : QPalette::Text));
    painter->drawText(area.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignRight, text);
    painter->restore();
}

QSize CountBarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), 100));
    return size;
}

}  // namespace tl
