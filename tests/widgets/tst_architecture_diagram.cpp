// The architecture diagram as a user meets it: boxes for every layer, groups that collapse and
// expand, freeze painting with the mouse, heat colours, zoom, and PNG/SVG export.
#include "diagram/architecture_diagram.h"
#include "diagram/heat_legend.h"
#include "diagram/diagram_cluster_item.h"
#include "diagram/diagram_edge_item.h"
#include "diagram/diagram_node_item.h"
#include "models/zoo.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tl;

namespace {

// A shown view, so that mouse positions map to scene positions as on screen.
void show(ArchitectureDiagram& view, const QString& arch)
{
    const ArchSpec spec = buildArch(arch.toStdString());
    view.resize(900, 700);
    view.setSpec(spec, spec.defaultInputH, spec.defaultInputW);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setZoom(1.0);
}

QPoint pointOf(ArchitectureDiagram& view, const QString& id)
{
    DiagramNodeItem* item = view.nodeItem(id);
    view.centerOn(item->rect().center());
    return view.mapFromScene(item->rect().center());
}

double inkShare(const QImage& image)
{
    qint64 ink = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            ink += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
    return double(ink) / ((image.width() / 2) * (image.height() / 2));
}

}  // namespace

class TestArchitectureDiagram : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refitsWhenResizedUntilTheUserZooms();
    void everyLayerIsShown_data();
    void everyLayerIsShown();
    void groupsCollapseAndExpand();
    void doubleClickTogglesGroups();
    void clickFreezesAndUnfreezesABox();
    void dragPaintsFreezeAcrossBoxes();
    void setFrozenColoursBoxesAndGroups();
    void heatColoursBoxesOnALogScale();
    void heatLegendShowsTheScaleOfTheShownBoxes();
    void tooltipsGiveDetails();
    void wheelZoomsAndFitShowsAll();
    void exportsPngAndSvg_data();
    void exportsPngAndSvg();
};

void TestArchitectureDiagram::everyLayerIsShown_data()
{
    QTest::addColumn<QString>("arch");
    for (const ZooEntry& e : zoo())
        QTest::newRow(e.name.c_str()) << QString::fromStdString(e.name);
}

void TestArchitectureDiagram::everyLayerIsShown()
{
    QFETCH(QString, arch);
    const ArchSpec spec = buildArch(arch.toStdString());
    ArchitectureDiagram view;
    view.setSpec(spec, spec.defaultInputH, spec.defaultInputW);
    QVERIFY2(view.layoutError().isEmpty(), qPrintable(view.layoutError()));
    for (const Node& n : spec.nodes) {
        DiagramNodeItem* item = view.nodeItem(QString::fromStdString(n.id));
        QVERIFY2(item && item->scene() == view.scene(), n.id.c_str());
    }
    QSet<EdgeKind> kinds;
    for (DiagramEdgeItem* edge : view.edgeItems()) {
        kinds.insert(edge->kind());
        QVERIFY(!edge->path().isEmpty());
    }
    for (const Edge& e : spec.edges)
        QVERIFY2(kinds.contains(e.kind), toString(e.kind));
    QCOMPARE(view.edgeItems().size(), int(spec.edges.size()));
    QCOMPARE(view.clusterItems().size(), int(spec.groups.size()));
}

