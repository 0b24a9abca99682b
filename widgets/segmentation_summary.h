#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

class QTableWidget;

namespace tl {

/// What the results tab shows of a segmentation run: summary.json's last validation scores and
/// the class names (the dataset's classes.txt when it has one line per class, else numbered).
struct SegmentationSummary {
    QStringList classes;
    QVector<double> iou;   // per class; NaN where a class was absent from prediction and truth
    QVector<double> dice;
    double pixelAccuracy = -1.0;  // negative when the run has no validation scores
    double meanIou = -1.0;
    double meanDice = -1.0;
    int epochs = 0;
};

/// True when the run folder's summary.json or experiment.json says "task": "segmentation".
bool isSegmentationRun(const QString& runDir);
bool readSegmentationSummary(const QString& runDir, const QString& dataRoot, SegmentationSummary& summary,
                             QString* error = nullptr);
/// Class, IoU and Dice per class with a class-colour swatch, and the means in a last bold row.
void fillSegmentationTable(QTableWidget* table, const SegmentationSummary& summary);

}  // namespace tl
