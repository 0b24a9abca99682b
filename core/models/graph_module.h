#pragma once

#include "graph/arch_spec.h"

#include <torch/nn/module.h>
#include <torch/types.h>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace tl {

/// Runs any ArchSpec as a torch::nn::Module. Layers are registered under the node ids, so
/// named_parameters() and the state_dict use torchvision's names. Execution follows the DAG and
/// frees every intermediate tensor right after its last consumer; it can stop at any node, keep
/// any node's activation, or start from tensors given for a cut through the graph.
class GraphModule : public torch::nn::Module {
public:
    explicit GraphModule(ArchSpec spec);
    ~GraphModule() override;

    const ArchSpec& spec() const { return m_spec; }

    /// The main output; auxiliary heads are not computed.
    torch::Tensor forward(const torch::Tensor& input);

    /// The main output followed by each auxiliary output (GoogLeNet's aux1, aux2).
    std::vector<torch::Tensor> forwardWithAux(const torch::Tensor& input);

    /// Computes only what `fetch` needs and returns those node outputs in the same order.
    std::vector<torch::Tensor> run(const torch::Tensor& input, const std::vector<std::string>& fetch);

    /// As run(), but the outputs of the nodes named in `feeds` are given instead of computed
    /// (a cut through the graph, e.g. cached features); the network input may be absent then.
    std::vector<torch::Tensor> runFrom(const std::map<std::string, torch::Tensor>& feeds,
                                       const std::vector<std::string>& fetch);

    /// One node's output computed from the given input values, which are left unchanged; for
    /// callers that walk the graph their own way. Layers run in the module's current mode.
    torch::Tensor evaluateNode(const std::string& id, const std::vector<torch::Tensor>& inputs);

    /// Most intermediate tensors held at once during the last run: shows that tensors are freed
    /// after their last consumer instead of living until the end of the pass.
    int lastPeakLiveTensors() const { return m_lastPeakLive; }

    /// The layer module of a node, or nullptr for parameter-free nodes.
    std::shared_ptr<torch::nn::Module> layer(const std::string& nodeId) const;

    /// Re-initialises every layer by the family's scheme (ArchSpec::init), as its reference
    /// implementation starts a network from scratch; BatchNorm statistics start afresh too.
    void resetParameters();
    /// Re-initialises one layer by the family's scheme (a new output head); nothing for a node
    /// without parameters.
    void resetLayer(const std::string& nodeId);

private:
    struct Layer;
    struct Plan;
    const Plan& planFor(const std::vector<int>& feeds, const std::vector<int>& fetch);
    std::vector<torch::Tensor> execute(const std::vector<std::pair<int, torch::Tensor>>& feeds,
                                       const std::vector<int>& fetch);
    torch::Tensor runNode(int index, std::vector<torch::Tensor>& values, const Plan& plan);
    torch::Tensor applyNode(int index, const std::vector<torch::Tensor>& inputs, bool overwriteFirst);
    int requireNode(const std::string& id) const;

    ArchSpec m_spec;
    std::vector<Layer> m_layers;  // one per node
    std::vector<std::vector<int>> m_inputs;
    int m_inputNode = 0;
    int m_lastPeakLive = 0;
    std::unordered_map<std::string, std::unique_ptr<Plan>> m_plans;
};

}  // namespace tl
