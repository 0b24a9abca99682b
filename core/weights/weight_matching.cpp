#include "weights/weight_matching.h"

#include "common/errors.h"
#include "models/graph_module.h"
#include "models/zoo.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstring>
#include <regex>
#include <set>
#include <unordered_map>

namespace tl {

namespace {

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int64_t numel(const std::vector<int64_t>& shape)
{
    int64_t n = 1;
    for (int64_t d : shape)
        n *= d;
    return n;
}

// torchvision's DenseNet files from 2017 spell "norm1" as "norm.1"; torchvision renames them
// with this same pattern when it loads them.
std::string denseNetSpelling(const std::string& name)
{
    static const std::regex pattern(R"(^(.*denselayer\d+\.(?:norm|relu|conv))\.((?:[12])\.(?:weight|bias|running_mean|running_var))$)");
    std::smatch m;
    if (!std::regex_match(name, m, pattern))
        return name;
    return m[1].str() + m[2].str();
}

// timm's VGG keeps torchvision's features but names the classifier pre_logits.fc1/fc2 (stored
// as 7x7 and 1x1 convolutions) and head.fc.
std::string timmVggSpelling(const std::string& name)
{
    static const std::pair<const char*, const char*> renames[] = {
        {"pre_logits.fc1.", "classifier.0."}, {"pre_logits.fc2.", "classifier.3."}, {"head.fc.", "classifier.6."}};
    for (const auto& [from, to] : renames)
        if (name.rfind(from, 0) == 0)
            return to + name.substr(std::strlen(from));
    return name;
}

// Copies a file's tensor into a model's. The common case, contiguous and of the same type, is a
// plain memcpy: copy_ would hand each tensor to OpenMP, whose thread start-up and hand-over
// cost more than the copy for the many small tensors of a network (BatchNorm vectors), and a
// great deal more on a machine whose cores are busy.
void copyInto(torch::Tensor& target, const torch::Tensor& source)
{
    if (target.device().is_cpu() && source.device().is_cpu() && target.scalar_type() == source.scalar_type()
        && target.numel() == source.numel() && target.is_contiguous() && source.is_contiguous()) {
        std::memcpy(target.data_ptr(), source.data_ptr(), source.nbytes());
        target.unsafeGetTensorImpl()->bump_version();  // as copy_ would: autograd sees the change
        return;
    }
    target.copy_(source.reshape(target.sizes()));
}

}  // namespace

WeightMatch matchWeights(const StateDict& file, const ArchSpec& spec)
{
    std::vector<TensorInfo> target = spec.parameters();
    for (TensorInfo& b : spec.buffers())
        target.push_back(std::move(b));
    std::unordered_map<std::string, size_t> targetIndex;
    for (size_t i = 0; i < target.size(); ++i)
        targetIndex.emplace(target[i].name, i);

    std::vector<std::string> names;
    for (const NamedTensor& t : file)
        names.push_back(t.name);
    auto countKnown = [&](const std::vector<std::string>& candidate) {
        size_t n = 0;
        for (const std::string& s : candidate)
            n += targetIndex.count(s);
        return n;
    };
    // DataParallel saves every key under "module.", some training scripts under "model.".
    for (const std::string prefix : {"module.", "model."}) {
        while (!names.empty()
               && std::all_of(names.begin(), names.end(), [&](const std::string& s) { return s.rfind(prefix, 0) == 0; })) {
            std::vector<std::string> stripped;
            for (const std::string& s : names)
                stripped.push_back(s.substr(prefix.size()));
            if (countKnown(stripped) <= countKnown(names))
                break;
            names = std::move(stripped);
        }
    }

    WeightMatch result;
    LoadReport& report = result.report;
    std::vector<char> reshapeAllowed(file.size(), 0);
    for (size_t i = 0; i < names.size(); ++i) {
        if (targetIndex.count(names[i]))
            continue;
        std::string renamed = denseNetSpelling(names[i]);
        if (!targetIndex.count(renamed)) {
            renamed = timmVggSpelling(names[i]);
            reshapeAllowed[i] = 1;
        }
        if (renamed != names[i] && targetIndex.count(renamed)) {
            report.renamed.push_back(file[i].name + " -> " + renamed);
            names[i] = renamed;
        } else {
            reshapeAllowed[i] = 0;
        }
    }
    std::unordered_map<std::string, size_t> fileIndex;
    for (size_t i = 0; i < names.size(); ++i)
        fileIndex[names[i]] = i;

    std::set<std::string> headTensors;
    for (const Node& n : spec.nodes)
        if (n.kind == NodeKind::Linear && n.opt.outFeatures == spec.numClasses)
            for (const TensorInfo& t : nodeParameters(n))
                headTensors.insert(t.name);
    bool onlyHeadDiffers = true;
    for (const TensorInfo& t : target) {
        const auto it = fileIndex.find(t.name);
        if (it == fileIndex.end()) {
            if (!endsWith(t.name, "num_batches_tracked"))
                report.missing.push_back(t.name);
            continue;
        }
        const NamedTensor& source = file[it->second];
        if (t.name == spec.output + ".weight" && !source.shape.empty())
            report.fileClasses = source.shape.front();
        if (source.shape == t.shape || (reshapeAllowed[it->second] && numel(source.shape) == t.numel())) {
            report.matched.push_back(t.name);
            result.sources.push_back({t.name, it->second, source.shape != t.shape});
            continue;
        }
        report.mismatched.push_back(t.name);
        const bool sameButRows = source.shape.size() == t.shape.size() && !t.shape.empty()
            && std::equal(t.shape.begin() + 1, t.shape.end(), source.shape.begin() + 1);
        onlyHeadDiffers = onlyHeadDiffers && headTensors.count(t.name) && sameButRows;
    }
    for (size_t i = 0; i < names.size(); ++i)
        if (!targetIndex.count(names[i]))
            report.unexpected.push_back(file[i].name);
    report.headReinitialised = !report.mismatched.empty() && onlyHeadDiffers;
    return result;
}

LoadReport loadWeights(GraphModule& module, const StateDict& file)
{
    WeightMatch match = matchWeights(file, module.spec());
    std::unordered_map<std::string, torch::Tensor> tensors;
    for (const auto& p : module.named_parameters())
        tensors.emplace(p.key(), p.value());
    for (const auto& b : module.named_buffers())
        tensors.emplace(b.key(), b.value());
    torch::NoGradGuard noGrad;
    for (const WeightMatch::Source& s : match.sources) {
        const auto it = tensors.find(s.target);
        const NamedTensor& source = file[s.index];
        if (it == tensors.end())
            throw WeightsError("architecture " + module.spec().arch + " has no tensor " + s.target);
        if (!source.tensor.defined() && !source.fetch)
            throw WeightsError("tensor " + source.name + " was read without its data");
        // A fetched tensor lives only for its copy.
        const torch::Tensor data = source.tensor.defined() ? source.tensor : source.fetch();
        copyInto(it->second, data);
    }
    if (match.report.headReinitialised) {
        // The new head starts as the family starts it from scratch.
        std::set<std::string> layers;
        for (const std::string& name : match.report.mismatched)
            layers.insert(name.substr(0, name.rfind('.')));
        for (const std::string& layer : layers)
            module.resetLayer(layer);
    }
    return match.report;
}

LoadReport loadWeightsFile(GraphModule& module, const std::string& path)
{
    return loadWeights(module, readWeights(path, TensorData::OnDemand).tensors);
}

ArchGuess recogniseArchitecture(const StateDict& file)
{
    for (const ZooEntry& entry : zoo()) {
        if (!entry.torchvision)
            continue;
        for (bool aux : {true, false}) {
            if (!aux && entry.name != "googlenet")
                continue;
            BuildOptions options;
            options.googlenetAuxHeads = aux;
            const WeightMatch m = matchWeights(file, buildArch(entry.name, options));
            const LoadReport& r = m.report;
            if (r.unexpected.empty() && r.backboneLoads() && !r.matched.empty())
                return {entry.name, r.fileClasses > 0 ? r.fileClasses : entry.defaultClasses, aux};
        }
    }
    return {};
}

}  // namespace tl
