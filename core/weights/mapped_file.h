#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace tl {

/// A whole file mapped into memory, so readers take tensors straight from the page cache
/// instead of copying the file into a buffer first. The mapping is private copy-on-write: a
/// tensor viewing it may be changed in place without touching the file. Shared ownership lets
/// such tensors keep the mapping alive.
class MappedFile {
public:
    /// Throws WeightsError naming `path` when the file cannot be opened or mapped.
    static std::shared_ptr<const MappedFile> open(const std::string& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const unsigned char* data() const { return m_data; }
    size_t size() const { return m_size; }
    const std::string& path() const { return m_path; }
    /// The file name without its folder, for messages.
    std::string name() const;
    /// Gives the pages of a byte range back to the kernel once their bytes have been copied
    /// out, so a file read by copying costs its size in memory once, not twice; a later read
    /// faults them in again from the file. Only for ranges no tensor views and nothing wrote.
    void dropPages(size_t offset, size_t length) const;

private:
    MappedFile() = default;
    const unsigned char* m_data = nullptr;
    size_t m_size = 0;
    std::string m_path;
};

/// The file name part of a path.
std::string baseName(const std::string& path);

}  // namespace tl
