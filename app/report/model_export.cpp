#include "report/model_export.h"

#include "common/errors.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/experiment.h"
#include "train/run_folder.h"
#include "weights/pth_writer.h"
#include "weights/safetensors.h"
#include "weights/state_dict.h"
#include "weights/weight_matching.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

namespace tl::report {

int exportModel(const QString& runDir, ExportedWeights which, bool safetensors, const QString& out)
{
    const RunFolder folder = RunFolder::open(runDir.toStdString());
    const std::string experimentFile = folder.file("experiment.json").string();
    const Experiment e = parseExperiment(nlohmann::json::parse(folder.readText("experiment.json"), nullptr, false),
                                         experimentFile);
    // The class count the model was built with: summary.json's class list, else split.json's.
    int64_t classes = e.model.numClasses;
    for (const char* name : {"summary.json", "split.json"}) {
        if (classes > 0 || !std::filesystem::exists(folder.file(name)))
            continue;
        const nlohmann::json j = nlohmann::json::parse(folder.readText(name), nullptr, false);
        if (j.is_object() && j.contains("classes") && j["classes"].is_array())
            classes = static_cast<int64_t>(j["classes"].size());
    }
    if (classes <= 0)
        throw Error(runDir.toStdString() + ": the number of classes is unknown (no summary.json or split.json)");
    BuildOptions build;
    build.numClasses = classes;
    build.inChannels = e.model.inChannels;
    GraphModule module(buildArch(e.model.arch, build));

    if (which == ExportedWeights::Final) {
        const std::string file = folder.file("model.pth").string();
        if (!std::filesystem::exists(file))
            throw Error(runDir.toStdString()
                        + ": the run has not finished, so it has no trained model (model.pth); export --weights last "
                          "or best takes a checkpoint's");
        const LoadReport report = loadWeightsFile(module, file);
        if (!report.complete())
            throw Error(file + ": does not match the run's " + e.model.arch);
    } else {
        const std::string file = folder.file(which == ExportedWeights::Best ? "checkpoint_best.pt" : "checkpoint_last.pt").string();
        if (!std::filesystem::exists(file))
            throw Error(file + ": missing (no epoch has finished yet)");
        try {
            torch::serialize::InputArchive archive;
            archive.load_from(file, torch::kCPU);
            torch::serialize::InputArchive model;
            archive.read("model", model);
            module.load(model);
        } catch (const c10::Error&) {
            throw Error(file + ": not a readable checkpoint of the run's " + e.model.arch);
        }
    }
    const StateDict tensors = stateDictOf(module);
    if (safetensors)
        writeSafetensors(out.toStdString(), tensors);
    else
        writePth(out.toStdString(), tensors);
    return static_cast<int>(tensors.size());
}

}  // namespace tl::report
