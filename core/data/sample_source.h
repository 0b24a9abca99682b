#pragma once

#include "data/dataset_types.h"
#include "data/image_decoder.h"
#include "data/transforms.h"

#include <string>
#include <vector>

namespace tl {

/// The decoded samples of one split, by position; what the loader draws from.
class SampleSource {
public:
    virtual ~SampleSource() = default;
    virtual size_t size() const = 0;
    virtual std::string path(size_t index) const = 0;
    /// Reads and decodes one sample; throws DataError ("path: reason") for a bad file.
    virtual Sample load(size_t index) const = 0;
    virtual bool hasMasks() const { return false; }
};

/// One split of a classification dataset.
class ImageFolderSource final : public SampleSource {
public:
    ImageFolderSource(const ClassificationIndex& index, Split split, const DecodeOptions& options = {});
    size_t size() const override { return m_items.size(); }
    std::string path(size_t index) const override { return m_items.at(index).path.string(); }
    Sample load(size_t index) const override;
    int64_t label(size_t index) const { return m_items.at(index).label; }

private:
    std::vector<ImageItem> m_items;
    DecodeOptions m_options;
};

/// One split of a segmentation dataset: the image and its class-index mask.
class SegmentationSource final : public SampleSource {
public:
    SegmentationSource(const SegmentationIndex& index, Split split, const DecodeOptions& options = {});
    size_t size() const override { return m_items.size(); }
    std::string path(size_t index) const override { return m_items.at(index).image.string(); }
    Sample load(size_t index) const override;
    bool hasMasks() const override { return true; }

private:
    std::vector<SegmentationItem> m_items;
    DecodeOptions m_options;
};

}  // namespace tl
