// Every key the README documents for the experiment file takes effect: one row per key runs a
// tiny experiment without and with the key changed and checks that what the key promises
// changed (the split, the frozen set, the learning rate per step, the loss, the files written).
// Two more tests keep the table, the README and the parser in step.
#include "common/errors.h"
#include "data/demo_data.h"
#include "train/experiment.h"
#include "train/experiment_runner.h"
#include "weights/state_dict.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

using namespace tl;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

using CsvRow = std::map<std::string, std::string>;

std::string readText(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

json readJson(const fs::path& file)
{
    return fs::exists(file) ? json::parse(readText(file), nullptr, false) : json();
}

std::vector<std::string> split(const std::string& line, char by)
{
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string field; std::getline(in, field, by);)
        out.push_back(field);
    return out;
}

std::vector<CsvRow> readCsv(const fs::path& file)
{
    std::vector<CsvRow> rows;
    std::istringstream in(readText(file));
    std::string line;
    if (!std::getline(in, line))
        return rows;
    const std::vector<std::string> header = split(line, ',');
    while (std::getline(in, line)) {
        const std::vector<std::string> values = split(line, ',');
        CsvRow row;
        for (size_t i = 0; i < header.size(); ++i)
            row[header[i]] = i < values.size() ? values[i] : std::string();
        rows.push_back(row);
    }
    return rows;
}

/// What one run left behind, or why it was refused.
struct RunView {
    std::string error;
    fs::path dir;
    std::string log;
    json summary;
    json splitFile;
    std::vector<CsvRow> epochs;
    std::vector<CsvRow> steps;
    std::map<std::string, torch::Tensor> model;
    std::string firstTensor;  // the model file's first entry, in file order

    bool ok() const { return error.empty(); }
    double loss(size_t step) const { return step < steps.size() ? std::stod(steps[step].at("loss")) : -1; }
    double lr(size_t step) const { return step < steps.size() ? std::stod(steps[step].at("lr")) : -1; }
    torch::Tensor tensor(const std::string& name) const
    {
        const auto it = model.find(name);
        return it == model.end() ? torch::Tensor() : it->second;
    }
    size_t validationImages() const { return splitFile.value("val", json::array()).size(); }
};

std::map<std::string, torch::Tensor> readModel(const fs::path& file, std::string& first)
{
    std::map<std::string, torch::Tensor> out;
    if (!fs::exists(file))
        return out;
    const WeightFile w = readWeights(file.string());
    if (!w.tensors.empty())
        first = w.tensors.front().name;
    for (const NamedTensor& t : w.tensors)
        out[t.name] = t.tensor;
    return out;
}

RunView viewOf(const fs::path& dir)
{
    RunView v;
    v.dir = dir;
    v.log = readText(dir / "log.txt");
    v.summary = readJson(dir / "summary.json");
    v.splitFile = readJson(dir / "split.json");
    v.epochs = readCsv(dir / "epochs.csv");
    v.steps = readCsv(dir / "metrics.csv");
    v.model = readModel(dir / "model.pth", v.firstTensor);
    return v;
}

bool same(const torch::Tensor& a, const torch::Tensor& b)
{
    return a.defined() && b.defined() && a.sizes() == b.sizes() && torch::equal(a, b);
}

/// The smallest rate the parser takes: a run that trains but moves no weight measurably.
constexpr double kStillLr = 1e-12;

bool nearlySame(const torch::Tensor& a, const torch::Tensor& b)
{
    return a.defined() && b.defined() && a.sizes() == b.sizes() && torch::allclose(a, b, 0.0, 1e-7);
}

int64_t sizeOf(const torch::Tensor& t, int64_t dim)
{
    return t.defined() && t.dim() > dim ? t.size(dim) : -1;
}

/// A check's verdict: empty when the key did what it promises, else what went wrong.
using Verdict = QString;
using Check = std::function<Verdict(const RunView& before, const RunView& after)>;

Verdict expect(bool condition, const QString& why)
{
    return condition ? Verdict() : why;
}

Verdict differentLoss(const RunView& before, const RunView& after)
{
    return expect(after.loss(0) >= 0 && before.loss(0) >= 0 && after.loss(0) != before.loss(0),
                  QStringLiteral("the first step's loss stayed %1").arg(after.loss(0)));
}

