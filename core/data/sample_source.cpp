#include "data/sample_source.h"

#include "common/errors.h"

namespace tl {

ImageFolderSource::ImageFolderSource(const ClassificationIndex& index, Split split, const DecodeOptions& options)
    : m_options(options)
{
    for (const ImageItem& item : index.items)
        if (item.split == split)
            m_items.push_back(item);
}

Sample ImageFolderSource::load(size_t index) const
{
    const ImageItem& item = m_items.at(index);
    Sample sample;
    sample.image = loadImage(item.path, m_options);
    sample.label = item.label;
    return sample;
}

SegmentationSource::SegmentationSource(const SegmentationIndex& index, Split split, const DecodeOptions& options)
    : m_options(options)
{
    for (const SegmentationItem& item : index.items)
        if (item.split == split)
            m_items.push_back(item);
}

Sample SegmentationSource::load(size_t index) const
{
    const SegmentationItem& item = m_items.at(index);
    Sample sample;
    sample.image = loadImage(item.image, m_options);
    const std::string bytes = readFileBytes(item.mask, m_options.maxFileBytes);
    try {
        sample.mask = decodeMask(bytes, m_options);
    } catch (const DataError& e) {
        throw DataError(describeFailure(item.mask, e.what()));
    }
    if (sample.mask.size() != sample.image.size())
        throw DataError(describeFailure(item.mask, "mask size differs from its image"));
    return sample;
}

}  // namespace tl
