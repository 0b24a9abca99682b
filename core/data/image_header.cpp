#include "data/image_header.h"

#include <cctype>

namespace tl {

namespace {

uint32_t be16(std::string_view b, size_t at) { return (uint8_t(b[at]) << 8) | uint8_t(b[at + 1]); }
uint32_t be32(std::string_view b, size_t at) { return (be16(b, at) << 16) | be16(b, at + 2); }
uint32_t le16(std::string_view b, size_t at) { return uint8_t(b[at]) | (uint8_t(b[at + 1]) << 8); }
uint32_t le32(std::string_view b, size_t at) { return le16(b, at) | (le16(b, at + 2) << 16); }

bool startsWith(std::string_view b, std::string_view prefix) { return b.substr(0, prefix.size()) == prefix; }

bool isStartOfFrame(uint8_t marker)
{
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

/// Walks the JPEG markers up to the first scan; sets sos to the offset of the first SOS marker.
bool walkJpeg(std::string_view b, ImageHeader* header, size_t& sos, std::string& reason)
{
    size_t pos = 2;
    bool frame = false;
    while (true) {
        while (pos < b.size() && uint8_t(b[pos]) != 0xFF)
            ++pos;  // tolerate junk between segments, as libjpeg does with a warning
        while (pos < b.size() && uint8_t(b[pos]) == 0xFF)
            ++pos;
        if (pos >= b.size()) {
            reason = "JPEG ends before its image data";
            return false;
        }
        const uint8_t marker = uint8_t(b[pos++]);
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue;
        if (marker == 0xD9) {
            reason = "JPEG ends before its image data";
            return false;
        }
        if (pos + 2 > b.size()) {
            reason = "JPEG header is cut short";
            return false;
        }
        const size_t length = be16(b, pos);
        if (length < 2 || pos + length > b.size()) {
            reason = "JPEG header is cut short";
            return false;
        }
        if (isStartOfFrame(marker) && length >= 8) {
            frame = true;
            if (header) {
                header->bitDepth = uint8_t(b[pos + 2]);
                header->height = be16(b, pos + 3);
                header->width = be16(b, pos + 5);
                header->channels = uint8_t(b[pos + 7]);
            }
        } else if (marker == 0xDA) {
            if (!frame) {
                reason = "JPEG has image data before its frame header";
                return false;
            }
            sos = pos - 2;
            if (header)
                header->cmyk = header->channels == 4;  // CMYK or YCCK; the decoder converts both
            return true;
        }
        pos += length;
    }
}

bool probePng(std::string_view b, ImageHeader& h, std::string& reason)
{
    if (b.size() < 33 || b.substr(12, 4) != "IHDR") {
        reason = "PNG header is cut short or has no IHDR chunk";
        return false;
    }
    h.width = be32(b, 16);
    h.height = be32(b, 20);
    h.bitDepth = uint8_t(b[24]);
    switch (uint8_t(b[25])) {
    case 0: h.channels = 1; break;
    case 2: h.channels = 3; break;
    case 3: h.channels = 3; h.palette = true; break;
    case 4: h.channels = 2; break;
    case 6: h.channels = 4; break;
    default: reason = "PNG has an invalid colour type"; return false;
    }
    return true;
}

bool probeBmp(std::string_view b, ImageHeader& h, std::string& reason)
{
    if (b.size() < 26) {
        reason = "BMP header is cut short";
        return false;
    }
    const uint32_t dib = le32(b, 14);
    if (dib == 12) {
        h.width = le16(b, 18);
        h.height = le16(b, 20);
        h.bitDepth = le16(b, 24);
    } else if (dib >= 40 && b.size() >= 30) {
        h.width = static_cast<int32_t>(le32(b, 18));
        const int32_t height = static_cast<int32_t>(le32(b, 22));
        h.height = height < 0 ? -int64_t(height) : height;  // negative: stored top-down
        h.bitDepth = le16(b, 28);
    } else {
        reason = "BMP header is cut short or of an unknown version";
        return false;
    }
    h.palette = h.bitDepth <= 8;
    h.channels = h.bitDepth == 32 ? 4 : 3;
    h.bitDepth = 8;
    return true;
}

bool probeWebp(std::string_view b, ImageHeader& h, std::string& reason)
{
    h.bitDepth = 8;
    h.channels = 3;
    const std::string_view chunk = b.substr(12, 4);
    if (chunk == "VP8X" && b.size() >= 30) {
        h.channels = (uint8_t(b[20]) & 0x10) ? 4 : 3;
        h.width = 1 + (le32(b, 24) & 0xFFFFFF);
        h.height = 1 + (le32(b, 27) & 0xFFFFFF);
        return true;
    }
    if (chunk == "VP8 " && b.size() >= 30 && be16(b, 23) == 0x9D01 && uint8_t(b[25]) == 0x2A) {
        h.width = le16(b, 26) & 0x3FFF;
        h.height = le16(b, 28) & 0x3FFF;
        return true;
    }
    if (chunk == "VP8L" && b.size() >= 25 && uint8_t(b[20]) == 0x2F) {
        const uint32_t bits = le32(b, 21);
        h.width = 1 + (bits & 0x3FFF);
        h.height = 1 + ((bits >> 14) & 0x3FFF);
        h.channels = (bits >> 28) & 1 ? 4 : 3;
        return true;
    }
    reason = "WebP header is cut short or unknown";
    return false;
}

bool probeTiff(std::string_view b, ImageHeader& h, std::string& reason)
{
    const bool little = b[0] == 'I';
    auto u16 = [&](size_t at) { return little ? le16(b, at) : be16(b, at); };
    auto u32 = [&](size_t at) { return little ? le32(b, at) : be32(b, at); };
    const size_t ifd = u32(4);
    if (ifd < 8 || ifd + 2 > b.size()) {
        reason = "TIFF directory lies outside the file";
        return false;
    }
    const size_t entries = u16(ifd);
    h.channels = 1;
    h.bitDepth = 1;
    for (size_t i = 0; i < entries && ifd + 2 + 12 * (i + 1) <= b.size(); ++i) {
        const size_t e = ifd + 2 + 12 * i;
        const uint32_t tag = u16(e);
        const uint32_t type = u16(e + 2);
        const uint32_t count = u32(e + 4);
        const uint32_t value = type == 3 ? u16(e + 8) : u32(e + 8);
        if (tag == 256)
            h.width = value;
        else if (tag == 257)
            h.height = value;
        else if (tag == 258)
            h.bitDepth = count == 1 ? int(value) : (u32(e + 8) + 2 <= b.size() ? int(u16(u32(e + 8))) : 8);
        else if (tag == 277)
            h.channels = int(value);
        else if (tag == 262) {
            h.palette = value == 3;
            h.cmyk = value == 5;
        }
    }
    if (h.width <= 0 || h.height <= 0) {
        reason = "TIFF directory has no image size";
        return false;
    }
    return true;
}

bool probePnm(std::string_view b, ImageHeader& h, std::string& reason)
{
    const char kind = b[1];
    int64_t values[3] = {0, 0, 1};
    const int needed = (kind == '1' || kind == '4') ? 2 : 3;
    size_t pos = 2;
    for (int v = 0; v < needed; ++v) {
        while (pos < b.size() && (std::isspace(uint8_t(b[pos])) || b[pos] == '#')) {
            if (b[pos] == '#')
                while (pos < b.size() && b[pos] != '\n')
                    ++pos;
            else
                ++pos;
        }
        int64_t n = 0;
        const size_t start = pos;
        while (pos < b.size() && std::isdigit(uint8_t(b[pos])) && n < (int64_t(1) << 40))
            n = n * 10 + (b[pos++] - '0');
        if (pos == start) {
            reason = "PNM header is cut short";
            return false;
        }
        values[v] = n;
    }
    h.width = values[0];
    h.height = values[1];
    h.channels = (kind == '3' || kind == '6') ? 3 : 1;
    h.bitDepth = values[2] > 255 ? 16 : 8;
    return true;
}

}  // namespace

const char* formatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg: return "JPEG";
    case ImageFormat::Png: return "PNG";
    case ImageFormat::Bmp: return "BMP";
    case ImageFormat::Webp: return "WebP";
    case ImageFormat::Tiff: return "TIFF";
    case ImageFormat::Pnm: return "PNM";
    case ImageFormat::Unknown: break;
    }
    return "unknown";
}