void TestArchitectureDiagram::groupsCollapseAndExpand()
{
    ArchitectureDiagram view;
    const ArchSpec spec = buildArch("resnet50");
    view.setSpec(spec, 224, 224);
    const int boxes = view.nodeItems().size();
    const int edges = view.edgeItems().size();
    const int frames = view.clusterItems().size();
    QSignalSpy toggled(&view, &ArchitectureDiagram::groupCollapsedChanged);

    view.setGroupCollapsed(QStringLiteral("layer1"), true);
    QCOMPARE(view.nodeItems().size(), boxes - DiagramGraph::layersOfGroup(spec, QStringLiteral("layer1")).size() + 1);
    QVERIFY(view.edgeItems().size() < edges);
    QCOMPARE(view.clusterItems().size(), frames - 4);  // the stage and its three blocks
    QVERIFY(view.nodeItem(QStringLiteral("layer1"))->node().isGroup);
    QCOMPARE(view.boxOfLayer(QStringLiteral("layer1.2.conv3")), view.nodeItem(QStringLiteral("layer1")));
    QCOMPARE(toggled.count(), 1);

    view.setGroupCollapsed(QStringLiteral("layer1"), false);
    QCOMPARE(view.nodeItems().size(), boxes);
    QCOMPARE(view.edgeItems().size(), edges);
    QCOMPARE(view.clusterItems().size(), frames);

    view.collapseToDepth(0);  // stages only: stem, four stages, head, plus the input
    QVERIFY(view.nodeItems().size() < 10);
    view.expandAll();
    QCOMPARE(view.nodeItems().size(), boxes);
}

void TestArchitectureDiagram::doubleClickTogglesGroups()
{
    ArchitectureDiagram view;
    show(view, QStringLiteral("googlenet"));
    QSignalSpy freeze(&view, &ArchitectureDiagram::freezeToggled);
    // Double-clicking a layer closes the innermost group around it...
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, pointOf(view, QStringLiteral("inception3a.branch2.1.conv")));
    QVERIFY(view.collapsedGroups().contains(QStringLiteral("inception3a.branch2")));
    QVERIFY(view.nodeItem(QStringLiteral("inception3a.branch2")));
    // ...and double-clicking the group's box opens it again.
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, pointOf(view, QStringLiteral("inception3a.branch2")));
    QVERIFY(view.collapsedGroups().isEmpty());
    // The clicks inside a double-click leave the freeze state as it was.
    QVERIFY(view.frozen().isEmpty());
    if (!freeze.isEmpty())
        QCOMPARE(freeze.last().at(1).toBool(), false);

    // The "−" button of a frame collapses it.
    DiagramClusterItem* frame = view.clusterItem(QStringLiteral("inception3b"));
    view.centerOn(frame->collapseButtonRect().center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(frame->collapseButtonRect().center()));
    QVERIFY(view.collapsedGroups().contains(QStringLiteral("inception3b")));
}

void TestArchitectureDiagram::clickFreezesAndUnfreezesABox()
{
    ArchitectureDiagram view;
    show(view, QStringLiteral("resnet18"));
    QSignalSpy freeze(&view, &ArchitectureDiagram::freezeToggled);
    const QString conv = QStringLiteral("layer1.0.conv1");
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, pointOf(view, conv));
    QCOMPARE(freeze.count(), 1);
    QCOMPARE(freeze.last().at(0).toStringList(), QStringList{conv});
    QCOMPARE(freeze.last().at(1).toBool(), true);
    QCOMPARE(view.nodeItem(conv)->freezeState(), FreezeState::Frozen);
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, pointOf(view, conv));
    QCOMPARE(freeze.count(), 2);
    QCOMPARE(freeze.last().at(1).toBool(), false);
    QCOMPARE(view.nodeItem(conv)->freezeState(), FreezeState::Trainable);
    // A layer without parameters has nothing to freeze.
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, pointOf(view, QStringLiteral("layer1.0.relu1")));
    QCOMPARE(freeze.count(), 2);
    QCOMPARE(view.nodeItem(QStringLiteral("layer1.0.relu1"))->freezeState(), FreezeState::NoParameters);
}

void TestArchitectureDiagram::dragPaintsFreezeAcrossBoxes()
{
    ArchitectureDiagram view;
    show(view, QStringLiteral("resnet18"));
    view.setZoom(0.5);
    QSignalSpy freeze(&view, &ArchitectureDiagram::freezeToggled);
    const QPoint from = pointOf(view, QStringLiteral("layer1.0.conv1"));
    const QPoint to = view.mapFromScene(view.nodeItem(QStringLiteral("layer1.0.bn2"))->rect().center());
    QVERIFY(view.viewport()->rect().contains(to));
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(view.viewport(), to);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(freeze.count(), 1);
    const QStringList painted = freeze.last().at(0).toStringList();
    const QStringList expected{QStringLiteral("layer1.0.conv1"), QStringLiteral("layer1.0.bn1"),
                               QStringLiteral("layer1.0.conv2"), QStringLiteral("layer1.0.bn2")};
    QCOMPARE(QSet<QString>(painted.begin(), painted.end()), QSet<QString>(expected.begin(), expected.end()));
    QCOMPARE(freeze.last().at(1).toBool(), true);
    QCOMPARE(view.frozen(), QSet<QString>(expected.begin(), expected.end()));
}

