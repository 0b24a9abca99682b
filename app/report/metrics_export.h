#pragma once

#include "report/run_data.h"

#include <QByteArray>

namespace tl::report {

/// A run's metrics as one JSON document ("transferlab-metrics/1"): the summary, every epoch
/// (all columns of epochs.csv, numbers or null), every iteration, and the per-class scores.
QByteArray metricsJson(const RunData& run);

/// The per-epoch metrics as CSV with a leading `run` column, so the files of several runs
/// concatenate into one table.
QByteArray metricsCsv(const RunData& run);

}  // namespace tl::report
