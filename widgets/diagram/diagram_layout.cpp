#include "diagram/diagram_layout.h"

#include "common/errors.h"

#include <QElapsedTimer>

#include <gvc.h>

#include <algorithm>
#include <mutex>

namespace tl {

namespace {

constexpr double kPointsPerInch = 72.0;

void set(void* object, const char* name, const QByteArray& value)
{
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.constData()), const_cast<char*>(""));
}

QByteArray num(double v) { return QByteArray::number(v, 'f', 4); }

// Frees Graphviz's context, graph and layout on every path out, exceptions included.
class GraphvizGraph {
public:
    GraphvizGraph() : m_gvc(gvContext())
    {
        agseterr(AGERR);  // warnings about cluster labels would only clutter the terminal
        m_graph = agopen(const_cast<char*>("diagram"), Agdirected, nullptr);
    }
    ~GraphvizGraph()
    {
        if (m_laidOut)
            gvFreeLayout(m_gvc, m_graph);
        agclose(m_graph);
        gvFreeContext(m_gvc);
    }
    GraphvizGraph(const GraphvizGraph&) = delete;
    GraphvizGraph& operator=(const GraphvizGraph&) = delete;

    Agraph_t* graph() const { return m_graph; }
    void layout()
    {
        if (gvLayout(m_gvc, m_graph, "dot") != 0)
            throw Error("Graphviz could not lay out the diagram");
        m_laidOut = true;
    }

private:
    GVC_t* m_gvc;
    Agraph_t* m_graph = nullptr;
    bool m_laidOut = false;
};

int edgeWeight(EdgeKind kind)
{
    // Heavy sequential edges keep the main path straight, so shortcuts are the ones that bend;
    // inception branches weigh as much, so they start together under the fan-out.
    return kind == EdgeKind::Sequential || kind == EdgeKind::InceptionBranch ? 8 : 1;
}

}  // namespace

QVector<bool> DiagramLayout::risingBoxes(const DiagramGraph& graph)
{
    QVector<bool> rising(graph.nodes.size(), false);
    int firstTarget = -1;
    QSet<int> sources, targets;
    int skips = 0;
    for (const DiagramEdge& e : graph.edges) {
        if (e.kind != EdgeKind::UNetSkip)
            continue;
        ++skips;
        sources.insert(e.from);
        targets.insert(e.to);
        firstTarget = firstTarget < 0 ? e.to : std::min(firstTarget, e.to);
    }
    // Leveling needs one bridge per level; a collapsed side would pull several levels onto one rank.
    if (skips == 0 || sources.size() != skips || targets.size() != skips)
        return rising;
    for (int s : sources)
        if (s >= firstTarget)
            return rising;
    for (int i = firstTarget; i < graph.nodes.size(); ++i)
        rising[i] = true;
    // The up-sampling that feeds the first bridge rises too, so the U turns at the bottleneck
    // instead of dipping below it; a box from another frame is the bottleneck itself.
    for (const DiagramEdge& e : graph.edges)
        if (e.to == firstTarget && e.kind != EdgeKind::UNetSkip
            && graph.nodes[e.from].cluster == graph.nodes[firstTarget].cluster)
            rising[e.from] = true;
    return rising;
}

