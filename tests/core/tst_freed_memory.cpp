// Keeping freed memory for reuse: a second round of the same large allocations, after the first
// round was freed, must not take page faults again once retainFreedMemory() is in force.
#include "common/freed_memory.h"

#include <QtTest>

#include <sys/resource.h>

#include <cstdlib>
#include <cstring>
#include <vector>

class TestFreedMemory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aSecondRoundOfLargeBlocksReusesTheFirstRoundsPages();
};

namespace {

long minorFaults()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

// What a training step does to memory: activations of a few to a hundred MB, all written, all
// freed at the end of the step. Returns the page faults the round took.
long stepLikeRound()
{
    constexpr size_t MB = size_t(1) << 20;
    const std::vector<size_t> sizes{100 * MB, 25 * MB, 6 * MB, 6 * MB, 12 * MB, 3 * MB, 40 * MB, 1 * MB};
    const long before = minorFaults();
    std::vector<void*> blocks;
    for (size_t size : sizes) {
        void* block = std::malloc(size);
        std::memset(block, 1, size);
        blocks.push_back(block);
    }
    for (void* block : blocks)
        std::free(block);
    return minorFaults() - before;
}

}  // namespace

void TestFreedMemory::aSecondRoundOfLargeBlocksReusesTheFirstRoundsPages()
{
    stepLikeRound();
    const long byDefault = stepLikeRound();
    // 193 MB written: the C library's default maps the large blocks afresh every round.
    QVERIFY2(byDefault > 20000, qPrintable(QString::number(byDefault)));

    QVERIFY(tl::retainFreedMemory());
    QVERIFY(tl::retainFreedMemory());  // calling again changes nothing
    stepLikeRound();
    const long retained = stepLikeRound();
    QVERIFY2(retained < byDefault / 100, qPrintable(QString("%1 faults, %2 by default").arg(retained).arg(byDefault)));
}

QTEST_GUILESS_MAIN(TestFreedMemory)
#include "tst_freed_memory.moc"
