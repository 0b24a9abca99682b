// The diagram's layout: every layer has a box, boxes never overlap, every connection is routed
// between its two boxes, and each architecture's shape reads as it should (side-by-side inception
// branches, shortcuts bowing around their block, a U for U-Net).
#include "diagram/diagram_layout.h"
#include "diagram/diagram_style.h"
#include "models/zoo.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace tl;

namespace {

struct Laid {
    ArchSpec spec;
    DiagramGraph graph;
    DiagramLayoutResult layout;
};

Laid layOut(const QString& arch, const QSet<QString>& collapsed = {})
{
    Laid l;
    l.spec = buildArch(arch.toStdString());
    const std::vector<Shape> shapes = inferShapes(l.spec, l.spec.defaultInputH, l.spec.defaultInputW);
    l.graph = DiagramGraph::build(l.spec, shapes, collapsed);
    QVector<QSizeF> sizes;
    for (const DiagramNode& n : l.graph.nodes)
        sizes << diagram_style::nodeSize(n);
    l.layout = DiagramLayout::run(l.graph, sizes);
    return l;
}

QSet<QString> groupsAtDepth(const ArchSpec& spec, int depth)
{
    QSet<QString> groups;
    for (const Group& g : spec.groups)
        if (DiagramGraph::groupChain(spec, g.id).size() - 1 == depth)
            groups.insert(QString::fromStdString(g.id));
    return groups;
}

QRectF rectOf(const Laid& l, const QString& id)
{
    return l.layout.nodeRects.value(l.graph.indexOf(id));
}

}  // namespace

class TestDiagramLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyArchitectureLaysOut_data();
    void everyArchitectureLaysOut();
    void collapsingMergesLayersIntoOneBox();
    void inceptionBranchesStandSideBySide();
    void residualShortcutsBowAroundTheirBlock();
    void denseConnectionsStayAChain();
    void unetIsDrawnAsAU();
    void largestNetworkLaysOutQuickly();
};

void TestDiagramLayout::everyArchitectureLaysOut_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("collapseDepth");  // -1: everything expanded
    for (const ZooEntry& e : zoo()) {
        const QString name = QString::fromStdString(e.name);
        QTest::newRow(qPrintable(name + QStringLiteral(" expanded"))) << name << -1;
        QTest::newRow(qPrintable(name + QStringLiteral(" stages collapsed"))) << name << 0;
        QTest::newRow(qPrintable(name + QStringLiteral(" blocks collapsed"))) << name << 1;
        QTest::newRow(qPrintable(name + QStringLiteral(" branches collapsed"))) << name << 2;
    }
}

