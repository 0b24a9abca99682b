#include "weights/mapped_file.h"

#include "common/errors.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tl {

std::string baseName(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string MappedFile::name() const
{
    return baseName(m_path);
}

std::shared_ptr<const MappedFile> MappedFile::open(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw WeightsError(path + ": cannot open: " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw WeightsError(path + ": not a regular file");
    }
    std::shared_ptr<MappedFile> file(new MappedFile);
    file->m_path = path;
    file->m_size = static_cast<size_t>(st.st_size);
    if (file->m_size > 0) {
        void* p = ::mmap(nullptr, file->m_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            const int e = errno;
            ::close(fd);
            throw WeightsError(path + ": cannot map: " + std::strerror(e));
        }
        file->m_data = static_cast<const unsigned char*>(p);
    }
    ::close(fd);
    return file;
}

void MappedFile::dropPages(size_t offset, size_t length) const
{
    const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    if (offset > m_size || length > m_size - offset)
        return;
    // Only whole pages inside the range: the neighbours may still be needed.
    const size_t begin = (offset + page - 1) / page * page;
    const size_t end = (offset + length) / page * page;
    if (end > begin)
        ::madvise(const_cast<unsigned char*>(m_data) + begin, end - begin, MADV_DONTNEED);
}

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(const_cast<unsigned char*>(m_data), m_size);
}

}  // namespace tl
