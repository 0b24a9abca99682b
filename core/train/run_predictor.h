#pragma once

#include <torch/types.h>

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
};

/// Classifies images with the trained model of a run folder, preparing each image exactly as
/// that run's validation did (its input size, channels and normalisation) and naming classes
/// by the run's class folders.
class RunPredictor {
public:
    /// Throws Error naming the folder when it has no finished model or no readable experiment.
    explicit RunPredictor(const std::filesystem::path& runDir);
    ~RunPredictor();

    Prediction predict(const std::filesystem::path& image, int64_t topK = 5) const;

    const std::string& arch() const { return m_arch; }
    const std::vector<std::string>& classes() const { return m_classes; }

private:
    std::string m_arch;
    std::vector<std::string> m_classes;
    int m_channels = 3;
    std::shared_ptr<GraphModule> m_model;
    std::unique_ptr<TransformPipeline> m_pipeline;
};

}  // namespace tl
