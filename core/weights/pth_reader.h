#pragma once

#include "weights/mapped_file.h"
#include "weights/pickle_value.h"
#include "weights/state_dict.h"

#include <string>

namespace tl {

/// `torch.save` files in the zip format (PyTorch 1.6 and later).
WeightFile readZipPth(const std::shared_ptr<const MappedFile>& file, TensorData data);

/// `torch.save` files in the legacy stream format (magic number, then pickles, then raw
/// storages), as torchvision's 2017 files and `_use_new_zipfile_serialization=False` write.
WeightFile readLegacyPth(const std::shared_ptr<const MappedFile>& file, bool layoutOnly);

/// The state_dict inside an unpickled file: the top dict itself, or the one under a key such
/// as "state_dict" or "model". Throws WeightsError when there is none.
/// `onTensor` may complete each entry from the tensor object it came from.
StateDict stateDictFromPickle(const pickle::Object& root, const std::string& file, std::string& nestedKey,
                              const std::function<void(NamedTensor&, const pickle::Object&)>& onTensor = {});

/// Reverses the bytes of every element, for storages written on a big-endian machine.
void swapByteOrder(void* data, size_t bytes, size_t elementSize);

}  // namespace tl
