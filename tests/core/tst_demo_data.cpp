// The procedural demo data: deterministic, two related tasks with disjoint classes, readable
// as image folders by the dataset code, with masks that match the shapes.
#include "data/demo_data.h"
#include "data/image_decoder.h"
#include "data/image_folder.h"
#include "data/segmentation_folder.h"

#include <opencv2/core.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include <set>

using namespace tl;
namespace fs = std::filesystem;

class TestDemoData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void isDeterministic();
    void tasksHaveDisjointClasses();
    void writesImageFoldersAndMasks();
};

void TestDemoData::isDeterministic()
{
    const DemoDataOptions o;
    const cv::Mat a = renderDemoImage(DemoTask::Source, 3, 17, o);
    const cv::Mat b = renderDemoImage(DemoTask::Source, 3, 17, o);
    QCOMPARE(a.type(), CV_8UC3);
    QCOMPARE(cv::norm(a, b, cv::NORM_INF), 0.0);
    QVERIFY(cv::norm(a, renderDemoImage(DemoTask::Source, 3, 18, o), cv::NORM_INF) > 0);
    DemoDataOptions other;
    other.seed = 8;
    QVERIFY(cv::norm(a, renderDemoImage(DemoTask::Source, 3, 17, other), cv::NORM_INF) > 0);
}

void TestDemoData::tasksHaveDisjointClasses()
{
    const auto& source = demoClasses(DemoTask::Source);
    const auto& target = demoClasses(DemoTask::Target);
    std::set<std::string> all(source.begin(), source.end());
    all.insert(target.begin(), target.end());
    QCOMPARE(all.size(), source.size() + target.size());
    QVERIFY(source.size() >= 5 && target.size() >= 3);
}

void TestDemoData::writesImageFoldersAndMasks()
{
    QTemporaryDir dir;
    const fs::path root = fs::u8path(dir.path().toStdString()) / fs::u8path(u8"데모");
    DemoDataOptions o;
    o.imageSize = 32;
    o.sourceTrainPerClass = 6;
    o.sourceValPerClass = 2;
    o.targetTrainPerClass = 3;
    o.targetValPerClass = 2;
    o.segmentationImages = 8;
    const DemoDataSummary summary = writeDemoData(root, o);
    QCOMPARE(summary.sourceImages, int64_t(8 * 8));
    QCOMPARE(summary.targetImages, int64_t(5 * 5));

    const ClassificationIndex source = scanImageFolder(root / "source");
    QVERIFY(source.presplit);
    QVERIFY(source.skipped.empty());
    std::vector<std::string> sorted = demoClasses(DemoTask::Source);
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(source.classes, sorted);
    QCOMPARE(source.count(Split::Val), int64_t(16));
    const ClassificationIndex target = scanImageFolder(root / "target");
    QCOMPARE(target.count(Split::Train), int64_t(15));
    // The files hold exactly the rendered images (lossless PNG).
    const cv::Mat first = loadImage(target.items.front().path);
    QCOMPARE(first.cols, 32);

    const SegmentationIndex seg = scanSegmentationFolder(root / "segmentation");
    QCOMPARE(seg.items.size(), size_t(8));
    for (const SegmentationItem& item : seg.items) {
        const cv::Mat mask = decodeMask(readFileBytes(item.mask));
        double low = 0, high = 0;
        cv::minMaxLoc(mask, &low, &high);
        QCOMPARE(low, 0.0);
        QVERIFY(high >= 1 && high <= 8);
        QVERIFY(cv::countNonZero(mask) > 20);  // the shape covers a real part of the image
    }
    // One name per mask value: the background, then the shapes in class order.
    std::ifstream names(root / "segmentation" / "classes.txt");
    std::vector<std::string> lines;
    for (std::string line; std::getline(names, line);)
        lines.push_back(line);
    QCOMPARE(lines.size(), size_t(9));
    QCOMPARE(lines.front(), std::string("background"));
    QCOMPARE(lines.at(1), demoClasses(DemoTask::Source).front());
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demo_data.moc"
