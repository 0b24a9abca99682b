// From-scratch initialisation, tensor by tensor: every family starts as its reference does —
// torchvision 0.14 (Debian's python3-torchvision) for its models, the same layers in plain PyTorch
// for LeNet-5, and Ronneberger et al. 2015's Gaussian (std sqrt(2 / fan-in)) for U-Net. A wrong
// scheme trains visibly worse or slower, so a user comparing against PyTorch would notice.
//
// Two random initialisations are two samples of one distribution, so they are compared by their
// summary statistics within sampling tolerances; constant tensors (zero biases, BatchNorm scales,
// shifts and statistics, zero-initialised residual scales) must be the same constant exactly.
#include "models/graph_module.h"
#include "models/zoo.h"
#include "python_reference.h"

#include <torch/torch.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace tl;

namespace {

// Seed 0 on both sides. torch 1.13's trunc_normal_ (inverse CDF in float32) turns a uniform draw
// of exactly -1 into the bound -2, i.e. 200 standard deviations for GoogLeNet's std 0.01, with
// probability about 2^-24 per weight; with seed 0 none of GoogLeNet's 13M weights hits it.
constexpr int kSeed = 0;

struct Stats {
    int64_t numel = 0;
    double mean = 0, std = 0, min = 0, max = 0;
    bool constant() const { return min == max; }
    double absMax() const { return std::max(std::abs(min), std::abs(max)); }
    // Extreme deviation in standard deviations: 1.73 at most for a uniform distribution, above
    // 2.5 for a normal sample of 1000 or more (all but once in 10^5).
    bool bellShaped() const { return std::max(std::abs(min - mean), std::abs(max - mean)) > 2.2 * std; }
};

/// As the reference script: two passes in double precision, in chunks (VGG's fc holds 100M weights).
Stats statistics(const torch::Tensor& tensor)
{
    const torch::Tensor flat = tensor.detach().reshape({-1});
    const int64_t chunk = int64_t(1) << 22;
    Stats s;
    s.numel = flat.numel();
    double sum = 0;
    for (const torch::Tensor& c : flat.split(chunk))
        sum += c.to(torch::kFloat64).sum().item<double>();
    s.mean = sum / double(s.numel);
    double squares = 0;
    for (const torch::Tensor& c : flat.split(chunk))
        squares += (c.to(torch::kFloat64) - s.mean).square().sum().item<double>();
    s.std = std::sqrt(squares / double(s.numel));
    s.min = flat.min().to(torch::kFloat64).item<double>();
    s.max = flat.max().to(torch::kFloat64).item<double>();
    return s;
}

Stats fromJson(const QJsonObject& o)
{
    return {o.value(QStringLiteral("numel")).toInteger(), o.value(QStringLiteral("mean")).toDouble(),
            o.value(QStringLiteral("std")).toDouble(), o.value(QStringLiteral("min")).toDouble(),
            o.value(QStringLiteral("max")).toDouble()};
}

QString describe(const Stats& s)
{
    return QStringLiteral("n=%1 mean=%2 std=%3 min=%4 max=%5")
        .arg(s.numel).arg(s.mean, 0, 'g', 5).arg(s.std, 0, 'g', 5).arg(s.min, 0, 'g', 5).arg(s.max, 0, 'g', 5);
}

/// Relative tolerance on a standard deviation: five standard errors, at least 3 %.
double stdTolerance(double standardErrors)
{
    return std::max(0.03, 5.0 * standardErrors);
}

/// Why `ours` cannot be a sample of the distribution `ref` was drawn from; empty when it can.
QString mismatch(const Stats& ours, const Stats& ref)
{
    if (ours.numel != ref.numel)
        return QStringLiteral("size");
    if (ref.constant())
        return ours.constant() && ours.min == ref.min ? QString() : QStringLiteral("not the constant");
    if (ours.constant())
        return QStringLiteral("constant, the reference is random");
    const double n = double(ours.numel);
    // Both sides are samples: standard errors of the difference of two independent estimates.
    if (std::abs(ours.mean - ref.mean) > 5.0 * std::sqrt((ours.std * ours.std + ref.std * ref.std) / n))
        return QStringLiteral("mean");
    if (std::abs(ours.std - ref.std) > stdTolerance(1.0 / std::sqrt(n)) * ref.std)
        return QStringLiteral("std");
    if (ours.numel >= 1000) {
        if (ours.bellShaped() != ref.bellShaped())
            return QStringLiteral("shape (uniform vs normal)");
        const double ratio = ours.absMax() / ref.absMax();
        if (ratio > 1.75 || ratio < 1.0 / 1.75)
            return QStringLiteral("largest |w|");
    }
    return {};
}

/// As mismatch(), against a known distribution: N(0, std) when std > 0, else the constant `value`.
QString mismatchAnalytic(const Stats& ours, double std, double value = 0.0)
{
    if (std == 0.0)
        return ours.constant() && ours.min == value ? QString() : QStringLiteral("not the constant %1").arg(value);
    const double n = double(ours.numel);
    if (std::abs(ours.mean) > 5.0 * std / std::sqrt(n))
        return QStringLiteral("mean, expected 0");
    if (std::abs(ours.std - std) > stdTolerance(1.0 / std::sqrt(2.0 * n)) * std)
        return QStringLiteral("std, expected %1").arg(std, 0, 'g', 5);
    if (ours.numel >= 1000 && !ours.bellShaped())
        return QStringLiteral("shape, expected normal");
    return {};
}

/// Every state_dict tensor (parameters and buffers) of a fresh module.
std::map<std::string, Stats> stateStatistics(GraphModule& module)
{
    std::map<std::string, Stats> out;
    for (const auto& p : module.named_parameters())
        out[p.key()] = statistics(p.value());
    for (const auto& b : module.named_buffers())
        out[b.key()] = statistics(b.value());
    return out;
}

/// One architecture and the options both sides build it with.
struct Row {
    const char* tag;
    const char* arch;
    int classes;
    int inChannels;
    bool zeroInitResidual;
};

// Each architecture's default head, LeNet-5 with its single input channel.
const Row kRows[] = {
    {"lenet5", "lenet5", 10, 1, false},
    {"alexnet", "alexnet", 1000, 3, false},
    {"vgg11", "vgg11", 1000, 3, false},
    {"vgg11_bn", "vgg11_bn", 1000, 3, false},
    {"googlenet", "googlenet", 1000, 3, false},
    {"resnet18", "resnet18", 1000, 3, false},
    {"resnet50", "resnet50", 1000, 3, false},
    {"resnet50/zero_init_residual", "resnet50", 1000, 3, true},
    {"densenet121", "densenet121", 1000, 3, false},
    {"mobilenet_v2", "mobilenet_v2", 1000, 3, false},
};

QString joined(const QStringList& failures)
{
    const int shown = 25;
    QString text = failures.mid(0, shown).join(QLatin1Char('\n'));
    if (failures.size() > shown)
        text += QStringLiteral("\n... and %1 more").arg(failures.size() - shown);
    return text;
}

}  // namespace