DiagramLayoutResult DiagramLayout::run(const DiagramGraph& graph, const QVector<QSizeF>& nodeSizes)
{
    static std::mutex graphvizMutex;
    const std::lock_guard<std::mutex> lock(graphvizMutex);
    QElapsedTimer timer;
    timer.start();

    GraphvizGraph gv;
    Agraph_t* root = gv.graph();
    set(root, "rankdir", "TB");
    set(root, "nodesep", "0.22");
    set(root, "ranksep", "0.2");
    set(root, "splines", "true");
    set(root, "fontname", "Helvetica");
    set(root, "fontsize", "11");
    set(root, "labeljust", "l");
    const QVector<bool> rising = risingBoxes(graph);
    const bool unet = rising.contains(true);
    QHash<int, QVector<int>> fans;  // inception fan-outs: source box -> branch heads in order
    for (const DiagramEdge& e : graph.edges)
        if (e.kind == EdgeKind::InceptionBranch)
            fans[e.from] << e.to;
    if (unet || !fans.isEmpty())
        set(root, "newrank", "true");  // lets rank=same tie nodes of different clusters

    QHash<QString, Agraph_t*> subgraphs;
    for (int i = 0; i < graph.clusters.size(); ++i) {
        const DiagramCluster& c = graph.clusters[i];
        Agraph_t* parent = c.parent.isEmpty() ? root : subgraphs.value(c.parent, root);
        const QByteArray name = "cluster_" + QByteArray::number(i);
        Agraph_t* sub = agsubg(parent, const_cast<char*>(name.constData()), 1);
        // The frame's title is drawn by the view; this reserves room for it.
        set(sub, "label", c.label.toUtf8());
        set(sub, "margin", "9");
        subgraphs.insert(c.id, sub);
    }

    QVector<Agnode_t*> nodes(graph.nodes.size(), nullptr);
    for (int i = 0; i < graph.nodes.size(); ++i) {
        const DiagramNode& n = graph.nodes[i];
        Agraph_t* owner = n.cluster.isEmpty() ? root : subgraphs.value(n.cluster, root);
        const QByteArray name = "n" + QByteArray::number(i);
        Agnode_t* node = agnode(owner, const_cast<char*>(name.constData()), 1);
        const QSizeF size = i < nodeSizes.size() ? nodeSizes[i] : QSizeF(120, 40);
        set(node, "shape", "box");
        set(node, "fixedsize", "true");
        set(node, "label", "");
        set(node, "width", num(size.width() / kPointsPerInch));
        set(node, "height", num(size.height() / kPointsPerInch));
        nodes[i] = node;
    }

    // Out-edges keep their creation order left to right: inception branches 1 to 4, and an
    // auxiliary head after the branches, on the right.
    QVector<int> creation;
    for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < graph.edges.size(); ++i)
            if ((graph.edges[i].kind == EdgeKind::AuxiliaryHead) == (pass == 1))
                creation << i;

    QVector<Agedge_t*> edges(graph.edges.size(), nullptr);
    QVector<bool> reversed(graph.edges.size(), false);
    for (int i : creation) {
        const DiagramEdge& e = graph.edges[i];
        const bool skip = e.kind == EdgeKind::UNetSkip;
        reversed[i] = unet && !skip && rising[e.to];
        Agnode_t* tail = nodes[reversed[i] ? e.to : e.from];
        Agnode_t* head = nodes[reversed[i] ? e.from : e.to];
        const QByteArray name = "e" + QByteArray::number(i);
        Agedge_t* edge = agedge(root, tail, head, const_cast<char*>(name.constData()), 1);
        set(edge, "dir", "none");  // arrowheads are drawn by the view, so splines reach the boxes
        // Edges joining a concatenation stretch, so short branches stay compact under their fan-out.
        const DiagramNode& target = graph.nodes[e.to];
        const bool join = !target.isGroup && target.kind == NodeKind::Concat && e.kind == EdgeKind::Sequential;
        set(edge, "weight", QByteArray::number(join ? 1 : edgeWeight(e.kind)));
        if (skip && unet) {
            set(edge, "constraint", "false");
            const QByteArray rankName = "rank_" + QByteArray::number(i);
            Agraph_t* level = agsubg(root, const_cast<char*>(rankName.constData()), 1);
            set(level, "rank", "same");
            agsubnode(level, nodes[e.from], 1);
            agsubnode(level, nodes[e.to], 1);
        }
        edges[i] = edge;
    }

    // Inception branches start on one rank, right under their fan-out.
    int fanIndex = 0;
    for (auto it = fans.cbegin(); it != fans.cend(); ++it, ++fanIndex) {
        const QByteArray rankName = "fan_" + QByteArray::number(fanIndex);
        Agraph_t* level = agsubg(root, const_cast<char*>(rankName.constData()), 1);
        set(level, "rank", "same");
        for (int head : it.value())
            agsubnode(level, nodes[head], 1);
    }

    gv.layout();

    DiagramLayoutResult result;
    const boxf bb = GD_bb(root);
    const double top = bb.UR.y;
    auto toScene = [top](pointf p) { return QPointF(p.x, top - p.y); };
    result.bounds = QRectF(QPointF(bb.LL.x, 0), QPointF(bb.UR.x, top - bb.LL.y));
    result.nodeRects.resize(nodes.size());
    for (int i = 0; i < nodes.size(); ++i) {
        const QPointF c = toScene(ND_coord(nodes[i]));
        const double w = ND_width(nodes[i]) * kPointsPerInch;
        const double h = ND_height(nodes[i]) * kPointsPerInch;
        result.nodeRects[i] = QRectF(c.x() - w / 2, c.y() - h / 2, w, h);
    }
    result.edgeCurves.resize(edges.size());
    for (int i = 0; i < edges.size(); ++i) {
        const splines* spl = ED_spl(edges[i]);
        QPolygonF curve;
        if (spl) {
            for (int b = 0; b < spl->size; ++b) {
                const bezier& bz = spl->list[b];
                for (int p = (b == 0 ? 0 : 1); p < bz.size; ++p)
                    curve << toScene(bz.list[p]);
            }
        }
        if (reversed[i])
            std::reverse(curve.begin(), curve.end());
        result.edgeCurves[i] = curve;
    }
    for (auto it = subgraphs.cbegin(); it != subgraphs.cend(); ++it) {
        const boxf cb = GD_bb(it.value());
        result.clusterRects.insert(it.key(), QRectF(toScene(cb.LL), toScene(cb.UR)).normalized());
    }
    result.seconds = timer.nsecsElapsed() / 1e9;
    return result;
}

}  // namespace tl