/// The tensor `name` of the run's model differs between the two runs.
Check differentTensor(const std::string& name)
{
    return [name](const RunView& before, const RunView& after) {
        const torch::Tensor a = before.tensor(name), b = after.tensor(name);
        return expect(a.defined() && b.defined() && !same(a, b),
                      QStringLiteral("%1 came out the same").arg(QString::fromStdString(name)));
    };
}

/// Flattens a JSON object into "a.b.c" paths of its leaves; lists and maps of ids are leaves.
void flatten(const json& j, const std::string& prefix, std::set<std::string>& out)
{
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string path = prefix.empty() ? it.key() : prefix + "." + it.key();
        if (it->is_object() && it.key() != "lr_mult")
            flatten(*it, path, out);
        else
            out.insert(path);
    }
}

/// The keys of every JSON example in the README's "Experiment file" section.
std::set<std::string> readmeKeys()
{
    const std::string readme = readText(fs::path(TRANSFERLAB_SOURCE_DIR) / "README.md");
    const size_t start = readme.find("\n## Experiment file");
    const size_t end = readme.find("\n## ", start + 1);
    const std::string section = readme.substr(start, end - start);
    std::set<std::string> keys;
    for (size_t at = section.find("```json"); at != std::string::npos; at = section.find("```json", at)) {
        at += 7;
        const size_t close = section.find("```", at);
        const json example = json::parse(section.substr(at, close - at), nullptr, false);
        if (example.is_object())
            flatten(example, "", keys);
        at = close + 3;
    }
    return keys;
}

}  // namespace

class TestExperimentKeys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keyTakesEffect_data();
    void keyTakesEffect();
    void everyDocumentedKeyHasARow();
    void everyParsedKeyIsDocumented();

private:
    struct Row {
        std::string key;
        json setup;   // what both runs share on top of the base experiment
        json change;  // the key changed, for the second run
        Check check;
    };
    std::vector<Row> rows() const;
    void modelRows(std::vector<Row>& t) const;
    void dataRows(std::vector<Row>& t) const;
    void freezeRows(std::vector<Row>& t) const;
    void optimRows(std::vector<Row>& t) const;
    void scheduleRows(std::vector<Row>& t) const;
    void trainRows(std::vector<Row>& t) const;
    void pretrainRows(std::vector<Row>& t) const;
    json segmentation() const;
    json base() const;
    RunView run(const json& document);
    std::string weightsOf(const json& document);
    std::string data(const char* sub) const { return m_dir.filePath(QStringLiteral("demo/")).toStdString() + sub; }

    QTemporaryDir m_dir;
    std::map<std::string, RunView> m_runs;  // by the experiment's text: each distinct run once
    std::string m_lenetWeights;
    std::string m_resnetWeights;
};

void TestExperimentKeys::initTestCase()
{
    QVERIFY(m_dir.isValid());
    DemoDataOptions o;
    o.imageSize = 32;
    o.sourceTrainPerClass = 8;
    o.sourceValPerClass = 3;
    o.targetTrainPerClass = 4;
    o.targetValPerClass = 3;
    o.segmentationImages = 16;
    writeDemoData(m_dir.filePath(QStringLiteral("demo")).toStdString(), o);
    m_lenetWeights = weightsOf(base());
    m_resnetWeights = weightsOf(json{{"model", {{"arch", "resnet18"}}}});
    QVERIFY(!m_lenetWeights.empty() && !m_resnetWeights.empty());
}

/// LeNet-5 on the eight source shapes, a quarter held out, no augmentation: two short epochs.
json TestExperimentKeys::base() const
{
    return json{{"format", kExperimentFormat},
                {"name", "keys"},
                {"model", {{"arch", "lenet5"}}},
                {"data",
                 {{"train", data("source/train")},
                  {"val_fraction", 0.25},
                  {"image_size", 32},
                  {"augment", {{"random_resized_crop", false}, {"horizontal_flip", false}}}}},
                {"optim", {{"lr", 0.01}}},
                {"train", {{"epochs", 2}, {"batch_size", 16}, {"seed", 1}, {"threads", 1}}}};
}

