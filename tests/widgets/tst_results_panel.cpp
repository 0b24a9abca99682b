// The results tab on a hand-written run folder: per-class scores, the matrix of the last or
// best epoch, and the validation images behind a cell, highest loss first; the predict box's
// Grad-CAM overlay; and for a segmentation run, IoU per class, a gallery of predicted masks and
// the legend of class colours.
#include "confusion_view.h"
#include "mask_gallery.h"
#include "results_panel.h"
#include "run_fixtures.h"
#include "thumbnail_model.h"

#include <QCheckBox>
#include <QListView>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tl;
using namespace tl::test;

class TestResultsPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsThePerClassScores();
    void clickingACellListsItsImagesByLoss_data();
    void clickingACellListsItsImagesByLoss();
    void bestEpochShowsItsOwnMatrix();
    void brokenRunsSayWhy_data();
    void brokenRunsSayWhy();
    void predictBoxAsksForTheRunsModel();
    void gradCamOverlayToggles();
    void segmentationRunShowsMasksInsteadOfAMatrix();

private:
    QString makeRun(const QString& name);
    QTemporaryDir m_dir;
    QString m_run;
    QString m_data;
};

QString TestResultsPanel::makeRun(const QString& name)
{
    const QString run = m_dir.filePath(name);
    writeFile(run + QStringLiteral("/experiment.json"), experimentJson(QStringLiteral("resnet18"), m_data));
    writeFile(run + QStringLiteral("/summary.json"), summaryJson(QStringLiteral("finished"), 0.7, 3));
    writeFile(run + QStringLiteral("/confusion.json"), R"({"classes": ["cat", "dog"],
        "last": {"epoch": 3, "matrix": [[3, 2], [1, 4]], "macro_f1": 0.6970,
                 "per_class": [{"class": "cat", "precision": 0.75, "recall": 0.6, "f1": 0.6667, "support": 5},
                               {"class": "dog", "precision": 0.6667, "recall": 0.8, "f1": 0.7273, "support": 5}]},
        "best": {"epoch": 2, "matrix": [[5, 0], [2, 3]], "macro_f1": 0.7917,
                 "per_class": [{"class": "cat", "precision": 0.7143, "recall": 1.0, "f1": 0.8333, "support": 5},
                               {"class": "dog", "precision": 1.0, "recall": 0.6, "f1": 0.75, "support": 5}]}})");
    // cat images 0-4 (two taken for dogs), dog images 5-9 (one taken for a cat); one path with a
    // comma, quoted as CSV quotes it, and relative paths resolved against the dataset.
    QByteArray csv = "index,path,target,predicted,prob,loss\n";
    csv += "0," + m_data.toUtf8() + "/cat/a.png,0,0,0.9,0.105\n";
    csv += "1,\"" + m_data.toUtf8() + "/cat/b, blurry.png\",0,1,0.8,1.609\n";
    csv += "2,cat/c.png,0,0,0.7,0.357\n";
    csv += "3,cat/d.png,0,1,0.95,2.996\n";
    csv += "4,cat/e.png,0,0,0.6,0.511\n";
    csv += "5,dog/a.png,1,1,0.9,0.105\n";
    csv += "6,dog/b.png,1,0,0.55,0.799\n";
    csv += "7,dog/c.png,1,1,0.9,0.105\n";
    csv += "8,dog/d.png,1,1,0.9,0.105\n";
    csv += "9,dog/e.png,1,1,0.9,0.105\n";
    writeFile(run + QStringLiteral("/val_predictions.csv"), csv);
    return run;
}

void TestResultsPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = m_dir.filePath(QStringLiteral("데이터"));
    for (const QString& cls : {QStringLiteral("cat"), QStringLiteral("dog")})
        for (const QString& file : {QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e")})
            QVERIFY(writeSolidImage(m_data + QLatin1Char('/') + cls + QLatin1Char('/') + file + QStringLiteral(".png"),
                                    cls == QLatin1String("cat") ? Qt::red : Qt::blue));
    QVERIFY(writeSolidImage(m_data + QStringLiteral("/cat/b, blurry.png"), Qt::darkRed));
    QVERIFY(writeSolidImage(m_data + QStringLiteral("/dog/b.png"), Qt::darkBlue));
    m_run = makeRun(QStringLiteral("2024-05-01_10-00-00_fixture"));
}

void TestResultsPanel::showsThePerClassScores()
{
    ResultsPanel panel;
    QVERIFY2(panel.loadRun(m_run), qPrintable(panel.statusText()));
    auto* table = panel.findChild<QTableWidget*>(QStringLiteral("perClassTable"));
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 3);  // two classes and the macro average
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("cat"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("0.750"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("0.600"));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("0.667"));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("5"));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("0.727"));
    QVERIFY(table->item(2, 0)->text().contains(QStringLiteral("3")));  // the epoch
    QCOMPARE(table->item(2, 3)->text(), QStringLiteral("0.697"));
    QCOMPARE(panel.confusionView()->count(0, 1), 2);
    QCOMPARE(panel.confusionView()->count(1, 0), 1);
}

