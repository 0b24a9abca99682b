// The network as data: parameter counts, typed edges and groups of every architecture.
#include "common/errors.h"
#include "graph/arch_spec.h"
#include "graph/spec_builder.h"
#include "models/zoo.h"

#include <QtTest>

#include <algorithm>

using namespace tl;

namespace {

int countEdges(const ArchSpec& spec, EdgeKind kind)
{
    return static_cast<int>(std::count_if(spec.edges.begin(), spec.edges.end(),
                                          [kind](const Edge& e) { return e.kind == kind; }));
}

int countGroups(const ArchSpec& spec, GroupKind kind, const std::string& parentPrefix = {})
{
    return static_cast<int>(std::count_if(spec.groups.begin(), spec.groups.end(), [&](const Group& g) {
        return g.kind == kind && g.parent.compare(0, parentPrefix.size(), parentPrefix) == 0;
    }));
}

}  // namespace

class TestArchSpec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void publishedParameterCounts_data();
    void publishedParameterCounts();
    void everyArchitectureIsValid_data();
    void everyArchitectureIsValid();
    void residualEdges_data();
    void residualEdges();
    void googlenetHasNineInceptionModulesOfFourBranches();
    void googlenetAuxiliaryHeads();
    void unetHasFourSkips();
    void densenetConcatenatesOncePerLayer_data();
    void densenetConcatenatesOncePerLayer();
    void parameterNamesFollowNodeIds();
    void validateRejectsBrokenSpecs();
};

void TestArchSpec::publishedParameterCounts_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<qlonglong>("expected");
    // torchvision's documented parameter counts (ImageNet heads, auxiliary heads excluded).
    QTest::newRow("alexnet") << "alexnet" << 61100840LL;
    QTest::newRow("vgg11") << "vgg11" << 132863336LL;
    QTest::newRow("vgg11_bn") << "vgg11_bn" << 132868840LL;
    QTest::newRow("vgg13") << "vgg13" << 133047848LL;
    QTest::newRow("vgg13_bn") << "vgg13_bn" << 133053736LL;
    QTest::newRow("vgg16") << "vgg16" << 138357544LL;
    QTest::newRow("vgg16_bn") << "vgg16_bn" << 138365992LL;
    QTest::newRow("vgg19") << "vgg19" << 143667240LL;
    QTest::newRow("vgg19_bn") << "vgg19_bn" << 143678248LL;
    QTest::newRow("googlenet") << "googlenet" << 6624904LL;
    QTest::newRow("resnet18") << "resnet18" << 11689512LL;
    QTest::newRow("resnet34") << "resnet34" << 21797672LL;
    QTest::newRow("resnet50") << "resnet50" << 25557032LL;
    QTest::newRow("resnet101") << "resnet101" << 44549160LL;
    QTest::newRow("resnet152") << "resnet152" << 60192808LL;
    QTest::newRow("densenet121") << "densenet121" << 7978856LL;
    QTest::newRow("densenet161") << "densenet161" << 28681000LL;
    QTest::newRow("densenet169") << "densenet169" << 14149480LL;
    QTest::newRow("densenet201") << "densenet201" << 20013928LL;
    QTest::newRow("mobilenet_v2") << "mobilenet_v2" << 3504872LL;
    // LeNet-5 with full C3 connectivity: 156 + 2416 + 48120 + 10164 + 850.
    QTest::newRow("lenet5") << "lenet5" << 61706LL;
}

void TestArchSpec::publishedParameterCounts()
{
    QFETCH(QString, arch);
    QFETCH(qlonglong, expected);
    const ArchSpec spec = buildArch(arch.toStdString());
    QCOMPARE(spec.parameterCount(false), expected);
}

void TestArchSpec::everyArchitectureIsValid_data()
{
    QTest::addColumn<QString>("arch");
    for (const ZooEntry& e : zoo())
        QTest::newRow(e.name.c_str()) << QString::fromStdString(e.name);
}

