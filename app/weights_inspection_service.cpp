#include "weights_inspection_service.h"

#include "models/zoo.h"
#include "run_files.h"
#include "train/run_setup.h"
#include "weights/hub_cache.h"
#include "weights/weight_matching.h"
#include "worker_thread_holder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tl {

namespace {

QString fromNative(const std::string& text)
{
    return QFile::decodeName(QByteArray::fromStdString(text));
}

QString firstOf(const std::vector<std::string>& names)
{
    return names.empty() ? QString() : QString::fromStdString(names.front());
}

}  // namespace

QVector<WeightsEntry> WeightsInspectionWorker::findEntries(const QString& arch, const QString& runsDir)
{
    QVector<WeightsEntry> entries;
    // Layouts only: recognising what a file fits reads its names and shapes, not its data.
    for (const HubWeightFile& file : listHubWeights(hubCheckpointDir(), false)) {
        if (!file.error.empty() || QString::fromStdString(file.arch.arch) != arch)
            continue;
        const QString path = fromNative(file.path);
        entries.append({WeightsEntry::Kind::HubFile, QFileInfo(path).fileName(), path,
                        tr("%1\n%2 weights with a %3-class head").arg(path, arch).arg(file.arch.classes)});
    }
    if (runsDir.isEmpty())
        return entries;
    // Newest first; model.pth is written after the last epoch, so it marks a finished run.
    const QFileInfoList runs = QDir(runsDir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QFileInfo& dir : runs) {
        if (!QFileInfo::exists(QDir(dir.absoluteFilePath()).filePath(QStringLiteral("model.pth"))))
            continue;
        const RunInfo info = readRunInfo(dir.absoluteFilePath());
        if (info.arch != arch)
            continue;
        QString label = tr("%1 (%2)").arg(info.name, info.date);
        if (info.validated() && info.bestValTop1 >= 0.0)
            label = tr("%1 (%2, validation top-1 %3%)").arg(info.name, info.date).arg(info.bestValTop1 * 100.0, 0, 'f', 1);
        else if (info.validated() && info.bestValMeanIou >= 0.0)
            label = tr("%1 (%2, validation mIoU %3%)").arg(info.name, info.date).arg(info.bestValMeanIou * 100.0, 0, 'f', 1);
        else if (info.bestBy == QLatin1String("train_loss"))
            label = tr("%1 (%2, no validation)").arg(info.name, info.date);
        entries.append({WeightsEntry::Kind::RunFolder, label, info.path,
                        tr("%1\nthe run's trained weights (model.pth), %2 classes").arg(info.path).arg(info.classCount)});
    }
    return entries;
}

WeightsFit WeightsInspectionWorker::inspectNow(const QString& setting, const WeightsTarget& target)
{
    WeightsFit fit;
    fit.setting = setting;
    fit.arch = target.arch;
    try {
        const std::filesystem::path file = startingWeightsFile(QFile::encodeName(setting).toStdString());
        fit.file = fromNative(file.string());
        BuildOptions build;
        build.numClasses = target.classes;
        build.inChannels = target.inChannels;
        build.unetBaseWidth = target.unetBaseWidth;
        const ArchSpec spec = buildArch(target.arch.toStdString(), build);
        fit.classes = spec.numClasses;
        if (!std::filesystem::is_regular_file(file))
            throw std::runtime_error(file.string() + ": " + tr("no such file").toStdString());
        // The data too, not only the layout: a file damaged past its index shows here rather
        // than when training starts. Each tensor is read and dropped in turn, so checking a
        // large file needs no second copy of it in memory.
        const WeightFile weights = readWeights(file.string(), TensorData::OnDemand);
        for (const NamedTensor& t : weights.tensors)
            if (t.fetch)
                t.fetch();
        const LoadReport report = matchWeights(weights.tensors, spec).report;
        fit.fileClasses = report.fileClasses;
        fit.matched = int(report.matched.size());
        fit.missing = int(report.missing.size());
        fit.unexpected = int(report.unexpected.size());
        fit.mismatched = int(report.mismatched.size());
        fit.firstMissing = firstOf(report.missing);
        fit.firstUnexpected = firstOf(report.unexpected);
        fit.firstMismatched = firstOf(report.mismatched);
        fit.headReinitialised = report.headReinitialised;
        fit.logLine = fromNative(describeLoad(report, file, spec.numClasses));
        if (!report.backboneLoads())
            fit.fileArch = QString::fromStdString(recogniseArchitecture(weights.tensors).arch);
    } catch (const std::exception& e) {  // tl::Error and c10::Error both derive from it
        fit.error = fromNative(e.what());
        if (fit.error.isEmpty())
            fit.error = tr("unreadable");
    }
    return fit;
}

void WeightsInspectionWorker::list(quint64 id, const QString& arch, const QString& runsDir)
{
    if (id != m_latestList->load())
        return;  // a newer question is queued
    QVector<WeightsEntry> entries;
    try {
        entries = findEntries(arch, runsDir);
    } catch (const std::exception&) {
        // An unreadable cache or runs folder offers nothing; the choices "None" and "Choose file..." remain.
    }
    Q_EMIT listed(id, arch, entries);
}

void WeightsInspectionWorker::inspect(quint64 id, const QString& setting, const WeightsTarget& target)
{
    if (id != m_latestInspect->load())
        return;
    Q_EMIT inspected(id, inspectNow(setting, target));
}

WeightsInspectionService::WeightsInspectionService(QObject* parent)
    : QObject(parent),
      m_latestList(std::make_shared<std::atomic<quint64>>(0)),
      m_latestInspect(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<tl::WeightsFit>();
    qRegisterMetaType<QVector<tl::WeightsEntry>>();
    auto worker = std::make_unique<WeightsInspectionWorker>();
    m_worker = worker.get();
    m_worker->m_latestList = m_latestList;
    m_worker->m_latestInspect = m_latestInspect;
    connect(m_worker, &WeightsInspectionWorker::listed, this,
            [this](quint64 id, const QString& arch, const QVector<WeightsEntry>& entries) {
                if (id == m_latestList->load())
                    Q_EMIT listed(arch, entries);
            });
    connect(m_worker, &WeightsInspectionWorker::inspected, this, [this](quint64 id, const WeightsFit& fit) {
        if (id == m_latestInspect->load())
            Q_EMIT inspected(fit);
    });
    m_thread = std::make_unique<WorkerThreadHolder>(std::move(worker), QStringLiteral("weights inspection"));
}

WeightsInspectionService::~WeightsInspectionService() = default;

void WeightsInspectionService::list(const QString& arch, const QString& runsDir)
{
    const quint64 id = ++*m_latestList;
    WeightsInspectionWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, id, arch, runsDir] { worker->list(id, arch, runsDir); }, Qt::QueuedConnection);
}

void WeightsInspectionService::inspect(const QString& setting, const WeightsTarget& target)
{
    const quint64 id = ++*m_latestInspect;
    WeightsInspectionWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, id, setting, target] { worker->inspect(id, setting, target); }, Qt::QueuedConnection);
}

}  // namespace tl
