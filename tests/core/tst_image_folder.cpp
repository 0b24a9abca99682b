// Finding a dataset in a folder: torchvision's class order and samples, split folders, a seeded
// stratified split saved for repeating, and every bad file reported with its reason.
#include "common/errors.h"
#include "data/dataset_split.h"
#include "data/image_folder.h"
#include "data/segmentation_folder.h"
#include "image_fixtures.h"
#include "python_reference.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace tl;
namespace fs = std::filesystem;

class TestImageFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classesAndSamplesAsTorchvision();
    void badFilesAreReported();
    void splitFoldersAreRecognised_data();
    void splitFoldersAreRecognised();
    void stratifiedSplitIsSeededAndSaved();
    void unusableDatasetsGiveOneClearError();
    void segmentationPairsByName();
};

namespace {

fs::path u8(const QString& s) { return fs::u8path(s.toStdString()); }

bool skippedWith(const std::vector<SkippedFile>& skipped, const std::string& pathPart, const std::string& reasonPart)
{
    for (const SkippedFile& s : skipped)
        if (s.path.find(pathPart) != std::string::npos && s.reason.find(reasonPart) != std::string::npos)
            return true;
    return false;
}

}  // namespace

void TestImageFolder::classesAndSamplesAsTorchvision()
{
    QTemporaryDir dir;
    const fs::path root = u8(dir.path());
    int seed = 0;
    for (const char* cls : {"b", "B", "a", u8"고양이", u8"ä", "10", "9"})
        for (const char* file : {"z.jpg", "A.PNG", u8"사진.jpeg", "sub/x.png", "sub/deeper/y.bmp", "a-b.png"})
            test::writeImage(root / fs::u8path(cls) / fs::u8path(file), test::pattern(8, 8, seed++));
    QString error;
    const QJsonDocument doc =
        test::runReference(QStringLiteral("torchvision_data.py"), {QStringLiteral("folder"), dir.path()}, error);
    QVERIFY2(doc.isObject(), qPrintable(error));
    const ClassificationIndex index = scanImageFolder(root);
    const QJsonArray classes = doc.object().value(QStringLiteral("classes")).toArray();
    QCOMPARE(int(index.classes.size()), classes.size());
    for (int i = 0; i < classes.size(); ++i)
        QCOMPARE(QString::fromStdString(index.classes[size_t(i)]), classes[i].toString());
    const QJsonArray samples = doc.object().value(QStringLiteral("samples")).toArray();
    QCOMPARE(int(index.items.size()), samples.size());
    for (int i = 0; i < samples.size(); ++i) {
        QCOMPARE(QString::fromStdString(index.items[size_t(i)].path.string()), samples[i].toArray()[0].toString());
        QCOMPARE(index.items[size_t(i)].label, samples[i].toArray()[1].toInt());
    }
    QVERIFY(index.skipped.empty());
}

void TestImageFolder::badFilesAreReported()
{
    QTemporaryDir dir;
    const fs::path root = u8(dir.path());
    test::writeImage(root / "cat/good.jpg", test::pattern(16, 16, 1));
    test::writeImage(root / "dog/good.png", test::pattern(16, 16, 2));
    test::writeBytes(root / "dog/empty.jpg", "");
    test::writeBytes(root / "dog/notes.txt", "not an image");
    test::writeImage(root / "dog/.hidden.png", test::pattern(16, 16, 3));
    test::writeImage(root / ".ipynb_checkpoints/x.png", test::pattern(16, 16, 4));
    fs::create_directories(root / "empty_class");
    test::writeBytes(root / "stray.jpg", test::encode(test::pattern(8, 8, 1), ".jpg"));
    fs::create_directory_symlink("..", root / "cat/loop");
    fs::create_directory_symlink(root / "cat", root / "dog/link_to_cat");
    fs::create_symlink(root / "missing.png", root / "dog/broken.png");

    const ClassificationIndex index = scanImageFolder(root);
    QCOMPARE(index.classes, (std::vector<std::string>{"cat", "dog"}));
    QVERIFY(skippedWith(index.skipped, "empty.jpg", "empty file"));
    QVERIFY(skippedWith(index.skipped, "notes.txt", "extension"));
    QVERIFY(skippedWith(index.skipped, "empty_class", "empty class"));
    QVERIFY(skippedWith(index.skipped, "stray.jpg", "class folder"));
    QVERIFY(skippedWith(index.skipped, "cat/loop", "loop"));
    QVERIFY(skippedWith(index.skipped, "broken.png", "broken"));
    QVERIFY(!skippedWith(index.skipped, ".hidden", ""));
    // A link to another class folder would give its images two labels: listed once, reported.
    QVERIFY(skippedWith(index.skipped, "link_to_cat", "already listed"));
    QCOMPARE(index.classCounts(), (std::vector<int64_t>{1, 1}));
    QVERIFY(!index.warnings.empty());
}

void TestImageFolder::splitFoldersAreRecognised_data()
{
    QTest::addColumn<QString>("valName");
    QTest::newRow("val") << "val";
    QTest::newRow("valid") << "valid";
    QTest::newRow("Validation") << "Validation";
}

