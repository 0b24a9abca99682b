// libFuzzer target for the safetensors reader: header JSON, offsets, dtypes and the zero-copy
// views into the mapped file. Any input must give tensors or a WeightsError.
#include "common/errors.h"
#include "fuzz_input_file.h"
#include "weights/mapped_file.h"
#include "weights/safetensors.h"

#include <torch/torch.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    tl::fuzz::InputFile input(data, size);
    try {
        const auto file = tl::MappedFile::open(input.path());
        const tl::WeightFile weights = tl::readSafetensors(file, false);
        for (const tl::NamedTensor& t : weights.tensors)
            if (t.tensor.defined())
                (void)t.tensor.sum().item<double>();  // touch every byte the view reaches
    } catch (const tl::WeightsError&) {
    }
    return 0;
}
