#pragma once

#include "weights_inspection_service.h"

#include <QObject>

namespace tl {
class WeightsChooser;

/// Keeps a WeightsChooser in step with the experiment: offers the weights that fit the current
/// architecture, checks the chosen ones against the network on a worker thread, and shows the
/// result in words. A choice that stops fitting (another architecture, class or channel count)
/// stays chosen and its report says why.
class WeightsChooserBinding final : public QObject {
    Q_OBJECT
public:
    explicit WeightsChooserBinding(WeightsChooser* chooser, QObject* parent = nullptr);

    /// The network, the runs folder and the experiment's weights (a file or run folder as an
    /// absolute path, or empty for none). Lists the choices again when the architecture or the
    /// runs folder changed; checks the choice again when anything changed.
    void update(const WeightsTarget& target, const QString& runsDir, const QString& setting);
    /// Lists the hub cache and the runs again (a run finished, files were added).
    void refreshChoices();

    WeightsChooser* chooser() const { return m_chooser; }
    WeightsInspectionService* service() const { return m_service; }

Q_SIGNALS:
    /// The user chose weights: a file, a run folder, or empty for random initialisation.
    void settingChosen(const QString& path);
    /// A check finished and its words are shown.
    void reportShown(const QString& text);

private:
    void inspectCurrent();
    void showFit(const WeightsFit& fit);

    WeightsChooser* m_chooser = nullptr;
    WeightsInspectionService* m_service = nullptr;
    WeightsTarget m_target;
    QString m_runsDir;
    QString m_setting;
    bool m_started = false;
};

}  // namespace tl
