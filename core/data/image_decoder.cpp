#include "data/image_decoder.h"

#include "common/errors.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <unordered_map>

namespace tl {

namespace {

void checkHeader(std::string_view bytes, const DecodeOptions& options, ImageHeader& header)
{
    std::string reason;
    if (!probeImageHeader(bytes, header, reason))
        throw DataError(reason);
    if (header.width * header.height > options.maxPixels)
        throw DataError(std::to_string(header.width) + "x" + std::to_string(header.height) +
                        " pixels is above the limit of " + std::to_string(options.maxPixels) +
                        " (a decompression bomb or an image too large to train on)");
    if (!checkImageComplete(bytes, header.format, reason))
        throw DataError(reason);
    if (header.format == ImageFormat::Jpeg && !checkJpegData(bytes, reason))
        throw DataError(reason);
}

cv::Mat decodeWithOpenCv(std::string_view bytes, int flags, const ImageHeader& header, int reduce = 1)
{
    const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data()));
    cv::Mat image;
    try {
        image = cv::imdecode(buffer, flags);
    } catch (const cv::Exception& e) {
        throw DataError(std::string("corrupt ") + formatName(header.format) + " (" + e.err + ")");
    }
    if (image.empty())
        throw DataError(std::string("corrupt ") + formatName(header.format) + " (the decoder failed)");
    const int64_t w = (header.width + reduce - 1) / reduce;
    const int64_t h = (header.height + reduce - 1) / reduce;
    const bool asStored = image.cols == w && image.rows == h;
    const bool rotated = image.cols == h && image.rows == w;  // EXIF orientations 5-8
    if (!asStored && !rotated)
        throw DataError(std::string("corrupt ") + formatName(header.format) +
                        " (decoded size differs from its header)");
    return image;
}

cv::Mat toEightBit(const cv::Mat& image)
{
    if (image.depth() == CV_8U)
        return image;
    cv::Mat out;
    if (image.depth() == CV_16U)
        image.convertTo(out, CV_8U, 255.0 / 65535.0);
    else if (image.depth() == CV_32F || image.depth() == CV_64F)
        image.convertTo(out, CV_8U, 255.0);  // float images are taken as [0, 1]
    else
        throw DataError("unsupported sample type");
    return out;
}

/// The PLTE chunk of a PNG as packed BGR triples, index order.
std::vector<uint32_t> readPngPalette(std::string_view b)
{
    std::vector<uint32_t> palette;
    size_t pos = 8;
    while (pos + 12 <= b.size()) {
        const uint32_t length = (uint32_t(uint8_t(b[pos])) << 24) | (uint8_t(b[pos + 1]) << 16) |
                                (uint8_t(b[pos + 2]) << 8) | uint8_t(b[pos + 3]);
        if (b.substr(pos + 4, 4) == "PLTE" && pos + 8 + length <= b.size()) {
            for (uint32_t i = 0; i + 2 < length; i += 3) {
                const size_t at = pos + 8 + i;
                palette.push_back(uint8_t(b[at + 2]) | (uint8_t(b[at + 1]) << 8) | (uint32_t(uint8_t(b[at])) << 16));
            }
            break;
        }
        pos += 12 + size_t(length);
    }
    return palette;
}

/// OpenCV always expands palettes to colours; the class index is the palette index, so map each
/// colour back. Two indices with one colour cannot be told apart: that is reported, not guessed.
cv::Mat paletteIndices(const cv::Mat& colour, std::string_view bytes)
{
    const std::vector<uint32_t> palette = readPngPalette(bytes);
    std::unordered_map<uint32_t, int> index;
    std::unordered_map<uint32_t, bool> ambiguous;
    for (size_t i = 0; i < palette.size(); ++i)
        if (!index.emplace(palette[i], int(i)).second)
            ambiguous[palette[i]] = true;
    cv::Mat out(colour.rows, colour.cols, CV_8UC1);
    const int channels = colour.channels();
    for (int y = 0; y < colour.rows; ++y) {
        const uint8_t* in = colour.ptr<uint8_t>(y);
        uint8_t* o = out.ptr<uint8_t>(y);
        for (int x = 0; x < colour.cols; ++x, in += channels) {
            const uint32_t key = in[0] | (in[1] << 8) | (uint32_t(in[2]) << 16);
            const auto found = index.find(key);
            if (found == index.end())
                throw DataError("palette mask holds a colour missing from its palette");
            if (ambiguous.count(key))
                throw DataError("palette mask uses a colour listed twice in its palette; class index ambiguous");
            o[x] = static_cast<uint8_t>(found->second);
        }
    }
    return out;
}

}  // namespace

