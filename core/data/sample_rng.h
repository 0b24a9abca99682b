#pragma once

#include <cmath>
#include <cstdint>
#include <utility>

namespace tl {

/// A small random generator whose stream is fixed by (seed, epoch, index) alone, so shuffling and
/// augmentation are the same whichever thread handles a sample and on every standard library.
/// std::uniform_*_distribution is implementation-defined, hence the own conversions below.
class SampleRng {
public:
    explicit SampleRng(uint64_t seed, uint64_t epoch = 0, uint64_t index = 0)
        : m_state(mix(mix(mix(seed) ^ (epoch + 0x632BE59BD9B4E019ull)) ^ (index + 0x8CB92BA72F3D8DD7ull)))
    {
    }

    /// splitmix64 (Steele, Lea, Flood 2014): one add and a finaliser per draw, good enough statistics.
    uint64_t next()
    {
        m_state += 0x9E3779B97F4A7C15ull;
        return mix(m_state);
    }

    /// Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }

    /// Uniform integer in [0, n), n > 0, by Lemire's multiply-shift (bias below 2^-64 * n).
    uint64_t below(uint64_t n) { return static_cast<uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64); }

    /// Uniform integer in [low, high] inclusive.
    int64_t between(int64_t low, int64_t high)
    {
        return low + static_cast<int64_t>(below(static_cast<uint64_t>(high - low) + 1));
    }

    bool chance(double p) { return uniform() < p; }

private:
    static uint64_t mix(uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    uint64_t m_state;
};

/// Fisher-Yates with SampleRng, so a seeded shuffle is identical everywhere (std::shuffle is not).
template <typename Container>
void seededShuffle(Container& items, SampleRng& rng)
{
    for (size_t i = items.size(); i > 1; --i) {
        const size_t j = static_cast<size_t>(rng.below(i));
        std::swap(items[i - 1], items[j]);
    }
}

}  // namespace tl