RunView TestExperimentKeys::run(const json& overrides)
{
    json document = base();
    if (overrides.is_object())  // a row's empty setup is null, which as a patch would erase everything
        document.merge_patch(overrides);
    const std::string text = document.dump();
    if (const auto it = m_runs.find(text); it != m_runs.end())
        return it->second;
    RunView view;
    try {
        const Experiment e = parseExperiment(document, "keys.json");
        ExperimentRunner runner(e, m_dir.filePath(QStringLiteral("runs")).toStdString());
        runner.run();
        view = viewOf(runner.folder().path());
    } catch (const Error& error) {
        view.error = error.what();
    }
    m_runs[text] = view;
    return view;
}

std::string TestExperimentKeys::weightsOf(const json& document)
{
    const RunView v = run(document);
    return v.ok() ? (v.dir / "model.pth").string() : std::string();
}

/// U-Net on the demo's image/mask pairs, narrow enough to train in a moment.
json TestExperimentKeys::segmentation() const
{
    return json{{"task", "segmentation"},
                {"model", {{"arch", "unet"}, {"unet_base_width", 4}}},
                {"data", {{"train", data("segmentation")}}},
                {"train", {{"epochs", 1}}}};
}

std::vector<TestExperimentKeys::Row> TestExperimentKeys::rows() const
{
    std::vector<Row> t;
    t.push_back({"format", {}, {{"format", "transferlab-experiment/9"}}, [](const RunView&, const RunView& after) {
                     return expect(after.error.find("format") != std::string::npos, QStringLiteral("another format was accepted"));
                 }});
    t.push_back({"name", {}, {{"name", "renamed"}}, [](const RunView&, const RunView& after) {
                     return expect(after.dir.filename().string().find("renamed") != std::string::npos,
                                   QStringLiteral("the run folder is not named for the experiment"));
                 }});
    json classification = segmentation();
    classification["task"] = "classification";
    t.push_back({"task", classification, {{"task", "segmentation"}}, [](const RunView& before, const RunView& after) {
                     return expect(!before.ok() && after.summary.value("task", "") == "segmentation"
                                       && after.epochs.at(0).count("val_miou"),
                                   QStringLiteral("the segmentation task did not run as one"));
                 }});
    modelRows(t);
    dataRows(t);
    freezeRows(t);
    optimRows(t);
    scheduleRows(t);
    trainRows(t);
    pretrainRows(t);
    return t;
}

void TestExperimentKeys::modelRows(std::vector<Row>& t) const
{
    t.push_back({"model.arch", {}, {{"model", {{"arch", "resnet18"}}}}, [](const RunView& before, const RunView& after) {
                     return expect(!before.tensor("layer1.0.conv1.weight").defined()
                                       && after.tensor("layer1.0.conv1.weight").defined(),
                                   QStringLiteral("the model is not a ResNet-18"));
                 }});
    const json frozenLr{{"optim", {{"lr", kStillLr}}}};
    t.push_back({"model.weights", frozenLr, {{"model", {{"weights", m_lenetWeights}}}},
                 [w = m_lenetWeights](const RunView& before, const RunView& after) {
                     std::string first;
                     const auto start = readModel(w, first);
                     for (const auto& [name, tensor] : start)
                         if (!nearlySame(tensor, after.tensor(name)))
                             return QStringLiteral("%1 does not start from the weight file").arg(QString::fromStdString(name));
                     return expect(!same(start.at("features.c1.weight"), before.tensor("features.c1.weight")),
                                   QStringLiteral("the run without weights starts from them too"));
                 }});
    t.push_back({"model.num_classes", {}, {{"model", {{"num_classes", 5}}}}, [](const RunView&, const RunView& after) {
                     return expect(after.error.find("model.num_classes") != std::string::npos,
                                   QStringLiteral("5 outputs for 8 classes were accepted"));
                 }});
    t.push_back({"model.num_classes", {}, {{"model", {{"num_classes", 8}}}}, [](const RunView&, const RunView& after) {
                     return expect(sizeOf(after.tensor("classifier.output.weight"), 0) == 8, QStringLiteral("not 8 outputs"));
                 }});
    t.push_back({"model.in_channels", {}, {{"model", {{"in_channels", 1}}}}, [](const RunView& before, const RunView& after) {
                     return expect(sizeOf(before.tensor("features.c1.weight"), 1) == 3
                                       && sizeOf(after.tensor("features.c1.weight"), 1) == 1,
                                   QStringLiteral("the first convolution does not take one channel"));
                 }});
    t.push_back({"model.unet_base_width", segmentation(), {{"model", {{"unet_base_width", 8}}}},
                 [](const RunView& before, const RunView& after) {
                     return expect(sizeOf(before.tensor(before.firstTensor), 0) == 4 && sizeOf(after.tensor(after.firstTensor), 0) == 8,
                                   QStringLiteral("U-Net's first level is not 8 wide"));
                 }});
    const json resnetStill{{"model", {{"arch", "resnet18"}}}, {"optim", {{"lr", kStillLr}}}};
    t.push_back({"model.zero_init_residual", resnetStill, {{"model", {{"zero_init_residual", true}}}},
                 [](const RunView& before, const RunView& after) {
                     const torch::Tensor a = before.tensor("layer1.0.bn2.weight"), b = after.tensor("layer1.0.bn2.weight");
                     return expect(a.defined() && b.defined() && a.abs().sum().item<double>() > 0
                                       && b.abs().max().item<double>() < 1e-9,
                                   QStringLiteral("the blocks' last BatchNorm does not start at zero"));
                 }});
}

