// libFuzzer target for the zip .pth reader: LibTorch's zip container plus our unpickler and
// storage checks. Any input must give tensors or a WeightsError.
#include "common/errors.h"
#include "fuzz_input_file.h"
#include "weights/mapped_file.h"
#include "weights/pth_reader.h"

#include <torch/torch.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    tl::fuzz::InputFile input(data, size);
    try {
        const auto file = tl::MappedFile::open(input.path());
        const tl::WeightFile weights = tl::readZipPth(file, false);
        for (const tl::NamedTensor& t : weights.tensors)
            if (t.tensor.defined())
                (void)t.tensor.sum().item<double>();  // touch every element the view reaches
    } catch (const tl::WeightsError&) {
    }
    return 0;
}
