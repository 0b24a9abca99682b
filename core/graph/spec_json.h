#pragma once

#include "graph/arch_spec.h"
#include "graph/shape_inference.h"

#include <nlohmann/json_fwd.hpp>

#include <set>
#include <string>

namespace tl {

/// The machine-readable description that `transferlab inspect --json` prints: input shape,
/// parameter totals, nodes with group, inputs, output shape and parameter count, typed edges,
/// parameters (with trainable flags) and buffers.
nlohmann::json describeSpec(const ArchSpec& spec, int64_t height, int64_t width,
                            const std::set<std::string>& frozenParameters = {});

/// One line per node in the style of a model summary, followed by totals.
std::string summaryTable(const ArchSpec& spec, int64_t height, int64_t width);

}  // namespace tl
