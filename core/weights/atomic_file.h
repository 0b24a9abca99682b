#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace tl {

/// Receives the bytes of a file being written, in order.
using ByteSink = std::function<void(const void* data, size_t size)>;

/// Writes `path` through `produce` into a temporary file in the same folder, flushes it and
/// renames it over `path`, so a crash leaves either the old file or the new one. Throws
/// WeightsError naming the file; on any error the temporary file is removed.
void writeFileAtomically(const std::string& path, const std::function<void(const ByteSink&)>& produce);

}  // namespace tl