void TestExperimentKeys::dataRows(std::vector<Row>& t) const
{
    t.push_back({"data.train", {}, {{"data", {{"train", data("target/train")}}}}, [](const RunView& before, const RunView& after) {
                     return expect(before.splitFile["classes"].size() == 8 && after.splitFile["classes"].size() == 5,
                                   QStringLiteral("the target's five classes were not used"));
                 }});
    t.push_back({"data.val", {}, {{"data", {{"val", data("source/val")}}}}, [](const RunView& before, const RunView& after) {
                     return expect(before.splitFile["validation"]["source"] == "fraction"
                                       && after.splitFile["validation"]["source"] == "folder"
                                       && after.summary["validation"]["images"] == 24,
                                   QStringLiteral("the validation folder's 24 images were not used"));
                 }});
    t.push_back({"data.val_fraction", {}, {{"data", {{"val_fraction", 0.5}}}}, [](const RunView& before, const RunView& after) {
                     return expect(before.validationImages() == 16 && after.validationImages() == 32,
                                   QStringLiteral("%1 then %2 images held out").arg(before.validationImages()).arg(after.validationImages()));
                 }});
    t.push_back({"data.image_size", {{"model", {{"arch", "resnet18"}}}}, {{"data", {{"image_size", 48}}}},
                 [](const RunView& before, const RunView& after) {
                     return expect(before.log.find(" 32 px,") != std::string::npos && after.log.find(" 48 px,") != std::string::npos,
                                   QStringLiteral("the run did not train at 48 px"));
                 }});
    t.push_back({"data.split_seed", {}, {{"data", {{"split_seed", 3}}}}, [](const RunView& before, const RunView& after) {
                     return expect(before.validationImages() == after.validationImages() && before.splitFile["val"] != after.splitFile["val"],
                                   QStringLiteral("another seed held out the same images"));
                 }});
    const auto augment = [](json a) { return json{{"data", {{"augment", a}}}}; };
    t.push_back({"data.augment.random_resized_crop", {}, augment({{"random_resized_crop", true}}), differentLoss});
    t.push_back({"data.augment.min_scale", augment({{"random_resized_crop", true}}), augment({{"min_scale", 0.6}}), differentLoss});
    t.push_back({"data.augment.horizontal_flip", {}, augment({{"horizontal_flip", true}}), differentLoss});
    t.push_back({"data.augment.rotation", {}, augment({{"rotation", 30}}), differentLoss});
    t.push_back({"data.augment.color_jitter", {}, augment({{"color_jitter", 0.4}}), differentLoss});
    t.push_back({"data.normalize", {}, {{"data", {{"normalize", "none"}}}}, [](const RunView& before, const RunView& after) {
                     return expect(after.summary["normalization"]["mean"] == json::array({0.0, 0.0, 0.0})
                                       && before.summary["normalization"]["mean"] != after.summary["normalization"]["mean"]
                                       && !differentLoss(before, after).size(),
                                   QStringLiteral("the images were still normalised"));
                 }});
    t.push_back({"data.normalize", {}, {{"data", {{"normalize", "dataset"}}}}, [](const RunView& before, const RunView& after) {
                     const json mean = after.summary["normalization"]["mean"];
                     return expect(mean.size() == 3 && mean != before.summary["normalization"]["mean"] && mean[0] != 0.0,
                                   QStringLiteral("the dataset's own statistics were not used"));
                 }});
}