std::string describeFailure(const std::filesystem::path& path, const std::string& reason)
{
    return path.string() + ": " + reason;
}

std::string readFileBytes(const std::filesystem::path& path, int64_t maxBytes)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        throw DataError(describeFailure(path, "cannot open the file"));
    const std::streamoff size = in.tellg();
    if (size < 0)
        throw DataError(describeFailure(path, "cannot read the file"));
    if (size > maxBytes)
        throw DataError(describeFailure(path, "file larger than " + std::to_string(maxBytes) + " bytes"));
    std::string bytes(static_cast<size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), size))
        throw DataError(describeFailure(path, "cannot read the file"));
    return bytes;
}

bool probeImageFile(const std::filesystem::path& path, ImageHeader& header, std::string& reason)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        reason = "cannot open the file";
        return false;
    }
    std::string head(64 * 1024, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(size_t(in.gcount()));
    if (probeImageHeader(head, header, reason))
        return true;
    if (head.size() < 64 * 1024)
        return false;
    try {
        return probeImageHeader(readFileBytes(path), header, reason);
    } catch (const DataError& e) {
        reason = e.what();
        return false;
    }
}

cv::Mat decodeImage(std::string_view bytes, const DecodeOptions& options)
{
    ImageHeader header;
    checkHeader(bytes, options, header);
    int flags = cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR;
    if (options.exif == ExifOrientation::Ignore)
        flags |= cv::IMREAD_IGNORE_ORIENTATION;
    const cv::Mat decoded = toEightBit(decodeWithOpenCv(bytes, flags, header));
    cv::Mat out;
    const int in = decoded.channels();
    if (in != 1 && in != 3 && in != 4)
        throw DataError("unsupported channel count " + std::to_string(in));
    if (options.channels == 1) {
        if (in == 1)
            out = decoded;
        else
            cv::cvtColor(decoded, out, in == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    } else {
        cv::cvtColor(decoded, out, in == 1 ? cv::COLOR_GRAY2RGB : (in == 4 ? cv::COLOR_BGRA2RGB : cv::COLOR_BGR2RGB));
    }
    return out.isContinuous() ? out : out.clone();
}

cv::Mat decodePreview(std::string_view bytes, int minSide, const DecodeOptions& options)
{
    ImageHeader header;
    checkHeader(bytes, options, header);
    int reduce = 1;
    if (header.format == ImageFormat::Jpeg)
        while (reduce < 8 && std::min(header.width, header.height) / (reduce * 2) >= minSide)
            reduce *= 2;
    static const int flags[] = {cv::IMREAD_GRAYSCALE, cv::IMREAD_REDUCED_GRAYSCALE_2, cv::IMREAD_REDUCED_GRAYSCALE_4,
                                cv::IMREAD_REDUCED_GRAYSCALE_8};
    const int flag = flags[reduce == 1 ? 0 : reduce == 2 ? 1 : reduce == 4 ? 2 : 3] |
                     (options.exif == ExifOrientation::Ignore ? cv::IMREAD_IGNORE_ORIENTATION : 0);
    return decodeWithOpenCv(bytes, flag, header, reduce);
}

cv::Mat loadImage(const std::filesystem::path& path, const DecodeOptions& options)
{
    const std::string bytes = readFileBytes(path, options.maxFileBytes);
    try {
        return decodeImage(bytes, options);
    } catch (const DataError& e) {
        throw DataError(describeFailure(path, e.what()));
    }
}

cv::Mat decodeMask(std::string_view bytes, const DecodeOptions& options)
{
    ImageHeader header;
    checkHeader(bytes, options, header);
    const cv::Mat decoded = decodeWithOpenCv(bytes, cv::IMREAD_UNCHANGED, header);
    if (header.format == ImageFormat::Png && header.palette)
        return paletteIndices(decoded, bytes);
    if (decoded.channels() == 1 && (decoded.depth() == CV_8U || decoded.depth() == CV_16U))
        return decoded;
    if (decoded.depth() == CV_8U && (decoded.channels() == 3 || decoded.channels() == 4)) {
        std::vector<cv::Mat> planes;
        cv::split(decoded, planes);
        if (cv::countNonZero(planes[0] != planes[1]) == 0 && cv::countNonZero(planes[0] != planes[2]) == 0)
            return planes[0].clone();
    }
    throw DataError("mask is a colour image; masks must hold class indices (grey or palette PNG)");
}

}  // namespace tl
