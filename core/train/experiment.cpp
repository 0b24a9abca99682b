#include "train/experiment.h"

#include "common/errors.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>
#include <set>
#include <sstream>

namespace tl {

namespace {

using nlohmann::json;

/// Reads one JSON object, remembering which keys were used so that the rest can be reported
/// as unknown (a misspelt key must not be silently ignored).
class ObjectReader {
public:
    ObjectReader(const json& value, std::string path, const std::string& file) : m_value(value), m_path(std::move(path)), m_file(file)
    {
        if (!m_value.is_object())
            fail("", "expected an object");
    }

    [[noreturn]] void fail(const std::string& key, const std::string& why) const
    {
        throw ExperimentError(m_file + ": " + (m_path.empty() && key.empty() ? "/" : m_path + (key.empty() ? "" : "/" + key))
                              + ": " + why);
    }

    const json* find(const std::string& key)
    {
        m_used.insert(key);
        auto it = m_value.find(key);
        return it == m_value.end() || it->is_null() ? nullptr : &*it;
    }

    void read(const std::string& key, std::string& out)
    {
        if (const json* v = find(key)) {
            if (!v->is_string())
                fail(key, "expected a string");
            out = v->get<std::string>();
        }
    }

    void read(const std::string& key, bool& out)
    {
        if (const json* v = find(key)) {
            if (!v->is_boolean())
                fail(key, "expected true or false");
            out = v->get<bool>();
        }
    }

    void read(const std::string& key, double& out, double min, double max)
    {
        if (const json* v = find(key)) {
            if (!v->is_number())
                fail(key, "expected a number");
            const double d = v->get<double>();
            if (!(d >= min && d <= max))
                fail(key, "must be between " + number(min) + " and " + number(max));
            out = d;
        }
    }

    template <typename Int>
    void readInt(const std::string& key, Int& out, int64_t min, int64_t max)
    {
        if (const json* v = find(key)) {
            if (!v->is_number_integer())
                fail(key, "expected a whole number");
            const int64_t i = v->get<int64_t>();
            if (i < min || i > max)
                fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
            out = static_cast<Int>(i);
        }
    }

    void read(const std::string& key, std::vector<std::string>& out)
    {
        if (const json* v = find(key)) {
            if (!v->is_array())
                fail(key, "expected a list of names");
            out.clear();
            for (const json& item : *v) {
                if (!item.is_string())
                    fail(key, "expected a list of names");
                out.push_back(item.get<std::string>());
            }
        }
    }

    ObjectReader child(const std::string& key)
    {
        static const json empty = json::object();
        const json* v = find(key);
        return ObjectReader(v ? *v : empty, m_path + "/" + key, m_file);
    }

    bool has(const std::string& key) const { return m_value.contains(key); }
    const std::string& path() const { return m_path; }
    const std::string& file() const { return m_file; }

    void finish() const
    {
        for (auto it = m_value.begin(); it != m_value.end(); ++it)
            if (!m_used.count(it.key()))
                fail(it.key(), "unknown key");
    }

private:
    static std::string number(double d)
    {
        std::ostringstream s;
        s << d;
        return s.str();
    }

