// The loader: contiguous batches of the right shapes, the same batches for a seed whatever the
// thread count, bad files skipped and reported, a cache under its budget, and cancellation.
#include "data/data_loader.h"
#include "data/image_folder.h"
#include "data/segmentation_folder.h"
#include "image_fixtures.h"

#include <torch/torch.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace tl;
namespace fs = std::filesystem;

class TestDataLoader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void batchesAreContiguousAndLabelled();
    void sameSeedSameBatchesWhateverTheThreads();
    void badFilesAreSkippedAndReported();
    void cacheSkipsDecodingUnderItsBudget();
    void cancelStopsPromptly();
    void segmentationBatchesCarryMasks();

private:
    std::vector<torch::Tensor> epoch(int threads, uint64_t seed, int64_t number, int64_t cacheBytes = 0);
    QTemporaryDir m_dir;
    ClassificationIndex m_index;
};

void TestDataLoader::initTestCase()
{
    const fs::path root = fs::u8path(m_dir.path().toStdString()) / "cls";
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < 15; ++i)
            test::writeImage(root / ("class" + std::to_string(c)) / (std::to_string(i) + (i % 2 ? ".png" : ".jpg")),
                             test::pattern(40 + i, 30 + c, c * 100 + i));
    test::writeBytes(root / "class1/truncated.jpg", test::encode(test::pattern(40, 40, 1), ".jpg").substr(0, 300));
    test::writeBytes(root / "class2/random.png", test::randomBytes(500, 3));
    m_index = scanImageFolder(root);
}

std::vector<torch::Tensor> TestDataLoader::epoch(int threads, uint64_t seed, int64_t number, int64_t cacheBytes)
{
    LoaderOptions o;
    o.batchSize = 8;
    o.threads = threads;
    o.seed = seed;
    o.cacheBytes = cacheBytes;
    AugmentOptions a;
    a.brightness = 0.3;
    DataLoader loader(std::make_shared<ImageFolderSource>(m_index, Split::Train),
                      std::make_shared<TransformPipeline>(TransformPipeline::classificationTrain(24, a)), o);
    std::vector<torch::Tensor> out;
    for (int64_t e = 0; e <= number; ++e) {
        loader.startEpoch(e);
        out.clear();
        while (auto batch = loader.next()) {
            out.push_back(batch->images);
            out.push_back(batch->targets);
        }
    }
    return out;
}

void TestDataLoader::batchesAreContiguousAndLabelled()
{
    LoaderOptions o;
    o.batchSize = 16;
    o.shuffle = false;
    auto source = std::make_shared<ImageFolderSource>(m_index, Split::Train);
    DataLoader loader(source, std::make_shared<TransformPipeline>(TransformPipeline::classificationEval(24)), o);
    QCOMPARE(loader.batchesPerEpoch(), int64_t(3));  // 47 files, 45 good
    loader.startEpoch(0);
    int64_t seen = 0;
    while (auto batch = loader.next()) {
        QVERIFY(batch->images.is_contiguous());
        QCOMPARE(batch->images.size(1), int64_t(3));
        QCOMPARE(batch->images.size(2), int64_t(24));
        QCOMPARE(batch->targets.scalar_type(), torch::kInt64);
        for (int64_t i = 0; i < batch->targets.size(0); ++i)
            QCOMPARE(batch->targets[i].item<int64_t>(), source->label(size_t(batch->indices[size_t(i)])));
        seen += batch->images.size(0);
        // ImageNet normalisation puts pixel values roughly in [-2.2, 2.7].
        QVERIFY(batch->images.min().item<float>() >= -2.2f && batch->images.max().item<float>() <= 2.7f);
    }
    QCOMPARE(seen, int64_t(45));
}

void TestDataLoader::sameSeedSameBatchesWhateverTheThreads()
{
    const auto one = epoch(1, 7, 1);
    const auto three = epoch(3, 7, 1);
    const auto cached = epoch(2, 7, 1, int64_t(64) << 20);
    QCOMPARE(one.size(), three.size());
    for (size_t i = 0; i < one.size(); ++i) {
        QVERIFY(torch::equal(one[i], three[i]));
        QVERIFY(torch::equal(one[i], cached[i]));
    }
    const auto otherEpoch = epoch(2, 7, 2);
    const auto otherSeed = epoch(2, 8, 1);
    QVERIFY(!torch::equal(one[1], otherEpoch[1]) || !torch::equal(one[0], otherEpoch[0]));
    QVERIFY(!torch::equal(one[0], otherSeed[0]));
}

