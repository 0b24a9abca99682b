#pragma once

#include <QStyledItemDelegate>

namespace tl {

/// Draws a number with a horizontal bar behind it whose length is the row's share of the
/// column's largest value (stored under FractionRole), so class imbalance shows at a glance.
class CountBarDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int FractionRole = Qt::UserRole + 10;

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace tl
