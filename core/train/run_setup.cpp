#include "train/run_setup.h"

#include "common/errors.h"
#include "data/data_loader.h"
#include "weights/weight_matching.h"

#include <torch/torch.h>

#include <algorithm>
#include <thread>

namespace tl {

int applyThreadSetting(int configured)
{
    const int threads = configured > 0 ? configured : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    return threads;
}

BatchStream streamOf(DataLoader& loader)
{
    BatchStream s;
    s.batchesPerEpoch = loader.batchesPerEpoch();
    s.startEpoch = [&loader](int64_t epoch) { loader.startEpoch(epoch); };
    s.next = [&loader]() -> std::optional<TrainBatch> {
        std::optional<Batch> b = loader.next();
        if (!b)
            return std::nullopt;
        return TrainBatch{b->images, b->targets, b->indices};
    };
    return s;
}

std::filesystem::path startingWeightsFile(const std::string& setting)
{
    const std::filesystem::path p(setting);
    if (std::filesystem::is_directory(p)) {
        const std::filesystem::path trained = p / "model.pth";
        if (std::filesystem::exists(trained))
            return trained;
        throw Error(setting + ": this run folder has no trained weights (model.pth) yet");
    }
    return p;
}

void requireBackboneLoaded(const LoadReport& report, const std::filesystem::path& file, const std::string& arch)
{
    if (!report.backboneLoads())
        throw Error(file.string() + ": does not fit " + arch + " (" + std::to_string(report.missing.size()) + " missing, "
                    + std::to_string(report.mismatched.size()) + " mismatched tensors)");
}

std::string describeLoad(const LoadReport& report, const std::filesystem::path& file, int64_t classes)
{
    return "weights " + file.string() + ": " + std::to_string(report.matched.size()) + " tensors loaded"
         + (report.headReinitialised ? ", new " + std::to_string(classes) + "-class head" : "");
}

}  // namespace tl
