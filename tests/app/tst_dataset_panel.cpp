// The dataset dock with the engine's scanner behind it: folders dropped on the window as a file
// manager drops them, Korean folder names, damaged images, bad drops and cancelling.
#include "dataset_panel.h"
#include "dataset_scanner.h"
#include "experiment_file.h"
#include "isolated_home.h"
#include "main_window.h"
#include "run_fixtures.h"
#include "thumbnail_loader.h"
#include "thumbnail_model.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QGraphicsView>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUrl>
#include <QVBoxLayout>
#include <QtTest>

using namespace tl;
using namespace tl::test;

namespace {

const QString kKorean = QStringLiteral("고양이");

/// A window with the dock in it, as the main window holds it.
struct Window {
    QWidget window;
    QGraphicsView* diagram;  // the rest of the window; graphics views take drops themselves
    DatasetPanel* panel;
    Window() : diagram(new QGraphicsView(&window)), panel(new DatasetPanel(new DatasetScanner)) {
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(diagram, 1);
        layout->addWidget(panel);
        panel->installDropTarget(&window);
        window.resize(900, 700);
    }
};

/// Drops `path` on `target` the way a file manager does: drag enter, then drop, with a file URL.
bool dropPath(QWidget* target, const QString& path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

QString cell(QTableView* table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

}  // namespace

class TestDatasetPanel : public QObject {
    Q_OBJECT
public:
    /// The window test opens experiments and writes settings: keep them off the user's own.
    static void initMain() { test::isolateHome(); }

private Q_SLOTS:
    void initTestCase();
    void droppedFolderFillsTheClassTable();
    void corruptImageIsListedWithItsReason();
    void dropOnAGraphicsViewReachesThePanel();
    void splitSettingsRecountTheSplit();
    void validationFolderGivesTheValCounts();
    void validationFolderWithOtherClassesSaysWhy();
    void windowKeepsTheValidationFolderInTheExperiment();
    void badDropsSayWhy_data();
    void badDropsSayWhy();
    void cancelStopsTheScan();
    void thumbnailsAreDecodedSmallAndCached();

private:
    QTemporaryDir m_dir;
    QString m_data;
    QString m_val;  // a validation folder with the same classes: 2 cats, 1 고양이
};

void TestDatasetPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = m_dir.filePath(QStringLiteral("사진 data"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(writeSolidImage(QStringLiteral("%1/cat/cat%2.png").arg(m_data).arg(i), QColor(40 * i, 200, 90 + 50 * i)));
    for (int i = 0; i < 4; ++i)
        QVERIFY(writeSolidImage(QStringLiteral("%1/%2/사진%3.jpg").arg(m_data, kKorean).arg(i),
                                QColor(220, 30 * i, 60), QSize(64 + 16 * i, 48)));
    // A JPEG that stops after its first bytes, as an interrupted copy leaves it.
    QFile good(QStringLiteral("%1/%2/사진0.jpg").arg(m_data, kKorean));
    QVERIFY(good.open(QIODevice::ReadOnly));
    QVERIFY(writeFile(m_data + QStringLiteral("/cat/broken.jpg"), good.read(120)));
    m_val = m_dir.filePath(QStringLiteral("검증 val"));
    for (int i = 0; i < 2; ++i)
        QVERIFY(writeSolidImage(QStringLiteral("%1/cat/v%2.png").arg(m_val).arg(i), QColor(10, 200, 90 + 50 * i)));
    QVERIFY(writeSolidImage(QStringLiteral("%1/%2/v0.png").arg(m_val, kKorean), QColor(200, 10, 60)));
}

void TestDatasetPanel::droppedFolderFillsTheClassTable()
{
    Window w;
    w.window.show();
    QSignalSpy finished(w.panel, &DatasetPanel::scanFinished);
    QSignalSpy chosen(w.panel, &DatasetPanel::datasetChosen);
    // Dropped on the window, away from the dock.
    QVERIFY(dropPath(&w.window, m_data));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QDir(m_data).absolutePath());
    auto* table = w.panel->findChild<QTableView*>(QStringLiteral("classTable"));
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(cell(table, 0, 0), QStringLiteral("cat"));
    QCOMPARE(cell(table, 0, 1), QStringLiteral("3"));  // the broken file does not count
    QCOMPARE(cell(table, 1, 0), kKorean);
    QCOMPARE(cell(table, 1, 1), QStringLiteral("4"));
    QVERIFY2(w.panel->statusText().contains(QStringLiteral("7 images in 2 classes")), qPrintable(w.panel->statusText()));
    // The first class's thumbnails are listed; choosing the Korean class lists its four.
    auto* grid = w.panel->findChild<QListView*>(QStringLiteral("thumbnailView"));
    QVERIFY(grid);
    QCOMPARE(grid->model()->rowCount(), 3);
    table->setCurrentIndex(table->model()->index(1, 0));
    QCOMPARE(grid->model()->rowCount(), 4);
    const QString first = grid->model()->index(0, 0).data(ThumbnailModel::PathRole).toString();
    QVERIFY2(first.contains(kKorean) && QFileInfo::exists(first), qPrintable(first));
}

void TestDatasetPanel::corruptImageIsListedWithItsReason()
{
    Window w;
    QSignalSpy finished(w.panel, &DatasetPanel::scanFinished);
    w.panel->loadFolder(m_data);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    auto* skipped = w.panel->findChild<QTableWidget*>(QStringLiteral("skippedTable"));
    QVERIFY(skipped);
    QCOMPARE(skipped->rowCount(), 1);
    QCOMPARE(skipped->item(0, 0)->text(), QStringLiteral("cat/broken.jpg"));
    QVERIFY2(skipped->item(0, 0)->toolTip().contains(QStringLiteral("사진 data")), qPrintable(skipped->item(0, 0)->toolTip()));
    QVERIFY(!skipped->item(0, 1)->text().trimmed().isEmpty());
    QVERIFY(w.panel->statusText().contains(QStringLiteral("1 file(s) skipped")));
    QCOMPARE(w.panel->summary().skipped.size(), 1);
}

void TestDatasetPanel::dropOnAGraphicsViewReachesThePanel()
{
    Window w;
    w.window.show();
    QSignalSpy chosen(w.panel, &DatasetPanel::datasetChosen);
    QVERIFY(dropPath(w.diagram->viewport(), m_data));
    QTRY_COMPARE_WITH_TIMEOUT(chosen.count(), 1, 20000);
    QCOMPARE(w.panel->folder(), QDir(m_data).absolutePath());
}

void TestDatasetPanel::splitSettingsRecountTheSplit()
{
    Window w;
    QSignalSpy finished(w.panel, &DatasetPanel::scanFinished);
    QSignalSpy settings(w.panel, &DatasetPanel::splitSettingsChanged);
    w.panel->loadFolder(m_data);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    auto* table = w.panel->findChild<QTableView*>(QStringLiteral("classTable"));
    QCOMPARE(cell(table, 1, 3), QStringLiteral("1"));  // 20 % of 4, at least one
    auto* fraction = w.panel->findChild<QDoubleSpinBox*>(QStringLiteral("valFractionSpin"));
    QVERIFY(fraction);
    fraction->setValue(50.0);
    QCOMPARE(settings.count(), 1);
    QCOMPARE(settings.at(0).at(0).value<SplitSettings>().valFraction, 0.5);
    QTRY_COMPARE(cell(table, 1, 3), QStringLiteral("2"));
    QCOMPARE(cell(table, 1, 2), QStringLiteral("2"));
    QCOMPARE(finished.count(), 1);  // a recount is no new scan
}

void TestDatasetPanel::validationFolderGivesTheValCounts()
{
    Window w;
    QSignalSpy finished(w.panel, &DatasetPanel::scanFinished);
    QSignalSpy chosen(w.panel, &DatasetPanel::validationFolderChosen);
    auto* shown = w.panel->findChild<QLabel*>(QStringLiteral("valFolderPath"));
    auto* clear = w.panel->findChild<QPushButton*>(QStringLiteral("clearValFolderButton"));
    QVERIFY(shown && clear && w.panel->findChild<QPushButton*>(QStringLiteral("chooseValFolderButton")));
    QVERIFY(!clear->isEnabled());
    w.panel->loadFolder(m_data);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    auto* table = w.panel->findChild<QTableView*>(QStringLiteral("classTable"));
    QCOMPARE(cell(table, 1, 3), QStringLiteral("1"));  // 20 % of the training folder's 4

    // The experiment's folder shown: Train counts every training image, Val the folder's.
    w.panel->setValidationFolder(m_val);
    QCOMPARE(chosen.count(), 0);  // showing the experiment's choice is no new choice
    QVERIFY2(shown->text().contains(QDir::toNativeSeparators(QDir(m_val).absolutePath())), qPrintable(shown->text()));
    QVERIFY(clear->isEnabled());
    QTRY_COMPARE(w.panel->summary().valFolder, QDir(m_val).absolutePath());
    QCOMPARE(cell(table, 0, 2), QStringLiteral("3"));
    QCOMPARE(cell(table, 0, 3), QStringLiteral("2"));
    QCOMPARE(cell(table, 1, 2), QStringLiteral("4"));
    QCOMPARE(cell(table, 1, 3), QStringLiteral("1"));
    QVERIFY2(w.panel->statusText().contains(QStringLiteral("3 validation image(s) from the validation folder")),
             qPrintable(w.panel->statusText()));
    // The fraction no longer applies, and the note says where the split comes from.
    auto* fraction = w.panel->findChild<QDoubleSpinBox*>(QStringLiteral("valFractionSpin"));
    QVERIFY(!fraction->isEnabled());
    bool noteNamesIt = false;
    for (QLabel* label : w.panel->findChildren<QLabel*>())
        noteNamesIt = noteNamesIt || (label != shown && label->text().contains(QStringLiteral("validation folder"))
                                      && label->text().contains(QDir::toNativeSeparators(QDir(m_val).absolutePath())));
    QVERIFY(noteNamesIt);
    QCOMPARE(finished.count(), 1);  // a recount, not a new scan

    // Cleared by the user: the training folder's own split again.
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QString());
    QVERIFY(w.panel->validationFolder().isEmpty());
    QTRY_VERIFY(w.panel->summary().valFolder.isEmpty());
    QCOMPARE(cell(table, 1, 2), QStringLiteral("3"));
    QCOMPARE(cell(table, 1, 3), QStringLiteral("1"));
    QVERIFY(fraction->isEnabled());
    QVERIFY(!clear->isEnabled());
}

void TestDatasetPanel::validationFolderWithOtherClassesSaysWhy()
{
    const QString other = m_dir.filePath(QStringLiteral("wrong-classes"));
    QVERIFY(writeSolidImage(other + QStringLiteral("/dog/a.png"), Qt::green));
    QVERIFY(writeSolidImage(other + QStringLiteral("/bird/b.png"), Qt::blue));
    Window w;
    QSignalSpy finished(w.panel, &DatasetPanel::scanFinished);
    // Chosen before the training folder: the first scan already uses it.
    w.panel->setValidationFolder(other);
    w.panel->loadFolder(m_data);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(w.panel->statusText().contains(QStringLiteral("wrong-classes")), qPrintable(w.panel->statusText()));
}

void TestDatasetPanel::windowKeepsTheValidationFolderInTheExperiment()
{
    Experiment e;
    e.name = "with a validation folder";
    e.model.arch = "lenet5";
    e.data.train = m_data.toStdString();
    e.data.val = m_val.toStdString();
    const QString file = m_dir.filePath(QStringLiteral("experiment-val.json"));
    QString error;
    QVERIFY2(writeExperimentFile(file, e, &error), qPrintable(error));
    MainWindow window;
    QVERIFY(window.openExperiment(file));
    auto* panel = window.findChild<DatasetPanel*>(QStringLiteral("datasetPanel"));
    QVERIFY(panel);
    QCOMPARE(panel->validationFolder(), QDir(m_val).absolutePath());
    QTRY_COMPARE_WITH_TIMEOUT(panel->summary().valFolder, QDir(m_val).absolutePath(), 20000);
    auto* table = panel->findChild<QTableView*>(QStringLiteral("classTable"));
    QCOMPARE(cell(table, 0, 3), QStringLiteral("2"));

    // Cleared in the dock, saved: the experiment file has no validation folder any more.
    auto* clear = panel->findChild<QPushButton*>(QStringLiteral("clearValFolderButton"));
    QVERIFY(clear->isEnabled());
    clear->click();  // the dock may sit behind another tab; its button works all the same
    QVERIFY(panel->validationFolder().isEmpty());
    QVERIFY(window.isWindowModified());
    const QString saved = m_dir.filePath(QStringLiteral("experiment-saved.json"));
    QVERIFY(window.saveExperimentAs(saved));
    Experiment reread;
    QVERIFY2(readExperimentFile(saved, reread, &error), qPrintable(error));
    QVERIFY(reread.data.val.empty());
    QCOMPARE(QString::fromStdString(reread.data.train), QDir::cleanPath(m_data));

    // Chosen again (as the panel's folder dialog reports it), saved, reopened: shown again.
    Q_EMIT panel->validationFolderChosen(QDir(m_val).absolutePath());
    QVERIFY(window.saveExperimentAs(saved));
    QVERIFY(readExperimentFile(saved, reread, &error));
    QCOMPARE(QDir::cleanPath(QString::fromStdString(reread.data.val)), QDir(m_val).absolutePath());
    QVERIFY(window.newExperiment());
    QVERIFY(panel->validationFolder().isEmpty());
    QVERIFY(window.openExperiment(saved));
    QCOMPARE(panel->validationFolder(), QDir(m_val).absolutePath());
}

void TestDatasetPanel::badDropsSayWhy_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty folder") << QStringLiteral("empty") << QStringLiteral("no usable image");
    QTest::newRow("a file") << QStringLiteral("file") << QStringLiteral("is a file, not a folder");
    QTest::newRow("one class only") << QStringLiteral("oneclass") << QStringLiteral("at least two class folders");
    QTest::newRow("only damaged images") << QStringLiteral("damaged") << QStringLiteral("no usable image");
    QTest::newRow("gone") << QStringLiteral("gone") << QStringLiteral("does not exist");
}

