#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

// Readers for the files of a run folder, in Qt alone: the results and runs tabs show runs
// without the engine. Each reader says what is wrong with a file instead of throwing.

namespace tl {

/// Precision, recall and F1 of one class as confusion.json stores them.
struct ClassMetrics {
    QString name;
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0;
    qint64 support = 0;
};

/// The confusion matrix of one validation pass: rows are the true class, columns the prediction.
struct ConfusionSnapshot {
    bool valid = false;
    int epoch = 0;
    QVector<QVector<qint64>> matrix;
    QVector<ClassMetrics> perClass;
    double macroF1 = 0.0;
};

/// confusion.json: the class names, the last epoch's matrix and the best epoch's.
struct ConfusionReport {
    QStringList classes;
    ConfusionSnapshot last;
    ConfusionSnapshot best;
};

/// One row of val_predictions.csv.
struct ValPrediction {
    int index = 0;
    QString path;
    int target = -1;
    int predicted = -1;
    double probability = 0.0;
    double loss = 0.0;
};

/// A CSV file with a header line, fields quoted as RFC 4180 quotes them.
struct CsvTable {
    QStringList header;
    QVector<QStringList> rows;

    int column(const QString& name) const { return int(header.indexOf(name)); }
    /// The column's values as numbers; NaN where a cell is empty or no number.
    QVector<double> numbers(const QString& name) const;
};

/// What the runs tab lists about one run folder, and what is missing from it.
struct RunInfo {
    QString path;
    QString name;
    QString date;  // "2024-05-01 14:03"
    QString arch;
    QString outcome;  // summary.json's outcome, or "running?" when there is no summary yet
    QString message;
    bool segmentation = false;     // summary.json's task
    /// What chose the best epoch: "val_top1", "val_miou", "train_loss" (no validation data), or
    /// empty when the summary is missing. Runs from before summary.json named it count as
    /// validated only when their epochs.csv holds validation values.
    QString bestBy;
    double bestValTop1 = -1.0;     // fraction; negative when not measured (classification)
    double bestValMeanIou = -1.0;  // fraction; negative when not measured (segmentation)
    double bestTrainLoss = -1.0;   // the best epoch's training loss; negative when unknown
    int classCount = -1;           // negative when unknown
    int epochs = -1;
    QString experimentFile;  // empty when the run has no experiment.json
    QString dataRoot;        // the experiment's data.train
    QStringList classes;   // names, where the summary lists them (classification)
    QStringList missing;   // expected files that are not there
    QStringList problems;  // files that are there but unreadable, with the reason

    bool validated() const { return bestBy.startsWith(QLatin1String("val_")); }
};

bool readCsv(const QString& file, CsvTable& table, QString* error = nullptr);
bool readConfusionReport(const QString& file, ConfusionReport& report, QString* error = nullptr);
/// Rows whose target or predicted class is an index or a class name; malformed rows are errors.
bool readValPredictions(const QString& file, const QStringList& classes, QVector<ValPrediction>& rows,
                        QString* error = nullptr);
RunInfo readRunInfo(const QString& runDir);
/// Whether an epochs.csv column named val_* holds at least one number.
bool hasValidationValues(const CsvTable& epochs);

}  // namespace tl
