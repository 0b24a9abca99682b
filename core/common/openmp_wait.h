#pragma once

namespace tl {

/// LibTorch's OpenMP threads spin for a while after each parallel region before they sleep.
/// On a machine whose cores are shared (image decoding threads, the window, other programs)
/// that spinning takes the cores from the work that needs them; measured here it made a linear
/// probe's first epoch 2.6 times slower. OpenMP reads its wait policy once, while the library
/// loads, before main() runs, so the only way to change it is to start again with
/// OMP_WAIT_POLICY=PASSIVE in the environment. This does that, unless the variable is already
/// set (by the user, who then decides, or by the restart itself). It returns only when no
/// restart happened or the restart failed, in which case the process goes on as it is.
void restartWithPassiveOpenMpWaiting(char** argv);

/// The OpenMP wait policy this process runs with, as set in its environment ("passive",
/// "active"), or "default" when unset.
const char* openMpWaitPolicy();

}  // namespace tl
