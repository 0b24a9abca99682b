#include "diagram/diagram_graph.h"

#include <QMap>

#include <algorithm>

namespace tl {

namespace {

QString kernelText(int64_t k) { return QStringLiteral("%1×%1").arg(k); }

QString strideText(int64_t s) { return s > 1 ? QStringLiteral(" /%1").arg(s) : QString(); }

// A merged connection keeps the plainest kind: a collapsed residual block is fed by one arrow,
// not by a sequential arrow and a shortcut drawn on top of each other.
int kindRank(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::Sequential: return 0;
    case EdgeKind::InceptionBranch: return 1;
    case EdgeKind::AuxiliaryHead: return 2;
    case EdgeKind::UNetSkip: return 3;
    case EdgeKind::ResidualProjection: return 4;
    case EdgeKind::DenseConcat: return 5;
    case EdgeKind::ResidualIdentity: return 6;
    }
    return 7;
}

}  // namespace

QString kindTitle(const Node& n)
{
    const NodeOptions& o = n.opt;
    switch (n.kind) {
    case NodeKind::Input: return QStringLiteral("Input");
    case NodeKind::InputTransform: return QStringLiteral("Normalize");
    case NodeKind::Conv: {
        QString t = QStringLiteral("Conv ") + kernelText(o.kernel) + strideText(o.stride);
        if (o.groups > 1)
            t += o.groups == o.inChannels ? QStringLiteral(" dw") : QStringLiteral(" g%1").arg(o.groups);
        return t;
    }
    case NodeKind::ConvTranspose: return QStringLiteral("ConvT ") + kernelText(o.kernel) + strideText(o.stride);
    case NodeKind::BatchNorm: return QStringLiteral("BatchNorm");
    case NodeKind::ReLU: return QStringLiteral("ReLU");
    case NodeKind::ReLU6: return QStringLiteral("ReLU6");
    case NodeKind::Tanh: return QStringLiteral("Tanh");
    case NodeKind::MaxPool: return QStringLiteral("MaxPool ") + kernelText(o.kernel) + strideText(o.stride);
    case NodeKind::AvgPool: return QStringLiteral("AvgPool ") + kernelText(o.kernel) + strideText(o.stride);
    case NodeKind::AdaptiveAvgPool: return QStringLiteral("AdaptiveAvgPool");
    case NodeKind::Flatten: return QStringLiteral("Flatten");
    case NodeKind::Linear: return QStringLiteral("Linear");
    case NodeKind::Dropout: return QStringLiteral("Dropout %1").arg(o.dropout);
    case NodeKind::Concat: return QStringLiteral("Concat");
    case NodeKind::Add: return QStringLiteral("Add");
    }
    return QString::fromLatin1(toString(n.kind));
}

QString shapeText(const Shape& shape)
{
    QStringList parts;
    for (size_t i = 1; i < shape.size(); ++i)
        parts << QString::number(shape[i]);
    return parts.join(QStringLiteral("×"));
}

QString paramsText(qint64 params)
{
    if (params >= 1000000)
        return QStringLiteral("%1M").arg(params / 1e6, 0, 'f', params >= 10000000 ? 1 : 2);
    if (params >= 1000)
        return QStringLiteral("%1K").arg(params / 1e3, 0, 'f', params >= 100000 ? 0 : 1);
    return QString::number(params);
}

QStringList DiagramGraph::groupChain(const ArchSpec& spec, const std::string& groupId)
{
    QStringList chain;
    for (const Group* g = spec.findGroup(groupId); g; g = spec.findGroup(g->parent)) {
        chain << QString::fromStdString(g->id);
        if (chain.size() > 64)
            break;  // a cyclic parent chain in a bad spec must not hang the GUI
    }
    return chain;
}

QStringList DiagramGraph::layersOfGroup(const ArchSpec& spec, const QString& groupId)
{
    QStringList layers;
    for (const Node& n : spec.nodes)
        if (groupChain(spec, n.group).contains(groupId))
            layers << QString::fromStdString(n.id);
    return layers;
}

const DiagramCluster* DiagramGraph::cluster(const QString& id) const
{
    const int i = m_clusterIndex.value(id, -1);
    return i < 0 ? nullptr : &clusters[i];
}