void TestResultsPanel::clickingACellListsItsImagesByLoss_data()
{
    QTest::addColumn<int>("truth");
    QTest::addColumn<int>("predicted");
    QTest::addColumn<QStringList>("files");
    QTest::newRow("cats taken for dogs") << 0 << 1 << QStringList{QStringLiteral("cat/d.png"), QStringLiteral("cat/b, blurry.png")};
    QTest::newRow("cats recognised") << 0 << 0
                                     << QStringList{QStringLiteral("cat/e.png"), QStringLiteral("cat/c.png"), QStringLiteral("cat/a.png")};
    QTest::newRow("dog taken for a cat") << 1 << 0 << QStringList{QStringLiteral("dog/b.png")};
}

void TestResultsPanel::clickingACellListsItsImagesByLoss()
{
    QFETCH(int, truth);
    QFETCH(int, predicted);
    QFETCH(QStringList, files);
    ResultsPanel panel;
    panel.resize(1100, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.loadRun(m_run));
    ConfusionView* view = panel.confusionView();
    QTest::mouseClick(view, Qt::LeftButton, {}, view->cellRect(truth, predicted).center());
    auto* list = panel.findChild<QListView*>(QStringLiteral("cellImages"));
    QVERIFY(list);
    QCOMPARE(list->model()->rowCount(), files.size());
    for (int row = 0; row < files.size(); ++row) {
        const QString path = list->model()->index(row, 0).data(ThumbnailModel::PathRole).toString();
        QCOMPARE(path, m_data + QLatin1Char('/') + files[row]);
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    }
    const QVector<ValPrediction> shown = panel.cellImages();
    for (int i = 1; i < shown.size(); ++i)
        QVERIFY(shown[i - 1].loss >= shown[i].loss);
}

void TestResultsPanel::bestEpochShowsItsOwnMatrix()
{
    ResultsPanel panel;
    QVERIFY(panel.loadRun(m_run));
    panel.showBest(true);
    QCOMPARE(panel.confusionView()->count(0, 0), 5);
    QCOMPARE(panel.confusionView()->count(0, 1), 0);
    auto* table = panel.findChild<QTableWidget*>(QStringLiteral("perClassTable"));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("0.833"));
    QCOMPARE(table->item(2, 3)->text(), QStringLiteral("0.792"));
    panel.showBest(false);
    QCOMPARE(panel.confusionView()->count(0, 1), 2);
}

void TestResultsPanel::brokenRunsSayWhy_data()
{
    QTest::addColumn<QByteArray>("confusion");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no confusion.json") << QByteArray() << QStringLiteral("confusion.json");
    QTest::newRow("not JSON") << QByteArray("{\"classes\": [") << QStringLiteral("not valid JSON");
    QTest::newRow("matrix of the wrong size")
        << QByteArray(R"({"classes": ["a", "b"], "last": {"epoch": 1, "matrix": [[1, 2]]}})") << QStringLiteral("rows");
    QTest::newRow("no classes") << QByteArray(R"({"last": {}})") << QStringLiteral("class list");
}

void TestResultsPanel::brokenRunsSayWhy()
{
    QFETCH(QByteArray, confusion);
    QFETCH(QString, mentions);
    const QString run = m_dir.filePath(QStringLiteral("broken_") + QString::fromLatin1(QTest::currentDataTag()));
    QDir().mkpath(run);
    if (!confusion.isEmpty())
        QVERIFY(writeFile(run + QStringLiteral("/confusion.json"), confusion));
    ResultsPanel panel;
    QVERIFY(!panel.loadRun(run));
    QVERIFY2(panel.statusText().contains(mentions), qPrintable(panel.statusText()));
    QCOMPARE(panel.confusionView()->classCount(), 0);
    panel.showCell(0, 1);  // nothing to show, nothing to crash
    QVERIFY(panel.cellImages().isEmpty());
    // The panel recovers when a good run is opened next.
    QVERIFY(panel.loadRun(m_run));
    QCOMPARE(panel.confusionView()->classCount(), 2);
}

