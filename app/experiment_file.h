#pragma once

#include "train/experiment.h"

#include <QString>
#include <QStringList>

namespace tl {

/// Reads an experiment file; on failure returns false and sets `error` to a message naming the
/// file and the reason (cannot be opened, not JSON, which entry is wrong).
bool readExperimentFile(const QString& path, Experiment& experiment, QString* error);
/// Writes atomically (QSaveFile): a failed write leaves the previous file as it was.
bool writeExperimentFile(const QString& path, const Experiment& experiment, QString* error);
/// Data and weight paths relative to the experiment file's folder, made absolute, as the
/// command line resolves them.
Experiment withAbsolutePaths(Experiment experiment, const QString& experimentPath);

/// The most recently opened or saved experiment files (QSettings), newest first.
class RecentFiles {
public:
    static constexpr int kMaximum = 8;
    static QStringList list();
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();
};

/// Writes the built-in demo images under `folder` and a demo experiment that trains a small
/// network on them in a minute or two; returns the experiment file. Throws tl::Error on failure.
QString createDemoExperiment(const QString& folder);

}  // namespace tl