    const json& m_value;
    std::string m_path;
    const std::string& m_file;
    std::set<std::string> m_used;
};

void readAugment(ObjectReader r, AugmentConfig& a)
{
    r.read("random_resized_crop", a.randomResizedCrop);
    r.read("min_scale", a.minScale, 0.01, 1.0);
    r.read("horizontal_flip", a.horizontalFlip);
    r.read("rotation", a.rotationDegrees, 0.0, 180.0);
    r.read("color_jitter", a.colorJitter, 0.0, 1.0);
    r.finish();
}

void readFreeze(ObjectReader r, FreezeConfig& f)
{
    std::string preset = toString(f.preset);
    r.read("preset", preset);
    if (!parseFreezePreset(preset, f.preset))
        r.fail("preset", "unknown preset '" + preset + "' (linear_probe, last_stages, full, scratch)");
    r.readInt("last_stages", f.lastStages, 0, 1000);
    r.read("frozen", f.frozen);
    r.read("trainable", f.trainable);
    std::string bn = toString(f.batchNorm);
    r.read("bn", bn);
    if (!parseBatchNormPolicy(bn, f.batchNorm))
        r.fail("bn", "unknown BatchNorm policy '" + bn + "' (frozen, affine, train)");
    if (const json* m = r.find("lr_mult")) {
        if (!m->is_object())
            r.fail("lr_mult", "expected an object of id: multiplier");
        for (auto it = m->begin(); it != m->end(); ++it) {
            if (!it->is_number() || it->get<double>() < 0)
                r.fail("lr_mult/" + it.key(), "expected a number of at least 0");
            f.lrMultipliers[it.key()] = it->get<double>();
        }
    }
    if (const json* s = r.find("unfreeze_schedule")) {
        if (!s->is_array())
            r.fail("unfreeze_schedule", "expected a list of {\"epoch\", \"unfreeze\"}");
        f.unfreezeSchedule.clear();
        for (size_t i = 0; i < s->size(); ++i) {
            ObjectReader step((*s)[i], r.path() + "/unfreeze_schedule/" + std::to_string(i), r.file());
            UnfreezeStep u;
            step.readInt("epoch", u.epoch, 0, 100000);
            step.read("unfreeze", u.ids);
            step.finish();
            f.unfreezeSchedule.push_back(u);
        }
    }
    r.finish();
}

void readOptim(ObjectReader r, OptimConfig& o)
{
    r.read("name", o.name);
    if (o.name != "sgd" && o.name != "adam" && o.name != "adamw")
        r.fail("name", "unknown optimiser '" + o.name + "' (sgd, adam, adamw)");
    r.read("lr", o.lr, 1e-12, 100.0);
    r.read("momentum", o.momentum, 0.0, 1.0);
    r.read("nesterov", o.nesterov);
    r.read("weight_decay", o.weightDecay, 0.0, 1.0);
    r.read("decay_norm_and_bias", o.decayNormAndBias);
    r.read("beta1", o.beta1, 0.0, 1.0);
    r.read("beta2", o.beta2, 0.0, 1.0);
    r.read("label_smoothing", o.labelSmoothing, 0.0, 0.99);
    r.read("aux_loss_weight", o.auxLossWeight, 0.0, 10.0);
    r.read("cross_entropy_weight", o.crossEntropyWeight, 0.0, 100.0);
    r.read("dice_weight", o.diceWeight, 0.0, 100.0);
    if (o.crossEntropyWeight == 0 && o.diceWeight == 0)
        r.fail("dice_weight", "cross_entropy_weight and dice_weight cannot both be 0");
    if (const json* w = r.find("class_weights")) {
        if (!w->is_array())
            r.fail("class_weights", "expected a list of numbers");
        o.classWeights.clear();
        for (const json& x : *w) {
            if (!x.is_number() || x.get<double>() < 0)
                r.fail("class_weights", "expected a list of numbers of at least 0");
            o.classWeights.push_back(x.get<double>());
        }
    }
    r.finish();
}

void readSchedule(ObjectReader r, ScheduleConfig& s)
{
    std::string name = toString(s.kind);
    r.read("name", name);
    if (!parseScheduleKind(name, s.kind))
        r.fail("name", "unknown schedule '" + name + "' (constant, step, cosine, one_cycle)");
    r.read("warmup_epochs", s.warmupEpochs, 0.0, 1000.0);
    r.readInt("step_epochs", s.stepEpochs, 1, 100000);
    r.read("gamma", s.gamma, 0.0, 1.0);
    r.read("min_factor", s.minFactor, 0.0, 1.0);
    r.read("pct_start", s.pctStart, 0.01, 0.99);
    r.read("div_factor", s.divFactor, 1.0, 1e6);
    r.read("final_div_factor", s.finalDivFactor, 1.0, 1e9);
    r.finish();
}

void readTrain(ObjectReader r, TrainConfig& t)
{
    r.readInt("epochs", t.epochs, 1, 100000);
    r.readInt("batch_size", t.batchSize, 1, 65536);
    r.readInt("seed", t.seed, 0, std::numeric_limits<int64_t>::max());
    r.read("device", t.device);
    if (t.device != "auto" && t.device != "cpu" && t.device != "cuda")
        r.fail("device", "unknown device '" + t.device + "' (auto, cpu, cuda)");
    r.readInt("threads", t.threads, 0, 1024);
    r.read("cache_frozen_features", t.cacheFrozenFeatures);
    r.readInt("early_stop_patience", t.earlyStopPatience, 0, 100000);
    r.readInt("loader_threads", t.loaderThreads, 1, 64);
    r.finish();
}

void readData(ObjectReader r, DataConfig& d)
{
    r.read("train", d.train);
    r.read("val", d.val);
    r.read("val_fraction", d.valFraction, 0.0, 0.9);
    r.readInt("image_size", d.imageSize, 0, 4096);
    r.readInt("split_seed", d.splitSeed, 0, std::numeric_limits<int64_t>::max());
    readAugment(r.child("augment"), d.augment);
    r.read("normalize", d.normalize);
    if (d.normalize != "imagenet" && d.normalize != "dataset" && d.normalize != "none")
        r.fail("normalize", "unknown normalisation '" + d.normalize + "' (imagenet, dataset, none)");
    r.finish();
}

/// The source stage; read after the rest because its defaults are the experiment's own settings.
PretrainConfig readPretrain(ObjectReader r, const Experiment& e)
{
    if (e.task != ExperimentTask::Classification)
        r.fail("", "only classification experiments have a pretrain stage");
    if (e.freeze.preset == FreezePreset::FromScratch)
        r.fail("", "freeze.preset 'scratch' would throw the pretrained layers away; use 'full'");
    PretrainConfig p;
    p.data = e.data;
    p.data.train.clear();
    p.data.val.clear();
    p.epochs = e.train.epochs;
    p.optim = e.optim;
    p.optim.classWeights.clear();  // they count the target's classes
    readData(r.child("data"), p.data);
    if (p.data.train.empty())
        r.fail("data/train", "missing; the source image folder is required");
    r.readInt("epochs", p.epochs, 1, 100000);
    readFreeze(r.child("freeze"), p.freeze);
    readOptim(r.child("optim"), p.optim);
    r.finish();
    return p;
}

}  // namespace

const char* toString(ExperimentTask task)
{
    return task == ExperimentTask::Segmentation ? "segmentation" : "classification";
}

bool parseExperimentTask(const std::string& text, ExperimentTask& task)
{
    for (ExperimentTask t : {ExperimentTask::Classification, ExperimentTask::Segmentation}) {
        if (text == toString(t)) {
            task = t;
            return true;
        }
    }
    return false;
}

Experiment parseExperiment(const json& document, const std::string& fileName)
{
    Experiment e;
    ObjectReader root(document, "", fileName);
    std::string format;
    root.read("format", format);
    if (format != kExperimentFormat)
        root.fail("format", format.empty() ? std::string("missing; expected \"") + kExperimentFormat + "\""
                                           : "unsupported format '" + format + "'");
    root.read("name", e.name);
    std::string task = toString(e.task);
    root.read("task", task);
    if (!parseExperimentTask(task, e.task))
        root.fail("task", "unknown task '" + task + "' (classification, segmentation)");

    ObjectReader model = root.child("model");
    model.read("arch", e.model.arch);
    model.read("weights", e.model.weights);
    model.readInt("num_classes", e.model.numClasses, 0, 1000000);
    model.readInt("in_channels", e.model.inChannels, 1, 3);
    if (e.model.inChannels == 2)
        model.fail("in_channels", "must be 1 or 3");
    model.readInt("unet_base_width", e.model.unetBaseWidth, 1, 1024);
    model.read("zero_init_residual", e.model.zeroInitResidual);
    model.finish();

    readData(root.child("data"), e.data);
    readFreeze(root.child("freeze"), e.freeze);
    readOptim(root.child("optim"), e.optim);
    readSchedule(root.child("schedule"), e.schedule);
    readTrain(root.child("train"), e.train);
    if (root.find("pretrain"))
        e.pretrain = readPretrain(root.child("pretrain"), e);
    root.finish();
    return e;
}

Experiment loadExperiment(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ExperimentError(path + ": cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    const json document = json::parse(text.str(), nullptr, false);
    if (document.is_discarded())
        throw ExperimentError(path + ": not valid JSON");
    return parseExperiment(document, path);
}

json toJson(const Experiment& e)
{
    json lrMult = json::object();
    for (const auto& [id, factor] : e.freeze.lrMultipliers)
        lrMult[id] = factor;
    json schedule = json::array();
    for (const UnfreezeStep& s : e.freeze.unfreezeSchedule)
        schedule.push_back({{"epoch", s.epoch}, {"unfreeze", s.ids}});
    json document = {
        {"format", kExperimentFormat},
        {"name", e.name},
        {"task", toString(e.task)},
        {"model",
         {{"arch", e.model.arch}, {"weights", e.model.weights}, {"num_classes", e.model.numClasses},
          {"in_channels", e.model.inChannels}, {"unet_base_width", e.model.unetBaseWidth},
          {"zero_init_residual", e.model.zeroInitResidual}}},
        {"data",
         {{"train", e.data.train},
          {"val", e.data.val},
          {"val_fraction", e.data.valFraction},
          {"image_size", e.data.imageSize},
          {"split_seed", e.data.splitSeed},
          {"augment",
           {{"random_resized_crop", e.data.augment.randomResizedCrop},
            {"min_scale", e.data.augment.minScale},
            {"horizontal_flip", e.data.augment.horizontalFlip},
            {"rotation", e.data.augment.rotationDegrees},
            {"color_jitter", e.data.augment.colorJitter}}},
          {"normalize", e.data.normalize}}},
        {"freeze",
         {{"preset", toString(e.freeze.preset)},
          {"last_stages", e.freeze.lastStages},
          {"frozen", e.freeze.frozen},
          {"trainable", e.freeze.trainable},
          {"bn", toString(e.freeze.batchNorm)},
          {"lr_mult", lrMult},
          {"unfreeze_schedule", schedule}}},
        {"optim",
         {{"name", e.optim.name}, {"lr", e.optim.lr}, {"momentum", e.optim.momentum}, {"nesterov", e.optim.nesterov},
          {"weight_decay", e.optim.weightDecay}, {"decay_norm_and_bias", e.optim.decayNormAndBias},
          {"beta1", e.optim.beta1}, {"beta2", e.optim.beta2}, {"label_smoothing", e.optim.labelSmoothing},
          {"class_weights", e.optim.classWeights}, {"aux_loss_weight", e.optim.auxLossWeight},
          {"cross_entropy_weight", e.optim.crossEntropyWeight}, {"dice_weight", e.optim.diceWeight}}},
        {"schedule",
         {{"name", toString(e.schedule.kind)}, {"warmup_epochs", e.schedule.warmupEpochs},
          {"step_epochs", e.schedule.stepEpochs}, {"gamma", e.schedule.gamma}, {"min_factor", e.schedule.minFactor},
          {"pct_start", e.schedule.pctStart}, {"div_factor", e.schedule.divFactor},
          {"final_div_factor", e.schedule.finalDivFactor}}},
        {"train",
         {{"epochs", e.train.epochs}, {"batch_size", e.train.batchSize}, {"seed", e.train.seed},
          {"device", e.train.device}, {"threads", e.train.threads},
          {"cache_frozen_features", e.train.cacheFrozenFeatures},
          {"early_stop_patience", e.train.earlyStopPatience}, {"loader_threads", e.train.loaderThreads}}},
    };
    if (e.pretrain) {
        // The stage's sections are written exactly as the experiment's own.
        Experiment source;
        source.data = e.pretrain->data;
        source.freeze = e.pretrain->freeze;
        source.optim = e.pretrain->optim;
        const json sections = toJson(source);
        document["pretrain"] = {{"data", sections["data"]}, {"epochs", e.pretrain->epochs},
                                {"freeze", sections["freeze"]}, {"optim", sections["optim"]}};
    }
    return document;
}

void applyOverride(json& document, const std::string& assignment)
{
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throw ExperimentError("--set " + assignment + ": expected key=value, e.g. optim.lr=0.001");
    const std::string key = assignment.substr(0, eq);
    const std::string text = assignment.substr(eq + 1);
    json value = json::parse(text, nullptr, false);
    if (value.is_discarded())
        value = text;
    json* node = &document;
    std::istringstream parts(key);
    std::string part;
    std::vector<std::string> path;
    while (std::getline(parts, part, '.'))
        path.push_back(part);
    for (size_t i = 0; i + 1 < path.size(); ++i) {
        if (!node->is_object())
            throw ExperimentError("--set " + key + ": '" + path[i] + "' is not a section");
        node = &(*node)[path[i]];
        if (node->is_null())
            *node = json::object();
    }
    if (!node->is_object() || path.empty() || path.back().empty())
        throw ExperimentError("--set " + key + ": not a key of the experiment");
    (*node)[path.back()] = value;
}

Experiment withPathsRelativeTo(Experiment experiment, const std::filesystem::path& base)
{
    std::vector<std::string*> paths{&experiment.data.train, &experiment.data.val, &experiment.model.weights};
    if (experiment.pretrain) {
        paths.push_back(&experiment.pretrain->data.train);
        paths.push_back(&experiment.pretrain->data.val);
    }
    for (std::string* p : paths)
        if (!p->empty() && *p != "none" && std::filesystem::path(*p).is_relative())
            *p = (base / *p).lexically_normal().string();
    return experiment;
}

}  // namespace tl