void TestArchSpec::everyArchitectureIsValid()
{
    QFETCH(QString, arch);
    for (int64_t channels : {1, 3}) {
        BuildOptions o;
        o.inChannels = channels;
        o.numClasses = 7;
        const ArchSpec spec = buildArch(arch.toStdString(), o);
        spec.validate();
        QCOMPARE(spec.inChannels, channels);
        QCOMPARE(spec.numClasses, 7);
        // Every node sits in a group that exists, and the first layer reads the chosen channels.
        const auto firstConv = std::find_if(spec.nodes.begin(), spec.nodes.end(),
                                            [](const Node& n) { return n.kind == NodeKind::Conv; });
        QVERIFY(firstConv != spec.nodes.end());
        QCOMPARE(firstConv->opt.inChannels, channels);
        // The classifier (or segmentation head) produces one score per class.
        const Node& last = spec.at(spec.output);
        QCOMPARE(last.kind == NodeKind::Linear ? last.opt.outFeatures : last.opt.outChannels, int64_t{7});
        for (const Edge& e : spec.edges)
            QVERIFY(spec.find(e.from) && spec.find(e.to));
    }
}

void TestArchSpec::residualEdges_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("identity");
    QTest::addColumn<int>("projection");
    // One shortcut per block; a projection where the block changes the resolution or width.
    QTest::newRow("resnet18") << "resnet18" << 5 << 3;
    QTest::newRow("resnet34") << "resnet34" << 13 << 3;
    QTest::newRow("resnet50") << "resnet50" << 12 << 4;
    QTest::newRow("resnet101") << "resnet101" << 29 << 4;
    QTest::newRow("resnet152") << "resnet152" << 46 << 4;
    QTest::newRow("mobilenet_v2") << "mobilenet_v2" << 10 << 0;
    QTest::newRow("vgg16") << "vgg16" << 0 << 0;
}

void TestArchSpec::residualEdges()
{
    QFETCH(QString, arch);
    QFETCH(int, identity);
    QFETCH(int, projection);
    const ArchSpec spec = buildArch(arch.toStdString());
    QCOMPARE(countEdges(spec, EdgeKind::ResidualIdentity), identity);
    QCOMPARE(countEdges(spec, EdgeKind::ResidualProjection), projection);
    if (arch == QLatin1String("resnet18")) {
        const auto isProjection = [&](const char* to) {
            return std::any_of(spec.edges.begin(), spec.edges.end(), [&](const Edge& e) {
                return e.to == to && e.kind == EdgeKind::ResidualProjection;
            });
        };
        QVERIFY(isProjection("layer2.0.add"));
        QVERIFY(isProjection("layer3.0.add"));
        QVERIFY(isProjection("layer4.0.add"));
        QVERIFY(!isProjection("layer1.0.add"));
    }
}

void TestArchSpec::googlenetHasNineInceptionModulesOfFourBranches()
{
    const ArchSpec spec = buildArch("googlenet");
    int modules = 0;
    for (const Group& g : spec.groups) {
        if (g.id.rfind("inception", 0) != 0 || g.kind != GroupKind::Block)
            continue;
        ++modules;
        const int branches = static_cast<int>(std::count_if(spec.groups.begin(), spec.groups.end(), [&](const Group& b) {
            return b.parent == g.id && b.kind == GroupKind::Branch;
        }));
        QCOMPARE(branches, 4);
        // The four branches join at the module's concatenation.
        QCOMPARE(spec.at(g.id + ".concat").inputs.size(), size_t{4});
    }
    QCOMPARE(modules, 9);
    QCOMPARE(countEdges(spec, EdgeKind::InceptionBranch), 36);
    QCOMPARE(countGroups(spec, GroupKind::Branch), 36);
}

