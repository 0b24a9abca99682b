#include "train/pretrain_stage.h"

#include "common/errors.h"
#include "models/graph_module.h"
#include "weights/state_dict.h"

#include <torch/torch.h>

#include <set>

namespace tl {

namespace {

constexpr const char* kWeights = "model.pth";

nlohmann::json entryOf(const std::filesystem::path& dir, const RunSummary& summary)
{
    nlohmann::json entry{{"run", kPretrainFolder}, {"epochs", summary.epochsDone}, {"best_by", summary.bestBy}};
    for (const auto& [name, value] : summary.best)
        if (name.rfind("best_val_", 0) == 0)
            entry[name] = value;
    // A stage finished by an earlier attempt is only known from its own summary.
    if (std::filesystem::exists(dir / "summary.json")) {
        const RunFolder folder = RunFolder::open(dir);
        const auto saved = nlohmann::json::parse(folder.readText("summary.json"), nullptr, false);
        if (saved.is_object()) {
            entry = {{"run", kPretrainFolder}, {"epochs", saved.value("epochs_done", 0)},
                     {"best_by", saved.value("best_by", std::string())}};
            for (const char* name : {"best_val_top1", "best_val_macro_f1"})
                if (saved.contains(name))
                    entry[name] = saved[name];
        }
    }
    return entry;
}

}  // namespace

Experiment pretrainExperiment(const Experiment& target)
{
    Experiment source = target;
    const PretrainConfig& p = *target.pretrain;
    source.name = target.name + " " + kPretrainFolder;
    source.data = p.data;
    source.freeze = p.freeze;
    source.optim = p.optim;
    source.train.epochs = p.epochs;
    source.model.numClasses = 0;  // the source's own class count
    source.pretrain.reset();
    return source;
}

PretrainResult runPretrainStage(const Experiment& target, const std::filesystem::path& runDir,
                                const ExperimentRunner::LogFunction& log, TrainingObserver* observer,
                                TrainingControl* control)
{
    const std::filesystem::path dir = runDir / kPretrainFolder;
    PretrainResult result;
    result.weights = dir / kWeights;
    // model.pth is written only after the last epoch, so it marks a finished stage.
    if (std::filesystem::exists(result.weights)) {
        result.complete = true;
        result.summaryEntry = entryOf(dir, result.summary);
        return result;
    }
    const auto prefixed = [&log](const std::string& line) {
        if (log)
            log("pretrain: " + line);
    };
    if (std::filesystem::exists(dir / "checkpoint_last.pt")) {
        ExperimentRunner runner = ExperimentRunner::resume(dir, prefixed);
        result.summary = runner.run(observer, control);
    } else {
        // Killed before its first epoch ended: nothing worth keeping, start the stage afresh.
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        if (ec)
            throw Error(dir.string() + ": cannot be cleared for a fresh start (" + ec.message() + ")");
        ExperimentRunner runner = ExperimentRunner::startIn(pretrainExperiment(target), dir, prefixed);
        result.summary = runner.run(observer, control);
    }
    result.complete = std::filesystem::exists(result.weights);
    result.summaryEntry = entryOf(dir, result.summary);
    return result;
}

LoadReport loadSourceBackbone(GraphModule& model, const std::filesystem::path& weights)
{
    LoadReport report = loadWeightsFile(model, weights.string());
    if (report.headReinitialised || !report.backboneLoads())
        return report;
    // Equal class counts load the source's head too; its classes are not the target's.
    const ArchSpec& spec = model.spec();
    std::set<std::string> head;
    for (const Node& n : spec.nodes)
        if (n.kind == NodeKind::Linear && n.opt.outFeatures == spec.numClasses)
            head.insert(n.id);
    // The head starts as the family starts it from scratch.
    for (const std::string& id : head)
        model.resetLayer(id);
    report.headReinitialised = report.headReinitialised || !head.empty();
    return report;
}

}  // namespace tl