void TestDiagramLayout::everyArchitectureLaysOut()
{
    QFETCH(QString, arch);
    QFETCH(int, collapseDepth);
    const ArchSpec spec = buildArch(arch.toStdString());
    const QSet<QString> collapsed = collapseDepth < 0 ? QSet<QString>() : groupsAtDepth(spec, collapseDepth);
    const Laid l = layOut(arch, collapsed);

    // Every layer is a box of its own or inside a collapsed group's box.
    for (const Node& n : spec.nodes) {
        const int box = l.graph.boxOfLayer(QString::fromStdString(n.id));
        QVERIFY2(box >= 0, n.id.c_str());
        const DiagramNode& d = l.graph.nodes[box];
        if (d.isGroup)
            QVERIFY2(collapsed.contains(d.id) && DiagramGraph::groupChain(spec, n.group).contains(d.id), n.id.c_str());
        else
            QCOMPARE(d.id, QString::fromStdString(n.id));
    }
    if (collapseDepth < 0) {
        QCOMPARE(l.graph.nodes.size(), int(spec.nodes.size()));
        QSet<EdgeKind> specKinds, shownKinds;
        for (const Edge& e : spec.edges)
            specKinds.insert(e.kind);
        for (const DiagramEdge& e : l.graph.edges)
            shownKinds.insert(e.kind);
        QCOMPARE(shownKinds, specKinds);
        QCOMPARE(l.graph.edges.size(), int(spec.edges.size()));
    }

    // No two boxes overlap.
    const QVector<QRectF>& rects = l.layout.nodeRects;
    for (int i = 0; i < rects.size(); ++i)
        for (int j = i + 1; j < rects.size(); ++j)
            QVERIFY2(!rects[i].adjusted(1, 1, -1, -1).intersects(rects[j].adjusted(1, 1, -1, -1)),
                     qPrintable(l.graph.nodes[i].id + QStringLiteral(" overlaps ") + l.graph.nodes[j].id));

    // Every connection starts at its source box and ends at its target box.
    for (int i = 0; i < l.graph.edges.size(); ++i) {
        const DiagramEdge& e = l.graph.edges[i];
        const QPolygonF& curve = l.layout.edgeCurves[i];
        const QString what = l.graph.nodes[e.from].id + QStringLiteral(" -> ") + l.graph.nodes[e.to].id;
        QVERIFY2(curve.size() >= 4, qPrintable(what));
        QVERIFY2(rects[e.from].adjusted(-3, -3, 3, 3).contains(curve.first()), qPrintable(what));
        QVERIFY2(rects[e.to].adjusted(-3, -3, 3, 3).contains(curve.last()), qPrintable(what));
    }

    // Boxes sit inside their frames, frames inside their parents' frames.
    for (int i = 0; i < l.graph.nodes.size(); ++i) {
        const QString cluster = l.graph.nodes[i].cluster;
        if (!cluster.isEmpty())
            QVERIFY2(l.layout.clusterRects.value(cluster).adjusted(-1, -1, 1, 1).contains(rects[i]),
                     qPrintable(l.graph.nodes[i].id));
    }
    for (const DiagramCluster& c : l.graph.clusters)
        if (!c.parent.isEmpty())
            QVERIFY2(l.layout.clusterRects.value(c.parent).adjusted(-1, -1, 1, 1).contains(l.layout.clusterRects.value(c.id)),
                     qPrintable(c.id));
}

void TestDiagramLayout::collapsingMergesLayersIntoOneBox()
{
    const Laid expanded = layOut(QStringLiteral("resnet18"));
    const Laid collapsed = layOut(QStringLiteral("resnet18"), {QStringLiteral("layer1")});
    const int layersInStage = DiagramGraph::layersOfGroup(expanded.spec, QStringLiteral("layer1")).size();
    QCOMPARE(layersInStage, 14);
    QCOMPARE(collapsed.graph.nodes.size(), expanded.graph.nodes.size() - layersInStage + 1);
    const int box = collapsed.graph.indexOf(QStringLiteral("layer1"));
    QVERIFY(box >= 0 && collapsed.graph.nodes[box].isGroup);
    QCOMPARE(collapsed.graph.nodes[box].params, qint64(2 * (2 * 36864 + 2 * 128)));
    QCOMPARE(collapsed.graph.nodes[box].shape, QStringLiteral("64×56×56"));
    QVERIFY(!collapsed.graph.cluster(QStringLiteral("layer1.0")));
    // The stem's output feeds the box once, though the layers inside took it twice.
    int into = 0;
    for (const DiagramEdge& e : collapsed.graph.edges)
        into += e.to == box ? 1 : 0;
    QCOMPARE(into, 1);
}

void TestDiagramLayout::inceptionBranchesStandSideBySide()
{
    const Laid l = layOut(QStringLiteral("googlenet"));
    QVector<QRectF> branches;
    for (int b = 1; b <= 4; ++b)
        branches << l.layout.clusterRects.value(QStringLiteral("inception3a.branch%1").arg(b));
    for (int i = 0; i < branches.size(); ++i) {
        QVERIFY(!branches[i].isEmpty());
        for (int j = i + 1; j < branches.size(); ++j) {
            QVERIFY2(branches[i].right() <= branches[j].left() || branches[j].right() <= branches[i].left(),
                     "inception branches overlap horizontally");
            QVERIFY(branches[i].top() < branches[j].bottom() && branches[j].top() < branches[i].bottom());
        }
    }
    const QRectF concat = rectOf(l, QStringLiteral("inception3a.concat"));
    for (const QRectF& b : branches)
        QVERIFY(concat.top() > b.bottom() - 1);
}

