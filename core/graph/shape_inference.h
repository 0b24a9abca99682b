#pragma once

#include "graph/arch_spec.h"

#include <cstdint>
#include <vector>

namespace tl {

using Shape = std::vector<int64_t>;

/// Output shape of every node (same order as spec.nodes) for an input of N x C x H x W, where C
/// is the spec's input channel count. Throws ShapeError naming the first node that cannot work,
/// e.g. when the input is too small for the network's pooling.
std::vector<Shape> inferShapes(const ArchSpec& spec, int64_t height, int64_t width, int64_t batch = 1);

std::string shapeToString(const Shape& shape);

}  // namespace tl
