#include "architecture_tree.h"

#include "graph/arch_spec.h"
#include "graph/shape_inference.h"
#include "common/errors.h"

#include <QHeaderView>
#include <QLocale>

#include <functional>

namespace tl {

namespace {

QString shapeText(const tl::Shape& shape)
{
    QStringList parts;
    for (size_t i = 1; i < shape.size(); ++i)
        parts << QString::number(shape[i]);
    return parts.join(QStringLiteral(" × "));
}

}  // namespace

ArchitectureTree::ArchitectureTree(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(4);
    setHeaderLabels({tr("Layer"), tr("Kind"), tr("Output"), tr("Parameters")});
    header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
}

QTreeWidgetItem* ArchitectureTree::itemFor(const QString& id) const
{
    return m_items.value(id, nullptr);
}

void ArchitectureTree::setSpec(const ArchSpec& spec, int64_t height, int64_t width)
{
    clear();
    m_items.clear();
    std::vector<tl::Shape> shapes;
    QString shapeError;
    try {
        shapes = inferShapes(spec, height, width);
    } catch (const Error& e) {
        shapeError = QString::fromStdString(e.what());
    }
    const QLocale locale;
    QHash<QString, qint64> groupParams;
    // Group rows are made when their first layer appears, so rows keep the network's order.
    std::function<QTreeWidgetItem*(const std::string&)> groupItem = [&](const std::string& groupId) -> QTreeWidgetItem* {
        if (groupId.empty())
            return nullptr;
        const QString id = QString::fromStdString(groupId);
        if (QTreeWidgetItem* existing = m_items.value(id))
            return existing;
        const Group* g = spec.findGroup(groupId);
        if (!g)
            return nullptr;
        QTreeWidgetItem* parentItem = groupItem(g->parent);
        auto* item = parentItem ? new QTreeWidgetItem(parentItem) : new QTreeWidgetItem(this);
        item->setText(NameColumn, QString::fromStdString(g->label));
        item->setText(KindColumn, QString::fromLatin1(toString(g->kind)));
        item->setData(NameColumn, Qt::UserRole, id);
        item->setToolTip(NameColumn, id);
        m_items.insert(id, item);
        return item;
    };
    for (size_t i = 0; i < spec.nodes.size(); ++i) {
        const Node& n = spec.nodes[i];
        const QString id = QString::fromStdString(n.id);
        QTreeWidgetItem* parentItem = groupItem(n.group);
        auto* item = parentItem ? new QTreeWidgetItem(parentItem) : new QTreeWidgetItem(this);
        item->setText(NameColumn, id);
        item->setText(KindColumn, QString::fromLatin1(toString(n.kind)));
        if (!shapes.empty())
            item->setText(ShapeColumn, shapeText(shapes[i]));
        qint64 params = 0;
        for (const TensorInfo& t : nodeParameters(n))
            params += t.numel();
        if (params)
            item->setText(ParamsColumn, locale.toString(params));
        item->setTextAlignment(ParamsColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(NameColumn, Qt::UserRole, id);
        m_items.insert(id, item);
        for (QTreeWidgetItem* up = parentItem; up; up = up->parent()) {
            groupParams[up->data(NameColumn, Qt::UserRole).toString()] += params;
            if (!shapes.empty())
                up->setText(ShapeColumn, shapeText(shapes[i]));  // a group's output is its last layer's
        }
    }
    for (auto it = groupParams.cbegin(); it != groupParams.cend(); ++it) {
        if (QTreeWidgetItem* item = m_items.value(it.key())) {
            item->setText(ParamsColumn, locale.toString(it.value()));
            item->setTextAlignment(ParamsColumn, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    if (!shapeError.isEmpty()) {
        auto* item = new QTreeWidgetItem(this);
        item->setText(NameColumn, shapeError);
        item->setForeground(NameColumn, QBrush(Qt::red));
        insertTopLevelItem(0, takeTopLevelItem(indexOfTopLevelItem(item)));
    }
    for (int c = KindColumn; c <= ParamsColumn; ++c)
        resizeColumnToContents(c);
}

}  // namespace tl
