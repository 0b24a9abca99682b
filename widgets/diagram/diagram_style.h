#pragma once

#include "diagram/diagram_graph.h"

#include <QColor>
#include <QFont>
#include <QPen>
#include <QSizeF>
#include <QStringList>

namespace tl {

/// Whether a box's layers learn: boxes without parameters have nothing to freeze.
enum class FreezeState { NoParameters, Trainable, Frozen, Mixed };

/// Colours, fonts and box metrics of the architecture diagram, in one place so the view,
/// the exported images and the tests agree.
namespace diagram_style {

QColor kindColor(NodeKind kind);
QColor groupColor(GroupKind kind);
QColor fillColor(FreezeState state);
QColor borderColor(FreezeState state);
/// Colour of a value scaled to [0, 1] on a pale-yellow-to-dark-red ramp.
QColor heatColor(double t);

QPen edgePen(EdgeKind kind);
QColor clusterFill(GroupKind kind, int depth);
QColor clusterBorder(GroupKind kind);

QFont titleFont();
QFont bodyFont();
QFont clusterFont();

/// Lines under a box's title: output shape, then parameters (and layer count for a group).
QStringList bodyLines(const DiagramNode& node);
QSizeF nodeSize(const DiagramNode& node);

constexpr double padding = 7.0;
constexpr double cornerRadius = 5.0;

}  // namespace diagram_style

}  // namespace tl
