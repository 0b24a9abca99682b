#include "data/folder_walker.h"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace fs = std::filesystem;

namespace tl {

namespace {

constexpr int maxDepth = 64;  // beyond any real dataset; guards against pathological trees

bool isWithin(const fs::path& child, const fs::path& parent)
{
    auto c = child.begin();
    for (auto p = parent.begin(); p != parent.end(); ++p, ++c)
        if (c == child.end() || *c != *p)
            return false;
    return true;
}

}  // namespace

bool FolderWalker::hasImageExtension(const fs::path& path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    static const char* const known[] = {".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp"};
    for (const char* k : known)
        if (ext == k)
            return true;
    return false;
}

bool FolderWalker::isHidden(const fs::path& path)
{
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

std::vector<fs::path> FolderWalker::subfolders(const fs::path& dir)
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (isHidden(it->path())) {
            ++m_hidden;
            continue;
        }
        std::error_code typeError;
        if (it->is_directory(typeError))
            out.push_back(it->path());
    }
    // UTF-8 byte order is code point order, which is how Python sorts the class names.
    std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
        return a.filename().string() < b.filename().string();
    });
    return out;
}

std::vector<fs::path> FolderWalker::images(const fs::path& dir, std::vector<SkippedFile>& skipped)
{
    std::vector<fs::path> out;
    walk(dir, out, skipped, 0);
    std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
        const std::string pa = a.parent_path().string();
        const std::string pb = b.parent_path().string();
        return pa != pb ? pa < pb : a.filename().string() < b.filename().string();
    });
    return out;
}

void FolderWalker::walk(const fs::path& dir, std::vector<fs::path>& out, std::vector<SkippedFile>& skipped, int depth)
{
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (ec) {
        skipped.push_back({dir.string(), "cannot resolve the folder: " + ec.message()});
        return;
    }
    if (!m_visited.insert(canonical).second) {
        skipped.push_back({dir.string(), "folder already listed (a symbolic link loop or a second link to it)"});
        return;
    }
    if (depth > maxDepth) {
        skipped.push_back({dir.string(), "folder nested too deeply"});
        return;
    }
    fs::directory_iterator it(dir, ec);
    if (ec) {
        skipped.push_back({dir.string(), "cannot list the folder: " + ec.message()});
        return;
    }
    for (fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec)
            break;
        const fs::path& path = it->path();
        if (isHidden(path)) {
            ++m_hidden;
            continue;
        }
        std::error_code typeError;
        const fs::file_status status = it->status(typeError);  // follows symbolic links
        if (typeError || status.type() == fs::file_type::not_found) {
            skipped.push_back({path.string(), it->is_symlink(typeError) ? "broken symbolic link" : "cannot read the file"});
            continue;
        }
        if (fs::is_directory(status)) {
            std::error_code linkError;
            if (it->is_symlink(linkError) && isWithin(canonical, fs::canonical(path, linkError))) {
                // A link to a folder that contains this one: following it would list this class
                // again, or the whole dataset as one class.
                skipped.push_back({path.string(), "symbolic link loop (links to a folder above it)"});
                continue;
            }
            walk(path, out, skipped, depth + 1);
            continue;
        }
        if (!fs::is_regular_file(status)) {
            skipped.push_back({path.string(), "not a regular file"});
            continue;
        }
        if (!hasImageExtension(path)) {
            skipped.push_back({path.string(), "not an image file extension"});
            continue;
        }
        std::error_code sizeError;
        if (fs::file_size(path, sizeError) == 0 && !sizeError) {
            skipped.push_back({path.string(), "empty file (0 bytes)"});
            continue;
        }
        out.push_back(path);
    }
    if (ec)
        skipped.push_back({dir.string(), "cannot list the folder: " + ec.message()});
}

}  // namespace tl
