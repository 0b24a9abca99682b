#include "cli/weights_options.h"

#include <QCoreApplication>
#include <QFile>

namespace tl::cli {

std::string nativePath(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

nlohmann::json loadReportJson(const LoadReport& report)
{
    return {{"matched", report.matched},
            {"missing", report.missing},
            {"unexpected", report.unexpected},
            {"mismatched", report.mismatched},
            {"renamed", report.renamed},
            {"head_reinitialised", report.headReinitialised}};
}

namespace {

QString firstOf(const std::vector<std::string>& names)
{
    return names.empty() ? QString() : QStringLiteral(" (first: %1)").arg(QString::fromStdString(names.front()));
}

}  // namespace

QString incompleteReason(const LoadReport& report, const QString& file, const QString& arch)
{
    std::vector<std::string> unexpected;
    for (const std::string& name : report.unexpected)
        if (name.rfind("aux", 0) != 0)
            unexpected.push_back(name);
    if (report.missing.empty() && report.mismatched.empty() && unexpected.empty())
        return {};
    return QCoreApplication::translate("cli", "%1 does not fit %2: %3 missing%4, %5 with another shape%6, %7 unexpected%8")
        .arg(file, arch)
        .arg(report.missing.size())
        .arg(firstOf(report.missing))
        .arg(report.mismatched.size())
        .arg(firstOf(report.mismatched))
        .arg(unexpected.size())
        .arg(firstOf(unexpected));
}

}  // namespace tl::cli
