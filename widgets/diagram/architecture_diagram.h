#pragma once

#include "diagram/diagram_graph.h"
#include "diagram/diagram_layout.h"
#include "diagram/diagram_style.h"
#include "diagram/freeze_brush.h"

#include "diagram/zoomable_view.h"

#include <QHash>
#include <QSet>

#include <optional>
#include <utility>

namespace tl {

class DiagramClusterItem;
class DiagramEdgeItem;
class DiagramNodeItem;
class HeatLegend;

/// The network as a block diagram laid out by Graphviz: frames for stages, blocks and branches
/// that collapse and expand (double-click, or the frame's "−" and a box's "+"), boxes with kind,
/// output shape and parameters, details on hover, export, and the navigation of ZoomableView.
///
/// Freezing is painted: press on a box and drag across others to freeze them all (or unfreeze,
/// when the first box was frozen); the view then emits the layer ids with parameters it painted.
/// While training, setNodeHeat() colours boxes by a value such as the gradient norm.
class ArchitectureDiagram final : public ZoomableView {
    Q_OBJECT
public:
    explicit ArchitectureDiagram(QWidget* parent = nullptr);
    ~ArchitectureDiagram() override;

    /// Shows `spec` at the given input size, every group expanded. On a size the network cannot
    /// take, boxes carry no shapes.
    void setSpec(const ArchSpec& spec, int64_t height, int64_t width);
    const ArchSpec& spec() const { return m_spec; }

    QSet<QString> collapsedGroups() const { return m_collapsed; }
    void setCollapsedGroups(const QSet<QString>& groupIds);
    /// Collapses every group `depth` levels down (0: stages), expanding those above.
    void collapseToDepth(int depth);
    void expandAll();
    void setGroupCollapsed(const QString& groupId, bool collapsed);

    QSet<QString> frozen() const { return m_frozen; }

    const DiagramGraph& graph() const { return m_graph; }
    const DiagramLayoutResult& layout() const { return m_layout; }
    /// The box showing a layer id or a collapsed group id, or nullptr.
    DiagramNodeItem* nodeItem(const QString& id) const;
    /// The box a layer of the spec is drawn in (itself or its collapsed group), or nullptr.
    DiagramNodeItem* boxOfLayer(const QString& layerId) const;
    DiagramClusterItem* clusterItem(const QString& groupId) const;
    QList<DiagramNodeItem*> nodeItems() const { return m_nodeItems; }
    QList<DiagramEdgeItem*> edgeItems() const { return m_edgeItems; }
    QList<DiagramClusterItem*> clusterItems() const;
    /// Why the last layout failed, empty when it worked.
    QString layoutError() const { return m_layoutError; }
    /// The smallest and largest value the boxes are coloured by, or nothing without heat.
    std::optional<std::pair<double, double>> heatRange() const { return m_heatRange; }
    HeatLegend* heatLegend() const { return m_legend; }

    bool exportPng(const QString& path, double scale = 2.0, QString* error = nullptr);
    bool exportSvg(const QString& path, QString* error = nullptr);

public Q_SLOTS:
    /// Layers whose parameters are frozen; every other layer with parameters is trainable.
    void setFrozen(const QSet<QString>& layerIds);
    /// Colours boxes by value (e.g. gradient norms by layer id) on a log scale; empty clears it.
    /// A collapsed group's box shows the largest value of its layers; layers without a value
    /// (frozen, no parameters) keep their freeze colours. A legend shows the scale's two ends.
    void setNodeHeat(const QHash<QString, double>& values);
    /// The caption of the heat legend, e.g. what the values are.
    void setHeatCaption(const QString& caption);

Q_SIGNALS:
    void freezeToggled(const QStringList& layerIds, bool frozen);
    void groupCollapsedChanged(const QString& groupId, bool collapsed);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    void refreshStates();
    /// Colours only; cheap enough for several live updates a second on a DenseNet.
    void refreshHeat();
    void placeLegend();
    FreezeState stateOf(const DiagramNode& node) const;
    QStringList trainableLayers(const DiagramNode& node) const;
    DiagramNodeItem* nodeAt(const QPoint& viewPos) const;
    DiagramClusterItem* clusterAt(const QPoint& viewPos) const;
    void paintAlong(const QPoint& from, const QPoint& to);

    ArchSpec m_spec;
    std::vector<tl::Shape> m_shapes;  // qualified: QFrame::Shape would win inside the class
    QSet<QString> m_collapsed;
    QSet<QString> m_frozen;
    QHash<QString, double> m_heat;
    std::optional<std::pair<double, double>> m_heatRange;
    HeatLegend* m_legend = nullptr;
    DiagramGraph m_graph;
    DiagramLayoutResult m_layout;
    QString m_layoutError;
    QList<DiagramNodeItem*> m_nodeItems;
    QList<DiagramEdgeItem*> m_edgeItems;
    QHash<QString, DiagramClusterItem*> m_clusterItems;
    FreezeBrush m_brush;
    QPoint m_strokeFrom;
};

}  // namespace tl
