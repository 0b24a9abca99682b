// Every architecture torchvision has: the executor's state_dict names and shapes equal those of
// torchvision 0.14 (Debian's python3-torchvision), for the ImageNet head and a new 10-class head.
#include "models/graph_module.h"
#include "models/zoo.h"
#include "python_reference.h"

#include <torch/torch.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace tl;

class TestTorchvisionConformance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void stateDictLayoutEqualsTorchvision_data();
    void stateDictLayoutEqualsTorchvision();

private:
    QHash<int, QJsonObject> m_reference;  // class count -> arch -> layout
};

void TestTorchvisionConformance::initTestCase()
{
    QStringList archs;
    for (const ZooEntry& e : zoo())
        if (e.torchvision)
            archs << QString::fromStdString(e.name);
    for (int classes : {1000, 10}) {
        QString error;
        const QJsonDocument doc = test::runReference(QStringLiteral("torchvision_state_dict.py"),
                                                     QStringList{QString::number(classes)} + archs, error);
        QVERIFY2(doc.isObject(), qPrintable(error));
        m_reference.insert(classes, doc.object());
    }
}

void TestTorchvisionConformance::stateDictLayoutEqualsTorchvision_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("classes");
    for (const ZooEntry& e : zoo()) {
        if (!e.torchvision)
            continue;
        for (int classes : {1000, 10})
            QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(QString::fromStdString(e.name)).arg(classes)))
                << QString::fromStdString(e.name) << classes;
    }
}

void TestTorchvisionConformance::stateDictLayoutEqualsTorchvision()
{
    QFETCH(QString, arch);
    QFETCH(int, classes);
    const QJsonArray reference = m_reference.value(classes).value(arch).toArray();
    QVERIFY(!reference.isEmpty());

    BuildOptions o;
    o.numClasses = classes;
    GraphModule module(buildArch(arch.toStdString(), o));
    std::map<std::string, std::vector<int64_t>> ours;
    std::set<std::string> ourParameters;
    for (const auto& p : module.named_parameters()) {
        ours[p.key()] = p.value().sizes().vec();
        ourParameters.insert(p.key());
    }
    for (const auto& b : module.named_buffers())
        ours[b.key()] = b.value().sizes().vec();

    std::set<std::string> theirs;
    for (const QJsonValue& v : reference) {
        const QJsonObject entry = v.toObject();
        const std::string name = entry.value(QStringLiteral("name")).toString().toStdString();
        std::vector<int64_t> shape;
        for (const QJsonValue& d : entry.value(QStringLiteral("shape")).toArray())
            shape.push_back(d.toInteger());
        theirs.insert(name);
        const auto it = ours.find(name);
        QVERIFY2(it != ours.end(), qPrintable(QStringLiteral("missing %1").arg(QString::fromStdString(name))));
        QVERIFY2(it->second == shape, qPrintable(QStringLiteral("shape of %1").arg(QString::fromStdString(name))));
        QCOMPARE(ourParameters.count(name) == 1, entry.value(QStringLiteral("parameter")).toBool());
    }
    for (const auto& [name, shape] : ours)
        QVERIFY2(theirs.count(name), qPrintable(QStringLiteral("unexpected %1").arg(QString::fromStdString(name))));
    QCOMPARE(ours.size(), theirs.size());
}

QTEST_APPLESS_MAIN(TestTorchvisionConformance)
#include "tst_torchvision_conformance.moc"
