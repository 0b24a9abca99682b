#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace tl {

/// SHA-256 (FIPS 180-4). Written out because checking a hub file's name is the core's only use
/// of a hash, which does not justify a link dependency on a crypto library.
class Sha256 {
public:
    Sha256();
    void update(const void* data, size_t size);
    /// The digest as 64 lower-case hex digits; the object is spent afterwards.
    std::string hexDigest();

private:
    void block(const unsigned char* p);
    uint32_t m_state[8];
    unsigned char m_buffer[64];
    size_t m_buffered = 0;
    uint64_t m_length = 0;
};

/// The SHA-256 of a whole file as hex; throws WeightsError when it cannot be read.
std::string sha256OfFile(const std::string& path);

}  // namespace tl
