#pragma once

#include <algorithm>
#include <vector>

namespace tl::bench {

/// The middle value (the mean of the middle two for an even count); benchmarks report medians
/// because single timings on a shared machine carry outliers.
inline double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    if (n == 0)
        return 0.0;
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

}  // namespace tl::bench