/// Checks that `name` ends where the weight file `start` has it (true) or not (false).
Check keptFrom(const std::string& start, const std::string& name, bool keptBefore, bool keptAfter)
{
    return [=](const RunView& before, const RunView& after) {
        std::string first;
        const torch::Tensor w = readModel(start, first).at(name);
        const bool a = same(w, before.tensor(name)), b = same(w, after.tensor(name));
        return expect(a == keptBefore && b == keptAfter, QStringLiteral("%1 kept: %2 then %3, expected %4 then %5")
                                                             .arg(QString::fromStdString(name)).arg(a).arg(b)
                                                             .arg(keptBefore).arg(keptAfter));
    };
}

void TestExperimentKeys::freezeRows(std::vector<Row>& t) const
{
    const auto freeze = [](json f) { return json{{"freeze", f}}; };
    json lenet{{"model", {{"weights", m_lenetWeights}}}};
    json resnet{{"model", {{"arch", "resnet18"}, {"weights", m_resnetWeights}}}};
    const std::string& w = m_lenetWeights;
    t.push_back({"freeze.preset", lenet, freeze({{"preset", "linear_probe"}}), keptFrom(w, "features.c1.weight", false, true)});
    json lastStages = resnet;
    lastStages.merge_patch(freeze({{"preset", "last_stages"}, {"last_stages", 1}}));
    t.push_back({"freeze.last_stages", lastStages, freeze({{"last_stages", 2}}),
                 keptFrom(m_resnetWeights, "layer3.0.conv1.weight", true, false)});
    t.push_back({"freeze.frozen", lenet, freeze({{"frozen", {"features.c3"}}}), keptFrom(w, "features.c3.weight", false, true)});
    json probe = lenet;
    probe.merge_patch(freeze({{"preset", "linear_probe"}}));
    t.push_back({"freeze.trainable", probe, freeze({{"trainable", {"features.c5"}}}), keptFrom(w, "features.c5.weight", true, false)});
    json resnetProbe = resnet;
    resnetProbe.merge_patch(freeze({{"preset", "linear_probe"}}));
    t.push_back({"freeze.bn", resnetProbe, freeze({{"bn", "train"}}),
                 keptFrom(m_resnetWeights, "layer1.0.bn1.running_mean", true, false)});
    t.push_back({"freeze.bn", resnetProbe, freeze({{"bn", "affine"}}), [r = m_resnetWeights](const RunView& b, const RunView& a) {
                     const Verdict stats = keptFrom(r, "layer1.0.bn1.running_mean", true, true)(b, a);
                     return stats.isEmpty() ? keptFrom(r, "layer1.0.bn1.weight", true, false)(b, a) : stats;
                 }});
    t.push_back({"freeze.lr_mult", lenet, freeze({{"lr_mult", {{"features.c1", 0}}}}), keptFrom(w, "features.c1.weight", false, true)});
    json probeLonger = probe;
    probeLonger["train"] = {{"epochs", 3}};
    t.push_back({"freeze.unfreeze_schedule", probeLonger,
                 freeze({{"unfreeze_schedule", json::array({{{"epoch", 2}, {"unfreeze", {"features"}}}})}}),
                 keptFrom(w, "features.c1.weight", true, false)});
}

