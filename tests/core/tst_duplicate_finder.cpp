// Near-duplicate detection is precise: the demo data's look-alike shapes are not reported, while
// resized, re-encoded and brightened copies of photographs and textures are.
#include "data/demo_data.h"
#include "data/duplicate_finder.h"
#include "data/health_check.h"
#include "image_fixtures.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QTemporaryDir>
#include <QtTest>

using namespace tl;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(std::string)

class TestDuplicateFinder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void demoDataHasNoNearDuplicates_data();
    void demoDataHasNoNearDuplicates();
    void editedCopiesAreFound_data();
    void editedCopiesAreFound();
    void differentShapesOfOneStyleAreNot_data();
    void differentShapesOfOneStyleAreNot();
    void equalHashesAreConfirmedToo();

private:
    QTemporaryDir m_demo;
};

namespace {

const fs::path kSamples = "/usr/share/doc/opencv-doc/examples/data";

/// Smooth regions with grain on top, like a photograph; stands in where OpenCV's samples are absent.
cv::Mat texture(int seed)
{
    cv::Mat image(240, 320, CV_8UC3);
    cv::RNG rng{uint64_t(seed)};
    rng.fill(image, cv::RNG::UNIFORM, 0, 256);
    cv::GaussianBlur(image, image, cv::Size(0, 0), 12);
    cv::normalize(image, image, 0, 255, cv::NORM_MINMAX);
    cv::Mat grain(image.size(), CV_8UC3);
    rng.fill(grain, cv::RNG::NORMAL, 0, 40);
    cv::GaussianBlur(grain, grain, cv::Size(0, 0), 1.2);
    cv::add(image, grain, image);
    return image;
}

cv::Mat sample(const std::string& name)
{
    if (name.rfind("texture", 0) == 0)
        return texture(std::stoi(name.substr(7)));
    return cv::imread((kSamples / name).string(), cv::IMREAD_COLOR);
}

cv::Mat edited(const cv::Mat& image, const QString& edit)
{
    cv::Mat out;
    if (edit == QLatin1String("half size"))
        cv::resize(image, out, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    else if (edit == QLatin1String("30% size"))
        cv::resize(image, out, cv::Size(), 0.3, 0.3, cv::INTER_AREA);
    else if (edit == QLatin1String("brighter"))
        image.convertTo(out, -1, 1.0, 20);
    else if (edit == QLatin1String("more contrast"))
        image.convertTo(out, -1, 1.1, -10);
    else
        out = image.clone();
    return out;
}

int nearGroups(const HealthReport& r)
{
    return int(std::count_if(r.duplicates.begin(), r.duplicates.end(), [](const DuplicateReport& d) { return !d.exact; }));
}

QString describe(const HealthReport& r)
{
    QStringList lines;
    for (const DuplicateReport& d : r.duplicates) {
        QStringList paths;
        for (const std::string& p : d.paths)
            paths << QString::fromStdString(fs::path(p).filename().string());
        lines << QStringLiteral("%1 (%2): %3").arg(d.exact ? "exact" : "near").arg(d.distance).arg(paths.join(", "));
    }
    return lines.join(QStringLiteral("; "));
}

/// One demo style (a gradient background, a shape of one colour at one place) with two shapes.
cv::Mat drawnShape(bool ring, bool square)
{
    cv::Mat image(64, 64, CV_8UC3);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(uint8_t(60 + x), uint8_t(90 + y / 2), uint8_t(140 - x / 2));
    if (square)
        cv::rectangle(image, cv::Rect(18, 18, 28, 28), cv::Scalar(230, 240, 60), cv::FILLED);
    else
        cv::circle(image, cv::Point(32, 32), 16, cv::Scalar(230, 240, 60), cv::FILLED);
    if (ring)
        cv::circle(image, cv::Point(32, 32), 9, cv::Scalar(100, 120, 110), cv::FILLED);
    cv::Mat noise(image.size(), CV_8UC3);
    cv::randn(noise, 0, 4);
    cv::add(image, noise, image);
    return image;
}

}  // namespace

void TestDuplicateFinder::initTestCase()
{
    QVERIFY(m_demo.isValid());
    writeDemoData(fs::u8path(m_demo.path().toStdString()));
}

void TestDuplicateFinder::demoDataHasNoNearDuplicates_data()
{
    QTest::addColumn<QString>("part");
    QTest::newRow("source") << QStringLiteral("source");
    QTest::newRow("target") << QStringLiteral("target");
    QTest::newRow("segmentation") << QStringLiteral("segmentation");
}

void TestDuplicateFinder::demoDataHasNoNearDuplicates()
{
    QFETCH(QString, part);
    const HealthReport r = checkDataset(fs::u8path(m_demo.path().toStdString()) / part.toStdString());
    QVERIFY(r.images > 40);
    QVERIFY2(r.duplicates.empty(), qPrintable(describe(r)));
    for (const std::string& w : r.warnings)
        QVERIFY2(w.find("duplicate") == std::string::npos, w.c_str());
}

void TestDuplicateFinder::editedCopiesAreFound_data()
{
    QTest::addColumn<std::string>("image");
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("format");
    std::vector<std::string> images{"texture1", "texture2"};
    for (const char* name : {"baboon.jpg", "fruits.jpg", "butterfly.jpg", "building.jpg"})
        if (fs::exists(kSamples / name))
            images.push_back(name);
    const struct { const char* edit; const char* format; } edits[] = {
        {"half size", ".png"}, {"30% size", ".jpg"}, {"same size", ".jpg"}, {"brighter", ".png"}, {"more contrast", ".jpg"}};
    for (const std::string& image : images)
        for (const auto& e : edits)
            QTest::addRow("%s, %s %s", image.c_str(), e.edit, e.format) << image << QString::fromLatin1(e.edit)
                                                                        << QString::fromLatin1(e.format);
}

void TestDuplicateFinder::editedCopiesAreFound()
{
    QFETCH(std::string, image);
    QFETCH(QString, edit);
    QFETCH(QString, format);
    const cv::Mat original = sample(image);
    QVERIFY(!original.empty());
    QTemporaryDir dir;
    const fs::path root = fs::u8path(dir.path().toStdString());
    test::writeImage(root / "train/a/original.png", original);
    // JPEG at quality 75, the common re-encoding of photo sites and tools.
    const std::string ext = format.toStdString();
    std::vector<uint8_t> bytes;
    cv::imencode(ext, edited(original, edit), bytes, {cv::IMWRITE_JPEG_QUALITY, 75});
    test::writeBytes(root / ("val/a/copy" + ext), std::string(bytes.begin(), bytes.end()));
    test::writeImage(root / "train/b/other.png", texture(99));
    const HealthReport r = checkDataset(root);
    QCOMPARE(nearGroups(r), 1);
    const DuplicateReport& d = r.duplicates.front();
    QCOMPARE(d.paths.size(), size_t(2));
    QVERIFY(d.crossSplit);
    QVERIFY(!r.warnings.empty());
}

void TestDuplicateFinder::differentShapesOfOneStyleAreNot_data()
{
    QTest::addColumn<bool>("firstRing");
    QTest::addColumn<bool>("firstSquare");
    QTest::addColumn<bool>("secondRing");
    QTest::addColumn<bool>("secondSquare");
    QTest::newRow("circle, ring") << false << false << true << false;
    QTest::newRow("circle, square") << false << false << false << true;
    QTest::newRow("square, square with a hole") << false << true << true << true;
}

void TestDuplicateFinder::differentShapesOfOneStyleAreNot()
{
    QFETCH(bool, firstRing);
    QFETCH(bool, firstSquare);
    QFETCH(bool, secondRing);
    QFETCH(bool, secondSquare);
    QTemporaryDir dir;
    const fs::path root = fs::u8path(dir.path().toStdString());
    const cv::Mat first = drawnShape(firstRing, firstSquare);
    const cv::Mat second = drawnShape(secondRing, secondSquare);
    test::writeImage(root / "train/a/first.png", first);
    test::writeImage(root / "val/b/second.png", second);
    const HealthReport r = checkDataset(root);
    QVERIFY2(r.duplicates.empty(), qPrintable(describe(r)));
    cv::Mat a, b;
    cv::cvtColor(first, a, cv::COLOR_BGR2GRAY);
    cv::cvtColor(second, b, cv::COLOR_BGR2GRAY);
    // Look-alikes in their overall layout, told apart by their detail.
    QVERIFY(Thumbnail(a).layoutCorrelation(Thumbnail(b)) > 0.5);
    QVERIFY(!Thumbnail(a).sameImage(Thumbnail(b)));
    QVERIFY(Thumbnail(a).sameImage(Thumbnail(a)));
}

void TestDuplicateFinder::equalHashesAreConfirmedToo()
{
    // Files whose hashes are equal are still compared: the finder asks about them.
    DuplicateFinder finder;
    finder.add(1, 0xABCDEF, true);
    finder.add(2, 0xABCDEF, true);
    finder.add(3, 0xABCDEE, true);
    finder.add(4, 0x123456789ull << 20, true);
    QCOMPARE(finder.candidates(), (std::vector<size_t>{0, 1, 2}));
    QCOMPARE(finder.groups().size(), size_t(1));
    const auto onlyFirstTwo = [](size_t a, size_t b) { return a + b == 1; };
    const std::vector<DuplicateGroup> groups = finder.groups(onlyFirstTwo);
    QCOMPARE(groups.size(), size_t(1));
    QCOMPARE(groups.front().members, (std::vector<size_t>{0, 1}));
    QVERIFY(finder.groups([](size_t, size_t) { return false; }).empty());
}

QTEST_GUILESS_MAIN(TestDuplicateFinder)
#include "tst_duplicate_finder.moc"
