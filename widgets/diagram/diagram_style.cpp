#include "diagram/diagram_style.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QtMath>

namespace tl::diagram_style {

QColor kindColor(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Conv:
    case NodeKind::ConvTranspose: return QColor(0x3b, 0x6e, 0xa5);
    case NodeKind::Linear: return QColor(0x4a, 0x55, 0xa8);
    case NodeKind::BatchNorm: return QColor(0x2f, 0x7f, 0x6e);
    case NodeKind::ReLU:
    case NodeKind::ReLU6:
    case NodeKind::Tanh: return QColor(0xa4, 0x4a, 0x3f);
    case NodeKind::MaxPool:
    case NodeKind::AvgPool:
    case NodeKind::AdaptiveAvgPool: return QColor(0x4e, 0x8a, 0x3e);
    case NodeKind::Flatten:
    case NodeKind::Dropout: return QColor(0x7a, 0x6a, 0x8f);
    case NodeKind::Concat:
    case NodeKind::Add: return QColor(0x8a, 0x60, 0x3c);
    case NodeKind::Input:
    case NodeKind::InputTransform: return QColor(0x4f, 0x5b, 0x66);
    }
    return Qt::darkGray;
}

QColor groupColor(GroupKind kind)
{
    switch (kind) {
    case GroupKind::Stage: return QColor(0x34, 0x49, 0x5e);
    case GroupKind::Block: return QColor(0x3b, 0x6e, 0xa5);
    case GroupKind::Branch: return QColor(0x6a, 0x5a, 0xa8);
    case GroupKind::Head: return QColor(0x4e, 0x8a, 0x3e);
    }
    return Qt::darkGray;
}

QColor fillColor(FreezeState state)
{
    switch (state) {
    case FreezeState::NoParameters: return QColor(0xfb, 0xfb, 0xfc);
    case FreezeState::Trainable: return QColor(0xff, 0xe9, 0xc7);
    case FreezeState::Frozen: return QColor(0xd3, 0xde, 0xea);
    case FreezeState::Mixed: return QColor(0xec, 0xe4, 0xdc);
    }
    return Qt::white;
}

QColor borderColor(FreezeState state)
{
    switch (state) {
    case FreezeState::NoParameters: return QColor(0xb4, 0xbb, 0xc4);
    case FreezeState::Trainable: return QColor(0xe0, 0x8a, 0x2e);
    case FreezeState::Frozen: return QColor(0x5d, 0x74, 0x8b);
    case FreezeState::Mixed: return QColor(0x9a, 0x84, 0x6e);
    }
    return Qt::gray;
}

QColor heatColor(double t)
{
    // ColorBrewer's YlOrRd ramp: readable on screen and in print, and ordered for the eye.
    static const QColor stops[] = {QColor(0xff, 0xff, 0xcc), QColor(0xfe, 0xd9, 0x76), QColor(0xfd, 0x8d, 0x3c),
                                   QColor(0xe3, 0x1a, 0x1c), QColor(0x80, 0x00, 0x26)};
    constexpr int last = int(sizeof(stops) / sizeof(stops[0])) - 1;
    t = qBound(0.0, qIsFinite(t) ? t : 0.0, 1.0) * last;
    const int i = qMin(int(t), last - 1);
    const double f = t - i;
    const QColor& a = stops[i];
    const QColor& b = stops[i + 1];
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * f, a.greenF() + (b.greenF() - a.greenF()) * f,
                            a.blueF() + (b.blueF() - a.blueF()) * f);
}

QPen edgePen(EdgeKind kind)
{
    QPen pen(QColor(0x7c, 0x84, 0x8e), 1.3);
    switch (kind) {
    case EdgeKind::Sequential: break;
    case EdgeKind::ResidualIdentity: pen = QPen(QColor(0x14, 0x9a, 0x86), 2.2); break;
    case EdgeKind::ResidualProjection: pen = QPen(QColor(0xd9, 0x62, 0x10), 2.2); break;
    case EdgeKind::InceptionBranch: pen = QPen(QColor(0x6a, 0x5a, 0xa8), 1.5); break;
    case EdgeKind::DenseConcat:
        pen = QPen(QColor(0xb0, 0x3a, 0x8c), 1.8);
        pen.setStyle(Qt::DashLine);
        break;
    case EdgeKind::UNetSkip:
        pen = QPen(QColor(0x2e, 0x8b, 0x57), 2.4);
        pen.setStyle(Qt::DashLine);
        break;
    case EdgeKind::AuxiliaryHead:
        pen = QPen(QColor(0x8a, 0x93, 0x9e), 1.5);
        pen.setStyle(Qt::DotLine);
        break;
    }
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

QColor clusterFill(GroupKind kind, int depth)
{
    switch (kind) {
    case GroupKind::Stage: return QColor(0xf2, 0xf4, 0xf7);
    case GroupKind::Block: return depth % 2 ? QColor(0xfa, 0xfb, 0xfc) : QColor(0xf2, 0xf4, 0xf7);
    case GroupKind::Branch: return QColor(0xf5, 0xf2, 0xfa);
    case GroupKind::Head: return QColor(0xf1, 0xf7, 0xef);
    }
    return Qt::white;
}

QColor clusterBorder(GroupKind kind)
{
    switch (kind) {
    case GroupKind::Stage: return QColor(0xbf, 0xc8, 0xd3);
    case GroupKind::Block: return QColor(0xd0, 0xd7, 0xe0);
    case GroupKind::Branch: return QColor(0xd6, 0xcc, 0xe8);
    case GroupKind::Head: return QColor(0xc6, 0xdc, 0xc0);
    }
    return Qt::gray;
}

QFont titleFont()
{
    QFont f;
    f.setPointSizeF(8.5);
    f.setBold(true);
    return f;
}

QFont bodyFont()
{
    QFont f;
    f.setPointSizeF(7.5);
    return f;
}

QFont clusterFont()
{
    QFont f;
    f.setPointSizeF(8);
    f.setBold(true);
    return f;
}

QStringList bodyLines(const DiagramNode& node)
{
    QStringList lines;
    const QString params = node.params > 0 ? QCoreApplication::translate("tl::DiagramStyle", "%1 params").arg(paramsText(node.params)) : QString();
    if (node.isGroup) {
        lines << node.shape;
        QString summary = QCoreApplication::translate("tl::DiagramStyle", "%1 layers").arg(node.members.size());
        if (!params.isEmpty())
            summary += QStringLiteral(" · ") + params;
        lines << summary;
    } else {
        QString line = node.shape;
        if (!params.isEmpty())
            line += (line.isEmpty() ? QString() : QStringLiteral("  ·  ")) + params;
        lines << line;
    }
    lines.removeAll(QString());
    return lines;
}

QSizeF nodeSize(const DiagramNode& node)
{
    const QFontMetricsF title(titleFont());
    const QFontMetricsF body(bodyFont());
    // Room on both sides of the centred title for the padlock or the "+" badge.
    double width = title.horizontalAdvance(node.title) + 2 * 16;
    const QStringList lines = bodyLines(node);
    for (const QString& line : lines)
        width = qMax(width, body.horizontalAdvance(line));
    const double height = title.height() + 2 * 3.0 + lines.size() * body.height() + padding;
    return QSizeF(qCeil(qMax(96.0, width + 2 * padding)), qCeil(height));
}

}  // namespace tl::diagram_style
