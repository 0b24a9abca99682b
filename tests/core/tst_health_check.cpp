// The dataset health check: counts, imbalance, sizes and storage, exact and near duplicates
// (especially across train and validation), and every skipped file with its reason.
#include "data/health_check.h"
#include "image_fixtures.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <QTemporaryDir>
#include <QtTest>

using namespace tl;
namespace fs = std::filesystem;

class TestHealthCheck : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reportsCountsSizesAndDuplicates();
    void quickModeReadsHeadersOnly();
    void oneClassIsAnError();
};

namespace {

bool hasSkipped(const HealthReport& r, const std::string& path, const std::string& reason)
{
    for (const SkippedFile& s : r.skipped)
        if (s.path.find(path) != std::string::npos && s.reason.find(reason) != std::string::npos)
            return true;
    return false;
}

cv::Mat photo(int seed)
{
    // Smooth content, like a photograph: perceptual hashes describe it stably.
    cv::Mat m(96, 128, CV_8UC3);
    cv::RNG rng{uint64_t(seed)};
    m.setTo(cv::Scalar(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255)));
    for (int i = 0; i < 6; ++i)
        cv::circle(m, cv::Point(rng.uniform(0, 128), rng.uniform(0, 96)), rng.uniform(10, 40),
                   cv::Scalar(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255)), cv::FILLED);
    cv::GaussianBlur(m, m, cv::Size(9, 9), 3);
    return m;
}

fs::path makeDataset(const QTemporaryDir& dir)
{
    const fs::path root = fs::u8path(dir.path().toStdString());
    for (int i = 0; i < 12; ++i)
        test::writeImage(root / "train/cat" / (std::to_string(i) + ".png"), photo(i));
    for (int i = 0; i < 2; ++i)
        test::writeImage(root / "train/dog" / (std::to_string(i) + ".jpg"), photo(100 + i));
    test::writeImage(root / "val/cat/v.png", photo(50));
    // Leaks: a byte copy of a training image and a re-encoded, resized one in validation.
    test::writeBytes(root / "val/cat/copy.png", test::encode(photo(3), ".png"));
    cv::Mat smaller;
    cv::resize(photo(5), smaller, cv::Size(100, 75), 0, 0, cv::INTER_AREA);
    test::writeImage(root / "val/dog/near.jpg", smaller);
    test::writeBytes(root / "train/dog/zero.jpg", "");
    test::writeBytes(root / "train/dog/bomb.png", test::bombPng());
    test::writeBytes(root / "train/cat/cut.png", test::encode(photo(7), ".png").substr(0, 400));
    cv::Mat grey;
    cv::cvtColor(photo(60), grey, cv::COLOR_BGR2GRAY);
    test::writeImage(root / fs::u8path(u8"train/cat/회색.png"), grey);
    return root;
}

}  // namespace

void TestHealthCheck::reportsCountsSizesAndDuplicates()
{
    QTemporaryDir dir;
    const fs::path root = makeDataset(dir);
    int64_t progressCalls = 0;
    HealthOptions options;
    options.progress = [&](int64_t, int64_t) { ++progressCalls; };
    const HealthReport r = checkDataset(root, options);
    QCOMPARE(QString::fromStdString(r.kind), QStringLiteral("classification"));
    QVERIFY(r.presplit);
    QCOMPARE(r.classes.size(), size_t(2));
    QCOMPARE(r.classes[0].count, int64_t(15));  // 13 in train (one cut file skipped), 2 in val
    QCOMPARE(r.classes[1].count, int64_t(3));
    QCOMPARE(r.images, int64_t(18));
    QCOMPARE(r.splits.at(Split::Val), int64_t(3));
    QCOMPARE(r.imbalance, 5.0);
    QVERIFY(!r.warnings.empty());
    QCOMPARE(r.maxWidth, int64_t(128));
    QCOMPARE(r.minWidth, int64_t(100));
    QCOMPARE(r.storage.at("grey"), int64_t(1));
    QVERIFY(hasSkipped(r, "zero.jpg", "empty"));
    QVERIFY(hasSkipped(r, "bomb.png", "60000x60000"));
    QVERIFY(hasSkipped(r, "cut.png", "PNG"));
    QVERIFY(progressCalls > 0);

    bool exactLeak = false, nearLeak = false;
    for (const DuplicateReport& d : r.duplicates) {
        QVERIFY(d.paths.size() >= 2);
        const bool copy = std::any_of(d.paths.begin(), d.paths.end(), [](const std::string& p) { return p.find("copy.png") != std::string::npos; });
        const bool near = std::any_of(d.paths.begin(), d.paths.end(), [](const std::string& p) { return p.find("near.jpg") != std::string::npos; });
        exactLeak = exactLeak || (copy && d.exact && d.crossSplit);
        nearLeak = nearLeak || (near && !d.exact && d.crossSplit && d.crossClass);
    }
    QVERIFY(exactLeak);
    QVERIFY(nearLeak);
    QVERIFY(r.duplicates.size() <= 3);  // unrelated images are not near duplicates

    const nlohmann::json json = healthReportJson(r);
    for (const char* key : {"root", "kind", "classes", "images", "splits", "skipped", "warnings", "duplicates"})
        QVERIFY2(json.contains(key), key);
    QCOMPARE(json["classes"][0]["name"].get<std::string>(), std::string("cat"));
    QVERIFY(r.errors.empty());
}

void TestHealthCheck::quickModeReadsHeadersOnly()
{
    QTemporaryDir dir;
    const fs::path root = makeDataset(dir);
    HealthOptions options;
    options.decode = false;
    const HealthReport r = checkDataset(root, options);
    QCOMPARE(r.images, int64_t(18));
    for (const DuplicateReport& d : r.duplicates)
        QVERIFY(d.exact);
    QVERIFY(hasSkipped(r, "bomb.png", "pixel limit"));
}

void TestHealthCheck::oneClassIsAnError()
{
    QTemporaryDir dir;
    const fs::path root = fs::u8path(dir.path().toStdString());
    test::writeImage(root / "only/a.png", photo(1));
    test::writeImage(root / "only/b.png", photo(2));
    const HealthReport r = checkDataset(root);
    QCOMPARE(r.errors.size(), size_t(1));
    QVERIFY_THROWS_EXCEPTION(std::exception, checkDataset(root / "missing"));
}

QTEST_GUILESS_MAIN(TestHealthCheck)
#include "tst_health_check.moc"
