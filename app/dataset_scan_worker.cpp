#include "dataset_scan_worker.h"

#include "common/errors.h"
#include "data/dataset_split.h"
#include "data/health_check.h"
#include "data/image_folder.h"
#include "data/validation_folder.h"

#include <QFile>
#include <QThread>

#include <set>

namespace tl {

namespace {

// Paths cross between Qt and the engine as the file system's own bytes, so Korean and other
// non-ASCII names survive whatever the C locale says.
std::filesystem::path toFsPath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

QString fromFsPath(const std::filesystem::path& path)
{
    return QFile::decodeName(QByteArray::fromStdString(path.string()));
}

QString fromFsString(const std::string& path)
{
    return QFile::decodeName(QByteArray::fromStdString(path));
}

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

constexpr int kDuplicateGroupsShown = 20;

void addDuplicateWarnings(DatasetSummary& summary, const HealthReport& report)
{
    int shown = 0;
    for (const DuplicateReport& d : report.duplicates) {
        if (shown == kDuplicateGroupsShown) {
            summary.warnings.append(QObject::tr("… and %1 more groups of duplicate images")
                                        .arg(report.duplicates.size() - kDuplicateGroupsShown));
            break;
        }
        QStringList files;
        for (const std::string& p : d.paths)
            files.append(fromFsString(p));
        const QString kind = d.exact ? QObject::tr("identical images") : QObject::tr("near-identical images");
        QString line = kind + QStringLiteral(": ") + files.join(QStringLiteral(", "));
        if (d.crossClass)
            line += QObject::tr(" (in different classes)");
        summary.warnings.append(line);
        ++shown;
    }
}

}  // namespace

void DatasetScanWorker::scan(quint64 job, const QString& folder, const QString& valFolder, const SplitSettings& split,
                             const std::shared_ptr<std::atomic<bool>>& cancel)
{
    m_index = {};
    m_base = {};
    try {
        const std::filesystem::path root = toFsPath(folder);
        HealthOptions options;
        options.threads = qMax(1, QThread::idealThreadCount());
        options.cancel = cancel.get();
        options.progress = [this, job](int64_t done, int64_t total) { Q_EMIT progress(job, done, total); };
        const HealthReport report = checkDataset(root, options);

        DatasetSummary& s = m_base;
        s.root = folder;
        s.kind = text(report.kind);
        s.presplit = report.presplit;
        s.images = report.images;
        s.cancelled = report.cancelled;
        if (report.images > 0)
            s.sizes = QObject::tr("median %1×%2 pixels (smallest %3×%4, largest %5×%6)")
                          .arg(report.medianWidth).arg(report.medianHeight).arg(report.minWidth)
                          .arg(report.minHeight).arg(report.maxWidth).arg(report.maxHeight);
        for (const std::string& w : report.warnings) {
            // The check splits by its own defaults; the panel shows the split the user sets.
            if (w.rfind("no train/ and val/ folders", 0) != 0)
                s.warnings.append(fromFsString(w));
        }
        addDuplicateWarnings(s, report);
        for (const std::string& e : report.errors)
            s.errors.append(fromFsString(e));
        std::set<std::string> bad;
        for (const SkippedFile& f : report.skipped) {
            s.skipped.append({fromFsString(f.path), fromFsString(f.reason)});
            bad.insert(f.path);
        }
        for (const ClassReport& c : report.classes)
            s.classes.append({fromFsString(c.name), c.count, 0, 0, 0, {}});

        if (report.kind == "classification") {
            m_index = scanImageFolder(root);
            std::vector<ImageItem> usable;
            usable.reserve(m_index.items.size());
            for (ImageItem& item : m_index.items)
                if (!bad.count(item.path.string()))
                    usable.push_back(std::move(item));
            m_index.items = std::move(usable);
            if (m_index.classes.size() != size_t(s.classes.size()))
                throw DataError(root.string() + ": the folder changed while it was being checked; scan it again");
        }
        Q_EMIT finished(job, splitSummary(valFolder, split));
    } catch (const std::exception& e) {  // DataError, cv::Exception, filesystem errors
        m_index = {};
        m_base = {};
        Q_EMIT failed(job, folder, fromFsString(e.what()));
    }
}

void DatasetScanWorker::resplit(quint64 job, const QString& valFolder, const SplitSettings& split)
{
    if (m_base.root.isEmpty())
        return;
    try {
        Q_EMIT finished(job, splitSummary(valFolder, split));
    } catch (const std::exception& e) {
        Q_EMIT failed(job, m_base.root, fromFsString(e.what()));
    }
}

DatasetSummary DatasetScanWorker::splitSummary(const QString& valFolder, const SplitSettings& split) const
{
    DatasetSummary s = m_base;
    s.split = split;
    s.valFolder = valFolder;
    if (!valFolder.isEmpty())
        s.presplit = true;
    if (s.kind != QLatin1String("classification"))
        return s;
    ClassificationIndex index = m_index;
    if (!valFolder.isEmpty()) {
        // The same rule training applies, so the counts shown are the counts trained on.
        const size_t known = index.warnings.size();
        try {
            useValidationFolder(index, toFsPath(valFolder));
        } catch (const std::exception& e) {  // DataError, filesystem errors
            s.errors.append(fromFsString(e.what()));
            return s;
        }
        for (size_t i = known; i < index.warnings.size(); ++i)
            s.warnings.append(fromFsString(index.warnings[i]));
    }
    SplitOptions options;
    options.valFraction = split.valFraction;
    options.seed = split.seed;
    assignSplit(index, options);
    for (DatasetClassInfo& c : s.classes) {
        c.paths.clear();
        c.train = c.val = c.test = 0;
    }
    for (const ImageItem& item : index.items) {
        if (item.label < 0 || item.label >= s.classes.size())
            continue;
        DatasetClassInfo& c = s.classes[item.label];
        c.paths.append(fromFsPath(item.path));
        (item.split == Split::Train ? c.train : item.split == Split::Val ? c.val : c.test) += 1;
    }
    return s;
}

}  // namespace tl
