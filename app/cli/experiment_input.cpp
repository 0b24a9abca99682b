#include "cli/experiment_input.h"

#include "common/errors.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tl::cli {

Experiment readExperimentArgument(const QString& config, const QStringList& assignments)
{
    const std::string path = config.toStdString();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ExperimentError(QCoreApplication::translate("cli", "%1: cannot be opened").arg(config).toStdString());
    std::ostringstream text;
    text << in.rdbuf();
    nlohmann::json document = nlohmann::json::parse(text.str(), nullptr, false);
    if (document.is_discarded())
        throw ExperimentError(QCoreApplication::translate("cli", "%1: not valid JSON").arg(config).toStdString());
    for (const QString& assignment : assignments)
        applyOverride(document, assignment.toStdString());
    // Relative data and weight paths are relative to the experiment file, as a user expects.
    return withPathsRelativeTo(parseExperiment(document, path), std::filesystem::absolute(path).parent_path());
}

}  // namespace tl::cli
