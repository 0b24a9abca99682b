#include "segmentation_summary.h"

#include "prediction_overlay.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTableWidget>

#include <cmath>

namespace tl {

namespace {

QJsonObject readObject(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QVector<double> numbers(const QJsonValue& value)
{
    QVector<double> out;
    for (const QJsonValue& v : value.toArray())
        out.append(v.isDouble() ? v.toDouble() : std::nan(""));
    return out;
}

QTableWidgetItem* scoreItem(double value)
{
    if (std::isnan(value) || value < 0)
        return new QTableWidgetItem(QStringLiteral("–"));  // the class was in neither mask
    auto* item = new QTableWidgetItem(QString::number(value, 'f', 3));
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

bool isSegmentationRun(const QString& runDir)
{
    const QDir dir(runDir);
    for (const QString& file : {QStringLiteral("summary.json"), QStringLiteral("experiment.json")}) {
        const QJsonValue task = readObject(dir.filePath(file)).value(QStringLiteral("task"));
        if (task.isString())
            return task.toString() == QLatin1String("segmentation");
    }
    return false;
}

bool readSegmentationSummary(const QString& runDir, const QString& dataRoot, SegmentationSummary& s, QString* error)
{
    s = {};
    const QString file = QDir(runDir).filePath(QStringLiteral("summary.json"));
    const QJsonObject summary = readObject(file);
    const int count = summary.value(QStringLiteral("classes")).toInt(0);
    if (summary.isEmpty() || count < 1) {
        if (error)
            *error = QCoreApplication::translate("tl::SegmentationSummary",
                                                "%1 has no class count: the run has not finished an epoch.")
                         .arg(QDir::toNativeSeparators(file));
        return false;
    }
    // The same names as the engine gives the predict box (RunPredictor reads classes.txt alike).
    QFile names(QDir(dataRoot).filePath(QStringLiteral("classes.txt")));
    if (!dataRoot.isEmpty() && names.open(QIODevice::ReadOnly | QIODevice::Text)) {
        for (const QByteArray& line : names.readAll().split('\n')) {
            const QString name = QString::fromUtf8(line).trimmed();
            if (!name.isEmpty())
                s.classes << name;
        }
    }
    if (s.classes.size() != count) {
        s.classes.clear();
        for (int i = 0; i < count; ++i)
            s.classes << QStringLiteral("class %1").arg(i);
    }
    s.epochs = summary.value(QStringLiteral("epochs_done")).toInt(0);
    const QJsonObject val = summary.value(QStringLiteral("final_val")).toObject();
    if (!val.isEmpty()) {
        s.pixelAccuracy = val.value(QStringLiteral("pixel_accuracy")).toDouble(-1.0);
        s.meanIou = val.value(QStringLiteral("miou")).toDouble(-1.0);
        s.meanDice = val.value(QStringLiteral("dice")).toDouble(-1.0);
        s.iou = numbers(val.value(QStringLiteral("iou")));
        s.dice = numbers(val.value(QStringLiteral("dice_per_class")));
    }
    return true;
}

}  // namespace tl

namespace tl {

void fillSegmentationTable(QTableWidget* table, const SegmentationSummary& s)
{
    table->setColumnCount(3);
    table->setHorizontalHeaderLabels({QCoreApplication::translate("tl::SegmentationSummary", "Class"),
                                      QCoreApplication::translate("tl::SegmentationSummary", "IoU"),
                                      QCoreApplication::translate("tl::SegmentationSummary", "Dice")});
    table->setRowCount(int(s.classes.size()) + 1);
    for (int row = 0; row < s.classes.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(classSwatch(overlay::classColor(row)), s.classes[row]));
        table->setItem(row, 1, scoreItem(s.iou.value(row, std::nan(""))));
        table->setItem(row, 2, scoreItem(s.dice.value(row, std::nan(""))));
    }
    const int last = int(s.classes.size());
    auto* mean = new QTableWidgetItem(
        QCoreApplication::translate("tl::SegmentationSummary", "Mean (epoch %1)").arg(s.epochs));
    QFont bold = mean->font();
    bold.setBold(true);
    mean->setFont(bold);
    table->setItem(last, 0, mean);
    table->setItem(last, 1, scoreItem(s.meanIou));
    table->setItem(last, 2, scoreItem(s.meanDice));
}

}  // namespace tl
