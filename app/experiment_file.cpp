#include "experiment_file.h"

#include "common/errors.h"
#include "data/demo_data.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>

#include <nlohmann/json.hpp>

#include <filesystem>

namespace tl {

namespace {

constexpr const char* kRecentKey = "recentFiles";
constexpr const char* kDemoFile = "demo-experiment.json";

}  // namespace

bool readExperimentFile(const QString& path, Experiment& experiment, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QObject::tr("%1: cannot be opened (%2)").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    const nlohmann::json document = nlohmann::json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    if (document.is_discarded()) {
        if (error)
            *error = QObject::tr("%1: not valid JSON").arg(path);
        return false;
    }
    try {
        experiment = parseExperiment(document, path.toStdString());
    } catch (const Error& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

bool writeExperimentFile(const QString& path, const Experiment& experiment, QString* error)
{
    QSaveFile file(path);
    const std::string text = toJson(experiment).dump(2) + "\n";
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size())
        || !file.commit()) {
        if (error)
            *error = QObject::tr("%1: cannot be written (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

Experiment withAbsolutePaths(Experiment e, const QString& experimentPath)
{
    if (experimentPath.isEmpty())
        return e;
    return withPathsRelativeTo(std::move(e), QFileInfo(experimentPath).absolutePath().toStdString());
}

QStringList RecentFiles::list()
{
    return QSettings().value(QLatin1String(kRecentKey)).toStringList();
}

void RecentFiles::add(const QString& path)
{
    QStringList files = list();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaximum)
        files.removeLast();
    QSettings().setValue(QLatin1String(kRecentKey), files);
}

void RecentFiles::remove(const QString& path)
{
    QStringList files = list();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(QLatin1String(kRecentKey), files);
}

void RecentFiles::clear()
{
    QSettings().remove(QLatin1String(kRecentKey));
}

QString createDemoExperiment(const QString& folder)
{
    if (!QDir().mkpath(folder))
        throw DataError(folder.toStdString() + ": the folder cannot be created");
    const std::filesystem::path root(folder.toStdString());
    if (!std::filesystem::exists(root / "source"))
        writeDemoData(root);
    // A small residual network from scratch on the eight source shapes at 64 px: big enough to
    // show the diagram's shortcuts, small enough to train in a minute or two on a laptop CPU.
    Experiment e;
    e.name = "demo shapes";
    e.model.arch = "resnet18";
    e.model.weights = "none";
    e.data.train = "source";
    e.data.imageSize = 64;
    e.data.augment.randomResizedCrop = false;  // a crop can cut the shape, and with it the label, away
    e.freeze.preset = FreezePreset::FromScratch;
    e.optim.name = "adam";
    e.optim.lr = 0.002;
    e.optim.weightDecay = 1e-4;
    e.schedule.kind = ScheduleKind::OneCycle;
    e.train.epochs = 3;
    e.train.batchSize = 32;
    e.train.cacheFrozenFeatures = false;
    const QString path = QDir(folder).filePath(QLatin1String(kDemoFile));
    QString error;
    if (!writeExperimentFile(path, e, &error))
        throw DataError(error.toStdString());
    return path;
}

}  // namespace tl