void TestDataLoader::badFilesAreSkippedAndReported()
{
    LoaderOptions o;
    o.batchSize = 4;
    DataLoader loader(std::make_shared<ImageFolderSource>(m_index, Split::Train),
                      std::make_shared<TransformPipeline>(TransformPipeline::classificationEval(16)), o);
    loader.startEpoch(0);
    int64_t n = 0;
    while (auto batch = loader.next())
        n += batch->images.size(0);
    QCOMPARE(n, int64_t(45));
    const auto skipped = loader.skipped();
    QCOMPARE(skipped.size(), size_t(2));
    for (const SkippedFile& s : skipped) {
        QVERIFY(s.path.find("truncated.jpg") != std::string::npos || s.path.find("random.png") != std::string::npos);
        QVERIFY(!s.reason.empty());
    }
}

void TestDataLoader::cacheSkipsDecodingUnderItsBudget()
{
    LoaderOptions o;
    o.cacheBytes = 130 * 1024;  // about two thirds of the decoded images
    DataLoader loader(std::make_shared<ImageFolderSource>(m_index, Split::Train),
                      std::make_shared<TransformPipeline>(TransformPipeline::classificationEval(16)), o);
    for (int e = 0; e < 2; ++e) {
        loader.startEpoch(e);
        while (loader.next()) {
        }
    }
    QVERIFY(loader.cache()->bytes() <= o.cacheBytes);
    QVERIFY(loader.cache()->hits() > 0);

    LoaderOptions big = o;
    big.cacheBytes = int64_t(64) << 20;
    DataLoader all(std::make_shared<ImageFolderSource>(m_index, Split::Train),
                   std::make_shared<TransformPipeline>(TransformPipeline::classificationEval(16)), big);
    for (int e = 0; e < 2; ++e) {
        all.startEpoch(e);
        while (all.next()) {
        }
    }
    QCOMPARE(all.cache()->hits(), int64_t(45));  // the whole second epoch
}

void TestDataLoader::cancelStopsPromptly()
{
    LoaderOptions o;
    o.batchSize = 2;
    o.prefetchBatches = 1;
    DataLoader loader(std::make_shared<ImageFolderSource>(m_index, Split::Train),
                      std::make_shared<TransformPipeline>(TransformPipeline::classificationEval(16)), o);
    loader.startEpoch(0);
    QVERIFY(loader.next().has_value());
    QElapsedTimer timer;
    timer.start();
    std::thread canceller([&] { loader.cancel(); });
    canceller.join();
    QVERIFY(!loader.next().has_value());
    QVERIFY(loader.cancelled());
    QVERIFY(timer.elapsed() < 2000);
    loader.startEpoch(1);  // a cancelled loader starts again
    QVERIFY(loader.next().has_value());
}

void TestDataLoader::segmentationBatchesCarryMasks()
{
    const fs::path root = fs::u8path(m_dir.path().toStdString()) / "seg";
    for (int i = 0; i < 5; ++i) {
        test::writeImage(root / "images" / (std::to_string(i) + ".png"), test::pattern(40, 30, i));
        cv::Mat mask(30, 40, CV_8UC1, cv::Scalar(0));
        mask(cv::Rect(0, 0, 20, 30)).setTo(i % 3 + 1);
        test::writeImage(root / "masks" / (std::to_string(i) + ".png"), mask);
    }
    const SegmentationIndex index = scanSegmentationFolder(root);
    LoaderOptions o;
    o.batchSize = 5;
    DataLoader loader(std::make_shared<SegmentationSource>(index, Split::Train),
                      std::make_shared<TransformPipeline>(TransformPipeline::segmentationEval(24)), o);
    loader.startEpoch(0);
    auto batch = loader.next();
    QVERIFY(batch.has_value());
    QCOMPARE(batch->targets.sizes().vec(), (std::vector<int64_t>{5, 24, 24}));
    QCOMPARE(batch->targets.scalar_type(), torch::kInt64);
    QVERIFY(batch->targets.max().item<int64_t>() <= 3);
    QVERIFY(!loader.next().has_value());
}

QTEST_GUILESS_MAIN(TestDataLoader)
#include "tst_data_loader.moc"