class TestModelInit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void initialisationMatchesReference_data();
    void initialisationMatchesReference();
    void unetFollowsRonneberger();

private:
    QHash<QString, QJsonArray> m_reference;  // row tag -> state_dict statistics
};

void TestModelInit::initTestCase()
{
    torch::set_num_threads(2);
    // One reference run per distinct set of options; each builds its models one at a time.
    std::map<QStringList, QList<const Row*>> runs;
    for (const Row& r : kRows) {
        QStringList args{QStringLiteral("--seed"), QString::number(kSeed), QStringLiteral("--classes"),
                         QString::number(r.classes), QStringLiteral("--in-channels"), QString::number(r.inChannels)};
        if (r.zeroInitResidual)
            args << QStringLiteral("--zero-init-residual");
        runs[args].append(&r);
    }
    for (const auto& [args, rows] : runs) {
        QStringList archs;
        for (const Row* r : rows)
            archs << QString::fromLatin1(r->arch);
        QString error;
        const QJsonDocument doc = test::runReference(QStringLiteral("init_statistics.py"), args + archs, error);
        QVERIFY2(doc.isObject(), qPrintable(error));
        for (const Row* r : rows)
            m_reference.insert(QString::fromLatin1(r->tag), doc.object().value(QString::fromLatin1(r->arch)).toArray());
    }
}

