#pragma once

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tl {

/// Which of the two related demo tasks: the source has many images of eight shapes, the target
/// five other shapes with few images, so features learnt on the first help the second.
enum class DemoTask { Source, Target };

struct DemoDataOptions {
    int imageSize = 64;
    int sourceTrainPerClass = 150;
    int sourceValPerClass = 30;
    int targetTrainPerClass = 8;
    int targetValPerClass = 20;
    int segmentationImages = 48;  // source shapes with class-index masks, for U-Net; 0: none
    uint64_t seed = 7;
};

/// The class names of a demo task, in the order of their class indices.
const std::vector<std::string>& demoClasses(DemoTask task);

/// Renders one demo image: a shape of the class with random colour, position, scale and
/// rotation on a random gradient or striped background with noise. Deterministic for
/// (options.seed, task, classIndex, sampleIndex) on every machine. 8-bit RGB; when mask is given
/// it receives the shape's pixels as classIndex + 1 on 0 (CV_8UC1).
cv::Mat renderDemoImage(DemoTask task, int classIndex, uint64_t sampleIndex, const DemoDataOptions& options,
                        cv::Mat* mask = nullptr);

struct DemoDataSummary {
    int64_t sourceImages = 0;
    int64_t targetImages = 0;
    int64_t segmentationImages = 0;
};

/// Writes outDir/source/{train,val}/CLASS/*.png, outDir/target/{train,val}/CLASS/*.png and
/// outDir/segmentation/{images,masks}/*.png. Throws DataError when a file cannot be written.
DemoDataSummary writeDemoData(const std::filesystem::path& outDir, const DemoDataOptions& options = {});

}  // namespace tl
