#pragma once

#include "train/experiment_runner.h"

#include <functional>
#include <string>

namespace tl {

/// Runs an experiment whose task is segmentation in its run folder: image/mask pairs, a per-pixel
/// model, cross-entropy + soft Dice, pixel accuracy / IoU / Dice per epoch. The folder holds the
/// same files as a classification run; epochs.csv has the segmentation columns and the best
/// checkpoint is the one with the highest validation mIoU. Resumes when `resuming`.
RunSummary runSegmentation(const Experiment& experiment, const RunFolder& folder, bool resuming,
                           const std::function<void(const std::string&)>& log, TrainingObserver* observer,
                           TrainingControl* control);

}  // namespace tl
