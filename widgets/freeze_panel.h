#pragma once

#include "train/freeze_plan.h"

#include <QSet>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QSpinBox;

namespace tl {

class ArchitectureTree;

/// Which layers train: one-click presets (linear probe, last N stages, full fine-tune, from
/// scratch), what BatchNorm does inside frozen parts, the trainable and total parameter counts,
/// and the network's layer tree with frozen layers greyed. Painting on the diagram refines a
/// preset; the panel only shows the result and asks for presets.
class FreezePanel final : public QWidget {
    Q_OBJECT
public:
    explicit FreezePanel(QWidget* parent = nullptr);

    ArchitectureTree* tree() const { return m_tree; }
    /// Shows the preset, stage count and BatchNorm policy of `config`.
    void setConfig(const FreezeConfig& config);
    /// Shows the counts and greys the frozen layers in the tree.
    void showPlan(const QSet<QString>& frozenLayers, qint64 trainable, qint64 total);
    QString countText() const;

Q_SIGNALS:
    void presetChosen(tl::FreezePreset preset, int lastStages);
    void batchNormPolicyChosen(tl::BatchNormPolicy policy);

private:
    QButtonGroup* m_presets = nullptr;
    QSpinBox* m_lastStages = nullptr;
    QComboBox* m_batchNorm = nullptr;
    QLabel* m_counts = nullptr;
    ArchitectureTree* m_tree = nullptr;
    QSet<QString> m_greyed;
};

}  // namespace tl
