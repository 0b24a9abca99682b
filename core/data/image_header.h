#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tl {

enum class ImageFormat { Unknown, Jpeg, Png, Bmp, Webp, Tiff, Pnm };

/// What an image's header says, read without decoding any pixel.
struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    int64_t width = 0;
    int64_t height = 0;
    int channels = 0;  // as stored: 1 gray, 2 gray+alpha, 3 colour, 4 colour+alpha or CMYK; 0 unknown
    int bitDepth = 0;  // per channel; 0 unknown
    bool palette = false;
    bool cmyk = false;
};

const char* formatName(ImageFormat format);

/// Reads the format, dimensions and channels from the first bytes of an encoded image. Returns
/// false with a reason when the bytes are no image this program can decode or the header is cut.
bool probeImageHeader(std::string_view bytes, ImageHeader& header, std::string& reason);

/// Checks that an encoded image is complete. Decoders do not always say so: libjpeg only warns
/// on a truncated stream and fills the rest with grey, which OpenCV returns as a valid image.
/// So a JPEG must carry its end-of-image marker after the first scan and a PNG must reach its
/// IEND chunk; other formats rely on their decoder failing.
bool checkImageComplete(std::string_view bytes, ImageFormat format, std::string& reason);

/// Decodes a JPEG's entropy-coded data (at 1/8 scale, cheaply) with libjpeg and refuses it on any
/// warning about damaged data, which OpenCV's decoder swallows, returning grey blocks instead.
bool checkJpegData(std::string_view bytes, std::string& reason);

}  // namespace tl
