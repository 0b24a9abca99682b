#include "common/freed_memory.h"

#include <cstdlib>  // defines __GLIBC__ where glibc is the C library

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tl {

bool retainFreedMemory()
{
#if defined(__GLIBC__)
    // Blocks up to 1 GiB come from the heap rather than from their own mapping, and the heap's top
    // is never trimmed (-1 disables trimming, see mallopt(3)); both together let the next step
    // reuse pages that are already mapped.
    constexpr int kLargestHeapBlock = 1 << 30;
    const bool threshold = mallopt(M_MMAP_THRESHOLD, kLargestHeapBlock) == 1;
    const bool trim = mallopt(M_TRIM_THRESHOLD, -1) == 1;
    return threshold && trim;
#else
    return false;
#endif
}

}  // namespace tl