void TestExperimentKeys::optimRows(std::vector<Row>& t) const
{
    const auto optim = [](json o) { return json{{"optim", o}}; };
    const Check moved = differentTensor("features.c1.weight");
    t.push_back({"optim.name", {}, optim({{"name", "adam"}}), moved});
    t.push_back({"optim.name", optim({{"name", "adam"}, {"weight_decay", 0.05}}), optim({{"name", "adamw"}}), moved});
    t.push_back({"optim.lr", {}, optim({{"lr", 0.005}}), [](const RunView& before, const RunView& after) {
                     return expect(before.lr(0) == 0.01 && after.lr(0) == 0.005, QStringLiteral("the first step's rate is %1").arg(after.lr(0)));
                 }});
    t.push_back({"optim.momentum", {}, optim({{"momentum", 0}}), moved});
    t.push_back({"optim.nesterov", {}, optim({{"nesterov", true}}), moved});
    t.push_back({"optim.weight_decay", {}, optim({{"weight_decay", 0.1}}), moved});
    t.push_back({"optim.decay_norm_and_bias", optim({{"weight_decay", 0.1}}), optim({{"decay_norm_and_bias", true}}),
                 differentTensor("classifier.output.bias")});
    t.push_back({"optim.beta1", optim({{"name", "adam"}}), optim({{"beta1", 0.5}}), moved});
    t.push_back({"optim.beta2", optim({{"name", "adam"}}), optim({{"beta2", 0.9}}), moved});
    t.push_back({"optim.label_smoothing", {}, optim({{"label_smoothing", 0.2}}), differentLoss});
    t.push_back({"optim.class_weights", {}, optim({{"class_weights", {5, 1, 1, 1, 1, 1, 1, 1}}}), differentLoss});
    const json googlenet{{"model", {{"arch", "googlenet"}}}, {"data", {{"image_size", 64}}}, {"train", {{"epochs", 1}}}};
    t.push_back({"optim.aux_loss_weight", googlenet, optim({{"aux_loss_weight", 0}}), differentLoss});
    t.push_back({"optim.cross_entropy_weight", segmentation(), optim({{"cross_entropy_weight", 2}}), differentLoss});
    t.push_back({"optim.dice_weight", segmentation(), optim({{"dice_weight", 0}}), differentLoss});
}

void TestExperimentKeys::scheduleRows(std::vector<Row>& t) const
{
    const auto schedule = [](json s) { return json{{"schedule", s}}; };
    const auto lastLr = [](const RunView& v) { return v.lr(v.steps.size() - 1); };
    t.push_back({"schedule.name", {}, schedule({{"name", "constant"}}), [=](const RunView& before, const RunView& after) {
                     return expect(lastLr(before) < 0.01 && lastLr(after) == 0.01, QStringLiteral("the rate still decays"));
                 }});
    t.push_back({"schedule.warmup_epochs", {}, schedule({{"warmup_epochs", 1}}), [](const RunView& before, const RunView& after) {
                     return expect(before.lr(0) == 0.01 && std::abs(after.lr(0) - 0.01 / 3) < 1e-9,
                                   QStringLiteral("the first of three warm-up steps runs at %1").arg(after.lr(0)));
                 }});
    const json step = schedule({{"name", "step"}, {"gamma", 0.5}});
    t.push_back({"schedule.step_epochs", step, schedule({{"step_epochs", 1}}), [](const RunView& before, const RunView& after) {
                     return expect(before.lr(3) == 0.01 && after.lr(3) == 0.005, QStringLiteral("epoch 2 runs at %1").arg(after.lr(3)));
                 }});
    json stepEvery = step;
    stepEvery["schedule"]["step_epochs"] = 1;
    t.push_back({"schedule.gamma", stepEvery, schedule({{"gamma", 0.2}}), [](const RunView& before, const RunView& after) {
                     return expect(before.lr(3) == 0.005 && std::abs(after.lr(3) - 0.002) < 1e-12,
                                   QStringLiteral("epoch 2 runs at %1").arg(after.lr(3)));
                 }});
    t.push_back({"schedule.min_factor", {}, schedule({{"min_factor", 0.5}}), [=](const RunView& before, const RunView& after) {
                     return expect(lastLr(before) < 0.005 && lastLr(after) >= 0.005, QStringLiteral("the rate falls below half"));
                 }});
    const json cycle = schedule({{"name", "one_cycle"}});
    t.push_back({"schedule.div_factor", cycle, schedule({{"div_factor", 10}}), [](const RunView& before, const RunView& after) {
                     return expect(std::abs(before.lr(0) - 0.0004) < 1e-12 && std::abs(after.lr(0) - 0.001) < 1e-12,
                                   QStringLiteral("the cycle starts at %1").arg(after.lr(0)));
                 }});
    t.push_back({"schedule.final_div_factor", cycle, schedule({{"final_div_factor", 10}}), [=](const RunView& before, const RunView& after) {
                     return expect(lastLr(after) > lastLr(before), QStringLiteral("the cycle ends at the same rate"));
                 }});
    const auto peak = [](const RunView& v) {
        size_t best = 0;
        for (size_t i = 0; i < v.steps.size(); ++i)
            best = v.lr(i) > v.lr(best) ? i : best;
        return best;
    };
    t.push_back({"schedule.pct_start", cycle, schedule({{"pct_start", 0.8}}), [=](const RunView& before, const RunView& after) {
                     return expect(peak(after) > peak(before), QStringLiteral("the peak did not move later"));
                 }});
}

