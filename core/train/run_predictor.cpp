#include "train/run_predictor.h"

#include "common/errors.h"
#include "data/image_decoder.h"
#include "data/sample_rng.h"
#include "data/transform_pipeline.h"
#include "data/transforms.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/experiment.h"
#include "train/run_folder.h"
#include "weights/state_dict.h"
#include "weights/weight_matching.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

namespace tl {

RunPredictor::RunPredictor(const std::filesystem::path& runDir)
{
    const RunFolder folder = RunFolder::open(runDir);
    const Experiment e = parseExperiment(nlohmann::json::parse(folder.readText("experiment.json"), nullptr, false),
                                         folder.file("experiment.json").string());
    const nlohmann::json summary = nlohmann::json::parse(folder.readText("summary.json"), nullptr, false);
    if (!summary.is_object() || !summary.contains("classes") || !summary["classes"].is_array())
        throw Error(folder.file("summary.json").string() + ": has no class list");
    for (const nlohmann::json& c : summary["classes"])
        m_classes.push_back(c.is_string() ? c.get<std::string>() : std::string());
    if (!std::filesystem::exists(folder.file("model.pth")))
        throw Error(runDir.string() + ": the run has not finished, so it has no trained model (model.pth) yet");
    m_arch = e.model.arch;
    m_channels = static_cast<int>(e.model.inChannels);
    BuildOptions build;
    build.numClasses = static_cast<int64_t>(m_classes.size());
    build.inChannels = e.model.inChannels;
    m_model = std::make_shared<GraphModule>(buildArch(m_arch, build));
    const LoadReport report = loadWeights(*m_model, readWeights(folder.file("model.pth").string()).tensors);
    if (!report.complete())
        throw Error(folder.file("model.pth").string() + ": does not match the run's " + m_arch);
    m_model->eval();
    const int size = static_cast<int>(e.data.imageSize ? e.data.imageSize : m_model->spec().defaultInputH);
    m_pipeline = std::make_unique<TransformPipeline>(TransformPipeline::classificationEval(size, m_channels));
}

RunPredictor::~RunPredictor() = default;

Prediction RunPredictor::predict(const std::filesystem::path& image, int64_t topK) const
{
    DecodeOptions decode;
    decode.channels = m_channels;
    Sample sample;
    sample.image = loadImage(image, decode);
    SampleRng rng(0);
    m_pipeline->apply(sample, rng);
    torch::Tensor x = torch::empty({1, m_channels, m_pipeline->outputHeight(), m_pipeline->outputWidth()});
    m_pipeline->writeImage(sample.image, x.data_ptr<float>());
    torch::NoGradGuard noGrad;
    const torch::Tensor logits = m_model->forward(x).flatten().contiguous();
    const torch::Tensor probs = torch::softmax(logits, 0);
    const auto [values, indices] = torch::topk(probs, std::min<int64_t>(std::max<int64_t>(1, topK), probs.numel()));
    Prediction p;
    p.logits.assign(logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel());
    for (int64_t i = 0; i < values.numel(); ++i) {
        ClassScore s;
        s.index = indices[i].item<int64_t>();
        s.probability = values[i].item<double>();
        s.name = s.index < static_cast<int64_t>(m_classes.size()) ? m_classes[s.index] : std::string();
        p.top.push_back(std::move(s));
    }
    return p;
}

}  // namespace tl
