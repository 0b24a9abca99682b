#pragma once

#include "report/csv_table.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace tl::report {

/// A file the run folder lacks or that could not be read, and why.
struct MissingFile {
    QString name;    // e.g. "epochs.csv"
    QString reason;  // e.g. "missing" or "not valid JSON: ..."
    QString effect;  // what the report cannot show because of it
};

struct SkippedImage {
    QString path;
    QString reason;
};

/// Everything a report shows about one run folder, read without LibTorch. Loading never fails:
/// what cannot be read is listed in `missing`, so a run cut off mid-way still gets a report.
struct RunData {
    QString dir;
    QString name;  // the experiment's name, or the folder's when experiment.json is unreadable
    QJsonObject experiment;
    QJsonObject split;
    QJsonObject summary;
    QJsonObject confusion;
    CsvTable metrics;
    CsvTable epochs;
    CsvTable predictions;
    QStringList log;
    QList<SkippedImage> skipped;
    QList<MissingFile> missing;
    QStringList weightFiles;  // model.pth, checkpoint_best.pt, ... that exist
    std::shared_ptr<RunData> pretrain;

    bool hasFile(const QString& fileName) const;
    QString filePath(const QString& fileName) const;
    /// Class names from summary.json, else split.json, else confusion.json.
    QStringList classes() const;
    QString arch() const;
    /// True when summary.json says the run ended (finished or stopped early) with every epoch done.
    bool finished() const;
    int plannedEpochs() const;

    bool segmentation() const;
    /// What chose the best epoch: summary.json's best_by ("val_top1", "val_miou", "train_loss").
    /// Runs written before it was recorded count as validated only when epochs.csv holds
    /// validation values; empty when neither file tells.
    QString bestBy() const;
    /// Whether the run's epochs were scored on validation data.
    bool validated() const { return bestBy().startsWith(QLatin1String("val_")); }
    /// Known to have had no validation data (false when neither summary.json nor epochs.csv tells).
    bool withoutValidation() const { return bestBy() == QLatin1String("train_loss"); }
    /// The epochs.csv column that scores the run on validation: val_miou or val_top1.
    QString scoreColumn() const;
    /// The best epoch's validation score (a fraction), NaN when not measured.
    double bestValScore() const;
};

/// Reads a run folder; `dir` must exist (the caller says so otherwise).
RunData loadRun(const QString& dir);

/// The value at a dotted path of a JSON object ("optim.lr"), or an undefined value.
QJsonValue jsonAt(const QJsonObject& object, const QString& dottedPath);

}  // namespace tl::report
