#pragma once

#include "train/grad_cam.h"

#include <torch/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace tl {

class GraphModule;
class TransformPipeline;

/// One class of a prediction.
struct ClassScore {
    int64_t index = 0;
    std::string name;
    double probability = 0.0;
};

struct Prediction {
    std::vector<float> logits;
    std::vector<ClassScore> top;
    /// Grad-CAM of the top class in the image's own pixels (scaled down to at most
    /// RunPredictor::kMaxMapSide on the longer side), zero where the centre crop cut the image;
    /// empty unless asked for.
    ClassActivationMap heat;
    std::string heatProblem;  // why there is no heat map although one was asked for
};

/// A per-pixel class map, row by row; -1 marks unlabelled pixels of a ground-truth mask.
struct LabelMap {
    int height = 0;
    int width = 0;
    std::vector<int32_t> labels;
};

/// An image of a segmentation dataset and its ground-truth mask.
struct SegmentationPair {
    std::filesystem::path image;
    std::filesystem::path mask;
};

/// Runs the trained model of a run folder on new images, preparing each image as that run's
/// validation did (its input size, channels and normalisation). Classification runs name their
/// classes by the class folders; segmentation runs by the dataset's classes.txt (one name a line)
/// where there is one, else "class 0", "class 1", ...
class RunPredictor {
public:
    /// Largest side of the maps returned, so a huge photo does not produce a huge map.
    static constexpr int kMaxMapSide = 1024;

    /// Throws Error naming the folder when it has no finished model or no readable experiment.
    explicit RunPredictor(const std::filesystem::path& runDir);
    ~RunPredictor();

    /// Classifies an image; with `withHeatMap` also computes Grad-CAM of the top class.
    /// Throws for a segmentation run.
    Prediction predict(const std::filesystem::path& image, int64_t topK = 5, bool withHeatMap = false) const;

    /// The most likely class of every pixel, at the image's size (at most kMaxMapSide on a side).
    /// Throws for a classification run.
    LabelMap predictMask(const std::filesystem::path& image) const;
    /// A ground-truth mask as class indices resized (nearest) to height x width.
    LabelMap readMask(const std::filesystem::path& mask, int height, int width) const;
    /// The validation pairs of a segmentation run's split, in the dataset's order.
    std::vector<SegmentationPair> validationPairs() const;

    bool segmentation() const { return m_segmentation; }
    const std::string& arch() const { return m_arch; }
    const std::vector<std::string>& classes() const { return m_classes; }

private:
    std::filesystem::path m_runDir;
    std::string m_arch;
    std::string m_dataRoot;
    bool m_segmentation = false;
    std::vector<std::string> m_classes;
    int m_channels = 3;
    int m_size = 224;
    bool m_randomCrops = true;  // trained with RandomResizedCrop: evaluated at size / 0.875, then cropped
    std::shared_ptr<GraphModule> m_model;
    std::unique_ptr<TransformPipeline> m_pipeline;
};

}  // namespace tl
