#pragma once

#include "diagram/diagram_style.h"

#include <QString>

namespace tl {

/// Rich-text details shown on hover over a box: id, kind, options, output, parameters, state.
QString diagramTooltip(const ArchSpec& spec, const DiagramNode& node, FreezeState state);

}  // namespace tl
