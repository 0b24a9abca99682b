#pragma once

#include <torch/types.h>

#include <string>
#include <vector>

namespace tl {

class GraphModule;

/// Runs the fixed part of a network (evaluation-mode BatchNorm, no dropout in play) for
/// inference only, faster than the module does: each BatchNorm that only follows a convolution is
/// folded into that convolution's weights and bias, and on the CPU the activations of a network
/// built from convolutions, BatchNorm, ReLU, pooling and sums alone (ResNet, VGG, AlexNet) stay in
/// oneDNN's blocked layout from one layer to the next instead of being reordered to and from it
/// around every convolution. Outputs equal the module's to float rounding. The folded weights are
/// copies taken at construction, so build a new one after the weights change.
class FoldedInference {
public:
    /// `nodes`: one flag per node of the model's spec that may run, holding everything the
    /// `outputs` (node ids to return) depend on back to the network input; only that part runs. Throws InvalidArgument when a chosen BatchNorm
    /// is in training mode (its output would depend on the batch).
    FoldedInference(GraphModule& model, const std::vector<bool>& nodes, std::vector<std::string> outputs);
    ~FoldedInference();
    FoldedInference(const FoldedInference&) = delete;
    FoldedInference& operator=(const FoldedInference&) = delete;

    /// The outputs, in the order asked for, as ordinary dense tensors without gradient history.
    std::vector<torch::Tensor> run(const torch::Tensor& input) const;

    /// The node ids run() returns, in its order.
    const std::vector<std::string>& outputs() const { return m_outputIds; }
    int foldedBatchNorms() const { return m_folded; }
    /// Whether activations travel in oneDNN's layout (CPU float32, oneDNN available, and no other
    /// operation between two convolutions).
    bool blockedLayout() const { return m_blocked; }

private:
    struct Step;
    GraphModule& m_model;
    std::vector<Step> m_steps;
    std::vector<std::string> m_outputIds;
    std::vector<int> m_outputs;  // node index per output
    int m_inputNode = 0;
    int m_folded = 0;
    bool m_blocked = false;
};

}  // namespace tl
