// Where starting weights come from and how they fit: the hub cache's files and finished runs
// offered for an architecture, a chosen file matched off the GUI thread and put into words,
// and the main window's choice kept in the experiment file.
#include "isolated_home.h"
#include "experiment_file.h"
#include "main_window.h"
#include "models/zoo.h"
#include "run_fixtures.h"
#include "weights/pth_writer.h"
#include "weights_chooser.h"
#include "weights_chooser_binding.h"
#include "weights_fit_text.h"
#include "weights_inspection_service.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <torch/torch.h>

using namespace tl;
using namespace tl::test;

namespace {

QTemporaryDir* g_home = nullptr;

std::string native(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

// Zeros in the layout of an architecture: the shapes are what matching looks at. Half
// precision keeps a ResNet-18 file at 22 MB.
void writeArchWeights(const QString& path, const std::string& arch, int64_t classes, int64_t inChannels = 0)
{
    BuildOptions build;
    build.numClasses = classes;
    build.inChannels = inChannels;
    const ArchSpec spec = buildArch(arch, build);
    StateDict tensors;
    std::vector<TensorInfo> infos = spec.parameters();
    for (TensorInfo& b : spec.buffers())
        infos.push_back(std::move(b));
    for (const TensorInfo& t : infos) {
        const bool counter = t.name.size() > 19 && t.name.compare(t.name.size() - 19, 19, "num_batches_tracked") == 0;
        NamedTensor n;
        n.name = t.name;
        n.dtype = counter ? torch::kLong : torch::kHalf;
        n.shape = t.shape;
        n.tensor = torch::zeros(t.shape, n.dtype);
        tensors.push_back(std::move(n));
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    writePth(native(path), tensors);
}

QString hubDir()
{
    return g_home->filePath(QStringLiteral("torch/hub/checkpoints"));
}

QString file(const QString& name)
{
    return g_home->filePath(QStringLiteral("files/") + name);
}

}  // namespace

class TestWeightsInspection : public QObject {
    Q_OBJECT
public:
    static void initMain()
    {
        g_home = test::isolateHome();
    }

private Q_SLOTS:
    void initTestCase();
    void offersTheHubFilesAndRunsThatFit();
    void reportsHowAFileFits_data();
    void reportsHowAFileFits();
    void onlyTheLatestQuestionIsAnswered();
    void windowKeepsTheChoiceAndRechecksIt();
};

void TestWeightsInspection::initTestCase()
{
    QVERIFY(g_home->isValid());
    QSettings().clear();
    writeArchWeights(hubDir() + QStringLiteral("/resnet18-0123abcd.pth"), "resnet18", 1000);
    writeArchWeights(hubDir() + QStringLiteral("/mobilenet_v2-7ebf99e0.pth"), "mobilenet_v2", 10);
    QVERIFY(writeFile(hubDir() + QStringLiteral("/broken-deadbeef.pth"), "PK\x03\x04 not really"));
    writeArchWeights(file(QStringLiteral("lenet5-rgb.pth")), "lenet5", 10, 3);
    writeArchWeights(file(QStringLiteral("lenet5-grey.pth")), "lenet5", 10, 1);
    writeArchWeights(file(QStringLiteral("한글/가중치.pth")), "lenet5", 10, 3);
    QFile whole(file(QStringLiteral("lenet5-rgb.pth")));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    QVERIFY(writeFile(file(QStringLiteral("truncated.pth")), bytes.left(bytes.size() / 2)));
    QVERIFY(writeFile(file(QStringLiteral("한글/깨진.pth")), bytes.left(bytes.size() - 100)));
    QVERIFY(writeFile(file(QStringLiteral("notes.pth")), "these are notes, not weights\n"));

    // Runs: a finished lenet5 run, one still without model.pth, one of another architecture.
    const QString runs = g_home->filePath(QStringLiteral("runs"));
    const QString done = runs + QStringLiteral("/2024-05-01_14-03-00_digits");
    QVERIFY(writeFile(done + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("lenet5"), QStringLiteral("x"))));
    QVERIFY(writeFile(done + QStringLiteral("/summary.json"),
                      R"({"outcome": "finished", "best_by": "val_top1", "best_val_top1": 0.875, "classes": ["a", "b", "c"]})"));
    writeArchWeights(done + QStringLiteral("/model.pth"), "lenet5", 3, 3);
    const QString unfinished = runs + QStringLiteral("/2024-05-02_09-00-00_digits");
    QVERIFY(writeFile(unfinished + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("lenet5"), QStringLiteral("x"))));
    const QString other = runs + QStringLiteral("/2024-05-03_09-00-00_cats");
    QVERIFY(writeFile(other + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("alexnet"), QStringLiteral("x"))));
    QVERIFY(writeFile(other + QStringLiteral("/model.pth"), bytes));
    // A finished segmentation run: scored by mean IoU, its classes counted rather than named.
    const QString shapes = runs + QStringLiteral("/2024-05-04_09-00-00_shapes");
    QVERIFY(writeFile(shapes + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("unet"), QStringLiteral("x"))));
    QVERIFY(writeFile(shapes + QStringLiteral("/summary.json"),
                      R"({"task": "segmentation", "outcome": "finished", "best_by": "val_miou", "best_val_miou": 0.734, "classes": 4})"));
    QVERIFY(writeFile(shapes + QStringLiteral("/model.pth"), "stand-in"));
    // Two runs without validation data: one that says so, one from before summaries said so,
    // whose best_val_top1 held a training accuracy (its epochs.csv has no validation values).
    const QString unvalidated = runs + QStringLiteral("/2024-05-05_09-00-00_scratch");
    QVERIFY(writeFile(unvalidated + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("vgg11"), QStringLiteral("x"))));
    QVERIFY(writeFile(unvalidated + QStringLiteral("/summary.json"),
                      R"({"outcome": "finished", "best_by": "train_loss", "best_train_loss": 0.4, "classes": ["a", "b"]})"));
    QVERIFY(writeFile(unvalidated + QStringLiteral("/model.pth"), "stand-in"));
    const QString older = runs + QStringLiteral("/2024-05-06_09-00-00_older");
    QVERIFY(writeFile(older + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("vgg11"), QStringLiteral("x"))));
    QVERIFY(writeFile(older + QStringLiteral("/summary.json"), R"({"outcome": "finished", "best_val_top1": 0.9, "classes": ["a", "b"]})"));
    QVERIFY(writeFile(older + QStringLiteral("/epochs.csv"), "epoch,train_loss,train_accuracy,val_loss,val_top1,val_top5,seconds,"
                                                             "images_per_second\n1,0.4,0.9,,,,1,10\n"));
    QVERIFY(writeFile(older + QStringLiteral("/model.pth"), "stand-in"));
}

