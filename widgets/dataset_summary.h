#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace tl {

/// How a dataset without train/ and val/ folders is divided (the experiment's data.val_fraction
/// and data.split_seed).
struct SplitSettings {
    double valFraction = 0.2;
    quint64 seed = 0;

    bool operator==(const SplitSettings& o) const { return valFraction == o.valFraction && seed == o.seed; }
    bool operator!=(const SplitSettings& o) const { return !(*this == o); }
};

/// One class of a scanned dataset: usable images, how they split, and their files for thumbnails.
struct DatasetClassInfo {
    QString name;
    qint64 count = 0;
    qint64 train = 0;
    qint64 val = 0;
    qint64 test = 0;
    QStringList paths;
};

/// A file the dataset leaves out, with the reason a user can act on.
struct DatasetSkippedFile {
    QString path;
    QString reason;
};

/// What the dataset panel shows of a scanned folder. Plain Qt data, so the scan can run in the
/// engine and the panel stays free of it.
struct DatasetSummary {
    QString root;
    QString kind;  // "classification" or "segmentation"
    /// The separate validation folder the val counts come from (the experiment's data.val);
    /// empty when the validation images come from the training folder itself.
    QString valFolder;
    bool presplit = false;  // the split is given by folders: train/ and val/, or valFolder
    SplitSettings split;
    QVector<DatasetClassInfo> classes;
    qint64 images = 0;
    QString sizes;  // "median 224×224 (min 32×32, max 640×480)"
    QStringList warnings;
    QVector<DatasetSkippedFile> skipped;
    QStringList errors;  // why the folder cannot train a classifier; empty when it can
    bool cancelled = false;
};

}  // namespace tl

Q_DECLARE_METATYPE(tl::SplitSettings)
Q_DECLARE_METATYPE(tl::DatasetSummary)
