#include "common/openmp_wait.h"

#include <cctype>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace tl {

void restartWithPassiveOpenMpWaiting(char** argv)
{
    if (std::getenv("OMP_WAIT_POLICY") || !argv || !argv[0])
        return;
    if (setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    // Still here: the restart failed. Carry on with the policy the process already has, and say
    // so truthfully to anyone who asks.
    unsetenv("OMP_WAIT_POLICY");
}

const char* openMpWaitPolicy()
{
    static const std::string policy = [] {
        const char* value = std::getenv("OMP_WAIT_POLICY");
        if (!value)
            return std::string("default");
        std::string lower(value);
        for (char& c : lower)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        return lower;
    }();
    return policy.c_str();
}

}  // namespace tl
