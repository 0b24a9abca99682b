// The runs tab on hand-written run folders: the list, overlaid curves of the selected runs,
// opening a run's experiment, and damaged run folders listed with what they lack.
#include "run_fixtures.h"
#include "runs_panel.h"

#include "plots/qcustomplot_include.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace tl;
using namespace tl::test;

class TestRunsPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsEveryRunWithItsFigures();
    void overlaysOneCurvePerSelectedRun_data();
    void overlaysOneCurvePerSelectedRun();
    void segmentationRunsShowTheirMeanIou();
    void runsWithoutValidationShowNoValidationScore_data();
    void runsWithoutValidationShowNoValidationScore();
    void brokenRunsSayWhatIsMissing();
    void openExperimentNamesTheRunsFile();
    void refreshFindsNewRuns();

private:
    QTreeWidgetItem* itemNamed(RunsPanel& panel, const QString& name) const;
    QTemporaryDir m_dir;
    QString m_runs;
    QString m_alpha, m_beta, m_gamma, m_broken, m_garbled;
};

void TestRunsPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_runs = m_dir.filePath(QStringLiteral("runs"));
    const auto run = [&](const QString& folder, const QString& arch, double best, int epochs) {
        const QString path = m_runs + QLatin1Char('/') + folder;
        writeFile(path + QStringLiteral("/experiment.json"), experimentJson(arch, QStringLiteral("/data")));
        writeFile(path + QStringLiteral("/summary.json"), summaryJson(QStringLiteral("finished"), best, epochs));
        writeFile(path + QStringLiteral("/epochs.csv"), epochsCsv(epochs, best - 0.1 * epochs));
        writeFile(path + QStringLiteral("/model.pth"), "stand-in");
        return path;
    };
    m_alpha = run(QStringLiteral("2024-05-01_10-00-00_alpha"), QStringLiteral("resnet18"), 0.875, 3);
    m_beta = run(QStringLiteral("2024-05-02_11-30-00_beta"), QStringLiteral("vgg11"), 0.6, 5);
    m_gamma = run(QStringLiteral("2024-05-03_08-15-00_감마"), QStringLiteral("densenet121"), 0.9, 2);
    // Started but killed before the first epoch ended: only the experiment is there.
    m_broken = m_runs + QStringLiteral("/2024-05-04_09-00-00_killed");
    writeFile(m_broken + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("lenet5"), QStringLiteral("/data")));
    // Damaged files: a summary that is no JSON, a finished run without its model.
    m_garbled = m_runs + QStringLiteral("/2024-05-05_09-00-00_garbled");
    writeFile(m_garbled + QStringLiteral("/summary.json"), "{\"outcome\": ");
    writeFile(m_garbled + QStringLiteral("/epochs.csv"), "");
}

QTreeWidgetItem* TestRunsPanel::itemNamed(RunsPanel& panel, const QString& name) const
{
    auto* list = panel.findChild<QTreeWidget*>(QStringLiteral("runList"));
    for (int i = 0; list && i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(RunsPanel::NameColumn) == name)
            return list->topLevelItem(i);
    return nullptr;
}

void TestRunsPanel::listsEveryRunWithItsFigures()
{
    RunsPanel panel;
    panel.setRunsDirectory(m_runs);
    QCOMPARE(panel.runs().size(), 5);
    QTreeWidgetItem* alpha = itemNamed(panel, QStringLiteral("alpha"));
    QVERIFY(alpha);
    QCOMPARE(alpha->text(RunsPanel::DateColumn), QStringLiteral("2024-05-01 10:00"));
    QCOMPARE(alpha->text(RunsPanel::ArchColumn), QStringLiteral("resnet18"));
    QCOMPARE(alpha->text(RunsPanel::OutcomeColumn), QStringLiteral("finished"));
    QCOMPARE(alpha->text(RunsPanel::BestColumn), QStringLiteral("top-1 87.5 %"));
    QCOMPARE(alpha->text(RunsPanel::EpochsColumn), QStringLiteral("3"));
    QVERIFY(alpha->text(RunsPanel::ProblemsColumn).isEmpty());
    QTreeWidgetItem* gamma = itemNamed(panel, QStringLiteral("감마"));
    QVERIFY(gamma);
    QCOMPARE(gamma->text(RunsPanel::ArchColumn), QStringLiteral("densenet121"));
    // Newest first.
    auto* list = panel.findChild<QTreeWidget*>(QStringLiteral("runList"));
    QCOMPARE(list->topLevelItem(0)->text(RunsPanel::NameColumn), QStringLiteral("garbled"));
}

