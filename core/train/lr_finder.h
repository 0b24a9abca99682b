#pragma once

#include "train/experiment.h"
#include "train/trainer.h"

#include <vector>

namespace tl {

struct LrFinderOptions {
    double startLr = 1e-7;
    double endLr = 10.0;
    int steps = 100;
    double smoothing = 0.98;     // weight of the running average in the smoothed loss
    double divergeFactor = 4.0;  // stop once the smoothed loss exceeds this multiple of its best
};

/// One step of the sweep: the learning rate it trained with and the loss of its batch.
struct LrPoint {
    double lr = 0.0;
    double loss = 0.0;
    double smoothed = 0.0;  // bias-corrected exponential moving average of the loss
};

struct LrFinderResult {
    std::vector<LrPoint> points;
    double suggestedLr = 0.0;  // the steepest descent of the smoothed loss, else minLossLr
    double steepestLr = 0.0;   // 0 when the curve has no descent to measure
    double minLossLr = 0.0;    // a tenth of the learning rate at the lowest smoothed loss
    bool diverged = false;     // the sweep ended early because the loss exploded
};

/// The learning-rate range test (Smith, "Cyclical Learning Rates for Training Neural Networks",
/// 2015; as fastai's lr_find): trains on the stream with a learning rate growing exponentially
/// from startLr to endLr, one batch per step, and stops once the loss explodes. The model, its
/// BatchNorm statistics, the optimiser state and the random generator are restored afterwards,
/// so the trainer continues as if the test had never run.
class LrFinder {
public:
    static LrFinderResult run(Trainer& trainer, BatchStream& train, const LrFinderOptions& options,
                              TrainingControl* control = nullptr);
    /// Throws InvalidArgument for a range or step count the sweep cannot use.
    static void validate(const LrFinderOptions& options);
    /// The suggestion from a finished sweep's points (filled into `result`).
    static void suggest(LrFinderResult& result);
};

/// Runs the range test for an experiment's classification stage: its data, model, starting
/// weights, freeze plan and optimiser, on the training split with its augmentation.
LrFinderResult findLearningRate(const Experiment& experiment, const LrFinderOptions& options,
                                TrainingControl* control = nullptr);

}  // namespace tl
