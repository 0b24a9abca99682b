#include "report/architecture_section.h"
#include "report/report_text.h"

#include "report/svg_chart.h"

#include "diagram/architecture_diagram.h"
#include "diagram/diagram_style.h"
#include "models/zoo.h"
#include "train/experiment.h"
#include "train/freeze_plan.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QJsonDocument>
#include <QPainter>
#include <QLocale>
#include <QSvgGenerator>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>

namespace tl::report {

namespace {

// Networks with more layers than this are drawn with their blocks folded, so the diagram stays
// legible when scaled to a page (ResNet-18 unfolded is a column too tall to read on A4).
constexpr size_t kCollapseAbove = 60;

struct ResolvedRun {
    ArchSpec spec;
    std::optional<FreezePlan> plan;
    int64_t inputSize = 224;
    QString problem;  // why the network or its freeze plan could not be rebuilt
};

ResolvedRun resolve(const RunData& run)
{
    ResolvedRun r;
    if (run.experiment.isEmpty()) {
        r.problem = tr("experiment.json is missing, so the network is unknown.");
        return r;
    }
    try {
        const QByteArray bytes = QJsonDocument(run.experiment).toJson(QJsonDocument::Compact);
        const Experiment e = parseExperiment(nlohmann::json::parse(bytes.toStdString()),
                                             run.filePath(QStringLiteral("experiment.json")).toStdString());
        BuildOptions build;
        build.numClasses = run.classes().isEmpty() ? e.model.numClasses : run.classes().size();
        build.inChannels = e.model.inChannels;
        r.spec = buildArch(e.model.arch, build);
        r.inputSize = e.data.imageSize ? e.data.imageSize : r.spec.defaultInputH;
        r.plan.emplace(r.spec, e.freeze);
    } catch (const std::exception& error) {
        r.problem = QString::fromUtf8(error.what());
    }
    return r;
}

int64_t parameterCount(const Node& node)
{
    int64_t n = 0;
    for (const TensorInfo& t : nodeParameters(node))
        n += t.numel();
    return n;
}

QString count(int64_t n) { return QLocale(QLocale::English).toString(qlonglong(n)); }

}  // namespace

ReportSection architectureSection(const RunData& run)
{
    ReportSection section{QStringLiteral("architecture"), tr("Architecture"), {}};
    const ResolvedRun r = resolve(run);
    if (!r.problem.isEmpty() && r.spec.nodes.empty()) {
        section.blocks << ReportBlock::note(tr("The diagram cannot be drawn: %1").arg(r.problem));
        return section;
    }
    ArchitectureDiagram diagram;
    diagram.resize(1200, 900);
    diagram.setSpec(r.spec, r.inputSize, r.inputSize);
    if (r.spec.nodes.size() > kCollapseAbove)
        diagram.collapseToDepth(1);
    QSet<QString> frozen;
    if (r.plan)
        for (const Node& node : r.spec.nodes)
            if (hasParameters(node.kind) && r.plan->isFrozen(node.id))
                frozen.insert(QString::fromStdString(node.id));
    diagram.setFrozen(frozen);
    if (!diagram.layoutError().isEmpty()) {
        section.blocks << ReportBlock::note(tr("The diagram cannot be laid out: %1").arg(diagram.layoutError()));
        return section;
    }
    QGraphicsScene* scene = diagram.scene();
    const QRectF region = scene->itemsBoundingRect().adjusted(-8, -8, 8, 8);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(region.size().toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), region.size()));
        generator.setTitle(QString::fromStdString(r.spec.arch));
        QPainter painter(&generator);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.fillRect(QRectF(QPointF(0, 0), region.size()), Qt::white);
        scene->render(&painter, QRectF(QPointF(0, 0), region.size()), region);
    }
    QString svg = QString::fromUtf8(buffer.data());
    // Inline SVG in HTML must not carry an XML declaration.
    svg = svg.mid(svg.indexOf(QLatin1String("<svg")));
    ReportFigure figure{svg, region.size(),
                        tr("%1 at %2×%2 input, as training started. Orange boxes train, blue-grey boxes are frozen, "
                           "beige boxes are partly frozen, white boxes have no parameters.")
                            .arg(QString::fromStdString(r.spec.arch))
                            .arg(r.inputSize)};
    section.blocks << ReportBlock::ofFigure(figure);
    if (r.spec.nodes.size() > kCollapseAbove)
        section.blocks << ReportBlock::paragraph(tr("Blocks are folded: the network has %1 layers.").arg(r.spec.nodes.size()));
    return section;
}