void TestRunsPanel::segmentationRunsShowTheirMeanIou()
{
    // A segmentation summary counts its classes and scores by mean IoU instead of top-1.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("2024-06-01_10-00-00_shapes"));
    writeFile(path + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("unet"), QStringLiteral("/d")));
    writeFile(path + QStringLiteral("/summary.json"),
              R"({"task": "segmentation", "outcome": "finished", "message": "", "epochs_done": 4, "best_epoch": 3,
                  "best_val_miou": 0.734, "best_val_pixel_accuracy": 0.91, "classes": 4})");
    writeFile(path + QStringLiteral("/epochs.csv"),
              "epoch,train_loss,train_pixel_accuracy,val_loss,val_pixel_accuracy,val_miou,val_dice,seconds,"
              "images_per_second\n1,1.5,0.5,1.4,0.6,0.40,0.5,1,10\n2,1.2,0.6,1.1,0.7,0.55,0.6,1,10\n"
              "3,1.0,0.7,0.9,0.8,0.734,0.7,1,10\n4,0.9,0.8,0.95,0.8,0.70,0.7,1,10\n");
    writeFile(path + QStringLiteral("/model.pth"), "stand-in");
    RunsPanel panel;
    panel.setRunsDirectory(dir.path());
    QCOMPARE(panel.runs().size(), 1);
    const RunInfo& run = panel.runs().front();
    QVERIFY(run.segmentation);
    QCOMPARE(run.classCount, 4);
    QVERIFY(run.classes.isEmpty());
    QVERIFY(run.bestValTop1 < 0);
    QTreeWidgetItem* item = itemNamed(panel, QStringLiteral("shapes"));
    QVERIFY(item);
    QCOMPARE(item->text(RunsPanel::BestColumn), QStringLiteral("mIoU 73.4 %"));
    QVERIFY(item->text(RunsPanel::ProblemsColumn).isEmpty());
    // Selected, it plots its mean IoU per epoch where classification runs plot top-1.
    panel.selectRuns({QDir(path).absolutePath()});
    auto* plot = panel.findChild<QCustomPlot*>(QStringLiteral("runsPlot"));
    QVERIFY(plot);
    QCPGraph* score = plot->axisRect(0)->graphs().value(0);
    QVERIFY(score);
    QCOMPARE(score->data()->size(), 4);
    QCOMPARE((score->data()->constBegin() + 2)->value, 73.4);
    // A classification run counts the names it lists.
    QCOMPARE(readRunInfo(m_alpha).classCount, 2);
    QVERIFY(!readRunInfo(m_alpha).segmentation);
}

void TestRunsPanel::runsWithoutValidationShowNoValidationScore_data()
{
    // epochs.csv keeps its validation columns, empty, when no epoch was validated.
    const QByteArray epochs = "epoch,train_loss,train_accuracy,val_loss,val_top1,val_top5,seconds,images_per_second,"
                              "val_macro_f1\n1,1.2,0.625,,,,2.5,100,\n2,0.8,0.75,,,,2.5,100,\n";
    QTest::addColumn<QByteArray>("summary");
    QTest::addColumn<QByteArray>("epochs");
    QTest::newRow("best by training loss")
        << QByteArray(R"({"task": "classification", "outcome": "finished", "message": "", "epochs_done": 2,
                         "best_epoch": 2, "best_by": "train_loss", "best_train_loss": 0.8, "final_train_loss": 0.8,
                         "final_train_accuracy": 0.75, "validation": {"source": "none", "images": 0},
                         "classes": ["cat", "dog"]})")
        << epochs;
    // Written before best_by existed: best_val_top1 was there even without validation data, and
    // held a training figure; epochs.csv tells.
    QTest::newRow("older summary without best_by")
        << QByteArray(R"({"outcome": "finished", "message": "", "epochs_done": 2, "best_epoch": 2,
                         "best_val_top1": 0.75, "classes": ["cat", "dog"]})")
        << epochs;
}

