// Prints how long the architecture diagram's layout takes for every network of the zoo, fully
// expanded and with stages collapsed, split into Graphviz's share and the whole step (visible
// graph, box sizes, layout). Usage: bench_diagram_layout [repeats]
#include "diagram/diagram_layout.h"
#include "diagram/diagram_style.h"
#include "models/zoo.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace tl;

namespace {

struct Timing {
    int boxes = 0;
    double graphviz = 0;  // median seconds
    double total = 0;
};

Timing measure(const ArchSpec& spec, const std::vector<Shape>& shapes, const QSet<QString>& collapsed, int repeats)
{
    std::vector<double> gv, all;
    Timing t;
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer timer;
        timer.start();
        const DiagramGraph graph = DiagramGraph::build(spec, shapes, collapsed);
        QVector<QSizeF> sizes;
        for (const DiagramNode& n : graph.nodes)
            sizes << diagram_style::nodeSize(n);
        const DiagramLayoutResult layout = DiagramLayout::run(graph, sizes);
        all.push_back(timer.nsecsElapsed() / 1e9);
        gv.push_back(layout.seconds);
        t.boxes = graph.nodes.size();
    }
    std::sort(gv.begin(), gv.end());
    std::sort(all.begin(), all.end());
    t.graphviz = gv[gv.size() / 2];
    t.total = all[all.size() / 2];
    return t;
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);  // box sizes come from font metrics
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    std::printf("%-14s %6s %11s %11s   %6s %11s %11s\n", "arch", "boxes", "graphviz s", "total s", "boxes",
                "graphviz s", "total s");
    std::printf("%-14s %30s   %30s\n", "", "fully expanded", "stages collapsed");
    for (const ZooEntry& e : zoo()) {
        const ArchSpec spec = buildArch(e.name);
        const std::vector<Shape> shapes = inferShapes(spec, spec.defaultInputH, spec.defaultInputW);
        QSet<QString> stages;
        for (const Group& g : spec.groups)
            if (g.parent.empty())
                stages.insert(QString::fromStdString(g.id));
        const Timing expanded = measure(spec, shapes, {}, repeats);
        const Timing collapsed = measure(spec, shapes, stages, repeats);
        std::printf("%-14s %6d %11.3f %11.3f   %6d %11.3f %11.3f\n", e.name.c_str(), expanded.boxes, expanded.graphviz,
                    expanded.total, collapsed.boxes, collapsed.graphviz, collapsed.total);
    }
    return 0;
}
