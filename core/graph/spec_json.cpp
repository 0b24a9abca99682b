#include "graph/spec_json.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <sstream>

namespace tl {

namespace {

int64_t nodeParameterCount(const Node& n)
{
    int64_t total = 0;
    for (const TensorInfo& t : nodeParameters(n))
        total += t.numel();
    return total;
}

std::string withThousands(int64_t v)
{
    std::string digits = std::to_string(v);
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count && count % 3 == 0 && *it != '-')
            out.insert(out.begin(), ',');
        out.insert(out.begin(), *it);
        ++count;
    }
    return out;
}

}  // namespace

nlohmann::json describeSpec(const ArchSpec& spec, int64_t height, int64_t width,
                            const std::set<std::string>& frozenParameters)
{
    const std::vector<Shape> shapes = inferShapes(spec, height, width);
    nlohmann::json j;
    j["arch"] = spec.arch;
    j["family"] = spec.family;
    j["num_classes"] = spec.numClasses;
    j["input_shape"] = Shape{1, spec.inChannels, height, width};
    j["output_shape"] = shapes[spec.indexOf(spec.output)];

    nlohmann::json nodes = nlohmann::json::array();
    for (size_t i = 0; i < spec.nodes.size(); ++i) {
        const Node& n = spec.nodes[i];
        nodes.push_back({{"id", n.id},
                         {"kind", toString(n.kind)},
                         {"group", n.group},
                         {"inputs", n.inputs},
                         {"output_shape", shapes[i]},
                         {"params", nodeParameterCount(n)}});
    }
    j["nodes"] = std::move(nodes);

    nlohmann::json edges = nlohmann::json::array();
    for (const Edge& e : spec.edges)
        edges.push_back({{"from", e.from}, {"to", e.to}, {"kind", toString(e.kind)}});
    j["edges"] = std::move(edges);

    nlohmann::json groups = nlohmann::json::array();
    for (const Group& g : spec.groups)
        groups.push_back({{"id", g.id}, {"kind", toString(g.kind)}, {"label", g.label}, {"parent", g.parent}});
    j["groups"] = std::move(groups);

    int64_t total = 0;
    int64_t trainable = 0;
    nlohmann::json params = nlohmann::json::array();
    for (const TensorInfo& t : spec.parameters()) {
        const bool train = frozenParameters.count(t.name) == 0;
        total += t.numel();
        if (train)
            trainable += t.numel();
        params.push_back({{"name", t.name}, {"shape", t.shape}, {"trainable", train}});
    }
    j["parameters"] = std::move(params);
    nlohmann::json buffers = nlohmann::json::array();
    for (const TensorInfo& t : spec.buffers())
        buffers.push_back({{"name", t.name}, {"shape", t.shape}});
    j["buffers"] = std::move(buffers);
    j["total_params"] = total;
    j["trainable_params"] = trainable;
    j["auxiliary_outputs"] = spec.auxOutputs;
    return j;
}

std::string summaryTable(const ArchSpec& spec, int64_t height, int64_t width)
{
    const std::vector<Shape> shapes = inferShapes(spec, height, width);
    size_t idWidth = 4;
    for (const Node& n : spec.nodes)
        idWidth = std::max(idWidth, n.id.size());
    std::ostringstream s;
    const std::string rule(idWidth + 18 + 24 + 14, '-');
    s << spec.arch << "  (input " << shapeToString({1, spec.inChannels, height, width}) << ", " << spec.numClasses
      << " classes)\n"
      << rule << "\n"
      << std::left << std::setw(static_cast<int>(idWidth) + 2) << "Node" << std::setw(18) << "Kind"
      << std::setw(24) << "Output shape" << std::right << std::setw(14) << "Params" << "\n"
      << rule << "\n";
    for (size_t i = 0; i < spec.nodes.size(); ++i) {
        const Node& n = spec.nodes[i];
        s << std::left << std::setw(static_cast<int>(idWidth) + 2) << n.id << std::setw(18) << toString(n.kind)
          << std::setw(24) << shapeToString(shapes[i]) << std::right << std::setw(14)
          << withThousands(nodeParameterCount(n)) << "\n";
    }
    const int64_t total = spec.parameterCount();
    s << rule << "\n"
      << "Total params:      " << withThousands(total) << "\n"
      << "Trainable params:  " << withThousands(total) << "\n";
    if (!spec.auxOutputs.empty())
        s << "Without auxiliary heads: " << withThousands(spec.parameterCount(false)) << "\n";
    return s.str();
}

}  // namespace tl
