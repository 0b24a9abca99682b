#pragma once

#include "data/demo_data.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace tl::bench {

/// The benchmarks' image folder: demo shapes at 128 px as JPEG, eight classes, written through
/// std::filesystem so any path works.
inline void makeJpegFolder(const std::filesystem::path& root, int images)
{
    DemoDataOptions o;
    o.imageSize = 128;
    const int classes = 8;
    for (int i = 0; i < images; ++i) {
        const int c = i % classes;
        const std::filesystem::path dir = root / demoClasses(DemoTask::Source)[size_t(c)];
        std::filesystem::create_directories(dir);
        cv::Mat bgr;
        cv::cvtColor(renderDemoImage(DemoTask::Source, c, uint64_t(i), o), bgr, cv::COLOR_RGB2BGR);
        std::vector<uint8_t> bytes;
        cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, 90});
        std::ofstream out(dir / (std::to_string(i) + ".jpg"), std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    }
}

}  // namespace tl::bench