void TestArchitectureDiagram::setFrozenColoursBoxesAndGroups()
{
    ArchitectureDiagram view;
    view.setSpec(buildArch("resnet18"), 224, 224);
    view.setFrozen({QStringLiteral("layer1.0.conv1"), QStringLiteral("layer1.0.bn1")});
    QCOMPARE(view.nodeItem(QStringLiteral("layer1.0.conv1"))->freezeState(), FreezeState::Frozen);
    QCOMPARE(view.nodeItem(QStringLiteral("layer1.0.conv2"))->freezeState(), FreezeState::Trainable);
    QCOMPARE(view.nodeItem(QStringLiteral("layer1.0.relu1"))->freezeState(), FreezeState::NoParameters);
    view.setGroupCollapsed(QStringLiteral("layer1.0"), true);
    QCOMPARE(view.nodeItem(QStringLiteral("layer1.0"))->freezeState(), FreezeState::Mixed);
    const QStringList all = DiagramGraph::layersOfGroup(view.spec(), QStringLiteral("layer1.0"));
    view.setFrozen(QSet<QString>(all.begin(), all.end()));
    QCOMPARE(view.nodeItem(QStringLiteral("layer1.0"))->freezeState(), FreezeState::Frozen);
}

void TestArchitectureDiagram::heatColoursBoxesOnALogScale()
{
    ArchitectureDiagram view;
    view.setSpec(buildArch("resnet18"), 224, 224);
    view.setNodeHeat({{QStringLiteral("conv1"), 1e-4}, {QStringLiteral("layer1.0.conv1"), 1e-2}, {QStringLiteral("fc"), 1.0}});
    QCOMPARE(*view.nodeItem(QStringLiteral("conv1"))->heat(), 0.0);
    QCOMPARE(*view.nodeItem(QStringLiteral("layer1.0.conv1"))->heat(), 0.5);
    QCOMPARE(*view.nodeItem(QStringLiteral("fc"))->heat(), 1.0);
    QVERIFY(!view.nodeItem(QStringLiteral("bn1"))->heat());
    view.setGroupCollapsed(QStringLiteral("layer1"), true);  // a group shows its hottest layer
    QCOMPARE(*view.nodeItem(QStringLiteral("layer1"))->heat(), 0.5);
    view.setNodeHeat({});
    QVERIFY(!view.nodeItem(QStringLiteral("fc"))->heat());
}

void TestArchitectureDiagram::heatLegendShowsTheScaleOfTheShownBoxes()
{
    ArchitectureDiagram view;
    view.resize(900, 700);
    view.setSpec(buildArch("resnet18"), 224, 224);
    view.setHeatCaption(QStringLiteral("Gradient norm"));
    HeatLegend* legend = view.heatLegend();
    QVERIFY(!legend->isVisibleTo(&view));
    view.setNodeHeat({{QStringLiteral("conv1"), 2e-4}, {QStringLiteral("layer1.0.conv1"), 1e-2},
                      {QStringLiteral("layer1.1.conv2"), 3e-2}, {QStringLiteral("fc"), 0.5}});
    QVERIFY(legend->isVisibleTo(&view));
    QCOMPARE(legend->caption(), QStringLiteral("Gradient norm"));
    QVERIFY(qAbs(legend->low() - 2e-4) < 1e-12);
    QVERIFY(qAbs(legend->high() - 0.5) < 1e-9);
    QVERIFY(view.viewport()->geometry().contains(legend->geometry()));
    // Collapsed to stages, every layer of layer1 is one box that shows the hottest of them.
    view.collapseToDepth(0);
    QVERIFY(qAbs(*view.boxOfLayer(QStringLiteral("layer1.0.conv1"))->heat() - std::log10(3e-2 / 2e-4) / std::log10(0.5 / 2e-4)) < 1e-9);
    QVERIFY(qAbs(legend->high() - 0.5) < 1e-9);
    view.setNodeHeat({});
    QVERIFY(!legend->isVisibleTo(&view));
    QVERIFY(!view.heatRange());
}

