// Transforms with torchvision's semantics: output sizes, crop offsets (Python's round), the
// RandomResizedCrop distribution, rotation direction and the colour adjustments are compared
// with torchvision 0.14 itself; segmentation transforms keep image and mask aligned.
#include "data/transform_pipeline.h"
#include "python_reference.h"

#include <opencv2/imgproc.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace tl;

class TestTransforms : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void resizeShorterSideAsTorchvision();
    void centerCropAsTorchvision();
    void randomResizedCropDistributionAsTorchvision();
    void randomResizedCropFallbackAsTorchvision();
    void rotationAsTorchvision();
    void colourAdjustmentsAsTorchvision_data();
    void colourAdjustmentsAsTorchvision();
    void normalisationAsTorchvision();
    void sameSeedSameResult();
    void maskFollowsImage();

private:
    QJsonObject m_ref;
};

namespace {

/// Channel c of (y, x) is (y * 7 + x * 3 + c * 50) % 256: the reference script's pattern.
cv::Mat pattern(int h, int w)
{
    cv::Mat m(h, w, CV_8UC3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c)
                m.at<cv::Vec3b>(y, x)[c] = uint8_t((y * 7 + x * 3 + c * 50) % 256);
    return m;
}

/// CHW floats of an HWC image, the layout torchvision flattens.
std::vector<double> chw(const cv::Mat& m)
{
    std::vector<double> out;
    cv::Mat f;
    m.convertTo(f, CV_64F);
    for (int c = 0; c < m.channels(); ++c)
        for (int y = 0; y < m.rows; ++y)
            for (int x = 0; x < m.cols; ++x)
                out.push_back(f.ptr<double>(y)[x * m.channels() + c]);
    return out;
}

double maxDifference(const std::vector<double>& ours, const QJsonArray& theirs)
{
    if (int(ours.size()) != theirs.size())
        return 1e9;
    double worst = 0;
    for (size_t i = 0; i < ours.size(); ++i)
        worst = std::max(worst, std::abs(ours[i] - theirs[int(i)].toDouble()));
    return worst;
}

}  // namespace

void TestTransforms::initTestCase()
{
    QString error;
    const QJsonDocument doc = test::runReference(QStringLiteral("torchvision_data.py"), {QStringLiteral("transforms")}, error);
    QVERIFY2(doc.isObject(), qPrintable(error));
    m_ref = doc.object();
}

void TestTransforms::resizeShorterSideAsTorchvision()
{
    for (const QJsonValue& v : m_ref.value(QStringLiteral("resize")).toArray()) {
        const QJsonArray row = v.toArray();
        const cv::Size size = Resize::outputSize(row[0].toInt(), row[1].toInt(), row[2].toInt());
        const QJsonArray expected = row[3].toArray();
        QCOMPARE(size.height, expected[0].toInt());
        QCOMPARE(size.width, expected[1].toInt());
    }
    Sample s{pattern(30, 40), {}, 0};
    SampleRng rng(1);
    Resize(12).apply(s, rng);
    QCOMPARE(s.image.size(), cv::Size(16, 12));
}

void TestTransforms::centerCropAsTorchvision()
{
    for (const QJsonValue& v : m_ref.value(QStringLiteral("center_crop")).toArray()) {
        const QJsonArray row = v.toArray();
        const int h = row[0].toInt(), w = row[1].toInt(), ch = row[2].toInt(), cw = row[3].toInt();
        cv::Mat coordinates(h, w, CV_32FC1);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                coordinates.at<float>(y, x) = float(y * 1000 + x + 1);
        Sample s{coordinates, {}, 0};
        SampleRng rng(1);
        CenterCrop(ch, cw).apply(s, rng);
        QVERIFY2(maxDifference(chw(s.image), row[4].toArray()) == 0,
                 qPrintable(QStringLiteral("%1x%2 cropped to %3x%4").arg(h).arg(w).arg(ch).arg(cw)));
    }
}

void TestTransforms::randomResizedCropDistributionAsTorchvision()
{
    const QJsonObject ref = m_ref.value(QStringLiteral("rrc")).toObject();
    const RandomResizedCrop crop(32, 32);
    double area = 0, logRatio = 0, minArea = 1, maxArea = 0;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        SampleRng rng(42, 0, uint64_t(i));
        const cv::Rect r = crop.cropRect(100, 150, rng);
        QVERIFY(r.x >= 0 && r.y >= 0 && r.x + r.width <= 150 && r.y + r.height <= 100);
        const double a = r.area() / 15000.0;
        area += a;
        logRatio += std::log(double(r.width) / r.height);
        minArea = std::min(minArea, a);
        maxArea = std::max(maxArea, a);
    }
    // Sampling error of a mean over 20,000 draws is about 0.002 here.
    QVERIFY2(std::abs(area / n - ref.value(QStringLiteral("mean_area")).toDouble()) < 0.01, qPrintable(QString::number(area / n)));
    QVERIFY(std::abs(logRatio / n - ref.value(QStringLiteral("mean_log_ratio")).toDouble()) < 0.01);
    QVERIFY(minArea >= 0.07 && maxArea <= 1.0);
}