void TestImageFolder::splitFoldersAreRecognised()
{
    QFETCH(QString, valName);
    QTemporaryDir dir;
    const fs::path root = u8(dir.path());
    int seed = 0;
    for (const char* cls : {"ant", "bee"}) {
        for (int i = 0; i < 3; ++i)
            test::writeImage(root / "train" / cls / (std::to_string(i) + ".png"), test::pattern(8, 8, seed++));
        test::writeImage(root / valName.toStdString() / cls / "v.png", test::pattern(8, 8, seed++));
        test::writeImage(root / "test" / cls / "t.png", test::pattern(8, 8, seed++));
    }
    test::writeImage(root / valName.toStdString() / "wasp" / "w.png", test::pattern(8, 8, seed++));
    const ClassificationIndex index = scanImageFolder(root);
    QVERIFY(index.presplit);
    QCOMPARE(index.classes, (std::vector<std::string>{"ant", "bee"}));
    QCOMPARE(index.count(Split::Train), int64_t(6));
    QCOMPARE(index.count(Split::Val), int64_t(2));
    QCOMPARE(index.count(Split::Test), int64_t(2));
    QVERIFY(skippedWith(index.skipped, "w.png", "not among the training classes"));
}

void TestImageFolder::stratifiedSplitIsSeededAndSaved()
{
    QTemporaryDir dir;
    const fs::path root = u8(dir.path());
    const int perClass[] = {50, 10, 2};
    const char* names[] = {"many", "few", "two"};
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < perClass[c]; ++i)
            test::writeImage(root / names[c] / (std::to_string(i) + ".png"), test::pattern(4, 4, i));
    ClassificationIndex a = scanImageFolder(root);
    ClassificationIndex b = scanImageFolder(root);
    ClassificationIndex other = scanImageFolder(root);
    SplitOptions options;
    options.valFraction = 0.2;
    options.testFraction = 0.1;
    options.seed = 11;
    assignSplit(a, options);
    assignSplit(b, options);
    options.seed = 12;
    assignSplit(other, options);
    const auto val = a.classCounts(Split::Val);
    const auto test = a.classCounts(Split::Test);
    QCOMPARE(val, (std::vector<int64_t>{2, 10, 1}));  // ImageFolder order: few, many, two
    QCOMPARE(test, (std::vector<int64_t>{1, 5, 0}));
    bool same = true, differs = false;
    for (size_t i = 0; i < a.items.size(); ++i) {
        same = same && a.items[i].split == b.items[i].split;
        differs = differs || a.items[i].split != other.items[i].split;
    }
    QVERIFY(same);
    QVERIFY(differs);

    const fs::path file = root / "split.json";
    saveSplit(a, file, SplitOptions{});
    ClassificationIndex restored = scanImageFolder(root);
    loadSplit(restored, file);
    QCOMPARE(restored.items.size(), a.items.size());
    for (size_t i = 0; i < a.items.size(); ++i)
        QCOMPARE(restored.items[i].split, a.items[i].split);
    test::writeBytes(root / "bad.json", "{not json");
    QVERIFY_THROWS_EXCEPTION(DataError, loadSplit(restored, root / "bad.json"));
}

void TestImageFolder::unusableDatasetsGiveOneClearError()
{
    QTemporaryDir dir;
    const fs::path root = u8(dir.path());
    QVERIFY_THROWS_EXCEPTION(DataError, scanImageFolder(root / "does_not_exist"));
    fs::create_directories(root / "a");
    test::writeBytes(root / "a/x.jpg", "");
    QVERIFY_THROWS_EXCEPTION(DataError, requireTrainable(scanImageFolder(root)));
    test::writeImage(root / "a/y.png", test::pattern(4, 4, 1));
    try {
        requireTrainable(scanImageFolder(root));
        QFAIL("one class passed");
    } catch (const DataError& e) {
        QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("one class")));
    }
    test::writeImage(root / "b/y.png", test::pattern(4, 4, 2));
    requireTrainable(scanImageFolder(root));
}

void TestImageFolder::segmentationPairsByName()
{
    QTemporaryDir dir;
    const fs::path root = u8(dir.path());
    const cv::Mat mask(16, 16, CV_8UC1, cv::Scalar(1));
    for (int i = 0; i < 4; ++i) {
        test::writeImage(root / "images" / ("img" + std::to_string(i) + ".jpg"), test::pattern(16, 16, i));
        test::writeImage(root / "masks" / ("img" + std::to_string(i) + ".png"), mask);
    }
    test::writeImage(root / "images/lonely.jpg", test::pattern(16, 16, 9));
    test::writeImage(root / "masks/orphan.png", mask);
    test::writeImage(root / "images/wrong.png", test::pattern(16, 16, 9));
    test::writeImage(root / "masks/wrong.png", cv::Mat(8, 8, CV_8UC1, cv::Scalar(0)));
    QVERIFY(looksLikeSegmentation(root));
    SegmentationIndex index = scanSegmentationFolder(root);
    QCOMPARE(index.items.size(), size_t(4));
    QVERIFY(skippedWith(index.skipped, "lonely.jpg", "no mask"));
    QVERIFY(skippedWith(index.skipped, "orphan.png", "without an image"));
    QVERIFY(skippedWith(index.skipped, "wrong.png", "8x8"));
    assignSplit(index, SplitOptions{});
    QCOMPARE(index.count(Split::Val), int64_t(1));
}

QTEST_GUILESS_MAIN(TestImageFolder)
#include "tst_image_folder.moc"
