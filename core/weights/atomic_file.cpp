#include "weights/atomic_file.h"

#include "common/errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace tl {

void writeFileAtomically(const std::string& path, const std::function<void(const ByteSink&)>& produce)
{
    std::vector<char> pattern(path.begin(), path.end());
    const char suffix[] = ".tmp-XXXXXX";
    pattern.insert(pattern.end(), suffix, suffix + sizeof suffix);  // with the terminating zero
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        throw WeightsError(path + ": cannot create a file there: " + std::strerror(errno));
    const std::string temporary(pattern.data());
    bool open = true;
    auto discard = [&] {
        if (open)
            ::close(fd);
        open = false;
        std::remove(temporary.c_str());
    };
    auto failWith = [&](const std::string& reason) {
        discard();
        throw WeightsError(path + ": " + reason);
    };
    ByteSink sink = [&](const void* data, size_t size) {
        const char* p = static_cast<const char*>(data);
        while (size > 0) {
            const ssize_t n = ::write(fd, p, size);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                failWith(std::string("write failed: ") + std::strerror(errno));
            p += n;
            size -= static_cast<size_t>(n);
        }
    };
    try {
        produce(sink);
    } catch (const WeightsError&) {
        discard();
        throw;
    } catch (const std::exception& e) {
        failWith(e.what());
    }
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0)
        failWith(std::string("flush failed: ") + std::strerror(errno));
    ::close(fd);
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int e = errno;
        std::remove(temporary.c_str());
        throw WeightsError(path + ": cannot replace the file: " + std::strerror(e));
    }
}

}  // namespace tl
