#pragma once

#include "train/confusion_matrix.h"
#include "train/run_folder.h"
#include "train/trainer.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace tl {

class GraphModule;

/// One epoch's validation as confusion.json holds it: the matrix (row = truth, column =
/// prediction), precision, recall, F1 and support per class, and the macro-averaged F1.
nlohmann::json confusionEntry(int epoch, const ConfusionMatrix& matrix, const std::vector<std::string>& classes);

/// Keeps a run folder's confusion.json: the last validated epoch and the best one, rewritten
/// atomically after every epoch. A resumed run keeps the best entry of the epochs it kept.
class ConfusionLog {
public:
    /// Reads an existing confusion.json, dropping entries of epochs after `keptEpochs`.
    ConfusionLog(const RunFolder& folder, std::vector<std::string> classes, int keptEpochs);

    void record(int epoch, const ConfusionMatrix& matrix, bool best);

private:
    const RunFolder& m_folder;
    std::vector<std::string> m_classes;
    nlohmann::json m_last;
    nlohmann::json m_best;
};

/// How the model saw one validation image.
struct SamplePrediction {
    int64_t index = 0;  // position in the validation split
    std::string path;
    int64_t target = 0;
    int64_t predicted = 0;
    double prob = 0.0;  // softmax probability of the predicted class
    double loss = 0.0;  // the sample's own cross-entropy (no smoothing, no class weights)
};

/// Runs `model` in eval mode over every batch of `data`; `pathOf` names a sample by its index.
std::vector<SamplePrediction> predictSamples(GraphModule& model, BatchStream& data, torch::Device device,
                                             const std::function<std::string(int64_t)>& pathOf);

/// Writes val_predictions.csv (index,path,target,predicted,prob,loss) atomically.
void writePredictions(const RunFolder& folder, const std::vector<SamplePrediction>& predictions);

}  // namespace tl
