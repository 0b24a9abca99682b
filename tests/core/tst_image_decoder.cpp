// Decoding what users drop: every storage kind becomes 8-bit RGB (as PIL's convert("RGB") does),
// and every bad file is refused with a reason instead of returning grey or garbage pixels.
#include "common/errors.h"
#include "data/image_decoder.h"
#include "image_fixtures.h"
#include "python_reference.h"

#include <opencv2/imgproc.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace tl;
namespace fs = std::filesystem;

class TestImageDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decodesEveryFormatToRgb_data();
    void decodesEveryFormatToRgb();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void sniffsContentNotExtension();
    void readsNonAsciiPaths();
    void matchesPilForPaletteCmykAndAlpha();
    void appliesOrIgnoresExifOrientation();
    void decodesMasksAsIndices();
    void convertsToOneChannel();

private:
    void runFixtures();
    QTemporaryDir m_dir;
    QJsonObject m_pil;
};

void TestImageDecoder::decodesEveryFormatToRgb_data()
{
    QTest::addColumn<QString>("ext");
    QTest::addColumn<int>("kind");  // 0 colour, 1 grey, 2 rgba, 3 16-bit, 4 1x1
    QTest::addColumn<bool>("lossless");
    for (const char* ext : {".png", ".bmp", ".tiff", ".ppm", ".webp"})
        QTest::newRow(ext) << QString::fromLatin1(ext) << 0 << true;
    QTest::newRow(".jpg") << QStringLiteral(".jpg") << 0 << false;
    QTest::newRow("grey png") << QStringLiteral(".png") << 1 << true;
    QTest::newRow("pgm") << QStringLiteral(".pgm") << 1 << true;
    QTest::newRow("grey jpg") << QStringLiteral(".jpg") << 1 << false;
    QTest::newRow("rgba png") << QStringLiteral(".png") << 2 << true;
    QTest::newRow("16-bit png") << QStringLiteral(".png") << 3 << true;
    QTest::newRow("1x1 png") << QStringLiteral(".png") << 4 << true;
}

void TestImageDecoder::decodesEveryFormatToRgb()
{
    QFETCH(QString, ext);
    QFETCH(int, kind);
    QFETCH(bool, lossless);
    const cv::Mat bgr = kind == 4 ? cv::Mat(1, 1, CV_8UC3, cv::Scalar(10, 20, 30)) : test::pattern(20, 12, 3);
    cv::Mat stored = bgr;
    cv::Mat expectedRgb;
    if (kind == 1)
        cv::cvtColor(bgr, stored, cv::COLOR_BGR2GRAY);
    if (kind == 2)
        cv::cvtColor(bgr, stored, cv::COLOR_BGR2BGRA);
    if (kind == 3)
        bgr.convertTo(stored, CV_16U, 257.0);
    cv::cvtColor(kind == 1 ? stored : bgr, expectedRgb, kind == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_BGR2RGB);

    const std::string bytes = test::encode(stored, ext.toStdString());
    QVERIFY(!bytes.empty());
    const cv::Mat rgb = decodeImage(bytes);
    QCOMPARE(rgb.type(), CV_8UC3);
    QCOMPARE(rgb.cols, bgr.cols);
    QCOMPARE(rgb.rows, bgr.rows);
    QVERIFY(rgb.isContinuous());
    const double diff = cv::norm(rgb, expectedRgb, cv::NORM_INF);
    const double meanDiff = cv::norm(rgb, expectedRgb, cv::NORM_L1) / double(rgb.total() * 3);
    QVERIFY2(lossless ? diff <= 1 : meanDiff < 16, qPrintable(QString::number(meanDiff)));
}

void TestImageDecoder::refusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    const std::string jpeg = test::encode(test::pattern(64, 64, 5), ".jpg");
    const std::string png = test::encode(test::pattern(64, 64, 5), ".png");
    auto row = [](const std::string& s) { return QByteArray(s.data(), int(s.size())); };
    QTest::newRow("zero bytes") << QByteArray() << "empty file";
    QTest::newRow("random bytes") << row(test::randomBytes(4096, 1)) << "not an image";
    QTest::newRow("text") << QByteArray("label,path\ncat,1.jpg\n") << "not an image";
    // libjpeg decodes a truncated stream with a warning and grey rows; this must be refused.
    QTest::newRow("truncated jpeg") << row(jpeg.substr(0, jpeg.size() / 2)) << "truncated JPEG";
    QTest::newRow("jpeg cut in header") << row(jpeg.substr(0, 40)) << "JPEG";
    QTest::newRow("truncated png") << row(png.substr(0, png.size() * 2 / 3)) << "truncated PNG";
    QTest::newRow("png cut in header") << row(png.substr(0, 20)) << "PNG header";
    QTest::newRow("bomb 60000x60000") << row(test::bombPng()) << "60000x60000";
    std::string corrupt = jpeg;
    for (size_t i = corrupt.size() / 2; i < corrupt.size() / 2 + 200; ++i)
        corrupt[i] = char(0xFF);  // markers inside the scan data
    corrupt[corrupt.size() / 2 + 1] = char(0xD9);
    QTest::newRow("jpeg with an early end") << row(corrupt) << "JPEG";
}

