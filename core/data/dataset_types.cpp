#include "data/dataset_types.h"

namespace tl {

const char* splitName(Split split)
{
    switch (split) {
    case Split::Train: return "train";
    case Split::Val: return "val";
    case Split::Test: return "test";
    }
    return "train";
}

int64_t ClassificationIndex::count(Split split) const
{
    int64_t n = 0;
    for (const ImageItem& item : items)
        n += item.split == split;
    return n;
}

std::vector<int64_t> ClassificationIndex::classCounts(Split split) const
{
    std::vector<int64_t> counts(classes.size(), 0);
    for (const ImageItem& item : items)
        if (item.split == split && item.label >= 0 && size_t(item.label) < counts.size())
            ++counts[size_t(item.label)];
    return counts;
}

std::vector<int64_t> ClassificationIndex::classCounts() const
{
    std::vector<int64_t> counts(classes.size(), 0);
    for (const ImageItem& item : items)
        if (item.label >= 0 && size_t(item.label) < counts.size())
            ++counts[size_t(item.label)];
    return counts;
}

int64_t SegmentationIndex::count(Split split) const
{
    int64_t n = 0;
    for (const SegmentationItem& item : items)
        n += item.split == split;
    return n;
}

}  // namespace tl