void TestDatasetPanel::badDropsSayWhy()
{
    QFETCH(QString, what);
    QFETCH(QString, mentions);
    const QString path = m_dir.filePath(QStringLiteral("bad-") + what);
    if (what == QLatin1String("empty"))
        QVERIFY(QDir().mkpath(path));
    else if (what == QLatin1String("file"))
        QVERIFY(writeSolidImage(path + QStringLiteral(".png"), Qt::green));
    else if (what == QLatin1String("oneclass"))
        QVERIFY(writeSolidImage(path + QStringLiteral("/only/a.png"), Qt::green));
    else if (what == QLatin1String("damaged"))
        QVERIFY(writeFile(path + QStringLiteral("/a/x.jpg"), "not an image") && writeFile(path + QStringLiteral("/b/y.png"), "nope"));
    const QString dropped = what == QLatin1String("file") ? path + QStringLiteral(".png") : path;
    Window w;
    QSignalSpy finished(w.panel, &DatasetPanel::scanFinished);
    QSignalSpy chosen(w.panel, &DatasetPanel::datasetChosen);
    QVERIFY(dropPath(&w.window, dropped));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(chosen.count(), 0);
    QVERIFY2(w.panel->statusText().contains(mentions), qPrintable(w.panel->statusText()));
    // The panel still takes a good folder afterwards.
    QVERIFY(dropPath(&w.window, m_data));
    QTRY_COMPARE_WITH_TIMEOUT(chosen.count(), 1, 20000);
}