void TestResultsPanel::predictBoxAsksForTheRunsModel()
{
    ResultsPanel panel;
    QVERIFY(panel.loadRun(m_run));
    auto* box = panel.findChild<PredictBox*>(QStringLiteral("predictBox"));
    QVERIFY(box);
    QVERIFY(box->statusText().contains(QStringLiteral("model.pth")));  // the fixture run has none
    QVERIFY(writeFile(m_run + QStringLiteral("/model.pth"), "stand-in"));
    QVERIFY(panel.loadRun(m_run));
    QSignalSpy spy(&panel, &ResultsPanel::predictRequested);
    Q_EMIT box->imageChosen(m_data + QStringLiteral("/dog/a.png"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QDir(m_run).absolutePath());
    panel.showPrediction(m_data + QStringLiteral("/dog/a.png"),
                         {{QStringLiteral("dog"), 0.875}, {QStringLiteral("cat"), 0.125}});
    QCOMPARE(box->rowCount(), 2);
    QVERIFY(box->statusText().contains(QStringLiteral("dog")));
    panel.showPredictionError(m_data + QStringLiteral("/dog/a.png"), QStringLiteral("model.pth: does not match"));
    QCOMPARE(box->rowCount(), 0);
    QVERIFY(box->statusText().contains(QStringLiteral("does not match")));
    QFile::remove(m_run + QStringLiteral("/model.pth"));
}

void TestResultsPanel::gradCamOverlayToggles()
{
    ResultsPanel panel;
    QVERIFY(panel.loadRun(m_run));
    auto* box = panel.findChild<PredictBox*>(QStringLiteral("predictBox"));
    auto* check = box->findChild<QCheckBox*>(QStringLiteral("overlayCheck"));
    QVERIFY(check);
    QCOMPARE(check->text(), QStringLiteral("Show Grad-CAM"));
    ImagePrediction p;
    p.top = {{QStringLiteral("dog"), 0.9}, {QStringLiteral("cat"), 0.1}};
    p.picture = QImage(40, 40, QImage::Format_RGB32);
    p.picture.fill(Qt::white);
    p.heat.size = QSize(40, 40);
    p.heat.layer = QStringLiteral("layer4.1.relu_out");
    p.heat.values.fill(0.0f, 40 * 40);
    for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 20; ++x)
            p.heat.values[y * 40 + x] = 1.0f;  // hot on the left
    p.heatView = overlay::withHeat(p.picture, p.heat);
    panel.showPrediction(m_data + QStringLiteral("/dog/a.png"), p);
    QVERIFY(box->overlayAvailable());
    QVERIFY(box->overlayShown());
    QVERIFY(box->overlaySourceText().contains(QStringLiteral("layer4.1.relu_out")));
    // Hot regions are strongly red; cold ones only lightly tinted, so the image shows through.
    const QColor hot = box->shownPicture().pixelColor(5, 20);
    const QColor cold = box->shownPicture().pixelColor(35, 20);
    QVERIFY2(hot.red() > hot.blue() + 60 && hot.green() < 150, qPrintable(hot.name()));
    QVERIFY2(cold.red() > 180 && cold.green() > 180 && cold.blue() > 180 && cold != QColor(Qt::white),
             qPrintable(cold.name()));
    check->click();
    QVERIFY(!box->overlayShown());
    QCOMPARE(box->shownPicture().pixelColor(5, 20), QColor(Qt::white));
    check->click();
    QCOMPARE(box->shownPicture().pixelColor(5, 20), hot);
    // A prediction without a map offers no overlay.
    panel.showPrediction(m_data + QStringLiteral("/dog/a.png"), {{QStringLiteral("dog"), 1.0}});
    QVERIFY(!box->overlayAvailable());
}

