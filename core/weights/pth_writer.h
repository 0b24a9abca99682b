#pragma once

#include "weights/state_dict.h"

#include <string>

namespace tl {

/// Writes tensors as `torch.save(model.state_dict(), path)` does: a zip archive (LibTorch's
/// PyTorchStreamWriter, 64-byte aligned records) with a protocol-2 pickle of an OrderedDict of
/// `_rebuild_tensor_v2` calls, so `torch.load(path, weights_only=True)` reads it in Python.
/// Tensors sharing a storage keep sharing it. Atomic: a temporary file renamed over `path`.
void writePth(const std::string& path, const StateDict& tensors);

}  // namespace tl