void TestExperimentKeys::trainRows(std::vector<Row>& t) const
{
    const auto train = [](json o) { return json{{"train", o}}; };
    t.push_back({"train.epochs", {}, train({{"epochs", 3}}), [](const RunView& before, const RunView& after) {
                     return expect(before.epochs.size() == 2 && after.epochs.size() == 3, QStringLiteral("not three epochs"));
                 }});
    t.push_back({"train.batch_size", {}, train({{"batch_size", 8}}), [](const RunView& before, const RunView& after) {
                     return expect(before.steps.size() == 6 && after.steps.size() == 12, QStringLiteral("%1 steps").arg(after.steps.size()));
                 }});
    t.push_back({"train.seed", {}, train({{"seed", 9}}), differentLoss});
    t.push_back({"train.device", {}, train({{"device", "cpu"}}), [](const RunView&, const RunView& after) {
                     return expect(after.summary.value("device", "") == "cpu", QStringLiteral("did not run on the CPU"));
                 }});
    if (!torch::cuda::is_available())
        t.push_back({"train.device", {}, train({{"device", "cuda"}}), [](const RunView&, const RunView& after) {
                         return expect(after.error.find("CUDA") != std::string::npos, QStringLiteral("CUDA was asked for and not refused"));
                     }});
    t.push_back({"train.threads", {}, train({{"threads", 2}}), [](const RunView& before, const RunView& after) {
                     return expect(before.summary["threads"] == 1 && after.summary["threads"] == 2, QStringLiteral("not two threads"));
                 }});
    json probe{{"model", {{"weights", m_lenetWeights}}}, {"freeze", {{"preset", "linear_probe"}}}};
    t.push_back({"train.cache_frozen_features", probe, train({{"cache_frozen_features", false}}),
                 [](const RunView& before, const RunView& after) {
                     return expect(before.log.find("feature caching at") != std::string::npos
                                       && after.log.find("feature caching") == std::string::npos,
                                   QStringLiteral("caching was not turned off"));
                 }});
    const json still{{"optim", {{"lr", kStillLr}}}, {"train", {{"epochs", 4}}}};
    t.push_back({"train.early_stop_patience", still, train({{"early_stop_patience", 1}}), [](const RunView& before, const RunView& after) {
                     return expect(before.epochs.size() == 4 && after.epochs.size() == 2
                                       && after.summary.value("outcome", "") == "early_stopped",
                                   QStringLiteral("%1 epochs with patience 1 and nothing to learn").arg(after.epochs.size()));
                 }});
    t.push_back({"train.loader_threads", {}, train({{"loader_threads", 3}}), [](const RunView& before, const RunView& after) {
                     return expect(before.log.find("2 loader threads") != std::string::npos
                                       && after.log.find("3 loader threads") != std::string::npos && !differentLoss(before, after).isEmpty(),
                                   QStringLiteral("three loader threads were not used, or changed the result"));
                 }});
}

