#include "freeze_panel.h"

#include "architecture_tree.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <utility>

namespace tl {

FreezePanel::FreezePanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* grid = new QGridLayout;
    m_presets = new QButtonGroup(this);
    const auto addPreset = [&](FreezePreset preset, const QString& text, const QString& name, const QString& tip,
                               int row, int column) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(name);
        button->setCheckable(true);
        button->setToolTip(tip);
        m_presets->addButton(button, int(preset));
        grid->addWidget(button, row, column);
    };
    addPreset(FreezePreset::LinearProbe, tr("Linear probe"), QStringLiteral("presetLinearProbe"),
              tr("Only the new output layer trains"), 0, 0);
    addPreset(FreezePreset::FullFineTune, tr("Full fine-tune"), QStringLiteral("presetFullFineTune"),
              tr("Everything trains, starting from the loaded weights"), 0, 1);
    addPreset(FreezePreset::LastStages, tr("Last N stages"), QStringLiteral("presetLastStages"),
              tr("The last N stages and the head train"), 1, 0);
    addPreset(FreezePreset::FromScratch, tr("From scratch"), QStringLiteral("presetFromScratch"),
              tr("Everything trains from a fresh initialisation; no weights are loaded"), 1, 1);
    layout->addLayout(grid);

    auto* form = new QFormLayout;
    m_lastStages = new QSpinBox(this);
    m_lastStages->setObjectName(QStringLiteral("lastStages"));
    m_lastStages->setRange(1, 1000);
    form->addRow(tr("N stages:"), m_lastStages);
    m_batchNorm = new QComboBox(this);
    m_batchNorm->setObjectName(QStringLiteral("batchNormPolicy"));
    m_batchNorm->addItem(tr("Follow layers (frozen BN in eval mode)"), int(BatchNormPolicy::FollowLayers));
    m_batchNorm->addItem(tr("Train scale and shift only"), int(BatchNormPolicy::AffineOnly));
    m_batchNorm->addItem(tr("Train all BatchNorm"), int(BatchNormPolicy::TrainAll));
    form->addRow(tr("BatchNorm:"), m_batchNorm);
    layout->addLayout(form);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("trainableCount"));
    m_counts->setWordWrap(true);
    layout->addWidget(m_counts);
    m_tree = new ArchitectureTree(this);
    m_tree->setObjectName(QStringLiteral("architectureTree"));
    layout->addWidget(m_tree, 1);

    connect(m_presets, &QButtonGroup::idClicked, this,
            [this](int id) { Q_EMIT presetChosen(FreezePreset(id), m_lastStages->value()); });
    connect(m_lastStages, &QSpinBox::valueChanged, this, [this](int n) {
        if (m_presets->checkedId() == int(FreezePreset::LastStages))
            Q_EMIT presetChosen(FreezePreset::LastStages, n);
    });
    connect(m_batchNorm, &QComboBox::activated, this,
            [this] { Q_EMIT batchNormPolicyChosen(BatchNormPolicy(m_batchNorm->currentData().toInt())); });
}

void FreezePanel::setConfig(const FreezeConfig& config)
{
    if (QAbstractButton* button = m_presets->button(int(config.preset)))
        button->setChecked(true);
    const QSignalBlocker blockStages(m_lastStages);
    m_lastStages->setValue(std::max(1, config.lastStages));
    m_batchNorm->setCurrentIndex(m_batchNorm->findData(int(config.batchNorm)));
}

void FreezePanel::showPlan(const QSet<QString>& frozenLayers, qint64 trainable, qint64 total)
{
    const QLocale locale;
    const double percent = total > 0 ? 100.0 * double(trainable) / double(total) : 0.0;
    m_counts->setText(tr("<b>%1</b> of %2 parameters trainable (%3%)")
                          .arg(locale.toString(trainable), locale.toString(total), locale.toString(percent, 'f', 1)));
    const QBrush frozenBrush(palette().color(QPalette::Disabled, QPalette::Text));
    for (const QString& id : std::as_const(m_greyed))
        if (QTreeWidgetItem* item = m_tree->itemFor(id))
            for (int c = 0; c < m_tree->columnCount(); ++c)
                item->setData(c, Qt::ForegroundRole, QVariant());
    m_greyed.clear();
    for (const QString& id : frozenLayers) {
        if (QTreeWidgetItem* item = m_tree->itemFor(id)) {
            for (int c = 0; c < m_tree->columnCount(); ++c)
                item->setForeground(c, frozenBrush);
            m_greyed.insert(id);
        }
    }
}

QString FreezePanel::countText() const
{
    return m_counts->text();
}

}  // namespace tl
