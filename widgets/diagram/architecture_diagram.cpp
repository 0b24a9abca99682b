#include "diagram/architecture_diagram.h"

#include "diagram/diagram_cluster_item.h"
#include "diagram/diagram_edge_item.h"
#include "diagram/diagram_export.h"
#include "diagram/diagram_node_item.h"
#include "diagram/diagram_tooltip.h"
#include "diagram/heat_legend.h"
#include "common/errors.h"

#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QMouseEvent>
#include <QPainterPath>
#include <QtMath>

#include <cmath>

namespace tl {

ArchitectureDiagram::ArchitectureDiagram(QWidget* parent) : ZoomableView(parent)
{
    setScene(new QGraphicsScene(this));
    setBackgroundBrush(QColor(0xfd, 0xfd, 0xfe));
    // A child of the frame, not of the viewport, so scrolling the diagram does not carry it along.
    m_legend = new HeatLegend(this);
    m_legend->setObjectName(QStringLiteral("heatLegend"));
    m_legend->hide();
}

ArchitectureDiagram::~ArchitectureDiagram() = default;

void ArchitectureDiagram::setSpec(const ArchSpec& spec, int64_t height, int64_t width)
{
    m_spec = spec;
    try {
        m_shapes = inferShapes(m_spec, height, width);
    } catch (const Error&) {
        m_shapes.clear();  // the structure is still worth showing without shapes
    }
    m_collapsed.clear();
    m_heat.clear();
    m_brush.clear();
    rebuild();
    fitWidth();
}

void ArchitectureDiagram::setCollapsedGroups(const QSet<QString>& groupIds)
{
    m_collapsed = groupIds;
    rebuild();
}

void ArchitectureDiagram::collapseToDepth(int depth)
{
    QSet<QString> groups;
    for (const Group& g : m_spec.groups)
        if (DiagramGraph::groupChain(m_spec, g.id).size() - 1 == depth)
            groups.insert(QString::fromStdString(g.id));
    setCollapsedGroups(groups);
}

void ArchitectureDiagram::expandAll()
{
    setCollapsedGroups({});
}

void ArchitectureDiagram::setGroupCollapsed(const QString& groupId, bool collapsed)
{
    if (!m_spec.findGroup(groupId.toStdString()) || m_collapsed.contains(groupId) == collapsed)
        return;
    // Keep the group where the user is looking, so the diagram does not jump under the cursor.
    QRectF before;
    if (DiagramClusterItem* c = clusterItem(groupId))
        before = c->rect();
    else if (DiagramNodeItem* n = nodeItem(groupId))
        before = n->rect();
    const QPointF viewAnchor = before.isNull() ? QPointF() : QPointF(mapFromScene(before.topLeft()));
    if (collapsed)
        m_collapsed.insert(groupId);
    else
        m_collapsed.remove(groupId);
    rebuild();
    QRectF after;
    if (DiagramClusterItem* c = clusterItem(groupId))
        after = c->rect();
    else if (DiagramNodeItem* n = nodeItem(groupId))
        after = n->rect();
    if (!before.isNull() && !after.isNull()) {
        const QPointF viewCenter = QRectF(viewport()->rect()).center();
        const QPointF offset = (viewAnchor - viewCenter) / zoom();
        centerOn(after.topLeft() - offset);
    }
    Q_EMIT groupCollapsedChanged(groupId, collapsed);
}

DiagramNodeItem* ArchitectureDiagram::nodeItem(const QString& id) const
{
    const int i = m_graph.indexOf(id);
    return i >= 0 && i < m_nodeItems.size() ? m_nodeItems[i] : nullptr;
}

DiagramNodeItem* ArchitectureDiagram::boxOfLayer(const QString& layerId) const
{
    const int i = m_graph.boxOfLayer(layerId);
    return i >= 0 && i < m_nodeItems.size() ? m_nodeItems[i] : nullptr;
}

DiagramClusterItem* ArchitectureDiagram::clusterItem(const QString& groupId) const
{
    return m_clusterItems.value(groupId, nullptr);
}

QList<DiagramClusterItem*> ArchitectureDiagram::clusterItems() const
{
    return m_clusterItems.values();
}

void ArchitectureDiagram::rebuild()
{
    scene()->clear();
    m_nodeItems.clear();
    m_edgeItems.clear();
    m_clusterItems.clear();
    m_brush.clear();
    m_graph = DiagramGraph::build(m_spec, m_shapes, m_collapsed);
    QVector<QSizeF> sizes;
    sizes.reserve(m_graph.nodes.size());
    for (const DiagramNode& n : m_graph.nodes)
        sizes << diagram_style::nodeSize(n);
    try {
        m_layout = DiagramLayout::run(m_graph, sizes);
        m_layoutError.clear();
    } catch (const std::exception& e) {
        m_layout = {};
        m_layoutError = QString::fromLocal8Bit(e.what());
        scene()->addText(m_layoutError);
        return;
    }
    for (const DiagramCluster& c : m_graph.clusters) {
        auto* item = new DiagramClusterItem(c, m_layout.clusterRects.value(c.id));
        item->setToolTip(tr("%1 — double-click or press − to collapse").arg(c.label));
        scene()->addItem(item);
        m_clusterItems.insert(c.id, item);
    }
    for (int i = 0; i < m_graph.nodes.size(); ++i) {
        auto* item = new DiagramNodeItem(m_graph.nodes[i], i, m_layout.nodeRects[i]);
        scene()->addItem(item);
        m_nodeItems << item;
    }
    for (int i = 0; i < m_graph.edges.size(); ++i) {
        const DiagramEdge& e = m_graph.edges[i];
        auto* item = new DiagramEdgeItem(e.kind, e.from, e.to, m_layout.edgeCurves[i], m_layout.nodeRects[e.from],
                                         m_layout.nodeRects[e.to]);
        item->setOnProjection(e.onProjection);
        scene()->addItem(item);
        m_edgeItems << item;
    }
    scene()->setSceneRect(m_layout.bounds.adjusted(-40, -40, 40, 40));
    refreshStates();
}

QStringList ArchitectureDiagram::trainableLayers(const DiagramNode& node) const
{
    QStringList layers;
    for (const QString& id : node.members)
        if (const Node* n = m_spec.find(id.toStdString()); n && hasParameters(n->kind))
            layers << id;
    return layers;
}

FreezeState ArchitectureDiagram::stateOf(const DiagramNode& node) const
{
    const QStringList layers = trainableLayers(node);
    if (layers.isEmpty())
        return FreezeState::NoParameters;
    int frozen = 0;
    for (const QString& id : layers)
        frozen += m_frozen.contains(id) ? 1 : 0;
    return frozen == 0 ? FreezeState::Trainable : frozen == layers.size() ? FreezeState::Frozen : FreezeState::Mixed;
}

void ArchitectureDiagram::refreshStates()
{
    for (DiagramNodeItem* item : std::as_const(m_nodeItems)) {
        const FreezeState state = stateOf(item->node());
        item->setFreezeState(state);
        item->setToolTip(diagramTooltip(m_spec, item->node(), state));
    }
    refreshHeat();
}

void ArchitectureDiagram::refreshHeat()
{
    // Gradient norms span orders of magnitude, so boxes are coloured on a log scale.
    QVector<double> boxHeat(m_nodeItems.size(), qQNaN());
    double lo = qInf(), hi = -qInf();
    for (int i = 0; i < m_nodeItems.size() && !m_heat.isEmpty(); ++i) {
        for (const QString& id : m_graph.nodes[i].members) {
            const double v = m_heat.value(id, qQNaN());
            if (qIsFinite(v) && v > 0)
                boxHeat[i] = qIsNaN(boxHeat[i]) ? std::log10(v) : qMax(boxHeat[i], std::log10(v));
        }
        if (!qIsNaN(boxHeat[i])) {
            lo = qMin(lo, boxHeat[i]);
            hi = qMax(hi, boxHeat[i]);
        }
    }
    m_heatRange.reset();
    if (hi >= lo)
        m_heatRange = std::pair(std::pow(10.0, lo), std::pow(10.0, hi));
    for (int i = 0; i < m_nodeItems.size(); ++i) {
        DiagramNodeItem* item = m_nodeItems[i];
        if (qIsNaN(boxHeat[i]))
            item->setHeat(std::nullopt);
        else
            item->setHeat(hi > lo ? (boxHeat[i] - lo) / (hi - lo) : 0.5);
    }
    placeLegend();
}

void ArchitectureDiagram::setFrozen(const QSet<QString>& layerIds)
{
    m_frozen = layerIds;
    refreshStates();
}

void ArchitectureDiagram::setNodeHeat(const QHash<QString, double>& values)
{
    m_heat = values;
    refreshHeat();
}

void ArchitectureDiagram::setHeatCaption(const QString& caption)
{
    m_legend->setCaption(caption);
    placeLegend();
}

void ArchitectureDiagram::placeLegend()
{
    if (!m_heatRange) {
        m_legend->hide();
        return;
    }
    m_legend->setRange(m_heatRange->first, m_heatRange->second);
    const QSize size = m_legend->sizeHint();
    const QRect area = viewport()->geometry();
    m_legend->setGeometry(area.left() + 8, area.bottom() - size.height() - 8, size.width(), size.height());
    m_legend->show();
    m_legend->raise();
}

void ArchitectureDiagram::resizeEvent(QResizeEvent* event)
{
    ZoomableView::resizeEvent(event);
    placeLegend();
}

bool ArchitectureDiagram::exportPng(const QString& path, double scale, QString* error)
{
    const QRectF region = scene()->itemsBoundingRect().adjusted(-16, -16, 16, 16);
    return exportScenePng(scene(), region, path, scale, error);
}

bool ArchitectureDiagram::exportSvg(const QString& path, QString* error)
{
    const QRectF region = scene()->itemsBoundingRect().adjusted(-16, -16, 16, 16);
    return exportSceneSvg(scene(), region, path, QString::fromStdString(m_spec.arch), error);
}

DiagramNodeItem* ArchitectureDiagram::nodeAt(const QPoint& viewPos) const
{
    for (QGraphicsItem* item : items(viewPos))
        if (item->type() == DiagramNodeItem::Type)
            return static_cast<DiagramNodeItem*>(item);
    return nullptr;
}

DiagramClusterItem* ArchitectureDiagram::clusterAt(const QPoint& viewPos) const
{
    for (QGraphicsItem* item : items(viewPos))  // topmost first: the innermost frame
        if (item->type() == DiagramClusterItem::Type)
            return static_cast<DiagramClusterItem*>(item);
    return nullptr;
}

void ArchitectureDiagram::paintAlong(const QPoint& from, const QPoint& to)
{
    // Fast drags skip pixels; every box the pointer crossed since the last move is painted.
    QPainterPath path(mapToScene(from));
    path.lineTo(mapToScene(to));
    QList<DiagramNodeItem*> crossed;
    for (QGraphicsItem* item : scene()->items(path, Qt::IntersectsItemShape))
        if (item->type() == DiagramNodeItem::Type)
            crossed << static_cast<DiagramNodeItem*>(item);
    if (DiagramNodeItem* item = nodeAt(to); item && !crossed.contains(item))
        crossed << item;
    for (DiagramNodeItem* item : crossed) {
        if (m_brush.paint(item->index(), trainableLayers(item->node()), item->freezeState(), m_frozen)) {
            const FreezeState state = stateOf(item->node());
            item->setFreezeState(state);
            item->setToolTip(diagramTooltip(m_spec, item->node(), state));
        }
    }
}

void ArchitectureDiagram::mousePressEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton) {
        if (nodeAt(pos)) {
            m_brush.begin();
            m_strokeFrom = pos;
            paintAlong(pos, pos);
            event->accept();
            return;
        }
        DiagramClusterItem* cluster = clusterAt(pos);
        if (cluster && cluster->collapseButtonRect().contains(cluster->mapFromScene(mapToScene(pos)))) {
            setGroupCollapsed(cluster->id(), true);
            event->accept();
            return;
        }
    }
    ZoomableView::mousePressEvent(event);  // anywhere else, a drag pans
}

void ArchitectureDiagram::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_brush.active()) {
        paintAlong(m_strokeFrom, pos);
        m_strokeFrom = pos;
        return;
    }
    ZoomableView::mouseMoveEvent(event);
}

void ArchitectureDiagram::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_brush.active()) {
        if (const auto change = m_brush.finish())
            Q_EMIT freezeToggled(change->layers, change->frozen);
        return;
    }
    ZoomableView::mouseReleaseEvent(event);
}

void ArchitectureDiagram::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        ZoomableView::mouseDoubleClickEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    if (DiagramNodeItem* item = nodeAt(pos)) {
        // The first click of the double-click painted this box; a double-click means "open/close".
        if (const auto undo = m_brush.undoClick(item->index(), m_frozen)) {
            refreshStates();
            Q_EMIT freezeToggled(undo->layers, undo->frozen);
        }
        const DiagramNode node = item->node();
        if (node.isGroup)
            setGroupCollapsed(node.id, false);
        else if (!node.cluster.isEmpty())
            setGroupCollapsed(node.cluster, true);
    } else if (DiagramClusterItem* cluster = clusterAt(pos)) {
        setGroupCollapsed(cluster->id(), true);
    } else {
        fitToView();
    }
    event->accept();
}

}  // namespace tl
