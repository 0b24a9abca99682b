#include "train/run_predictor.h"

#include "common/errors.h"
#include "data/image_decoder.h"
#include "data/sample_rng.h"
#include "data/segmentation_folder.h"
#include "data/transform_pipeline.h"
#include "data/transforms.h"
#include "graph/shape_inference.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/experiment.h"
#include "train/run_folder.h"
#include "train/run_setup.h"
#include "train/segmentation_data.h"
#include "weights/state_dict.h"
#include "weights/weight_matching.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <cmath>
#include <fstream>

namespace fs = std::filesystem;

namespace tl {

namespace {

cv::Size mapSize(cv::Size image)
{
    const double k = std::min(1.0, double(RunPredictor::kMaxMapSide) / std::max(image.height, image.width));
    return {std::max(1, int(std::lround(image.width * k))), std::max(1, int(std::lround(image.height * k)))};
}

/// Names from the dataset's classes.txt when it has one line per class, else numbered names.
std::vector<std::string> segmentationClassNames(const std::string& dataRoot, int64_t count)
{
    std::vector<std::string> names;
    std::ifstream in(fs::path(dataRoot) / "classes.txt");
    for (std::string line; in && std::getline(in, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (!line.empty())
            names.push_back(line);
    }
    if (int64_t(names.size()) != count) {
        names.clear();
        for (int64_t i = 0; i < count; ++i)
            names.push_back("class " + std::to_string(i));
    }
    return names;
}

int roundTo16(int v)
{
    return std::max(16, int(std::lround(v / 16.0)) * 16);
}

/// The normalisation the run trained with, as its summary records it; runs written before it
/// did used ImageNet's.
Normalization runNormalization(const nlohmann::json& summary, const Experiment& e, int channels)
{
    const nlohmann::json n = summary.value("normalization", nlohmann::json());
    const auto floats = [&](const char* key) {
        std::vector<float> out;
        if (n.is_object() && n.contains(key) && n[key].is_array())
            for (const nlohmann::json& v : n[key])
                if (v.is_number())
                    out.push_back(v.get<float>());
        return out;
    };
    Normalization result{floats("mean"), floats("std")};
    if (int(result.mean.size()) == channels && int(result.std.size()) == channels)
        return result;
    if (e.data.normalize == "none")
        return {std::vector<float>(size_t(channels), 0.f), std::vector<float>(size_t(channels), 1.f)};
    return Normalization::imagenet(channels);
}

}  // namespace

RunPredictor::RunPredictor(const fs::path& runDir) : m_runDir(runDir)
{
    const RunFolder folder = RunFolder::open(runDir);
    const Experiment e = parseExperiment(nlohmann::json::parse(folder.readText("experiment.json"), nullptr, false),
                                         folder.file("experiment.json").string());
    const nlohmann::json summary = nlohmann::json::parse(folder.readText("summary.json"), nullptr, false);
    m_segmentation = e.task == ExperimentTask::Segmentation;
    m_dataRoot = e.data.train;
    if (m_segmentation) {
        // A segmentation run records how many classes its masks hold, not their names.
        if (!summary.is_object() || !summary.contains("classes") || !summary["classes"].is_number_integer()
            || summary["classes"].get<int64_t>() < 1)
            throw Error(folder.file("summary.json").string() + ": has no class count");
        m_classes = segmentationClassNames(m_dataRoot, summary["classes"].get<int64_t>());
    } else {
        if (!summary.is_object() || !summary.contains("classes") || !summary["classes"].is_array())
            throw Error(folder.file("summary.json").string() + ": has no class list");
        for (const nlohmann::json& c : summary["classes"])
            m_classes.push_back(c.is_string() ? c.get<std::string>() : std::string());
    }
    if (!fs::exists(folder.file("model.pth")))
        throw Error(runDir.string() + ": the run has not finished, so it has no trained model (model.pth) yet");
    m_arch = e.model.arch;
    m_channels = static_cast<int>(e.model.inChannels);
    BuildOptions build;
    build.numClasses = static_cast<int64_t>(m_classes.size());
    build.inChannels = e.model.inChannels;
    build.unetBaseWidth = e.model.unetBaseWidth;
    m_model = std::make_shared<GraphModule>(buildArch(m_arch, build));
    const LoadReport report = loadWeightsFile(*m_model, folder.file("model.pth").string());
    if (!report.complete())
        throw Error(folder.file("model.pth").string() + ": does not match the run's " + m_arch);
    m_model->eval();
    m_size = static_cast<int>(e.data.imageSize ? e.data.imageSize : m_model->spec().defaultInputH);
    m_randomCrops = e.data.augment.randomResizedCrop;
    m_pipeline = std::make_unique<TransformPipeline>(
        m_segmentation ? TransformPipeline::segmentationEval(m_size, m_channels)
                       : classificationEvalTransforms(e.data.augment, m_size, m_channels));
    m_pipeline->setNormalization(runNormalization(summary, e, m_channels));
}

RunPredictor::~RunPredictor() = default;

Prediction RunPredictor::predict(const fs::path& image, int64_t topK, bool withHeatMap) const
{
    if (m_segmentation)
        throw Error(m_runDir.string() + ": a segmentation run predicts masks, not classes");
    DecodeOptions decode;
    decode.channels = m_channels;
    Sample sample;
    sample.image = loadImage(image, decode);
    const cv::Size original = sample.image.size();
    SampleRng rng(0);
    m_pipeline->apply(sample, rng);
    torch::Tensor x = torch::empty({1, m_channels, m_pipeline->outputHeight(), m_pipeline->outputWidth()});
    m_pipeline->writeImage(sample.image, x.data_ptr<float>());
    Prediction p;
    {
        torch::NoGradGuard noGrad;
        const torch::Tensor logits = m_model->forward(x).flatten().contiguous();
        const torch::Tensor probs = torch::softmax(logits, 0);
        const auto [values, indices] =
            torch::topk(probs, std::min<int64_t>(std::max<int64_t>(1, topK), probs.numel()));
        p.logits.assign(logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel());
        for (int64_t i = 0; i < values.numel(); ++i) {
            ClassScore s;
            s.index = indices[i].item<int64_t>();
            s.probability = values[i].item<double>();
            s.name = s.index < static_cast<int64_t>(m_classes.size()) ? m_classes[s.index] : std::string();
            p.top.push_back(std::move(s));
        }
    }
    if (!withHeatMap || p.top.empty())
        return p;
    ClassActivationMap cam;
    try {
        cam = gradCam(*m_model, x, p.top.front().index);
    } catch (const InvalidArgument& e) {
        p.heatProblem = e.what();
        return p;
    }
    // Back from the network's centre crop to the image: the evaluation resize of the shorter side
    // (size / 0.875 after random crops, else size; see classificationEvalTransforms) and the crop
    // offset, pixel centres aligned.
    const int shorter = m_randomCrops ? int(std::lround(m_size / 0.875)) : m_size;
    const cv::Size resized = Resize::outputSize(original.height, original.width, shorter);
    const cv::Rect crop = CenterCrop::cropRect(resized.height, resized.width, m_size, m_size);
    const cv::Size out = mapSize(original);
    const double ax = double(out.width) / resized.width;
    const double ay = double(out.height) / resized.height;
    const cv::Matx23d affine(ax, 0, (crop.x + 0.5) * ax - 0.5, 0, ay, (crop.y + 0.5) * ay - 0.5);
    const cv::Mat camMat(cam.height, cam.width, CV_32F, cam.values.data());
    cv::Mat mapped;
    cv::warpAffine(camMat, mapped, affine, out, cv::INTER_LINEAR, cv::BORDER_CONSTANT, 0.0);
    cv::min(cv::max(mapped, 0.0), 1.0, mapped);
    p.heat.node = cam.node;
    p.heat.classIndex = cam.classIndex;
    p.heat.height = mapped.rows;
    p.heat.width = mapped.cols;
    p.heat.values.assign(mapped.ptr<float>(), mapped.ptr<float>() + mapped.total());
    return p;
}

LabelMap RunPredictor::predictMask(const fs::path& image) const
{
    if (!m_segmentation)
        throw Error(m_runDir.string() + ": a classification run predicts classes, not masks");
    DecodeOptions decode;
    decode.channels = m_channels;
    const cv::Mat original = loadImage(image, decode);
    // The whole image at the training scale (shorter side = image size) rather than its centre
    // crop, so every pixel gets a class; sides rounded to the network's stride of 16.
    const cv::Size scaled = Resize::outputSize(original.rows, original.cols, m_size);
    cv::Size input(roundTo16(scaled.width), roundTo16(scaled.height));
    try {
        inferShapes(m_model->spec(), input.height, input.width);
    } catch (const std::exception&) {
        input = cv::Size(m_size, m_size);
    }
    cv::Mat resized;
    cv::resize(original, resized, input, 0, 0, input.area() < original.size().area() ? cv::INTER_AREA : cv::INTER_LINEAR);
    TransformPipeline writer(input.height, input.width, m_channels);
    torch::Tensor x = torch::empty({1, m_channels, input.height, input.width});
    writer.writeImage(resized, x.data_ptr<float>());
    torch::NoGradGuard noGrad;
    const cv::Size out = mapSize(original.size());
    torch::Tensor logits = m_model->forward(x);
    logits = torch::upsample_bilinear2d(logits, {out.height, out.width}, /*align_corners=*/false);
    const torch::Tensor labels = logits.argmax(1).flatten().to(torch::kInt32).contiguous();
    LabelMap map;
    map.height = out.height;
    map.width = out.width;
    map.labels.assign(labels.data_ptr<int32_t>(), labels.data_ptr<int32_t>() + labels.numel());
    return map;
}

LabelMap RunPredictor::readMask(const fs::path& mask, int height, int width) const
{
    cv::Mat m = decodeMask(readFileBytes(mask), {});
    cv::Mat resized;
    cv::resize(m, resized, cv::Size(width, height), 0, 0, cv::INTER_NEAREST_EXACT);
    resized.convertTo(resized, CV_32S);
    LabelMap map;
    map.height = height;
    map.width = width;
    map.labels.assign(resized.ptr<int32_t>(), resized.ptr<int32_t>() + resized.total());
    const int32_t classes = static_cast<int32_t>(m_classes.size());
    for (int32_t& v : map.labels)
        if (v < 0 || v >= classes)
            v = -1;
    return map;
}

std::vector<SegmentationPair> RunPredictor::validationPairs() const
{
    if (!m_segmentation)
        return {};
    SegmentationIndex index = scanSegmentationFolder(m_dataRoot);
    if (fs::exists(m_runDir / "split.json"))
        loadSegmentationSplit(index, m_runDir / "split.json");
    std::vector<SegmentationPair> pairs;
    for (const SegmentationItem& item : index.items)
        if (item.split == Split::Val)
            pairs.push_back({item.image, item.mask});
    return pairs;
}

}  // namespace tl
