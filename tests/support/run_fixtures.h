#pragma once

// Hand-written run folders for the results and runs tabs: the files a training run leaves
// (experiment.json, summary.json, epochs.csv, confusion.json, val_predictions.csv), small
// enough to read in the test.

#include <QByteArray>
#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QString>

namespace tl::test {

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

inline bool writeSolidImage(const QString& path, QColor color, QSize size = QSize(48, 32))
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    return image.save(path);
}

inline QByteArray experimentJson(const QString& arch, const QString& dataRoot)
{
    return QStringLiteral(R"({"format": "transferlab-experiment/1", "name": "fixture",
        "model": {"arch": "%1"}, "data": {"train": "%2"}, "train": {"epochs": 3}})")
        .arg(arch, dataRoot)
        .toUtf8();
}

inline QByteArray summaryJson(const QString& outcome, double bestTop1, int epochs)
{
    return QStringLiteral(R"({"outcome": "%1", "message": "", "epochs_done": %3, "best_epoch": 2,
        "best_val_top1": %2, "classes": ["cat", "dog"]})")
        .arg(outcome)
        .arg(bestTop1)
        .arg(epochs)
        .toUtf8();
}

/// epochs.csv with a rising validation top-1 and a falling training loss.
inline QByteArray epochsCsv(int epochs, double top1Start)
{
    QByteArray csv = "epoch,train_loss,train_accuracy,val_loss,val_top1,val_top5,seconds,images_per_second\n";
    for (int e = 1; e <= epochs; ++e)
        csv += QStringLiteral("%1,%2,0.5,0.9,%3,1,2.5,100\n").arg(e).arg(2.0 / e).arg(top1Start + 0.1 * e).toUtf8();
    return csv;
}

}  // namespace tl::test