void TestModelInit::initialisationMatchesReference_data()
{
    QTest::addColumn<int>("row");
    for (int i = 0; i < int(std::size(kRows)); ++i)
        QTest::newRow(kRows[i].tag) << i;
}

void TestModelInit::initialisationMatchesReference()
{
    QFETCH(int, row);
    const Row& r = kRows[row];
    const QJsonArray reference = m_reference.value(QString::fromLatin1(r.tag));
    QVERIFY(!reference.isEmpty());

    BuildOptions o;
    o.numClasses = r.classes;
    o.inChannels = r.inChannels;
    o.zeroInitResidual = r.zeroInitResidual;
    torch::manual_seed(kSeed);
    GraphModule module(buildArch(r.arch, o));
    std::map<std::string, Stats> ours = stateStatistics(module);

    QStringList failures;
    for (const QJsonValue& v : reference) {
        const QJsonObject entry = v.toObject();
        const QString name = entry.value(QStringLiteral("name")).toString();
        const auto it = ours.find(name.toStdString());
        if (it == ours.end()) {
            failures << QStringLiteral("%1: missing").arg(name);
            continue;
        }
        const Stats ref = fromJson(entry);
        const QString why = mismatch(it->second, ref);
        if (!why.isEmpty())
            failures << QStringLiteral("%1: %2\n    ours:      %3\n    reference: %4")
                            .arg(name, why, describe(it->second), describe(ref));
        ours.erase(it);
    }
    for (const auto& extra : ours)
        failures << QStringLiteral("%1: not in the reference").arg(QString::fromStdString(extra.first));
    QVERIFY2(failures.isEmpty(), qPrintable(joined(failures)));
}

// U-Net has no torchvision model: its paper's scheme is the reference. Gaussian weights with std
// sqrt(2 / N), N the fan-in as PyTorch computes it for the weight tensor (for a transposed
// convolution: output channels times kernel area); zero biases; BatchNorm at unit scale.
void TestModelInit::unetFollowsRonneberger()
{
    torch::manual_seed(kSeed);
    GraphModule module(buildArch("unet"));
    QStringList failures;
    auto check = [&failures](const std::string& name, const torch::Tensor& t, double std, double value) {
        const Stats s = statistics(t);
        const QString why = mismatchAnalytic(s, std, value);
        if (!why.isEmpty())
            failures << QStringLiteral("%1: %2\n    ours: %3").arg(QString::fromStdString(name), why, describe(s));
    };
    int checked = 0;
    for (const Node& n : module.spec().nodes) {
        const std::shared_ptr<torch::nn::Module> layer = module.layer(n.id);
        if (!layer)
            continue;
        for (const auto& p : layer->named_parameters(false)) {
            const std::string name = n.id + "." + p.key();
            const torch::Tensor& t = p.value();
            if (n.kind == NodeKind::BatchNorm)
                check(name, t, 0.0, p.key() == "weight" ? 1.0 : 0.0);
            else if (p.key() == "bias")
                check(name, t, 0.0, 0.0);
            else
                check(name, t, std::sqrt(2.0 / double(t.size(1) * t[0][0].numel())), 0.0);
            ++checked;
        }
        for (const auto& b : layer->named_buffers(false)) {
            check(n.id + "." + b.key(), b.value(), 0.0, b.key() == "running_var" ? 1.0 : 0.0);
            ++checked;
        }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(joined(failures)));
    QCOMPARE(checked, int(module.named_parameters().size() + module.named_buffers().size()));
}

QTEST_APPLESS_MAIN(TestModelInit)
#include "tst_model_init.moc"
