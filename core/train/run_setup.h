#pragma once

#include "train/trainer.h"

#include <filesystem>
#include <string>

namespace tl {

class DataLoader;
struct LoadReport;

/// Sets LibTorch's intra-op thread count from a `train.threads` setting (0: every core) and
/// returns it; LibTorch itself would use one thread on some machines.
int applyThreadSetting(int configured);

/// The loader's batches as the trainer's stream; the loader must outlive it.
BatchStream streamOf(DataLoader& loader);

/// The weight file a `model.weights` setting names: the file itself, or a run folder's trained
/// model. Throws Error when the run folder has no trained weights yet.
std::filesystem::path startingWeightsFile(const std::string& setting);

/// Throws Error naming `file` when its tensors left the backbone of `arch` unloaded.
void requireBackboneLoaded(const LoadReport& report, const std::filesystem::path& file, const std::string& arch);

/// "weights FILE: N tensors loaded[, new C-class head]", for a run's log.
std::string describeLoad(const LoadReport& report, const std::filesystem::path& file, int64_t classes);

}  // namespace tl
