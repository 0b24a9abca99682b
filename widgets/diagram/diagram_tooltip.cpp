#include "diagram/diagram_tooltip.h"

#include <QLocale>

namespace tl {

namespace {

QString row(const QString& name, const QString& value)
{
    return QStringLiteral("<tr><td style='color:#6b7580;padding-right:10px'>%1</td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

QString optionsText(const Node& n)
{
    const NodeOptions& o = n.opt;
    switch (n.kind) {
    case NodeKind::Conv:
    case NodeKind::ConvTranspose:
        return QStringLiteral("%1 → %2 channels, kernel %3, stride %4, padding %5%6%7")
            .arg(o.inChannels).arg(o.outChannels).arg(o.kernel).arg(o.stride).arg(o.padding)
            .arg(o.groups > 1 ? QStringLiteral(", groups %1").arg(o.groups) : QString())
            .arg(o.bias ? QString() : QStringLiteral(", no bias"));
    case NodeKind::MaxPool:
    case NodeKind::AvgPool:
        return QStringLiteral("kernel %1, stride %2, padding %3%4").arg(o.kernel).arg(o.stride).arg(o.padding)
            .arg(o.ceilMode ? QStringLiteral(", ceil mode") : QString());
    case NodeKind::AdaptiveAvgPool: return QStringLiteral("to %1×%2").arg(o.outH).arg(o.outW);
    case NodeKind::Linear: return QStringLiteral("%1 → %2 features").arg(o.inFeatures).arg(o.outFeatures);
    case NodeKind::BatchNorm: return QStringLiteral("%1 channels, eps %2, momentum %3").arg(o.outChannels).arg(o.eps).arg(o.momentum);
    case NodeKind::Dropout: return QStringLiteral("p = %1").arg(o.dropout);
    default: return QString();
    }
}

QString stateText(FreezeState state)
{
    switch (state) {
    case FreezeState::NoParameters: return QObject::tr("no parameters");
    case FreezeState::Trainable: return QObject::tr("trainable");
    case FreezeState::Frozen: return QObject::tr("frozen");
    case FreezeState::Mixed: return QObject::tr("partly frozen");
    }
    return QString();
}

}  // namespace

QString diagramTooltip(const ArchSpec& spec, const DiagramNode& node, FreezeState state)
{
    const QLocale locale;
    QString rows;
    QString heading = node.title;
    if (node.isGroup) {
        rows += row(QObject::tr("Group"), node.id);
        rows += row(QObject::tr("Kind"), QString::fromLatin1(toString(node.groupKind)));
        rows += row(QObject::tr("Layers"), QString::number(node.members.size()));
    } else if (const Node* n = spec.find(node.id.toStdString())) {
        rows += row(QObject::tr("Layer"), node.id);
        rows += row(QObject::tr("Kind"), QString::fromLatin1(toString(n->kind)));
        const QString options = optionsText(*n);
        if (!options.isEmpty())
            rows += row(QObject::tr("Options"), options);
        if (n->inputs.size() > 1) {
            QStringList inputs;
            for (const std::string& in : n->inputs)
                inputs << QString::fromStdString(in);
            rows += row(QObject::tr("Inputs"), inputs.join(QStringLiteral(", ")));
        }
    }
    if (!node.shape.isEmpty())
        rows += row(QObject::tr("Output"), node.shape);
    rows += row(QObject::tr("Parameters"), locale.toString(node.params));
    rows += row(QObject::tr("Training"), stateText(state));
    if (node.auxiliary)
        rows += row(QObject::tr("Used"), QObject::tr("only while training (auxiliary)"));
    return QStringLiteral("<b>%1</b><table>%2</table>").arg(heading.toHtmlEscaped(), rows);
}

}  // namespace tl
