#pragma once

#include "data/image_header.h"

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace tl {

/// Whether the EXIF orientation tag of a JPEG is applied. Apply shows the photo as every image
/// viewer (and the dataset view) does; Ignore gives the stored pixels, as torchvision's PIL loader
/// does, for comparing with a model trained that way.
enum class ExifOrientation { Apply, Ignore };

struct DecodeOptions {
    int channels = 3;                   // 3: RGB, 1: one grey channel (for one-channel models)
    int64_t maxPixels = 100'000'000;    // checked from the header, before any pixel is decoded
    int64_t maxFileBytes = int64_t(1) << 30;
    ExifOrientation exif = ExifOrientation::Apply;
};

/// Reads a whole file through std::filesystem::path, so non-ASCII names work on every platform
/// (cv::imread takes a narrow char path). Throws DataError naming the file and the reason.
std::string readFileBytes(const std::filesystem::path& path, int64_t maxBytes = int64_t(1) << 30);

/// Decodes any supported image to contiguous 8-bit RGB (CV_8UC3) or grey (CV_8UC1): 16-bit is
/// scaled by 255/65535, alpha is dropped (as PIL's convert("RGB") does), palette and CMYK are
/// expanded by the codec. Throws DataError with the reason (no path; the caller knows it).
cv::Mat decodeImage(std::string_view bytes, const DecodeOptions& options = {});

/// A small grey decode for hashing and checks: JPEGs are decoded at 1/2, 1/4 or 1/8 scale (libjpeg
/// scales in the DCT, much faster) while the shorter side stays at least minSide. Same checks
/// and errors as decodeImage.
cv::Mat decodePreview(std::string_view bytes, int minSide, const DecodeOptions& options = {});

/// readFileBytes + decodeImage; the DataError message starts with the path.
cv::Mat loadImage(const std::filesystem::path& path, const DecodeOptions& options = {});

/// Decodes a segmentation mask of class indices to one channel, CV_8U or CV_16U: grey PNGs as
/// stored, palette PNGs as their palette indices (not colours), grey saved as equal RGB planes.
cv::Mat decodeMask(std::string_view bytes, const DecodeOptions& options = {});

/// Reads just enough of a file for probeImageHeader (a JPEG's frame header may follow a large
/// EXIF block, so a short read that cuts the header is retried with the whole file).
bool probeImageFile(const std::filesystem::path& path, ImageHeader& header, std::string& reason);

/// "path: reason", the one format of every skipped-file message.
std::string describeFailure(const std::filesystem::path& path, const std::string& reason);

}  // namespace tl
