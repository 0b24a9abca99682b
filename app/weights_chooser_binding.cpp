#include "weights_chooser_binding.h"

#include "weights_chooser.h"

#include <QDir>

namespace tl {

WeightsChooserBinding::WeightsChooserBinding(WeightsChooser* chooser, QObject* parent)
    : QObject(parent), m_chooser(chooser), m_service(new WeightsInspectionService(this))
{
    connect(m_chooser, &WeightsChooser::weightsChosen, this, [this](const QString& path) {
        m_setting = path;
        inspectCurrent();
        Q_EMIT settingChosen(path);
    });
    connect(m_service, &WeightsInspectionService::listed, this, [this](const QString& arch, const QVector<WeightsEntry>& entries) {
        if (arch == m_target.arch)
            m_chooser->setEntries(entries);
    });
    connect(m_service, &WeightsInspectionService::inspected, this, &WeightsChooserBinding::showFit);
}

void WeightsChooserBinding::update(const WeightsTarget& target, const QString& runsDir, const QString& setting)
{
    const QString clean = setting.isEmpty() ? QString() : QDir::cleanPath(setting);
    const bool relist = !m_started || target.arch != m_target.arch || runsDir != m_runsDir;
    const bool recheck = relist || target != m_target || clean != m_setting;
    m_started = true;
    m_target = target;
    m_runsDir = runsDir;
    if (clean != m_setting || clean != m_chooser->currentPath()) {
        m_setting = clean;
        m_chooser->setCurrentPath(clean);
    }
    if (relist)
        refreshChoices();
    if (recheck)
        inspectCurrent();
}

void WeightsChooserBinding::refreshChoices()
{
    m_service->list(m_target.arch, m_runsDir);
}

void WeightsChooserBinding::inspectCurrent()
{
    if (m_setting.isEmpty()) {
        m_service->cancelInspection();
        m_chooser->setReport(WeightsFitText::randomInitialisation(), WeightsChooser::Tone::Neutral);
        Q_EMIT reportShown(m_chooser->reportText());
        return;
    }
    m_chooser->setReport(WeightsFitText::checking(m_setting), WeightsChooser::Tone::Busy);
    m_service->inspect(m_setting, m_target);
}

void WeightsChooserBinding::showFit(const WeightsFit& fit)
{
    if (fit.setting != m_setting || fit.setting.isEmpty())
        return;
    WeightsChooser::Tone tone = WeightsChooser::Tone::Good;
    switch (WeightsFitText::verdict(fit)) {
    case WeightsFitText::Verdict::Complete:
    case WeightsFitText::Verdict::Backbone: tone = WeightsChooser::Tone::Good; break;
    case WeightsFitText::Verdict::NoFit: tone = WeightsChooser::Tone::Warning; break;
    case WeightsFitText::Verdict::Unreadable: tone = WeightsChooser::Tone::Error; break;
    }
    m_chooser->setReport(WeightsFitText::describe(fit), tone, fit.logLine.isEmpty() ? fit.file : fit.logLine);
    Q_EMIT reportShown(m_chooser->reportText());
}

}  // namespace tl