void TestImageDecoder::refusesBadFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    try {
        const cv::Mat image = decodeImage(std::string_view(bytes.constData(), size_t(bytes.size())));
        QFAIL(qPrintable(QStringLiteral("decoded a %1x%2 image").arg(image.cols).arg(image.rows)));
    } catch (const DataError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(reason), e.what());
    }
}

void TestImageDecoder::sniffsContentNotExtension()
{
    const fs::path file = fs::path(m_dir.path().toStdString()) / "photo_really_jpeg.png";
    test::writeBytes(file, test::encode(test::pattern(30, 20, 2), ".jpg"));
    const cv::Mat image = loadImage(file);
    QCOMPARE(image.cols, 30);
    QCOMPARE(image.rows, 20);
}

void TestImageDecoder::readsNonAsciiPaths()
{
    const fs::path dir = fs::u8path(m_dir.path().toStdString() + "/고양이/çà et là");
    test::writeImage(dir / fs::u8path(u8"사진.jpg"), test::pattern(16, 16, 1));
    const cv::Mat image = loadImage(dir / fs::u8path(u8"사진.jpg"));
    QCOMPARE(image.cols, 16);
    try {
        loadImage(dir / fs::u8path(u8"없음.jpg"));
        QFAIL("a missing file loaded");
    } catch (const DataError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("없음.jpg")), e.what());
    }
}

void TestImageDecoder::runFixtures()
{
    if (!m_pil.isEmpty())
        return;
    QString error;
    const QJsonDocument doc = test::runReference(QStringLiteral("image_fixtures.py"), {m_dir.path()}, error);
    QVERIFY2(doc.isObject(), qPrintable(error));
    m_pil = doc.object();
}

static cv::Mat pilImage(const QJsonObject& pil, const char* name, int rows, int cols, int type)
{
    const QJsonArray values = pil.value(QLatin1String(name)).toArray();
    cv::Mat out(rows, cols, type);
    for (int i = 0; i < values.size() && size_t(i) < out.total() * out.elemSize(); ++i)
        out.data[i] = uint8_t(values[i].toInt());
    return out;
}

void TestImageDecoder::matchesPilForPaletteCmykAndAlpha()
{
    runFixtures();
    QVERIFY(!m_pil.isEmpty());
    const std::string dir = m_dir.path().toStdString() + "/";
    for (const char* name : {"palette.png", "grey_alpha.png", "cmyk.jpg"}) {
        const cv::Mat ours = loadImage(dir + name);
        QCOMPARE(ours.type(), CV_8UC3);
        const cv::Mat pil = pilImage(m_pil, name, 16, 24, CV_8UC3);
        const double diff = cv::norm(ours, pil, cv::NORM_INF);
        // Palette and grey+alpha are lossless; CMYK goes through two libjpeg colour conversions.
        QVERIFY2(std::string(name) == "cmyk.jpg" ? cv::norm(ours, pil, cv::NORM_L1) / double(ours.total() * 3) < 3 : diff == 0,
                 qPrintable(QStringLiteral("%1 differs from PIL by %2").arg(QLatin1String(name)).arg(diff)));
    }
}

void TestImageDecoder::appliesOrIgnoresExifOrientation()
{
    runFixtures();
    const std::string file = m_dir.path().toStdString() + "/exif_rotated.jpg";
    const cv::Mat upright = loadImage(file);
    QCOMPARE(upright.cols, 16);  // stored 24x16, orientation 6: shown 16x24
    QCOMPARE(upright.rows, 24);
    DecodeOptions options;
    options.exif = ExifOrientation::Ignore;
    const cv::Mat stored = loadImage(file, options);
    QCOMPARE(stored.cols, 24);
    const cv::Mat pil = pilImage(m_pil, "exif_rotated.jpg", 16, 24, CV_8UC3);  // PIL ignores EXIF
    QVERIFY(cv::norm(stored, pil, cv::NORM_INF) <= 2);
}

void TestImageDecoder::decodesMasksAsIndices()
{
    runFixtures();
    const cv::Mat mask = decodeMask(readFileBytes(m_dir.path().toStdString() + "/palette_mask.png"));
    QCOMPARE(mask.type(), CV_8UC1);
    QCOMPARE(cv::norm(mask, pilImage(m_pil, "palette_mask.png", 16, 24, CV_8UC1), cv::NORM_INF), 0.0);
    QCOMPARE(int(mask.at<uint8_t>(0, 20)), 2);
    QCOMPARE(int(mask.at<uint8_t>(15, 0)), 255);

    cv::Mat grey(8, 8, CV_8UC1, cv::Scalar(3));
    QCOMPARE(cv::norm(decodeMask(test::encode(grey, ".png")), grey, cv::NORM_INF), 0.0);
    cv::Mat wide(8, 8, CV_16UC1, cv::Scalar(300));
    QCOMPARE(decodeMask(test::encode(wide, ".png")).at<uint16_t>(2, 2), uint16_t(300));
    QVERIFY_THROWS_EXCEPTION(DataError, decodeMask(test::encode(test::pattern(8, 8, 1), ".png")));
}

void TestImageDecoder::convertsToOneChannel()
{
    DecodeOptions options;
    options.channels = 1;
    const cv::Mat grey = decodeImage(test::encode(test::pattern(10, 10, 1), ".png"), options);
    QCOMPARE(grey.type(), CV_8UC1);
}

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "tst_image_decoder.moc"
