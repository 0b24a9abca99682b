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
    // Read whole, then with every tensor fetched on demand, as model loading does.
    for (const tl::TensorData mode : {tl::TensorData::Read, tl::TensorData::OnDemand}) {
        try {
            const auto file = tl::MappedFile::open(input.path());
            const tl::WeightFile weights = tl::readZipPth(file, mode);
            for (const tl::NamedTensor& t : weights.tensors) {
                const torch::Tensor data = t.tensor.defined() ? t.tensor : t.fetch ? t.fetch() : torch::Tensor();
                if (data.defined())
                    (void)data.sum().item<double>();  // touch every element the view reaches
            }
        } catch (const tl::WeightsError&) {
        }
    }
    return 0;
}