void TestExperimentKeys::pretrainRows(std::vector<Row>& t) const
{
    const json target{{"data", {{"train", data("target/train")}, {"val", data("target/val")}}}};
    json staged = target;
    staged["pretrain"] = {{"data", {{"train", data("source/train")}}}, {"epochs", 1}};
    const auto pretrain = [](json p) { return json{{"pretrain", p}}; };
    t.push_back({"pretrain.data.train", target, pretrain({{"data", {{"train", data("source/train")}}}}),
                 [](const RunView& before, const RunView& after) {
                     const RunView stage = viewOf(after.dir / "pretrain");
                     return expect(!fs::exists(before.dir / "pretrain") && stage.splitFile["classes"].size() == 8
                                       && after.summary.contains("pretrain"),
                                   QStringLiteral("no source stage on the eight source classes"));
                 }});
    t.push_back({"pretrain.data.val", staged, pretrain({{"data", {{"val", data("source/val")}}}}),
                 [](const RunView& before, const RunView& after) {
                     const RunView b = viewOf(before.dir / "pretrain"), a = viewOf(after.dir / "pretrain");
                     return expect(b.splitFile["validation"]["source"] == "fraction" && a.splitFile["validation"]["source"] == "folder",
                                   QStringLiteral("the source stage did not validate on its folder"));
                 }});
    t.push_back({"pretrain.epochs", staged, pretrain({{"epochs", 2}}), [](const RunView& before, const RunView& after) {
                     return expect(viewOf(before.dir / "pretrain").epochs.size() == 1 && viewOf(after.dir / "pretrain").epochs.size() == 2
                                       && after.epochs.size() == 2,
                                   QStringLiteral("the source stage did not run two epochs"));
                 }});
    json fromWeights = staged;
    fromWeights["model"] = {{"weights", m_lenetWeights}};
    t.push_back({"pretrain.freeze.preset", fromWeights, pretrain({{"freeze", {{"preset", "linear_probe"}}}}),
                 [w = m_lenetWeights](const RunView& before, const RunView& after) {
                     RunView b = viewOf(before.dir / "pretrain"), a = viewOf(after.dir / "pretrain");
                     return keptFrom(w, "features.c1.weight", false, true)(b, a);
                 }});
    t.push_back({"pretrain.optim.lr", staged, pretrain({{"optim", {{"lr", 0.003}}}}), [](const RunView& before, const RunView& after) {
                     return expect(viewOf(before.dir / "pretrain").lr(0) == 0.01 && viewOf(after.dir / "pretrain").lr(0) == 0.003
                                       && after.lr(0) == 0.01,
                                   QStringLiteral("the source stage's rate is not its own"));
                 }});
}

void TestExperimentKeys::keyTakesEffect_data()
{
    QTest::addColumn<int>("row");
    const std::vector<Row> table = rows();
    std::map<std::string, int> seen;
    for (size_t i = 0; i < table.size(); ++i) {
        const int n = ++seen[table[i].key];
        const std::string tag = n == 1 ? table[i].key : table[i].key + " #" + std::to_string(n);
        QTest::newRow(tag.c_str()) << int(i);
    }
}

void TestExperimentKeys::keyTakesEffect()
{
    QFETCH(int, row);
    const Row r = rows().at(size_t(row));
    json changed = r.setup;
    changed.merge_patch(r.change);
    const RunView before = run(r.setup);
    const RunView after = run(changed);
    Verdict verdict;
    try {
        verdict = r.check(before, after);
    } catch (const std::exception& error) {
        verdict = QStringLiteral("the check could not read the runs: ") + QString::fromUtf8(error.what()).section(QLatin1Char('\n'), 0, 0);
    }
    QVERIFY2(verdict.isEmpty(), qPrintable(verdict + QStringLiteral(" (before: ") + QString::fromStdString(before.error)
                                           + QStringLiteral("; after: ") + QString::fromStdString(after.error)
                                           + QStringLiteral(")")));
}

void TestExperimentKeys::everyDocumentedKeyHasARow()
{
    std::set<std::string> covered;
    for (const Row& r : rows())
        covered.insert(r.key);
    const std::set<std::string> documented = readmeKeys();
    QVERIFY(documented.size() > 40);
    for (const std::string& key : documented)
        QVERIFY2(covered.count(key), ("no row checks the documented key " + key).c_str());
    for (const std::string& key : covered)
        QVERIFY2(documented.count(key), ("the README's experiment file does not show " + key).c_str());
}

void TestExperimentKeys::everyParsedKeyIsDocumented()
{
    // What the parser reads is what toJson writes back: every entry of a default experiment.
    std::set<std::string> written;
    flatten(toJson(Experiment{}), "", written);
    const std::set<std::string> documented = readmeKeys();
    for (const std::string& key : written)
        QVERIFY2(documented.count(key), ("the README does not document " + key).c_str());
}

QTEST_APPLESS_MAIN(TestExperimentKeys)
#include "tst_experiment_keys.moc"