void TestWeightsInspection::offersTheHubFilesAndRunsThatFit()
{
    const QString runs = g_home->filePath(QStringLiteral("runs"));
    WeightsInspectionService service;
    QSignalSpy listed(&service, &WeightsInspectionService::listed);
    service.list(QStringLiteral("resnet18"), runs);
    QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 1, 30000);
    auto entries = listed.last().at(1).value<QVector<WeightsEntry>>();
    QCOMPARE(entries.size(), 1);  // not mobilenet_v2's file, not the broken one, no resnet18 run
    QCOMPARE(entries[0].kind, WeightsEntry::Kind::HubFile);
    QCOMPARE(entries[0].label, QStringLiteral("resnet18-0123abcd.pth"));
    QCOMPARE(QDir::cleanPath(entries[0].path), QDir::cleanPath(hubDir() + QStringLiteral("/resnet18-0123abcd.pth")));

    service.list(QStringLiteral("lenet5"), runs);
    QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 2, 30000);
    entries = listed.last().at(1).value<QVector<WeightsEntry>>();
    QCOMPARE(entries.size(), 1);  // the finished run only
    QCOMPARE(entries[0].kind, WeightsEntry::Kind::RunFolder);
    QCOMPARE(entries[0].label, QStringLiteral("digits (2024-05-01 14:03, validation top-1 87.5%)"));
    QVERIFY2(entries[0].toolTip.contains(QStringLiteral("3 classes")), qPrintable(entries[0].toolTip));

    service.list(QStringLiteral("unet"), runs);
    QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 3, 30000);
    entries = listed.last().at(1).value<QVector<WeightsEntry>>();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].label, QStringLiteral("shapes (2024-05-04 09:00, validation mIoU 73.4%)"));
    QVERIFY2(entries[0].toolTip.contains(QStringLiteral("4 classes")), qPrintable(entries[0].toolTip));

    // Runs without validation data say so, and show no training figure as a score.
    service.list(QStringLiteral("vgg11"), runs);
    QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 4, 30000);
    entries = listed.last().at(1).value<QVector<WeightsEntry>>();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].label, QStringLiteral("older (2024-05-06 09:00, no validation)"));
    QCOMPARE(entries[1].label, QStringLiteral("scratch (2024-05-05 09:00, no validation)"));
}

