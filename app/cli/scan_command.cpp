#include "cli/arch_options.h"
#include "cli/command.h"

#include "data/health_check.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <unistd.h>

namespace tl::cli {

namespace {

/// A one-line progress bar on stderr, only on a terminal and only for folders worth waiting on.
void showProgress(int64_t done, int64_t total)
{
    if (total < 500 || !isatty(fileno(stderr)))
        return;
    const int width = 30;
    const int filled = int(width * done / std::max<int64_t>(total, 1));
    std::fprintf(stderr, "\r[%s%s] %lld/%lld", std::string(size_t(filled), '#').c_str(),
                 std::string(size_t(width - filled), '.').c_str(), static_cast<long long>(done),
                 static_cast<long long>(total));
    if (done >= total)
        std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
}

QString text(const std::string& s) { return QString::fromStdString(s); }

QString splitCounts(const std::map<Split, int64_t>& counts)
{
    QStringList parts;
    for (const auto& [split, n] : counts)
        parts << QStringLiteral("%1 %2").arg(QLatin1String(splitName(split))).arg(n);
    return parts.join(QStringLiteral(", "));
}

QString humanReport(const HealthReport& r)
{
    QString out;
    out += QCoreApplication::translate("cli", "Dataset   %1 (%2%3)\n")
               .arg(text(r.root), text(r.kind),
                    r.presplit ? QCoreApplication::translate("cli", ", split folders") : QString());
    out += QCoreApplication::translate("cli", "Images    %1 (%2)\n").arg(r.images).arg(splitCounts(r.splits));
    if (!r.classes.empty()) {
        out += QCoreApplication::translate("cli", "Classes   %1, imbalance %2\n")
                   .arg(r.classes.size())
                   .arg(r.imbalance, 0, 'f', 1);
        for (const ClassReport& c : r.classes)
            out += QStringLiteral("  %1 %2  (%3)\n").arg(text(c.name), -20).arg(c.count, 6).arg(splitCounts(c.perSplit));
    }
    if (r.images > 0) {
        out += QCoreApplication::translate("cli", "Sizes     %1x%2 to %3x%4, median %5x%6\n")
                   .arg(r.minWidth).arg(r.minHeight).arg(r.maxWidth).arg(r.maxHeight)
                   .arg(r.medianWidth).arg(r.medianHeight);
        QStringList storage;
        for (const auto& [kind, n] : r.storage)
            storage << QStringLiteral("%1 %2").arg(text(kind)).arg(n);
        out += QCoreApplication::translate("cli", "Storage   %1\n").arg(storage.join(QStringLiteral(", ")));
    }
    for (const DuplicateReport& d : r.duplicates) {
        out += d.exact ? QCoreApplication::translate("cli", "Duplicate%1:\n")
                             .arg(d.crossSplit ? QCoreApplication::translate("cli", " across splits") : QString())
                       : QCoreApplication::translate("cli", "Near duplicate (distance %1)%2:\n")
                             .arg(d.distance)
                             .arg(d.crossSplit ? QCoreApplication::translate("cli", " across splits") : QString());
        for (size_t i = 0; i < d.paths.size(); ++i)
            out += QStringLiteral("  [%1] %2\n").arg(QLatin1String(splitName(d.splits[i])), text(d.paths[i]));
    }
    if (!r.skipped.empty()) {
        out += QCoreApplication::translate("cli", "Skipped   %1 files\n").arg(r.skipped.size());
        for (const SkippedFile& s : r.skipped)
            out += QStringLiteral("  %1: %2\n").arg(text(s.path), text(s.reason));
    }
    for (const std::string& w : r.warnings)
        out += QCoreApplication::translate("cli", "Warning   %1\n").arg(text(w));
    for (const std::string& e : r.errors)
        out += QCoreApplication::translate("cli", "Error     %1\n").arg(text(e));
    return out;
}

}  // namespace

int scanCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Check an image folder: classes, splits, sizes, duplicates and every file that would be skipped."));
    parser.addPositionalArgument(QStringLiteral("FOLDER"), QCoreApplication::translate("cli", "The dataset folder."));
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("cli", "Print JSON."));
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QCoreApplication::translate("cli", "Read headers only: no decoding, no near duplicates."));
    const QCommandLineOption threads(QStringLiteral("threads"), QCoreApplication::translate("cli", "Decode threads."),
                                     QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption maxPixels(QStringLiteral("max-pixels"),
                                       QCoreApplication::translate("cli", "Largest image accepted, in pixels."),
                                       QStringLiteral("N"), QStringLiteral("100000000"));
    parser.addOptions({json, quick, threads, maxPixels});
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate("cli", "give one dataset folder; see --help"));
        return UsageError;
    }
    HealthOptions options;
    bool ok = true;
    options.threads = parser.value(threads).toInt(&ok);
    if (!ok || options.threads < 1) {
        printError(QCoreApplication::translate("cli", "--threads needs a positive number"));
        return UsageError;
    }
    options.maxPixels = parser.value(maxPixels).toLongLong(&ok);
    if (!ok || options.maxPixels < 1) {
        printError(QCoreApplication::translate("cli", "--max-pixels needs a positive number"));
        return UsageError;
    }
    options.decode = !parser.isSet(quick);
    options.progress = showProgress;
    const HealthReport report =
        checkDataset(std::filesystem::u8path(parser.positionalArguments().front().toStdString()), options);
    if (parser.isSet(json))
        // File names need not be valid UTF-8; replace such bytes rather than fail the whole report.
        printOut(text(healthReportJson(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) +
                 QLatin1Char('\n'));
    else
        printOut(humanReport(report));
    return report.errors.empty() ? Success : Failure;
}

}  // namespace tl::cli
