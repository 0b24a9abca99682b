// Matching weight files to architectures: renamed spellings, prefixes, a new head for
// transfer learning, the load report, recognising the architecture and the hub cache.
#include "common/errors.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "weights/hub_cache.h"
#include "weights/sha256.h"
#include "weights/weight_matching.h"
#include "weights_test_util.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include <regex>

using namespace tl;

namespace {

// A file layout (names and shapes, no data) equal to an architecture's state_dict.
StateDict layoutOf(const std::string& arch, int64_t classes = 0)
{
    BuildOptions o;
    o.numClasses = classes;
    const ArchSpec spec = buildArch(arch, o);
    StateDict d;
    for (const TensorInfo& t : spec.parameters())
        d.push_back({t.name, torch::kFloat, t.shape, {}});
    for (const TensorInfo& t : spec.buffers())
        d.push_back({t.name, torch::kFloat, t.shape, {}});
    return d;
}

bool contains(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

class TestWeightMatching : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exactLayoutMatches_data();
    void exactLayoutMatches();
    void oldDenseNetSpelling();
    void stripsModulePrefix();
    void reportsMissingUnexpectedMismatched();
    void newHeadIsTransferLearning();
    void timmVggNames();
    void recognisesArchitecture_data();
    void recognisesArchitecture();
    void sha256KnownAnswers();
    void hubCacheListsAndChecksHashes();
};

void TestWeightMatching::exactLayoutMatches_data()
{
    QTest::addColumn<QString>("arch");
    for (const char* a : {"alexnet", "vgg11_bn", "googlenet", "resnet50", "densenet121", "mobilenet_v2"})
        QTest::newRow(a) << QString::fromLatin1(a);
}

void TestWeightMatching::exactLayoutMatches()
{
    QFETCH(QString, arch);
    const StateDict file = layoutOf(arch.toStdString());
    const LoadReport r = matchWeights(file, buildArch(arch.toStdString())).report;
    QVERIFY(r.complete());
    QVERIFY(r.unexpected.empty());
    QCOMPARE(r.matched.size(), file.size());
    QCOMPARE(r.fileClasses, int64_t(1000));
}

void TestWeightMatching::oldDenseNetSpelling()
{
    // torchvision's densenet121-a639ec97.pth: "norm.1", "conv.2", and no num_batches_tracked.
    StateDict file;
    const std::regex modern(R"(^(.*denselayer\d+\.(?:norm|relu|conv))([12])\.(.*)$)");
    for (NamedTensor t : layoutOf("densenet121")) {
        if (t.name.find("num_batches_tracked") != std::string::npos)
            continue;
        t.name = std::regex_replace(t.name, modern, "$1.$2.$3");
        file.push_back(t);
    }
    QVERIFY(std::any_of(file.begin(), file.end(), [](const NamedTensor& t) { return t.name.find("norm.1") != std::string::npos; }));
    const LoadReport r = matchWeights(file, buildArch("densenet121")).report;
    QVERIFY(r.complete());
    QVERIFY(r.unexpected.empty());
    QVERIFY(contains(r.renamed, "features.denseblock1.denselayer1.norm.1.weight -> features.denseblock1.denselayer1.norm1.weight"));
}

void TestWeightMatching::stripsModulePrefix()
{
    StateDict file = layoutOf("resnet18");
    for (NamedTensor& t : file)
        t.name = "module." + t.name;
    const LoadReport r = matchWeights(file, buildArch("resnet18")).report;
    QVERIFY(r.complete());
    QVERIFY(r.unexpected.empty());
}

void TestWeightMatching::reportsMissingUnexpectedMismatched()
{
    StateDict file = layoutOf("resnet18");
    file.erase(file.begin());                                          // conv1.weight missing
    file.push_back({"extra.weight", torch::kFloat, {3}, {}});          // unexpected
    for (NamedTensor& t : file)
        if (t.name == "layer1.0.conv1.weight")
            t.shape = {64, 64, 1, 1};                                   // mismatched, not the head
    const LoadReport r = matchWeights(file, buildArch("resnet18")).report;
    QCOMPARE(r.missing, std::vector<std::string>{"conv1.weight"});
    QCOMPARE(r.unexpected, std::vector<std::string>{"extra.weight"});
    QCOMPARE(r.mismatched, std::vector<std::string>{"layer1.0.conv1.weight"});
    QVERIFY(!r.headReinitialised);
    QVERIFY(!r.backboneLoads());
}

void TestWeightMatching::newHeadIsTransferLearning()
{
    // ImageNet weights (1000 classes) into a 10-class resnet18: backbone loads, head starts fresh.
    GraphModule source(buildArch("resnet18"));
    BuildOptions o;
    o.numClasses = 10;
    GraphModule target(buildArch("resnet18", o));
    const LoadReport r = loadWeights(target, stateDictOf(source));
    QVERIFY(r.headReinitialised);
    QVERIFY(r.backboneLoads());
    QCOMPARE(r.mismatched, (std::vector<std::string>{"fc.weight", "fc.bias"}));
    QCOMPARE(r.fileClasses, int64_t(1000));
    const auto find = [](GraphModule& m, const std::string& name) {
        const auto params = m.named_parameters();
        return torch::Tensor(*params.find(name));
    };
    QVERIFY(torch::equal(find(target, "layer4.1.conv2.weight"), find(source, "layer4.1.conv2.weight")));
    // The fresh head starts as torchvision's ResNet starts its fc: PyTorch's Linear default,
    // uniform within 1/sqrt(fan_in) for weight and bias alike.
    const double bound = 1.0 / std::sqrt(512.0);
    for (const char* name : {"fc.weight", "fc.bias"}) {
        const torch::Tensor t = find(target, name);
        QVERIFY(t.abs().max().item<double>() <= bound);
        QVERIFY(t.abs().max().item<double>() > 0.5 * bound);
    }
}

void TestWeightMatching::timmVggNames()
{
    GraphModule reference(buildArch("vgg11"));
    StateDict file;
    for (NamedTensor t : stateDictOf(reference)) {
        if (t.name == "classifier.0.weight") {
            t.name = "pre_logits.fc1.weight";
            t.tensor = t.tensor.reshape({4096, 512, 7, 7});
        } else if (t.name == "classifier.3.weight") {
            t.name = "pre_logits.fc2.weight";
            t.tensor = t.tensor.reshape({4096, 4096, 1, 1});
        } else if (t.name.rfind("classifier.0.", 0) == 0) {
            t.name = "pre_logits.fc1." + t.name.substr(13);
        } else if (t.name.rfind("classifier.3.", 0) == 0) {
            t.name = "pre_logits.fc2." + t.name.substr(13);
        } else if (t.name.rfind("classifier.6.", 0) == 0) {
            t.name = "head.fc." + t.name.substr(13);
        }
        t.shape = t.tensor.sizes().vec();
        file.push_back(t);
    }
    GraphModule target(buildArch("vgg11"));
    const LoadReport r = loadWeights(target, file);
    QVERIFY(r.complete());
    QVERIFY(r.unexpected.empty());
    QCOMPARE(int(r.renamed.size()), 6);
    const torch::Tensor x = torch::randn({1, 3, 32, 32});
    reference.eval();
    target.eval();
    QVERIFY(torch::allclose(reference.forward(x), target.forward(x)));
}

void TestWeightMatching::recognisesArchitecture_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("classes");
    for (const char* a : {"alexnet", "vgg16", "vgg16_bn", "googlenet", "resnet18", "resnet34", "resnet50", "densenet121",
                          "densenet169", "mobilenet_v2"})
        QTest::newRow(a) << QString::fromLatin1(a) << 1000;
    QTest::newRow("resnet18/7") << "resnet18" << 7;
}

