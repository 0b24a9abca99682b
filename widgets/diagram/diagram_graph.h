#pragma once

#include "graph/arch_spec.h"
#include "graph/shape_inference.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

namespace tl {

/// One box of the diagram: a layer, or a collapsed group standing in for all of its layers.
struct DiagramNode {
    QString id;               // the layer's id, or the group's id when collapsed
    bool isGroup = false;
    NodeKind kind = NodeKind::Input;     // layers only
    GroupKind groupKind = GroupKind::Stage;  // collapsed groups only
    QString title;            // e.g. "Conv 3×3 /2", or the group's label
    QString shape;            // output shape without the batch, e.g. "64×56×56"
    qint64 params = 0;
    QString cluster;          // innermost expanded group around it, empty at the top level
    QStringList members;      // the spec's layers it stands for, in network order
    bool auxiliary = false;   // only used in training (GoogLeNet's auxiliary heads)
};

/// A connection between two boxes; parallel connections hidden by collapsing are merged.
struct DiagramEdge {
    int from = -1;
    int to = -1;
    EdgeKind kind = EdgeKind::Sequential;
    bool onProjection = false;  // a sequential step inside a projection shortcut (ResNet's downsample)
};

/// An expanded group drawn as a frame around its boxes.
struct DiagramCluster {
    QString id;
    QString label;
    GroupKind kind = GroupKind::Stage;
    QString parent;  // empty for a top-level frame
    int depth = 0;
};

/// What the diagram shows of a spec once some groups are collapsed: boxes, connections and
/// frames, in the network's order. Pure data, so layout and tests need no view.
class DiagramGraph {
public:
    /// `shapes` may be empty (a size the network cannot take); boxes then carry no shape.
    static DiagramGraph build(const ArchSpec& spec, const std::vector<Shape>& shapes,
                              const QSet<QString>& collapsedGroups);

    QVector<DiagramNode> nodes;
    QVector<DiagramEdge> edges;
    QVector<DiagramCluster> clusters;  // parents before their children

    int indexOf(const QString& id) const { return m_index.value(id, -1); }
    /// The box a layer of the spec is drawn in (itself or its collapsed group), or -1.
    int boxOfLayer(const QString& layerId) const { return m_boxOfLayer.value(layerId, -1); }
    const DiagramCluster* cluster(const QString& id) const;

    /// Every layer inside a group, including nested groups, in network order.
    static QStringList layersOfGroup(const ArchSpec& spec, const QString& groupId);
    /// The group and its ancestors, innermost first.
    static QStringList groupChain(const ArchSpec& spec, const std::string& groupId);

private:
    QHash<QString, int> m_index;
    QHash<QString, int> m_boxOfLayer;
    QHash<QString, int> m_clusterIndex;
};

QString kindTitle(const Node& node);
QString shapeText(const Shape& shape);
QString paramsText(qint64 params);

}  // namespace tl
