#pragma once

#include "graph/arch_spec.h"

#include <string>
#include <vector>

namespace tl {

/// Appends nodes to an ArchSpec the way a network's constructor would: each call reads the
/// node under the cursor (or the given inputs) and moves the cursor to the new node.
/// Groups opened with beginGroup() enclose every node added until the matching endGroup().
class SpecBuilder {
public:
    SpecBuilder(std::string arch, std::string family, int64_t inChannels, int64_t numClasses,
                int64_t defaultH, int64_t defaultW);

    std::string input();
    std::string inputTransform(const std::string& id);
    std::string conv(const std::string& id, int64_t in, int64_t out, int64_t kernel, int64_t stride = 1,
                     int64_t padding = 0, bool bias = true, int64_t groups = 1);
    std::string convTranspose(const std::string& id, int64_t in, int64_t out, int64_t kernel, int64_t stride);
    std::string batchNorm(const std::string& id, int64_t channels, double eps = 1e-5);
    std::string relu(const std::string& id);
    std::string relu6(const std::string& id);
    std::string tanh(const std::string& id);
    std::string maxPool(const std::string& id, int64_t kernel, int64_t stride, int64_t padding = 0,
                        bool ceilMode = false);
    std::string avgPool(const std::string& id, int64_t kernel, int64_t stride, int64_t padding = 0,
                        bool ceilMode = false);
    std::string adaptiveAvgPool(const std::string& id, int64_t outH, int64_t outW);
    std::string flatten(const std::string& id);
    std::string linear(const std::string& id, int64_t in, int64_t out, bool bias = true);
    std::string dropout(const std::string& id, double p);
    std::string concat(const std::string& id, const std::vector<std::string>& inputs);
    /// Sum of the main path and a shortcut; the shortcut's edge gets `shortcutKind`.
    std::string add(const std::string& id, const std::string& main, const std::string& shortcut,
                    EdgeKind shortcutKind);

    const std::string& cursor() const { return m_cursor; }
    void setCursor(const std::string& id) { m_cursor = id; }

    /// Changes the kind of the edge from -> to (it must exist).
    void setEdgeKind(const std::string& from, const std::string& to, EdgeKind kind);

    void beginGroup(const std::string& id, GroupKind kind, const std::string& label = {});
    void endGroup();

    /// Validates and returns the spec; the builder is spent afterwards.
    ArchSpec finish(const std::vector<std::string>& auxOutputs = {});

    ArchSpec& spec() { return m_spec; }

private:
    std::string add(Node node, const std::vector<std::string>& inputs);
    Node make(const std::string& id, NodeKind kind) const;

    ArchSpec m_spec;
    std::string m_cursor;
    std::vector<std::string> m_groupStack;
};

}  // namespace tl