void TestDiagramLayout::residualShortcutsBowAroundTheirBlock()
{
    const Laid l = layOut(QStringLiteral("resnet18"));
    const QRectF conv1 = rectOf(l, QStringLiteral("layer1.1.conv1"));
    const QRectF conv2 = rectOf(l, QStringLiteral("layer1.1.conv2"));
    // The main path stays a straight column...
    QVERIFY(qAbs(conv1.center().x() - conv2.center().x()) < 2);
    for (int i = 0; i < l.graph.edges.size(); ++i) {
        const DiagramEdge& e = l.graph.edges[i];
        if (e.kind != EdgeKind::ResidualIdentity || l.graph.nodes[e.to].id != QLatin1String("layer1.1.add"))
            continue;
        // ...and the shortcut leaves it to pass beside the block's layers.
        const QRectF bounds = l.layout.edgeCurves[i].boundingRect();
        QVERIFY(bounds.right() > conv2.right() || bounds.left() < conv2.left());
        QVERIFY(bounds.top() < conv1.top() && bounds.bottom() > conv2.bottom());
        return;
    }
    QFAIL("no identity shortcut into layer1.1.add");
}

void TestDiagramLayout::denseConnectionsStayAChain()
{
    // Each dense layer concatenates onto the running feature map once: no fan of edges.
    const Laid l = layOut(QStringLiteral("densenet121"));
    QVector<int> inDegree(l.graph.nodes.size(), 0);
    int dense = 0;
    for (const DiagramEdge& e : l.graph.edges) {
        ++inDegree[e.to];
        dense += e.kind == EdgeKind::DenseConcat ? 1 : 0;
    }
    QCOMPARE(dense, 6 + 12 + 24 + 16);
    QVERIFY(*std::max_element(inDegree.begin(), inDegree.end()) <= 2);
}

void TestDiagramLayout::unetIsDrawnAsAU()
{
    const Laid l = layOut(QStringLiteral("unet"));
    for (int level = 1; level <= 4; ++level) {
        const QRectF down = rectOf(l, QStringLiteral("down%1.relu2").arg(level));
        const QRectF up = rectOf(l, QStringLiteral("up%1.concat").arg(level));
        QVERIFY2(qAbs(down.center().y() - up.center().y()) < 1, "a skip bridge is not level");
        QVERIFY2(up.left() > down.right(), "the decoder is not beside the encoder");
    }
    // The bottleneck is the bottom of the U; input and output are its two top ends.
    const QRectF bottom = rectOf(l, QStringLiteral("bottleneck.relu2"));
    for (const QRectF& r : l.layout.nodeRects)
        QVERIFY(r.bottom() <= bottom.bottom() + 1);
    const double top = l.layout.bounds.top() + 0.1 * l.layout.bounds.height();
    QVERIFY2(rectOf(l, QStringLiteral("input")).bottom() < top, "the input is not at the top");
    QVERIFY2(rectOf(l, QString::fromStdString(l.spec.output)).bottom() < top, "the output is not at the top");
}

void TestDiagramLayout::largestNetworkLaysOutQuickly()
{
    QElapsedTimer timer;
    timer.start();
    const Laid l = layOut(QStringLiteral("densenet201"));
    const double total = timer.nsecsElapsed() / 1e9;
    qInfo("densenet201 fully expanded (%d boxes, %d edges, %d frames): Graphviz %.3f s, with graph and sizes %.3f s",
          int(l.graph.nodes.size()), int(l.graph.edges.size()), int(l.graph.clusters.size()), l.layout.seconds, total);
    QVERIFY(l.graph.nodes.size() > 600);
    QVERIFY2(total < 10.0, "layout of densenet201 took far too long");
}

QTEST_MAIN(TestDiagramLayout)
#include "tst_diagram_layout.moc"
