#include "data/demo_data.h"

#include "common/errors.h"
#include "data/sample_rng.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <fstream>

namespace fs = std::filesystem;

namespace tl {

namespace {

using Outline = std::vector<cv::Point2d>;

struct Shape {
    std::vector<Outline> solid;
    std::vector<Outline> holes;
};

Outline regular(int corners, double radius, double phase = 0.0, double dx = 0.0)
{
    Outline out;
    for (int i = 0; i < corners; ++i) {
        const double a = phase + 2.0 * M_PI * i / corners;
        out.emplace_back(dx + radius * std::cos(a), radius * std::sin(a));
    }
    return out;
}

Shape shapeOf(DemoTask task, int classIndex)
{
    if (task == DemoTask::Source) {
        switch (classIndex) {
        case 0: return {{regular(48, 1.0)}, {}};                                  // circle
        case 1: return {{regular(4, 1.0, M_PI / 4)}, {}};                          // square
        case 2: return {{regular(3, 1.0, -M_PI / 2)}, {}};                         // triangle
        case 3: {                                                                  // star
            Outline star;
            for (int i = 0; i < 10; ++i) {
                const double a = -M_PI / 2 + M_PI * i / 5;
                const double r = i % 2 ? 0.42 : 1.0;
                star.emplace_back(r * std::cos(a), r * std::sin(a));
            }
            return {{star}, {}};
        }
        case 4:                                                                    // cross
            return {{{{-0.3, -1}, {0.3, -1}, {0.3, -0.3}, {1, -0.3}, {1, 0.3}, {0.3, 0.3},
                      {0.3, 1}, {-0.3, 1}, {-0.3, 0.3}, {-1, 0.3}, {-1, -0.3}, {-0.3, -0.3}}}, {}};
        case 5: return {{regular(48, 1.0)}, {regular(48, 0.55)}};                  // ring
        case 6: return {{{{0, -1}, {0.6, 0}, {0, 1}, {-0.6, 0}}}, {}};             // diamond
        default: return {{regular(6, 1.0)}, {}};                                   // hexagon
        }
    }
    switch (classIndex) {
    case 0: return {{regular(5, 1.0, -M_PI / 2)}, {}};                             // pentagon
    case 1:                                                                        // arrow
        return {{{{-1, -0.25}, {0.2, -0.25}, {0.2, -0.7}, {1, 0}, {0.2, 0.7}, {0.2, 0.25}, {-1, 0.25}}}, {}};
    case 2: return {{regular(48, 1.0)}, {regular(48, 0.85, 0.0, 0.45)}};           // crescent
    case 3: return {{{{-1, -0.8}, {0, 0.1}, {1, -0.8}, {1, -0.2}, {0, 0.7}, {-1, -0.2}}}, {}};  // chevron
    default: return {{{{-0.8, -1}, {0.8, -1}, {0, 0}}, {{-0.8, 1}, {0.8, 1}, {0, 0}}}, {}};     // hourglass
    }
}

std::vector<cv::Point> place(const Outline& outline, cv::Point2d centre, double radius, double angle)
{
    std::vector<cv::Point> out;
    const double c = std::cos(angle);
    const double s = std::sin(angle);
    for (const cv::Point2d& p : outline)
        out.emplace_back(int(std::lround(centre.x + radius * (c * p.x - s * p.y))),
                         int(std::lround(centre.y + radius * (s * p.x + c * p.y))));
    return out;
}

cv::Vec3b randomColour(SampleRng& rng)
{
    return cv::Vec3b(uint8_t(rng.below(256)), uint8_t(rng.below(256)), uint8_t(rng.below(256)));
}

void background(cv::Mat& image, SampleRng& rng)
{
    const cv::Vec3b a = randomColour(rng);
    const cv::Vec3b b = randomColour(rng);
    const bool stripes = rng.chance(0.5);
    const double angle = rng.uniform(0, M_PI);
    const double period = rng.uniform(6, 18);
    const double dx = std::cos(angle);
    const double dy = std::sin(angle);
    const double n = image.cols;
    for (int y = 0; y < image.rows; ++y) {
        auto* row = image.ptr<cv::Vec3b>(y);
        for (int x = 0; x < image.cols; ++x) {
            const double t = x * dx + y * dy;
            const double w = stripes ? 0.5 + 0.5 * std::sin(2 * M_PI * t / period) : std::clamp(t / (1.5 * n), 0.0, 1.0);
            for (int c = 0; c < 3; ++c)
                row[x][c] = uint8_t(std::lround(a[c] * (1 - w) + b[c] * w) * 0.6 + 50);
        }
    }
}

}  // namespace

const std::vector<std::string>& demoClasses(DemoTask task)
{
    static const std::vector<std::string> source{"circle", "square", "triangle", "star",
                                                 "cross",  "ring",   "diamond",  "hexagon"};
    static const std::vector<std::string> target{"pentagon", "arrow", "crescent", "chevron", "hourglass"};
    return task == DemoTask::Source ? source : target;
}

cv::Mat renderDemoImage(DemoTask task, int classIndex, uint64_t sampleIndex, const DemoDataOptions& options,
                        cv::Mat* mask)
{
    const int size = options.imageSize;
    if (size < 16 || classIndex < 0 || classIndex >= int(demoClasses(task).size()))
        throw InvalidArgument("demo image needs a size of at least 16 and a known class");
    SampleRng rng(options.seed, uint64_t(task) * 1000 + uint64_t(classIndex), sampleIndex);
    cv::Mat image(size, size, CV_8UC3);
    background(image, rng);

    const double radius = size * rng.uniform(0.2, 0.4);
    const cv::Point2d centre(rng.uniform(radius, size - radius), rng.uniform(radius, size - radius));
    const double angle = rng.uniform(0, 2 * M_PI);
    const Shape shape = shapeOf(task, classIndex);
    cv::Mat region = cv::Mat::zeros(size, size, CV_8UC1);
    for (const Outline& o : shape.solid)
        cv::fillPoly(region, std::vector<std::vector<cv::Point>>{place(o, centre, radius, angle)}, cv::Scalar(255));
    for (const Outline& o : shape.holes)
        cv::fillPoly(region, std::vector<std::vector<cv::Point>>{place(o, centre, radius, angle)}, cv::Scalar(0));

    // A bright or dark shape, so it stands out from the muted background.
    cv::Vec3b colour = randomColour(rng);
    const bool dark = rng.chance(0.5);
    for (int c = 0; c < 3; ++c)
        colour[c] = uint8_t(dark ? colour[c] / 5 : 205 + colour[c] / 5);
    image.setTo(colour, region);
    const double noise = rng.uniform(2, 12);
    for (int y = 0; y < size; ++y) {
        auto* row = image.ptr<cv::Vec3b>(y);
        for (int x = 0; x < size; ++x)
            for (int c = 0; c < 3; ++c)
                row[x][c] = cv::saturate_cast<uint8_t>(row[x][c] + noise * (rng.uniform() + rng.uniform() - 1.0) * 1.7);
    }
    if (mask)
        *mask = region / 255 * (classIndex + 1);
    return image;
}

namespace {

void writePng(const fs::path& file, const cv::Mat& image)
{
    std::vector<uint8_t> bytes;
    cv::Mat bgr;
    if (image.channels() == 3)
        cv::cvtColor(image, bgr, cv::COLOR_RGB2BGR);
    else
        bgr = image;
    if (!cv::imencode(".png", bgr, bytes))
        throw DataError(file.string() + ": cannot encode the image");
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    if (!out.flush())
        throw DataError(file.string() + ": cannot write the file");
}

int64_t writeTask(const fs::path& dir, DemoTask task, int trainPerClass, int valPerClass, const DemoDataOptions& o)
{
    int64_t written = 0;
    const auto& classes = demoClasses(task);
    for (int c = 0; c < int(classes.size()); ++c) {
        for (const auto& [split, count, offset] : {std::tuple{"train", trainPerClass, 0},
                                                   std::tuple{"val", valPerClass, trainPerClass}}) {
            const fs::path folder = dir / split / classes[size_t(c)];
            fs::create_directories(folder);
            for (int i = 0; i < count; ++i) {
                char name[64];
                std::snprintf(name, sizeof name, "%s_%04d.png", classes[size_t(c)].c_str(), offset + i);
                writePng(folder / name, renderDemoImage(task, c, uint64_t(offset + i), o));
                ++written;
            }
        }
    }
    return written;
}

}  // namespace

DemoDataSummary writeDemoData(const fs::path& outDir, const DemoDataOptions& options)
{
    DemoDataSummary summary;
    try {
        summary.sourceImages = writeTask(outDir / "source", DemoTask::Source, options.sourceTrainPerClass,
                                         options.sourceValPerClass, options);
        summary.targetImages = writeTask(outDir / "target", DemoTask::Target, options.targetTrainPerClass,
                                         options.targetValPerClass, options);
        if (options.segmentationImages > 0) {
            fs::create_directories(outDir / "segmentation" / "images");
            fs::create_directories(outDir / "segmentation" / "masks");
            const int classes = int(demoClasses(DemoTask::Source).size());
            for (int i = 0; i < options.segmentationImages; ++i) {
                cv::Mat mask;
                // Sample indices far above the classification ones, so these are other images.
                const cv::Mat image = renderDemoImage(DemoTask::Source, i % classes, 1000000 + uint64_t(i), options, &mask);
                char name[32];
                std::snprintf(name, sizeof name, "shape_%04d.png", i);
                writePng(outDir / "segmentation" / "images" / name, image);
                writePng(outDir / "segmentation" / "masks" / name, mask);
                ++summary.segmentationImages;
            }
            // The names of the mask values, for legends: 0 is the background, k the k-th shape.
            std::ofstream names(outDir / "segmentation" / "classes.txt", std::ios::trunc);
            names << "background\n";
            for (const std::string& shape : demoClasses(DemoTask::Source))
                names << shape << "\n";
            if (!names.flush())
                throw DataError((outDir / "segmentation" / "classes.txt").string() + ": cannot write the file");
        }
    } catch (const fs::filesystem_error& e) {
        throw DataError(outDir.string() + ": cannot write the demo data: " + e.code().message());
    }
    return summary;
}

}  // namespace tl
