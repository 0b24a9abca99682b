#pragma once

#include <QString>

namespace tl::report {

/// Which weights of a run to export.
enum class ExportedWeights { Final, Best, Last };

/// Writes a run's trained model as a state_dict with torchvision's names: `.pth` that
/// `torch.load(f, weights_only=True)` reads straight into the torchvision model, or
/// `.safetensors`. Final is model.pth; Best and Last take the model out of the run's
/// checkpoints. Atomic. Throws tl::Error naming the file and the reason.
/// Returns the number of tensors written.
int exportModel(const QString& runDir, ExportedWeights which, bool safetensors, const QString& out);

}  // namespace tl::report
