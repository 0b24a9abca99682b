#include "train/classification_report.h"

#include "models/graph_module.h"

#include <torch/torch.h>

#include <sstream>

namespace tl {

namespace {

constexpr const char* kConfusionFile = "confusion.json";
constexpr const char* kPredictionsFile = "val_predictions.csv";

std::string number(double v)
{
    std::ostringstream s;
    s.precision(8);
    s << v;
    return s.str();
}

/// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

bool keptEntry(const nlohmann::json& entry, int keptEpochs)
{
    return entry.is_object() && entry.value("epoch", 0) >= 1 && entry.value("epoch", 0) <= keptEpochs;
}

}  // namespace

nlohmann::json confusionEntry(int epoch, const ConfusionMatrix& matrix, const std::vector<std::string>& classes)
{
    nlohmann::json rows = nlohmann::json::array();
    nlohmann::json perClass = nlohmann::json::array();
    for (int t = 0; t < matrix.classes(); ++t) {
        nlohmann::json row = nlohmann::json::array();
        for (int p = 0; p < matrix.classes(); ++p)
            row.push_back(matrix.count(t, p));
        rows.push_back(std::move(row));
        const ClassScores s = matrix.scores(t);
        perClass.push_back({{"class", size_t(t) < classes.size() ? classes[size_t(t)] : std::to_string(t)},
                            {"precision", s.precision},
                            {"recall", s.recall},
                            {"f1", s.f1},
                            {"support", s.support}});
    }
    return {{"epoch", epoch}, {"matrix", rows}, {"per_class", perClass}, {"macro_f1", matrix.macroF1()}};
}

ConfusionLog::ConfusionLog(const RunFolder& folder, std::vector<std::string> classes, int keptEpochs)
    : m_folder(folder), m_classes(std::move(classes))
{
    if (keptEpochs <= 0 || !std::filesystem::exists(m_folder.file(kConfusionFile)))
        return;
    const auto previous = nlohmann::json::parse(m_folder.readText(kConfusionFile), nullptr, false);
    if (!previous.is_object())
        return;  // unreadable: the next epoch writes a fresh one
    if (keptEntry(previous.value("last", nlohmann::json()), keptEpochs))
        m_last = previous["last"];
    if (keptEntry(previous.value("best", nlohmann::json()), keptEpochs))
        m_best = previous["best"];
}

void ConfusionLog::record(int epoch, const ConfusionMatrix& matrix, bool best)
{
    m_last = confusionEntry(epoch, matrix, m_classes);
    if (best || m_best.is_null())
        m_best = m_last;
    const nlohmann::json document{{"classes", m_classes}, {"last", m_last}, {"best", m_best}};
    m_folder.writeText(kConfusionFile, document.dump(1) + "\n");
}

std::vector<SamplePrediction> predictSamples(GraphModule& model, BatchStream& data, torch::Device device,
                                             const std::function<std::string(int64_t)>& pathOf)
{
    torch::NoGradGuard noGrad;
    model.eval();
    std::vector<SamplePrediction> out;
    data.startEpoch(0);
    while (std::optional<TrainBatch> batch = data.next()) {
        const torch::Tensor targets = batch->targets.to(device);
        const torch::Tensor logits = model.forward(batch->images.to(device));
        const torch::Tensor losses = torch::nn::functional::cross_entropy(
            logits, targets, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone));
        const auto [prob, predicted] = torch::softmax(logits.to(torch::kFloat64), 1).max(1);
        const torch::Tensor t = targets.to(torch::kCPU);
        const torch::Tensor p = predicted.to(torch::kCPU);
        const torch::Tensor q = prob.to(torch::kCPU);
        const torch::Tensor l = losses.to(torch::kCPU, torch::kFloat64);
        for (int64_t i = 0; i < t.size(0); ++i) {
            SamplePrediction s;
            s.index = size_t(i) < batch->indices.size() ? batch->indices[size_t(i)] : int64_t(out.size());
            s.path = pathOf ? pathOf(s.index) : std::string();
            s.target = t[i].item<int64_t>();
            s.predicted = p[i].item<int64_t>();
            s.prob = q[i].item<double>();
            s.loss = l[i].item<double>();
            out.push_back(std::move(s));
        }
    }
    return out;
}

void writePredictions(const RunFolder& folder, const std::vector<SamplePrediction>& predictions)
{
    std::string text = "index,path,target,predicted,prob,loss\n";
    for (const SamplePrediction& s : predictions)
        text += std::to_string(s.index) + "," + csvField(s.path) + "," + std::to_string(s.target) + ","
              + std::to_string(s.predicted) + "," + number(s.prob) + "," + number(s.loss) + "\n";
    folder.writeText(kPredictionsFile, text);
}

}  // namespace tl