void TestWeightMatching::recognisesArchitecture()
{
    QFETCH(QString, arch);
    QFETCH(int, classes);
    const ArchGuess guess = recogniseArchitecture(layoutOf(arch.toStdString(), classes));
    QCOMPARE(QString::fromStdString(guess.arch), arch);
    QCOMPARE(guess.classes, int64_t(classes));
}

void TestWeightMatching::sha256KnownAnswers()
{
    const auto hash = [](const std::string& s) {
        Sha256 h;
        h.update(s.data(), s.size());
        return h.hexDigest();
    };
    QCOMPARE(hash(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(hash("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(hash(std::string(1000000, 'a')), std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    Sha256 pieces;
    const std::string text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    for (char c : text)
        pieces.update(&c, 1);
    QCOMPARE(pieces.hexDigest(), std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
}

void TestWeightMatching::hubCacheListsAndChecksHashes()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    qputenv("TORCH_HOME", home.path().toUtf8());
    const QString dir = home.filePath(QStringLiteral("hub/checkpoints"));
    QVERIFY(QDir().mkpath(dir));
    QCOMPARE(QString::fromStdString(hubCheckpointDir()), dir);

    BuildOptions o;
    o.numClasses = 5;
    GraphModule model(buildArch("resnet18", o));
    const std::string plain = (dir + QStringLiteral("/mine.pth")).toStdString();
    writeWeights(plain, stateDictOf(model));
    const std::string digest = sha256OfFile(plain);
    const QString good = dir + QStringLiteral("/resnet18-%1.pth").arg(QString::fromStdString(digest.substr(0, 8)));
    const QString bad = dir + QStringLiteral("/resnet18-00000000.safetensors");
    QVERIFY(QFile::copy(QString::fromStdString(plain), good));
    writeWeights(bad.toStdString(), stateDictOf(model));
    test::writeAll(dir + QStringLiteral("/broken-1234.pth"), "not weights");

    QCOMPARE(checkHubHash(good.toStdString()), HashCheck::Match);
    QCOMPARE(checkHubHash(bad.toStdString()), HashCheck::Mismatch);
    QCOMPARE(checkHubHash(plain), HashCheck::NoHashInName);

    const std::vector<HubWeightFile> files = listHubWeights(hubCheckpointDir(), true);
    QCOMPARE(int(files.size()), 4);
    std::map<QString, HubWeightFile> byName;
    for (const HubWeightFile& f : files)
        byName[QFileInfo(QString::fromStdString(f.path)).fileName()] = f;
    QVERIFY(!byName[QStringLiteral("broken-1234.pth")].error.empty());
    for (const QString& name : {QStringLiteral("mine.pth"), QFileInfo(good).fileName(), QFileInfo(bad).fileName()}) {
        const HubWeightFile& f = byName[name];
        QVERIFY2(f.error.empty(), f.error.c_str());
        QCOMPARE(f.arch.arch, std::string("resnet18"));
        QCOMPARE(f.arch.classes, int64_t(5));
    }
    QCOMPARE(byName[QStringLiteral("mine.pth")].hash, HashCheck::NoHashInName);
    QCOMPARE(byName[QFileInfo(bad).fileName()].hash, HashCheck::Mismatch);
    QCOMPARE(byName[QFileInfo(bad).fileName()].format, WeightFormat::Safetensors);
    QCOMPARE(byName[QFileInfo(good).fileName()].hash, HashCheck::Match);
}

QTEST_GUILESS_MAIN(TestWeightMatching)
#include "tst_weight_matching.moc"