void TestRunsPanel::runsWithoutValidationShowNoValidationScore()
{
    QFETCH(QByteArray, summary);
    QFETCH(QByteArray, epochs);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("2024-06-02_10-00-00_unvalidated"));
    writeFile(path + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("resnet18"), QStringLiteral("/d")));
    writeFile(path + QStringLiteral("/summary.json"), summary);
    writeFile(path + QStringLiteral("/epochs.csv"), epochs);
    writeFile(path + QStringLiteral("/model.pth"), "stand-in");
    const QString validated = dir.filePath(QStringLiteral("2024-06-01_10-00-00_validated"));
    writeFile(validated + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("resnet18"), QStringLiteral("/d")));
    writeFile(validated + QStringLiteral("/summary.json"), summaryJson(QStringLiteral("finished"), 0.875, 3));
    writeFile(validated + QStringLiteral("/epochs.csv"), epochsCsv(3, 0.5));
    writeFile(validated + QStringLiteral("/model.pth"), "stand-in");
    RunsPanel panel;
    panel.setRunsDirectory(dir.path());
    const RunInfo info = readRunInfo(path);
    QCOMPARE(info.bestBy, QStringLiteral("train_loss"));
    QVERIFY(!info.validated());
    QVERIFY(info.bestValTop1 < 0);  // the 0.75 of the older summary is a training accuracy
    QTreeWidgetItem* item = itemNamed(panel, QStringLiteral("unvalidated"));
    QVERIFY(item);
    const QString best = item->text(RunsPanel::BestColumn);
    QCOMPARE(best, QStringLiteral("no validation"));
    QVERIFY2(!best.contains(QLatin1String("75")), qPrintable(best));
    QCOMPARE(itemNamed(panel, QStringLiteral("validated"))->text(RunsPanel::BestColumn), QStringLiteral("top-1 87.5 %"));
    // Selected, it draws its training loss only; no validation curve, not even an empty one.
    panel.selectRuns({QDir(path).absolutePath()});
    QCOMPARE(panel.plottedRuns().size(), 1);
    QCOMPARE(panel.valTop1GraphCount(), 0);
    QCOMPARE(panel.trainLossGraphCount(), 1);
    auto* plot = panel.findChild<QCustomPlot*>(QStringLiteral("runsPlot"));
    QCPGraph* loss = plot->graph(0);
    QVERIFY(loss->name().contains(QLatin1String("no validation")));
    panel.selectRuns({QDir(path).absolutePath(), QDir(validated).absolutePath()});
    QCOMPARE(panel.valTop1GraphCount(), 1);
    QCOMPARE(panel.trainLossGraphCount(), 2);
    QCOMPARE(plot->axisRect(0)->graphs().value(0)->name(), QStringLiteral("validated (2024-06-01 10:00)"));
}

void TestRunsPanel::overlaysOneCurvePerSelectedRun_data()
{
    QTest::addColumn<QStringList>("selected");
    QTest::addColumn<int>("graphs");
    QTest::newRow("none") << QStringList{} << 0;
    QTest::newRow("one") << QStringList{QStringLiteral("alpha")} << 1;
    QTest::newRow("three") << QStringList{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("감마")} << 3;
    QTest::newRow("with a run that has no curves") << QStringList{QStringLiteral("beta"), QStringLiteral("killed"),
                                                                  QStringLiteral("garbled")} << 1;
}