bool probeImageHeader(std::string_view b, ImageHeader& h, std::string& reason)
{
    h = ImageHeader{};
    bool ok = false;
    if (b.empty()) {
        reason = "empty file";
        return false;
    }
    if (b.size() >= 3 && uint8_t(b[0]) == 0xFF && uint8_t(b[1]) == 0xD8 && uint8_t(b[2]) == 0xFF) {
        h.format = ImageFormat::Jpeg;
        size_t sos = 0;
        ok = walkJpeg(b, &h, sos, reason);
    } else if (startsWith(b, std::string_view("\x89PNG\r\n\x1a\n", 8))) {
        h.format = ImageFormat::Png;
        ok = probePng(b, h, reason);
    } else if (startsWith(b, "BM")) {
        h.format = ImageFormat::Bmp;
        ok = probeBmp(b, h, reason);
    } else if (b.size() >= 16 && startsWith(b, "RIFF") && b.substr(8, 4) == "WEBP") {
        h.format = ImageFormat::Webp;
        ok = probeWebp(b, h, reason);
    } else if (b.size() >= 8 && (startsWith(b, std::string_view("II*\0", 4)) || startsWith(b, std::string_view("MM\0*", 4)))) {
        h.format = ImageFormat::Tiff;
        ok = probeTiff(b, h, reason);
    } else if (b.size() >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6' && std::isspace(uint8_t(b[2]))) {
        h.format = ImageFormat::Pnm;
        ok = probePnm(b, h, reason);
    } else {
        reason = "not an image (unknown signature)";
        return false;
    }
    if (ok && (h.width <= 0 || h.height <= 0)) {
        reason = std::string(formatName(h.format)) + " header gives an empty size";
        return false;
    }
    return ok;
}

bool checkImageComplete(std::string_view b, ImageFormat format, std::string& reason)
{
    if (format == ImageFormat::Jpeg) {
        size_t sos = 0;
        if (!walkJpeg(b, nullptr, sos, reason))
            return false;
        // Entropy-coded data stuffs every 0xFF with 0x00, so an EOI after the first scan can only be
        // the real end; bytes some cameras append after it are allowed.
        for (size_t i = b.size(); i >= sos + 2 && i >= 2; --i)
            if (uint8_t(b[i - 2]) == 0xFF && uint8_t(b[i - 1]) == 0xD9)
                return true;
        reason = "truncated JPEG (no end-of-image marker)";
        return false;
    }
    if (format == ImageFormat::Png) {
        size_t pos = 8;
        while (pos + 12 <= b.size()) {
            const uint64_t length = be32(b, pos);
            if (b.substr(pos + 4, 4) == "IEND")
                return true;
            pos += 12 + length;
        }
        reason = "truncated PNG (no IEND chunk)";
        return false;
    }
    return true;
}

}  // namespace tl