ReportSection freezeSection(const RunData& run)
{
    ReportSection section{QStringLiteral("freeze"), tr("Freeze plan"), {}};
    const ResolvedRun r = resolve(run);
    if (!r.plan) {
        section.blocks << ReportBlock::note(tr("The freeze plan cannot be shown: %1").arg(r.problem));
        return section;
    }
    const FreezePlan& plan = *r.plan;
    const FreezeConfig& config = plan.config();
    section.blocks << ReportBlock::ofTable(keyValueTable({
        {tr("Preset"), QString::fromUtf8(toString(config.preset))},
        {tr("BatchNorm in frozen parts"), QString::fromUtf8(toString(config.batchNorm))},
        {tr("Trainable parameters"), tr("%1 of %2").arg(count(plan.trainableParameterCount()), count(plan.totalParameterCount()))},
    }));
    // One row per top-level unit: a stage (group without parent) or a top-level layer with parameters.
    struct Row {
        int64_t total = 0;
        int64_t trainable = 0;
        double lr = 1.0;
        bool lrMixed = false;
        bool seen = false;
    };
    std::vector<std::string> order;
    std::map<std::string, Row> rows;
    for (const Node& node : r.spec.nodes) {
        if (!hasParameters(node.kind))
            continue;
        std::string unit = node.id;
        for (const Group* g = r.spec.findGroup(node.group); g; g = r.spec.findGroup(g->parent))
            unit = g->id;
        Row& row = rows[unit];
        if (!row.seen)
            order.push_back(unit);
        const int64_t n = parameterCount(node);
        const double lr = plan.lrMultiplier(node.id);
        if (row.seen && lr != row.lr)
            row.lrMixed = true;
        row.lr = row.seen ? row.lr : lr;
        row.seen = true;
        row.total += n;
        if (!plan.isFrozen(node.id))
            row.trainable += n;
    }
    ReportTable table;
    table.header = QStringList{tr("Part"), tr("Parameters"), tr("Trainable"), tr("State"), tr("LR factor")};
    table.numeric = {false, true, true, false, true};
    for (const std::string& unit : order) {
        const Row& row = rows[unit];
        const QString state = row.trainable == 0 ? tr("frozen") : row.trainable == row.total ? tr("trainable") : tr("partly frozen");
        table.rows << QStringList{QString::fromStdString(unit), count(row.total), count(row.trainable), state,
                                  row.lrMixed ? tr("mixed") : QString::number(row.lr)};
        const FreezeState colourOf = row.trainable == 0          ? FreezeState::Frozen
                                   : row.trainable == row.total ? FreezeState::Trainable
                                                                : FreezeState::Mixed;
        const QColor colour = diagram_style::fillColor(colourOf);
        table.background << QList<QColor>{QColor(), QColor(), QColor(), colour, QColor()};
    }
    section.blocks << ReportBlock::ofTable(table);
    QStringList schedule;
    for (const UnfreezeStep& step : config.unfreezeSchedule) {
        QStringList ids;
        for (const std::string& id : step.ids)
            ids << QString::fromStdString(id);
        schedule << tr("from epoch %1: %2 train").arg(step.epoch).arg(ids.join(QStringLiteral(", ")));
    }
    if (!schedule.isEmpty()) {
        section.blocks << ReportBlock::paragraph(tr("Gradual unfreezing (the table shows the start):"));
        section.blocks << ReportBlock::list(schedule);
    }
    return section;
}

}  // namespace tl::report
