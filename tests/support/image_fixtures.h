#pragma once

// Writers for the image files the data tests need: good ones in every storage kind and every
// kind of bad file a user may drop. OpenCV encodes; a few PIL-only kinds come from
// tests/reference/image_fixtures.py.

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace tl::test {

namespace fs = std::filesystem;

inline void writeBytes(const fs::path& file, const std::string& bytes)
{
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

/// Encodes a BGR (or grey, or 16-bit) image with the given extension (".png", ".jpg", ...).
inline std::string encode(const cv::Mat& image, const std::string& ext)
{
    std::vector<uint8_t> buffer;
    cv::imencode(ext, image, buffer);
    return std::string(buffer.begin(), buffer.end());
}

/// A textured colour image whose content depends on seed: distinct images for distinct seeds.
inline cv::Mat pattern(int width, int height, int seed)
{
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(uint8_t((x * (seed % 7 + 1) + y * 3 + seed * 40) % 256),
                                                  uint8_t((y * (seed % 5 + 2) + seed * 17) % 256),
                                                  uint8_t(((x / 8 + y / 8 + seed) % 2) * 200 + 20));
    return image;
}

inline void writeImage(const fs::path& file, const cv::Mat& image)
{
    std::string ext = file.extension().string();
    for (char& c : ext)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    writeBytes(file, encode(image, ext));
}

/// A PNG whose header claims 60000x60000 pixels: a decompression bomb's first bytes.
inline std::string bombPng()
{
    std::string png = encode(pattern(8, 8, 1), ".png");
    const uint32_t side = 60000;
    for (int at : {16, 20})
        for (int i = 0; i < 4; ++i)
            png[size_t(at + i)] = char((side >> (24 - 8 * i)) & 0xFF);
    return png;  // the IHDR CRC no longer matches either; the pixel limit must stop it first
}

inline std::string randomBytes(size_t n, unsigned seed)
{
    std::string s(n, '\0');
    cv::RNG rng(seed);
    for (char& c : s)
        c = char(rng.uniform(0, 256));
    return s;
}

}  // namespace tl::test
