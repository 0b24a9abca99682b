#pragma once

#include "weights/mapped_file.h"
#include "weights/state_dict.h"

#include <map>
#include <memory>
#include <string>

namespace tl {

/// Reads a .safetensors file with the reference implementation's limits: header at most
/// 100 MB, offsets contiguous from 0 to the end of the file, shape x dtype = byte count, no
/// duplicate names, known dtypes only. Tensors view the mapped file without a copy when
/// their data is aligned.
WeightFile readSafetensors(const std::shared_ptr<const MappedFile>& file, bool layoutOnly);

/// Writes tensors (any device, any layout) as .safetensors with {"format": "pt"} metadata.
void writeSafetensors(const std::string& path, const StateDict& tensors,
                      const std::map<std::string, std::string>& metadata = {{"format", "pt"}});

}  // namespace tl