void TestResultsPanel::segmentationRunShowsMasksInsteadOfAMatrix()
{
    const QString data = m_dir.filePath(QStringLiteral("shapes"));
    QVERIFY(writeFile(data + QStringLiteral("/classes.txt"), "background\nsquare\ncircle\n"));
    const QString run = m_dir.filePath(QStringLiteral("2024-05-02_10-00-00_shapes"));
    QVERIFY(writeFile(run + QStringLiteral("/experiment.json"),
                      QStringLiteral(R"({"format": "transferlab-experiment/1", "name": "shapes", "task": "segmentation",
        "model": {"arch": "unet"}, "data": {"train": "%1"}})").arg(data).toUtf8()));
    QVERIFY(writeFile(run + QStringLiteral("/summary.json"), R"({"task": "segmentation", "outcome": "finished",
        "epochs_done": 2, "classes": 3, "final_val": {"loss": 0.4, "pixel_accuracy": 0.91, "miou": 0.55, "dice": 0.66,
        "iou": [0.9, 0.5, null], "dice_per_class": [0.95, 0.67, null]}})"));
    QVERIFY(writeFile(run + QStringLiteral("/model.pth"), "stand-in"));
    ResultsPanel panel;
    panel.resize(1100, 800);
    QSignalSpy gallery(&panel, &ResultsPanel::galleryRequested);
    QVERIFY2(panel.loadRun(run), qPrintable(panel.statusText()));
    QVERIFY(panel.segmentationRun());
    QCOMPARE(gallery.count(), 1);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.maskGallery()->isVisible());
    QVERIFY(!panel.confusionView()->isVisible());
    QVERIFY(!panel.findChild<QListView*>(QStringLiteral("cellImages"))->isVisible());
    QVERIFY(panel.statusText().contains(QStringLiteral("91.0")));
    auto* table = panel.findChild<QTableWidget*>(QStringLiteral("perClassTable"));
    QCOMPARE(table->rowCount(), 4);  // three classes and the mean
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("square"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("0.500"));
    QCOMPARE(table->item(3, 1)->text(), QStringLiteral("0.550"));
    for (const QString& name : {QStringLiteral("background"), QStringLiteral("square"), QStringLiteral("circle")})
        QVERIFY(panel.maskGallery()->legendText().contains(name));

    MaskGalleryItem item;
    item.image = data + QStringLiteral("/images/a.png");
    item.predicted = QImage(64, 64, QImage::Format_RGB32);
    item.predicted.fill(Qt::red);
    item.truth = QImage(64, 64, QImage::Format_RGB32);
    item.truth.fill(Qt::green);
    item.pixelAccuracy = 0.875;
    panel.addGalleryItem(run, item);
    panel.addGalleryItem(m_run, item);  // another run's answer is ignored
    panel.finishGallery(run, 1);
    QCOMPARE(panel.maskGallery()->count(), 1);
    QVERIFY(panel.maskGallery()->caption().contains(QStringLiteral("1")));
    const int single = panel.maskGallery()->tile(0).width();
    QVERIFY(single >= 64);
    panel.maskGallery()->findChild<QCheckBox*>(QStringLiteral("showTruthCheck"))->click();
    const QImage both = panel.maskGallery()->tile(0);
    QVERIFY(both.width() > 2 * single);  // the true mask to the right of the predicted one
    QCOMPARE(both.pixelColor(5, 5), QColor(Qt::red));
    QCOMPARE(both.pixelColor(both.width() - 5, 5), QColor(Qt::green));

    auto* box = panel.findChild<PredictBox*>(QStringLiteral("predictBox"));
    QCOMPARE(box->findChild<QCheckBox*>(QStringLiteral("overlayCheck"))->text(), QStringLiteral("Show mask"));
    ImagePrediction p;
    p.classes = {QStringLiteral("background"), QStringLiteral("square"), QStringLiteral("circle")};
    p.picture = QImage(8, 4, QImage::Format_RGB32);
    p.picture.fill(Qt::white);
    p.mask.size = QSize(8, 4);
    p.mask.labels = QVector<qint32>(32, 0);
    for (int i = 0; i < 8; ++i)
        p.mask.labels[i] = 2;  // the top row is a circle
    p.shares = p.mask.shares(3);
    p.maskView = overlay::withMask(p.picture, p.mask);
    panel.showPrediction(item.image, p);
    QCOMPARE(box->rowCount(), 3);  // the legend lists every class, largest share first
    QCOMPARE(box->cellText(0, 0), QStringLiteral("background"));
    QCOMPARE(box->cellText(0, 1), QStringLiteral("75.0 %"));
    QCOMPARE(box->cellText(1, 0), QStringLiteral("circle"));
    QCOMPARE(box->cellText(2, 1), QStringLiteral("0.0 %"));
    QVERIFY(box->statusText().contains(QStringLiteral("background")));
    QVERIFY(box->overlayShown());
    QCOMPARE(box->shownPicture().pixelColor(0, 0).rgb(), p.maskView.pixelColor(0, 0).rgb());
    QVERIFY(box->shownPicture().pixelColor(0, 0) != box->shownPicture().pixelColor(0, 3));
    box->setOverlayShown(false);
    QCOMPARE(box->shownPicture().pixelColor(0, 0), QColor(Qt::white));

    // Opening a classification run brings the matrix back.
    QVERIFY(panel.loadRun(m_run));
    QVERIFY(!panel.segmentationRun());
    QVERIFY(panel.confusionView()->isVisible());
    QCOMPARE(table->columnCount(), 5);
}

QTEST_MAIN(TestResultsPanel)
#include "tst_results_panel.moc"
