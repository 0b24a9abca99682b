#pragma once

#include "weights/weight_matching.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <string>

namespace tl::cli {

/// A path as the file system wants it (the local 8-bit encoding), so non-ASCII names open.
std::string nativePath(const QString& path);

/// {"matched", "missing", "unexpected", "mismatched", "renamed", "head_reinitialised"}.
nlohmann::json loadReportJson(const LoadReport& report);

/// Why a file cannot serve as the complete weights of an architecture (for prediction), or
/// empty when it can: nothing missing or mismatched, and nothing unexpected but auxiliary heads.
QString incompleteReason(const LoadReport& report, const QString& file, const QString& arch);

}  // namespace tl::cli
