#pragma once

#include "train/experiment.h"

#include <QString>
#include <QStringList>

namespace tl::cli {

/// The experiment of a command's --config FILE with its --set KEY=VALUE overrides applied, data
/// and weight paths made relative to the file's folder. Throws an Error naming the file and the
/// reason (cannot be opened, not JSON, which entry is wrong).
Experiment readExperimentArgument(const QString& config, const QStringList& assignments);

}  // namespace tl::cli
