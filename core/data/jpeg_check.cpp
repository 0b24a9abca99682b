#include "data/image_header.h"

#include <csetjmp>
#include <cstdio>
#include <vector>

#include <jpeglib.h>
#include <jerror.h>

namespace tl {

namespace {

struct CheckingErrorManager {
    jpeg_error_mgr base;
    std::jmp_buf jump;
    int corruptWarnings = 0;
    char message[JMSG_LENGTH_MAX] = {};
};

void onError(j_common_ptr info)
{
    auto* manager = reinterpret_cast<CheckingErrorManager*>(info->err);
    info->err->format_message(info, manager->message);
    std::longjmp(manager->jump, 1);
}

void onMessage(j_common_ptr info, int level)
{
    if (level != -1)
        return;  // trace messages
    auto* manager = reinterpret_cast<CheckingErrorManager*>(info->err);
    const int code = info->err->msg_code;
    // Warnings about damaged entropy-coded data: libjpeg fills the damage with grey and carries
    // on. Extraneous bytes before a marker or odd JFIF versions are common and harmless.
    if (code == JWRN_HIT_MARKER || code == JWRN_HUFF_BAD_CODE || code == JWRN_JPEG_EOF || code == JWRN_MUST_RESYNC ||
        code == JWRN_ARITH_BAD_CODE || code == JWRN_BOGUS_PROGRESSION) {
        if (manager->corruptWarnings++ == 0)
            info->err->format_message(info, manager->message);
    }
}

}  // namespace

bool checkJpegData(std::string_view bytes, std::string& reason)
{
    jpeg_decompress_struct info{};
    CheckingErrorManager manager;
    info.err = jpeg_std_error(&manager.base);
    manager.base.error_exit = onError;
    manager.base.emit_message = onMessage;
    std::vector<JSAMPLE> row;
    if (setjmp(manager.jump)) {
        jpeg_destroy_decompress(&info);
        reason = std::string("corrupt JPEG (") + manager.message + ")";
        return false;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    // Every Huffman code is still decoded at 1/8 scale, but the inverse DCT and colour work shrink.
    info.scale_num = 1;
    info.scale_denom = 8;
    info.dct_method = JDCT_IFAST;
    info.do_fancy_upsampling = FALSE;
    jpeg_start_decompress(&info);
    row.resize(size_t(info.output_width) * size_t(info.output_components));
    JSAMPROW rows[1] = {row.data()};
    while (info.output_scanline < info.output_height && manager.corruptWarnings == 0)
        jpeg_read_scanlines(&info, rows, 1);
    if (manager.corruptWarnings == 0)
        jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    if (manager.corruptWarnings > 0) {
        reason = std::string("corrupt JPEG (") + manager.message + ")";
        return false;
    }
    return true;
}

}  // namespace tl
