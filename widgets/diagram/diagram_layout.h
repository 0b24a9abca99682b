#pragma once

#include "diagram/diagram_graph.h"

#include <QHash>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QVector>

namespace tl {

/// Where everything of a DiagramGraph goes, in scene units with y pointing down.
struct DiagramLayoutResult {
    QVector<QRectF> nodeRects;       // per box of the graph
    QVector<QPolygonF> edgeCurves;   // per edge: cubic Bézier points p0 c1 c2 p1 c1 c2 p2 …, source to target
    QHash<QString, QRectF> clusterRects;
    QRectF bounds;
    double seconds = 0;
};

/// Lays a DiagramGraph out with Graphviz's `dot`, one cluster per expanded group, and reads the
/// coordinates back as plain data. Graphviz is not reentrant, so calls are serialised.
///
/// Beyond plain `dot`: sequential edges weigh more than shortcuts so the main path stays straight
/// and residual and dense shortcuts bow around their block; a U-Net's decoder is ranked upwards
/// with each skip's ends on one rank, so the network reads as a U with level skip bridges.
class DiagramLayout {
public:
    /// `nodeSizes` holds one size per box. Throws tl::Error when Graphviz fails.
    static DiagramLayoutResult run(const DiagramGraph& graph, const QVector<QSizeF>& nodeSizes);

    /// Boxes the decoder of a U-Net rises through (ranked upwards), or none when the graph has no
    /// clean set of skip bridges to level (e.g. a collapsed decoder taking every skip).
    static QVector<bool> risingBoxes(const DiagramGraph& graph);
};

}  // namespace tl