void TestArchitectureDiagram::tooltipsGiveDetails()
{
    ArchitectureDiagram view;
    view.setSpec(buildArch("resnet18"), 224, 224);
    const QString tip = view.nodeItem(QStringLiteral("conv1"))->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("conv1")) && tip.contains(QStringLiteral("kernel 7, stride 2")), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("64×112×112")));
    QVERIFY(tip.contains(QLocale().toString(9408)));
}

void TestArchitectureDiagram::wheelZoomsAndFitShowsAll()
{
    ArchitectureDiagram view;
    show(view, QStringLiteral("googlenet"));
    const QPoint centre = view.viewport()->rect().center();
    QWheelEvent wheel(centre, view.viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &wheel);
    QVERIFY(view.zoom() > 1.0);
    view.fitToView();
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    QVERIFY(visible.adjusted(-2, -2, 2, 2).contains(view.scene()->itemsBoundingRect()));
}

void TestArchitectureDiagram::exportsPngAndSvg_data()
{
    QTest::addColumn<QString>("arch");
    for (const char* arch : {"resnet18", "googlenet", "densenet121", "unet"})
        QTest::newRow(arch) << QString::fromLatin1(arch);
}

void TestArchitectureDiagram::exportsPngAndSvg()
{
    QFETCH(QString, arch);
    // TRANSFERLAB_DIAGRAM_DIR keeps the images for a person to look at.
    QTemporaryDir temp;
    const QString dir = qEnvironmentVariableIsSet("TRANSFERLAB_DIAGRAM_DIR") ? qEnvironmentVariable("TRANSFERLAB_DIAGRAM_DIR")
                                                                             : temp.path();
    ArchitectureDiagram view;
    const ArchSpec spec = buildArch(arch.toStdString());
    view.setSpec(spec, spec.defaultInputH, spec.defaultInputW);
    view.setFrozen({QStringLiteral("conv1"), QStringLiteral("bn1"), QStringLiteral("features.conv0"),
                    QStringLiteral("conv1.conv"), QStringLiteral("conv1.bn"), QStringLiteral("down1.conv1")});
    const QString png = dir + QLatin1Char('/') + arch + QStringLiteral(".png");
    const QString svg = dir + QLatin1Char('/') + arch + QStringLiteral(".svg");
    QString error;
    QVERIFY2(view.exportPng(png, 2.0, &error), qPrintable(error));
    QVERIFY2(view.exportSvg(svg, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200 && image.height() > 200);
    QVERIFY2(inkShare(image) > 0.05, "the exported image is blank");
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg") && text.contains("</svg>"));
    QVERIFY(text.size() > 10000);
}

void TestArchitectureDiagram::refitsWhenResizedUntilTheUserZooms()
{
    // A diagram laid out before its window has its final size (as at start-up) fits again.
    ArchitectureDiagram d;
    d.resize(120, 120);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    d.setSpec(buildArch("resnet18"), 224, 224);
    const double small = d.zoom();
    d.resize(900, 700);
    QCoreApplication::processEvents();
    QVERIFY2(d.zoom() > small * 2, qPrintable(QStringLiteral("%1 -> %2").arg(small).arg(d.zoom())));
    d.setZoom(0.3);
    d.resize(600, 500);
    QCoreApplication::processEvents();
    QCOMPARE(d.zoom(), 0.3);
}

QTEST_MAIN(TestArchitectureDiagram)
#include "tst_architecture_diagram.moc"