void TestWeightsInspection::reportsHowAFileFits_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("inChannels");
    QTest::addColumn<QString>("words");  // the report, or its start when it ends with "..."
    QTest::addColumn<int>("verdict");

    using V = WeightsFitText::Verdict;
    QTest::newRow("full match") << file(QStringLiteral("lenet5-rgb.pth")) << QString::fromUtf8("lenet5") << 10 << 3
                                << QString::fromUtf8("All 10 tensors loaded") << int(V::Complete);
    QTest::newRow("non-ASCII path") << file(QStringLiteral("한글/가중치.pth")) << QString::fromUtf8("lenet5") << 10 << 3
                                    << QString::fromUtf8("All 10 tensors loaded") << int(V::Complete);
    QTest::newRow("new head") << file(QStringLiteral("lenet5-rgb.pth")) << QString::fromUtf8("lenet5") << 4 << 3
                              << QString::fromUtf8("Backbone loaded (8 of 10 tensors); new 4-class head initialised\n"
                                 "The file's head has 10 classes.")
                              << int(V::Backbone);
    QTest::newRow("run folder") << g_home->filePath(QStringLiteral("runs/2024-05-01_14-03-00_digits")) << QString::fromUtf8("lenet5") << 8 << 3
                                << QString::fromUtf8("Backbone loaded (8 of 10 tensors); new 8-class head initialised\n"
                                   "The file's head has 3 classes.")
                                << int(V::Backbone);
    QTest::newRow("input channels") << file(QStringLiteral("lenet5-grey.pth")) << QString::fromUtf8("lenet5") << 10 << 3
                                    << QString::fromUtf8("Does not fit lenet5: 1 with another shape — e.g. features.c1.weight\n"
                                       "Training cannot start from it: choose other weights or None.")
                                    << int(V::NoFit);
    QTest::newRow("wrong architecture") << file(QStringLiteral("lenet5-rgb.pth")) << QString::fromUtf8("resnet18") << 10 << 3
                                        << QString::fromUtf8("Does not fit resnet18: 102 missing, 10 unexpected — e.g. conv1.weight\n"
                                           "Training cannot start from it: choose other weights or None.")
                                        << int(V::NoFit);
    QTest::newRow("another zoo network") << hubDir() + QStringLiteral("/resnet18-0123abcd.pth") << QString::fromUtf8("resnet34") << 10 << 3
                                         << QString::fromUtf8("Does not fit resnet34: 80 missing, 2 with another shape — e.g. layer1.2.conv1.weight\n"
                                            "The file holds resnet18 weights.\n"
                                            "Training cannot start from it: choose other weights or None.")
                                         << int(V::NoFit);
    QTest::newRow("truncated") << file(QStringLiteral("truncated.pth")) << QString::fromUtf8("lenet5") << 10 << 3
                               << QString::fromUtf8("Cannot use truncated.pth: ...") << int(V::Unreadable);
    QTest::newRow("truncated, non-ASCII") << file(QStringLiteral("한글/깨진.pth")) << QString::fromUtf8("lenet5") << 10 << 3
                                          << QString::fromUtf8("Cannot use 깨진.pth: ...") << int(V::Unreadable);
    QTest::newRow("not weights") << file(QStringLiteral("notes.pth")) << QString::fromUtf8("lenet5") << 10 << 3
                                 << QString::fromUtf8("Cannot use notes.pth: ...") << int(V::Unreadable);
    QTest::newRow("missing file") << file(QStringLiteral("gone.pth")) << QString::fromUtf8("lenet5") << 10 << 3
                                  << QString::fromUtf8("Cannot use gone.pth: no such file") << int(V::Unreadable);
    QTest::newRow("unfinished run") << g_home->filePath(QStringLiteral("runs/2024-05-02_09-00-00_digits")) << QString::fromUtf8("lenet5") << 10
                                    << 3 << QString::fromUtf8("Cannot use 2024-05-02_09-00-00_digits: this run folder has no trained weights (model.pth) yet")
                                    << int(V::Unreadable);
}

void TestWeightsInspection::reportsHowAFileFits()
{
    QFETCH(QString, setting);
    QFETCH(QString, arch);
    QFETCH(int, classes);
    QFETCH(int, inChannels);
    QFETCH(QString, words);
    QFETCH(int, verdict);
    WeightsInspectionService service;
    QSignalSpy inspected(&service, &WeightsInspectionService::inspected);
    service.inspect(setting, {arch, classes, inChannels, 64});
    QTRY_COMPARE_WITH_TIMEOUT(inspected.count(), 1, 30000);
    const WeightsFit fit = inspected.last().at(0).value<WeightsFit>();
    const QString text = WeightsFitText::describe(fit);
    if (words.endsWith(QStringLiteral("..."))) {
        QVERIFY2(text.startsWith(words.chopped(3)), qPrintable(text));
        QVERIFY2(text.size() > words.size() + 3, qPrintable(text));  // a reason follows
    } else {
        QCOMPARE(text, words);
    }
    QCOMPARE(int(WeightsFitText::verdict(fit)), verdict);
}