void TestDatasetPanel::cancelStopsTheScan()
{
    const QString big = m_dir.filePath(QStringLiteral("big"));
    for (int i = 0; i < 400; ++i)
        QVERIFY(writeSolidImage(QStringLiteral("%1/%2/%3.png").arg(big).arg(i % 2 ? "a" : "b").arg(i),
                                QColor(i % 256, 80, 120), QSize(96, 96)));
    Window w;
    w.window.show();
    QSignalSpy finished(w.panel, &DatasetPanel::scanFinished);
    QSignalSpy chosen(w.panel, &DatasetPanel::datasetChosen);
    w.panel->loadFolder(big);
    QVERIFY(w.panel->isScanning());
    auto* cancel = w.panel->findChild<QPushButton*>(QStringLiteral("cancelScanButton"));
    QVERIFY(cancel && cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(chosen.count(), 0);
    QVERIFY(w.panel->summary().cancelled);
    QVERIFY2(w.panel->statusText().contains(QStringLiteral("cancelled")), qPrintable(w.panel->statusText()));
    QVERIFY(!cancel->isVisible());
    // Scanning again after a cancel checks everything.
    w.panel->loadFolder(big);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QCOMPARE(w.panel->summary().images, 400);
}

void TestDatasetPanel::thumbnailsAreDecodedSmallAndCached()
{
    const QString wide = m_dir.filePath(kKorean + QStringLiteral("/넓은.jpg"));
    QVERIFY(writeSolidImage(wide, Qt::magenta, QSize(800, 400)));
    const QString bad = m_data + QStringLiteral("/cat/broken.jpg");
    ThumbnailLoader loader(QSize(96, 96));
    QSignalSpy ready(&loader, &ThumbnailLoader::ready);
    QVERIFY(loader.thumbnail(wide).isNull());  // asked, not decoded on this thread
    QVERIFY(loader.thumbnail(bad).isNull());
    QTRY_COMPARE(ready.count(), 2);
    const QPixmap small = loader.thumbnail(wide);
    QCOMPARE(small.size(), QSize(96, 48));
    const QColor centre = small.toImage().pixelColor(48, 24);  // JPEG: close to magenta, not exact
    QVERIFY2(centre.red() > 240 && centre.green() < 16 && centre.blue() > 240, qPrintable(centre.name()));
    // A damaged file gets a placeholder once and is not tried again.
    QCOMPARE(loader.thumbnail(bad).size(), QSize(96, 96));
    loader.thumbnail(wide);
    QTest::qWait(50);
    QCOMPARE(ready.count(), 2);
}

QTEST_MAIN(TestDatasetPanel)
#include "tst_dataset_panel.moc"