void TestArchSpec::googlenetAuxiliaryHeads()
{
    const ArchSpec spec = buildArch("googlenet");
    QCOMPARE(spec.auxOutputs, (std::vector<std::string>{"aux1.fc2", "aux2.fc2"}));
    QCOMPARE(countEdges(spec, EdgeKind::AuxiliaryHead), 2);
    QVERIFY(spec.isAuxiliary("aux1.conv.conv"));
    QVERIFY(!spec.isAuxiliary("inception4a.concat"));
    QCOMPARE(spec.parameterCount(true), 13004888LL);
    QVERIFY(spec.find("transform_input"));

    BuildOptions noAux;
    noAux.googlenetAuxHeads = false;
    const ArchSpec plain = buildArch("googlenet", noAux);
    QVERIFY(plain.auxOutputs.empty());
    QCOMPARE(plain.parameterCount(), 6624904LL);

    BuildOptions gray;
    gray.inChannels = 1;
    QVERIFY(!buildArch("googlenet", gray).find("transform_input"));  // only defined for RGB
}

void TestArchSpec::unetHasFourSkips()
{
    const ArchSpec spec = buildArch("unet");
    QCOMPARE(countEdges(spec, EdgeKind::UNetSkip), 4);
    QVERIFY(spec.segmentation);
    for (int level = 1; level <= 4; ++level) {
        const std::string down = "down" + std::to_string(level) + ".relu2";
        const std::string cat = "up" + std::to_string(level) + ".concat";
        QVERIFY(std::any_of(spec.edges.begin(), spec.edges.end(), [&](const Edge& e) {
            return e.from == down && e.to == cat && e.kind == EdgeKind::UNetSkip;
        }));
    }
    BuildOptions narrow;
    narrow.unetBaseWidth = 16;
    QCOMPARE(buildArch("unet", narrow).at("bottleneck.conv1").opt.outChannels, int64_t{256});
}

void TestArchSpec::densenetConcatenatesOncePerLayer_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("layers");
    QTest::newRow("densenet121") << "densenet121" << 6 + 12 + 24 + 16;
    QTest::newRow("densenet161") << "densenet161" << 6 + 12 + 36 + 24;
    QTest::newRow("densenet169") << "densenet169" << 6 + 12 + 32 + 32;
    QTest::newRow("densenet201") << "densenet201" << 6 + 12 + 48 + 32;
}

void TestArchSpec::densenetConcatenatesOncePerLayer()
{
    QFETCH(QString, arch);
    QFETCH(int, layers);
    const ArchSpec spec = buildArch(arch.toStdString());
    QCOMPARE(countEdges(spec, EdgeKind::DenseConcat), layers);
    QCOMPARE(countGroups(spec, GroupKind::Block, "features.denseblock"), layers);
}

void TestArchSpec::parameterNamesFollowNodeIds()
{
    const ArchSpec spec = buildArch("resnet18");
    const std::vector<TensorInfo> params = spec.parameters();
    QCOMPARE(params.front().name, std::string("conv1.weight"));
    QCOMPARE(params.front().shape, (std::vector<int64_t>{64, 3, 7, 7}));
    const std::vector<TensorInfo> buffers = spec.buffers();
    QCOMPARE(buffers.size(), size_t{20 * 3});
    QCOMPARE(buffers[2].name, std::string("bn1.num_batches_tracked"));
    QVERIFY(buffers[2].shape.empty());
    QCOMPARE(spec.at("layer1.0.conv1").group, std::string("layer1.0"));
    QCOMPARE(spec.findGroup("layer1.0")->parent, std::string("layer1"));
}

void TestArchSpec::validateRejectsBrokenSpecs()
{
    SpecBuilder b("broken", "test", 3, 2, 8, 8);
    b.input();
    b.conv("conv", 3, 4, 3);
    b.conv("conv", 4, 4, 3);  // same id twice
    QVERIFY_THROWS_EXCEPTION(SpecError, b.finish());

    SpecBuilder unknownInput("broken", "test", 3, 2, 8, 8);
    unknownInput.input();
    unknownInput.concat("cat", {"input", "nowhere"});
    QVERIFY_THROWS_EXCEPTION(SpecError, unknownInput.finish());

    SpecBuilder openGroup("broken", "test", 3, 2, 8, 8);
    openGroup.input();
    openGroup.beginGroup("g", GroupKind::Stage);
    QVERIFY_THROWS_EXCEPTION(SpecError, openGroup.finish());
}

QTEST_APPLESS_MAIN(TestArchSpec)
#include "tst_arch_spec.moc"