void TestRunsPanel::overlaysOneCurvePerSelectedRun()
{
    QFETCH(QStringList, selected);
    QFETCH(int, graphs);
    RunsPanel panel;
    panel.setRunsDirectory(m_runs);
    panel.show();
    QStringList paths;
    for (const QString& name : selected) {
        QTreeWidgetItem* item = itemNamed(panel, name);
        QVERIFY(item);
        paths << item->data(RunsPanel::NameColumn, Qt::UserRole).toString();
    }
    // Selecting through the list as a user does, not through the API.
    auto* list = panel.findChild<QTreeWidget*>(QStringLiteral("runList"));
    list->clearSelection();
    for (const QString& name : selected)
        itemNamed(panel, name)->setSelected(true);
    QCOMPARE(panel.valTop1GraphCount(), graphs);
    QCOMPARE(panel.trainLossGraphCount(), graphs);
    QCOMPARE(panel.plottedRuns().size(), graphs);
    panel.selectRuns({});
    QCOMPARE(panel.valTop1GraphCount(), 0);
    panel.selectRuns(paths);
    QCOMPARE(panel.valTop1GraphCount(), graphs);
}

void TestRunsPanel::brokenRunsSayWhatIsMissing()
{
    RunsPanel panel;
    panel.setRunsDirectory(m_runs);
    QTreeWidgetItem* killed = itemNamed(panel, QStringLiteral("killed"));
    QVERIFY(killed);
    const QString problems = killed->text(RunsPanel::ProblemsColumn);
    QVERIFY2(problems.contains(QStringLiteral("summary.json")) && problems.contains(QStringLiteral("epochs.csv")),
             qPrintable(problems));
    QCOMPARE(killed->text(RunsPanel::ArchColumn), QStringLiteral("lenet5"));
    QTreeWidgetItem* garbled = itemNamed(panel, QStringLiteral("garbled"));
    QVERIFY(garbled);
    const QString garbledProblems = garbled->text(RunsPanel::ProblemsColumn);
    QVERIFY2(garbledProblems.contains(QStringLiteral("experiment.json"))
                 && garbledProblems.contains(QStringLiteral("summary.json: not valid JSON")),
             qPrintable(garbledProblems));
    // A runs folder that does not exist is an empty list, not a crash.
    panel.setRunsDirectory(m_dir.filePath(QStringLiteral("nowhere")));
    QCOMPARE(panel.runs().size(), 0);
}

void TestRunsPanel::openExperimentNamesTheRunsFile()
{
    RunsPanel panel;
    panel.setRunsDirectory(m_runs);
    auto* open = panel.findChild<QPushButton*>(QStringLiteral("openExperimentButton"));
    QVERIFY(open);
    QSignalSpy spy(&panel, &RunsPanel::openExperimentRequested);
    panel.selectRuns({QDir(m_beta).absolutePath()});
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QDir(m_beta).absoluteFilePath(QStringLiteral("experiment.json")));
    // Two runs at once, or a run without its experiment, cannot be opened.
    panel.selectRuns({QDir(m_alpha).absolutePath(), QDir(m_beta).absolutePath()});
    QVERIFY(!open->isEnabled());
    panel.selectRuns({QDir(m_garbled).absolutePath()});
    QVERIFY(!open->isEnabled());
}

void TestRunsPanel::refreshFindsNewRuns()
{
    RunsPanel panel;
    panel.setRunsDirectory(m_runs);
    panel.selectRuns({QDir(m_alpha).absolutePath()});
    const QString added = m_runs + QStringLiteral("/2024-05-06_10-00-00_delta");
    writeFile(added + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("alexnet"), QStringLiteral("/d")));
    writeFile(added + QStringLiteral("/summary.json"), summaryJson(QStringLiteral("stopped"), 0.5, 1));
    writeFile(added + QStringLiteral("/epochs.csv"), epochsCsv(1, 0.4));
    panel.refresh();
    QCOMPARE(panel.runs().size(), 6);
    QVERIFY(itemNamed(panel, QStringLiteral("delta")));
    QCOMPARE(panel.selectedRuns(), QStringList{QDir(m_alpha).absolutePath()});  // the selection survives
    QDir(added).removeRecursively();
}

QTEST_MAIN(TestRunsPanel)
#include "tst_runs_panel.moc"
