#pragma once

namespace tl {

/// Makes the C library keep the memory of freed large blocks inside the process for reuse,
/// instead of handing it back to the kernel at every free and taking it again, page fault by
/// page fault, at the next allocation. A training step allocates and frees the same activation
/// tensors (tens of MB each) again and again; by default glibc maps each one afresh, which costs
/// a page fault per 4 KB and showed up as about a tenth of a ResNet-18 step on two cores. The
/// price is that the process keeps its peak heap until it exits. Safe to call more than once;
/// does nothing outside glibc. Returns whether the setting took effect.
bool retainFreedMemory();

}  // namespace tl