DiagramGraph DiagramGraph::build(const ArchSpec& spec, const std::vector<Shape>& shapes,
                                 const QSet<QString>& collapsedGroups)
{
    DiagramGraph g;
    const std::vector<bool> aux = spec.auxiliaryMask();
    QSet<QString> usedClusters;
    for (size_t i = 0; i < spec.nodes.size(); ++i) {
        const Node& n = spec.nodes[i];
        const QString id = QString::fromStdString(n.id);
        const QStringList chain = groupChain(spec, n.group);
        // The outermost collapsed group wins; the frames around it stay.
        int collapsedAt = -1;
        for (int c = 0; c < chain.size(); ++c)
            if (collapsedGroups.contains(chain[c]))
                collapsedAt = c;
        const QString boxId = collapsedAt >= 0 ? chain[collapsedAt] : id;
        const QString cluster = collapsedAt + 1 < chain.size() ? chain[collapsedAt + 1] : QString();
        for (int c = collapsedAt + 1; c < chain.size(); ++c)
            usedClusters.insert(chain[c]);
        qint64 params = 0;
        for (const TensorInfo& t : nodeParameters(n))
            params += t.numel();
        int box = g.m_index.value(boxId, -1);
        if (box < 0) {
            box = g.nodes.size();
            DiagramNode d;
            d.id = boxId;
            d.cluster = cluster;
            d.auxiliary = aux[i];
            if (collapsedAt >= 0) {
                const Group* grp = spec.findGroup(boxId.toStdString());
                d.isGroup = true;
                d.groupKind = grp->kind;
                d.title = QString::fromStdString(grp->label);
            } else {
                d.kind = n.kind;
                d.title = kindTitle(n);
            }
            g.nodes.push_back(d);
            g.m_index.insert(boxId, box);
        }
        DiagramNode& d = g.nodes[box];
        d.members << id;
        d.params += params;
        d.auxiliary = d.auxiliary && aux[i];
        if (i < shapes.size())
            d.shape = shapeText(shapes[i]);  // a group shows what leaves it: its last layer's output
        g.m_boxOfLayer.insert(id, box);
    }

    QMap<QPair<int, int>, EdgeKind> merged;
    QVector<QPair<int, int>> order;
    for (const Edge& e : spec.edges) {
        const int a = g.boxOfLayer(QString::fromStdString(e.from));
        const int b = g.boxOfLayer(QString::fromStdString(e.to));
        if (a < 0 || b < 0 || a == b)
            continue;
        const QPair<int, int> key(a, b);
        auto it = merged.find(key);
        if (it == merged.end()) {
            merged.insert(key, e.kind);
            order << key;
        } else if (kindRank(e.kind) < kindRank(it.value())) {
            it.value() = e.kind;
        }
    }
    for (const auto& key : order)
        g.edges.push_back({key.first, key.second, merged.value(key)});
    // The layers of a projection shortcut are drawn on it: walk back from the shortcut's end
    // through boxes with one input and one output.
    QVector<int> inDegree(g.nodes.size(), 0), outDegree(g.nodes.size(), 0), inEdge(g.nodes.size(), -1);
    for (int i = 0; i < g.edges.size(); ++i) {
        ++outDegree[g.edges[i].from];
        ++inDegree[g.edges[i].to];
        inEdge[g.edges[i].to] = i;
    }
    for (const DiagramEdge& e : std::as_const(g.edges)) {
        if (e.kind != EdgeKind::ResidualProjection)
            continue;
        for (int box = e.from; inDegree[box] == 1 && outDegree[box] == 1;) {
            DiagramEdge& step = g.edges[inEdge[box]];
            if (step.kind != EdgeKind::Sequential || step.onProjection)
                break;
            step.onProjection = true;
            box = step.from;
        }
    }

    for (const Group& grp : spec.groups) {
        const QString id = QString::fromStdString(grp.id);
        if (!usedClusters.contains(id))
            continue;
        DiagramCluster c;
        c.id = id;
        c.label = QString::fromStdString(grp.label);
        c.kind = grp.kind;
        c.parent = QString::fromStdString(grp.parent);
        c.depth = groupChain(spec, grp.id).size() - 1;
        g.clusters.push_back(c);
    }
    // Parents first, so a layout can nest frames in one pass.
    std::stable_sort(g.clusters.begin(), g.clusters.end(),
                     [](const DiagramCluster& a, const DiagramCluster& b) { return a.depth < b.depth; });
    for (int i = 0; i < g.clusters.size(); ++i)
        g.m_clusterIndex.insert(g.clusters[i].id, i);
    return g;
}

}  // namespace tl
