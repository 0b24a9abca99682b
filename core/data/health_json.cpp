#include "data/health_check.h"

#include <nlohmann/json.hpp>

namespace tl {

nlohmann::json healthReportJson(const HealthReport& report)
{
    using nlohmann::json;
    json out;
    out["root"] = report.root;
    out["kind"] = report.kind;
    out["presplit"] = report.presplit;
    json classes = json::array();
    for (const ClassReport& c : report.classes) {
        json perSplit = json::object();
        for (const auto& [split, n] : c.perSplit)
            perSplit[splitName(split)] = n;
        classes.push_back({{"name", c.name}, {"count", c.count}, {"splits", perSplit}});
    }
    out["classes"] = classes;
    out["images"] = report.images;
    json splits = json::object();
    for (const auto& [split, n] : report.splits)
        splits[splitName(split)] = n;
    out["splits"] = splits;
    out["imbalance"] = report.imbalance;
    out["sizes"] = {{"width", {{"min", report.minWidth}, {"median", report.medianWidth}, {"max", report.maxWidth}}},
                    {"height", {{"min", report.minHeight}, {"median", report.medianHeight}, {"max", report.maxHeight}}}};
    out["storage"] = report.storage;
    json skipped = json::array();
    for (const SkippedFile& s : report.skipped)
        skipped.push_back({{"path", s.path}, {"reason", s.reason}});
    out["skipped"] = skipped;
    out["warnings"] = report.warnings;
    json duplicates = json::array();
    for (const DuplicateReport& d : report.duplicates) {
        json splitsOf = json::array();
        for (Split s : d.splits)
            splitsOf.push_back(splitName(s));
        duplicates.push_back({{"kind", d.exact ? "exact" : "near"},
                              {"distance", d.distance},
                              {"crossSplit", d.crossSplit},
                              {"crossClass", d.crossClass},
                              {"paths", d.paths},
                              {"splits", splitsOf}});
    }
    out["duplicates"] = duplicates;
    out["errors"] = report.errors;
    out["cancelled"] = report.cancelled;
    return out;
}

}  // namespace tl