void TestWeightsInspection::onlyTheLatestQuestionIsAnswered()
{
    WeightsInspectionService service;
    QSignalSpy inspected(&service, &WeightsInspectionService::inspected);
    service.inspect(hubDir() + QStringLiteral("/resnet18-0123abcd.pth"), {QStringLiteral("resnet18"), 4, 3, 64});
    service.inspect(file(QStringLiteral("lenet5-rgb.pth")), {QStringLiteral("lenet5"), 10, 3, 64});
    QTRY_COMPARE_WITH_TIMEOUT(inspected.count(), 1, 30000);
    QTest::qWait(200);
    QCOMPARE(inspected.count(), 1);
    QCOMPARE(inspected.last().at(0).value<WeightsFit>().setting, file(QStringLiteral("lenet5-rgb.pth")));
}

void TestWeightsInspection::windowKeepsTheChoiceAndRechecksIt()
{
    MainWindow w;
    w.showArchitecture(QStringLiteral("lenet5"));
    auto* chooser = w.findChild<WeightsChooser*>(QStringLiteral("weightsChooser"));
    auto* binding = w.findChild<WeightsChooserBinding*>();
    QVERIFY(chooser && binding);
    QTRY_COMPARE(chooser->reportText(), QStringLiteral("Random initialisation: every layer starts from scratch."));

    // Choose a file: the experiment takes it and the report follows.
    QString answer = file(QStringLiteral("lenet5-rgb.pth"));
    chooser->setFilePicker([&](QWidget*, const QString&) { return answer; });
    chooser->chooseFile();
    QCOMPARE(QString::fromStdString(w.experiment().model.weights), answer);
    QVERIFY(w.isWindowModified());
    QTRY_COMPARE_WITH_TIMEOUT(chooser->reportText(), QStringLiteral("All 10 tensors loaded"), 30000);
    QCOMPARE(chooser->reportTone(), WeightsChooser::Tone::Good);

    // It survives save and open.
    const QString experimentFile = g_home->filePath(QStringLiteral("weights-experiment.json"));
    QVERIFY(w.saveExperimentAs(experimentFile));
    Experiment saved;
    QVERIFY(readExperimentFile(experimentFile, saved, nullptr));
    QCOMPARE(QString::fromStdString(saved.model.weights), answer);
    QVERIFY(w.newExperiment());
    QTRY_COMPARE(chooser->currentPath(), QString());
    QVERIFY(w.openExperiment(experimentFile));
    QCOMPARE(chooser->currentPath(), answer);
    QCOMPARE(chooser->comboBox()->currentText(), QStringLiteral("lenet5-rgb.pth"));
    QTRY_COMPARE_WITH_TIMEOUT(chooser->reportText(), QStringLiteral("All 10 tensors loaded"), 30000);

    // Another architecture: the choice stays, and the report says it no longer fits.
    QVERIFY(w.showArchitecture(QStringLiteral("resnet18")));
    QCOMPARE(chooser->currentPath(), answer);
    QTRY_VERIFY_WITH_TIMEOUT(chooser->reportText().startsWith(QStringLiteral("Does not fit resnet18: ")), 30000);
    QCOMPARE(chooser->reportTone(), WeightsChooser::Tone::Warning);
    // ... and the hub cache's resnet18 file is offered.
    QTRY_VERIFY(chooser->listedPaths().contains(QDir::cleanPath(hubDir() + QStringLiteral("/resnet18-0123abcd.pth"))));

    // A corrupt file is reported by name and the window carries on.
    QVERIFY(w.showArchitecture(QStringLiteral("lenet5")));
    answer = file(QStringLiteral("한글/깨진.pth"));
    chooser->chooseFile();
    QTRY_VERIFY_WITH_TIMEOUT(chooser->reportText().startsWith(QStringLiteral("Cannot use 깨진.pth: ")), 30000);
    QCOMPARE(chooser->reportTone(), WeightsChooser::Tone::Error);
    QVERIFY(w.showArchitecture(QStringLiteral("alexnet")));
    QCOMPARE(w.experiment().model.arch, std::string("alexnet"));

    // Back to random initialisation.
    chooser->comboBox()->setCurrentIndex(0);
    Q_EMIT chooser->comboBox()->activated(0);
    QCOMPARE(w.experiment().model.weights, std::string("none"));
    QCOMPARE(chooser->reportText(), QStringLiteral("Random initialisation: every layer starts from scratch."));
    w.saveExperimentAs(experimentFile);  // nothing left unsaved for the close
}

QTEST_MAIN(TestWeightsInspection)
#include "tst_weights_inspection.moc"