void TestTransforms::randomResizedCropFallbackAsTorchvision()
{
    const RandomResizedCrop crop(8, 8, 2.0, 3.0);
    for (const QJsonValue& v : m_ref.value(QStringLiteral("rrc_fallback")).toArray()) {
        const QJsonArray row = v.toArray();
        SampleRng rng(3);
        const cv::Rect r = crop.cropRect(row[0].toInt(), row[1].toInt(), rng);
        const QJsonArray ijhw = row[2].toArray();
        QCOMPARE(r.y, ijhw[0].toInt());
        QCOMPARE(r.x, ijhw[1].toInt());
        QCOMPARE(r.height, ijhw[2].toInt());
        QCOMPARE(r.width, ijhw[3].toInt());
    }
}

void TestTransforms::rotationAsTorchvision()
{
    Sample s{pattern(9, 9), {}, 0};
    SampleRng rng(1);
    RandomRotation(90.0, 90.0, false).apply(s, rng);
    QCOMPARE(maxDifference(chw(s.image), m_ref.value(QStringLiteral("rotate90")).toArray()), 0.0);
}

void TestTransforms::colourAdjustmentsAsTorchvision_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("factor");
    QTest::newRow("brightness") << "brightness" << 1.3;
    QTest::newRow("contrast") << "contrast" << 0.6;
    QTest::newRow("saturation") << "saturation" << 1.7;
    QTest::newRow("hue") << "hue" << 0.2;
}

void TestTransforms::colourAdjustmentsAsTorchvision()
{
    QFETCH(QString, name);
    QFETCH(double, factor);
    cv::Mat image;
    cv::Mat rgb = pattern(6, 8);  // the reference treats channel 0 as R, as our RGB images do
    rgb.convertTo(image, CV_32F, 1.0 / 255.0);
    if (name == QLatin1String("brightness"))
        ColorJitter::adjustBrightness(image, factor);
    else if (name == QLatin1String("contrast"))
        ColorJitter::adjustContrast(image, factor);
    else if (name == QLatin1String("saturation"))
        ColorJitter::adjustSaturation(image, factor);
    else
        ColorJitter::adjustHue(image, factor);
    const double diff = maxDifference(chw(image), m_ref.value(name).toArray());
    QVERIFY2(diff < 1e-4, qPrintable(QString::number(diff)));
}

void TestTransforms::normalisationAsTorchvision()
{
    TransformPipeline p(6, 8);
    std::vector<float> out(3 * 6 * 8);
    p.writeImage(pattern(6, 8), out.data());
    const std::vector<double> ours(out.begin(), out.end());
    QVERIFY(maxDifference(ours, m_ref.value(QStringLiteral("normalize")).toArray()) < 1e-5);
}

void TestTransforms::sameSeedSameResult()
{
    AugmentOptions o;
    o.rotationDegrees = 15;
    o.brightness = o.contrast = o.saturation = 0.4;
    o.hue = 0.1;
    const TransformPipeline p = TransformPipeline::classificationTrain(24, o);
    auto run = [&](uint64_t seed) {
        Sample s{pattern(40, 50), {}, 0};
        SampleRng rng(seed, 2, 17);
        p.apply(s, rng);
        return s.image;
    };
    QCOMPARE(cv::norm(run(5), run(5), cv::NORM_INF), 0.0);
    QVERIFY(cv::norm(run(5), run(6), cv::NORM_INF) > 0);
}

void TestTransforms::maskFollowsImage()
{
    // The mask is the image's red channel > 127: after any geometric transform it must still be.
    AugmentOptions o;
    o.rotationDegrees = 30;
    o.scaleMin = 0.3;
    const TransformPipeline train = TransformPipeline::segmentationTrain(32, o);
    const TransformPipeline eval = TransformPipeline::segmentationEval(32);
    cv::Mat image(60, 80, CV_8UC3, cv::Scalar(0, 0, 0));
    cv::rectangle(image, cv::Rect(10, 10, 30, 25), cv::Scalar(255, 0, 0), cv::FILLED);
    cv::circle(image, cv::Point(60, 40), 12, cv::Scalar(255, 0, 0), cv::FILLED);
    cv::Mat mask;
    cv::extractChannel(image, mask, 0);
    mask = mask / 255;
    for (int i = 0; i < 20; ++i) {
        for (const TransformPipeline* p : {&train, &eval}) {
            Sample s{image, mask, 0};
            SampleRng rng(9, 0, uint64_t(i));
            p->apply(s, rng);
            QCOMPARE(s.mask.size(), s.image.size());
            cv::Mat red;
            cv::extractChannel(s.image, red, 0);
            const cv::Mat inside = s.mask == 1;
            const cv::Mat fill = s.mask == maskFill;
            // The image is interpolated and the mask nearest-neighbour, so they may disagree on
            // edge pixels only; a shifted or mirrored mask would disagree on far more.
            const int disagree = cv::countNonZero(inside & (red < 128)) + cv::countNonZero((red >= 128) & (s.mask != 1));
            QVERIFY2(disagree <= 0.05 * s.mask.total(), qPrintable(QString::number(disagree)));
            QCOMPARE(cv::countNonZero(fill & (red > 0)), 0);
        }
    }
}

QTEST_GUILESS_MAIN(TestTransforms)
#include "tst_transforms.moc"
