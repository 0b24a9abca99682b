#include "hyperparameter_form.h"

#include "train/experiment.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <limits>

namespace tl {

namespace {

/// Learning rates and weight decays span decades, so they are typed (1e-3, 0.0005) rather than
/// spun; both the C locale and the user's are accepted.
bool parseNumber(const QString& text, double& value)
{
    bool ok = false;
    value = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok)
        value = QLocale().toDouble(text.trimmed(), &ok);
    return ok;
}

QString numberText(double value)
{
    return QLocale::c().toString(value, 'g', 6);
}

QSpinBox* spinBox(QWidget* parent, int min, int max, const QString& objectName)
{
    auto* box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setObjectName(objectName);
    return box;
}

QDoubleSpinBox* doubleBox(QWidget* parent, double min, double max, double step, int decimals, const QString& objectName)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setObjectName(objectName);
    return box;
}

}  // namespace

HyperparameterForm::HyperparameterForm(QWidget* parent) : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(form);

    m_optimizer = new QComboBox(this);
    m_optimizer->setObjectName(QStringLiteral("optimizer"));
    m_optimizer->addItem(tr("SGD"), QStringLiteral("sgd"));
    m_optimizer->addItem(tr("Adam"), QStringLiteral("adam"));
    m_optimizer->addItem(tr("AdamW"), QStringLiteral("adamw"));
    form->addRow(tr("Optimiser:"), m_optimizer);
    m_lr = new QLineEdit(this);
    m_lr->setObjectName(QStringLiteral("learningRate"));
    m_lr->setToolTip(tr("Base learning rate, e.g. 0.01 or 1e-3"));
    form->addRow(tr("Learning rate:"), m_lr);
    m_momentum = doubleBox(this, 0.0, 1.0, 0.05, 3, QStringLiteral("momentum"));
    form->addRow(tr("Momentum:"), m_momentum);
    m_weightDecay = new QLineEdit(this);
    m_weightDecay->setObjectName(QStringLiteral("weightDecay"));
    form->addRow(tr("Weight decay:"), m_weightDecay);
    m_schedule = new QComboBox(this);
    m_schedule->setObjectName(QStringLiteral("schedule"));
    m_schedule->addItem(tr("Constant"), int(ScheduleKind::Constant));
    m_schedule->addItem(tr("Step"), int(ScheduleKind::Step));
    m_schedule->addItem(tr("Cosine"), int(ScheduleKind::Cosine));
    m_schedule->addItem(tr("One-cycle"), int(ScheduleKind::OneCycle));
    form->addRow(tr("Schedule:"), m_schedule);
    m_warmup = doubleBox(this, 0.0, 1000.0, 0.5, 2, QStringLiteral("warmupEpochs"));
    m_warmup->setSuffix(tr(" epochs"));
    form->addRow(tr("Warm-up:"), m_warmup);
    m_epochs = spinBox(this, 1, 100000, QStringLiteral("epochs"));
    form->addRow(tr("Epochs:"), m_epochs);
    m_batchSize = spinBox(this, 1, 65536, QStringLiteral("batchSize"));
    form->addRow(tr("Batch size:"), m_batchSize);
    m_imageSize = spinBox(this, 0, 4096, QStringLiteral("imageSize"));
    m_imageSize->setSuffix(tr(" px"));
    m_imageSize->setSingleStep(16);
    setDefaultImageSize(0);
    form->addRow(tr("Image size:"), m_imageSize);
    m_threads = spinBox(this, 0, 1024, QStringLiteral("threads"));
    m_threads->setSpecialValueText(tr("all cores (%1)").arg(QThread::idealThreadCount()));
    form->addRow(tr("Threads:"), m_threads);
    m_seed = spinBox(this, 0, std::numeric_limits<int>::max(), QStringLiteral("seed"));
    form->addRow(tr("Seed:"), m_seed);
    m_labelSmoothing = doubleBox(this, 0.0, 0.99, 0.05, 2, QStringLiteral("labelSmoothing"));
    form->addRow(tr("Label smoothing:"), m_labelSmoothing);
    m_cacheFeatures = new QCheckBox(tr("Cache frozen features"), this);
    m_cacheFeatures->setObjectName(QStringLiteral("cacheFeatures"));
    m_cacheFeatures->setToolTip(tr("Compute the frozen layers' outputs once and reuse them (when there is no random augmentation)"));
    form->addRow(QString(), m_cacheFeatures);
    m_patience = spinBox(this, 0, 100000, QStringLiteral("earlyStopPatience"));
    m_patience->setSpecialValueText(tr("off"));
    m_patience->setSuffix(tr(" epochs"));
    form->addRow(tr("Early stop after:"), m_patience);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("validationMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_messageLabel->hide();
    outer->addWidget(m_messageLabel);
    outer->addStretch(1);

    setExperiment(Experiment{});
    const auto edited = [this] {
        if (m_loading)
            return;
        updateEnabled();
        validate();
        Q_EMIT changed();
    };
    for (QComboBox* c : {m_optimizer, m_schedule})
        connect(c, &QComboBox::currentIndexChanged, this, edited);
    for (QLineEdit* l : {m_lr, m_weightDecay})
        connect(l, &QLineEdit::textChanged, this, edited);
    for (QDoubleSpinBox* d : {m_momentum, m_warmup, m_labelSmoothing})
        connect(d, &QDoubleSpinBox::valueChanged, this, edited);
    for (QSpinBox* s : {m_epochs, m_batchSize, m_imageSize, m_threads, m_seed, m_patience})
        connect(s, &QSpinBox::valueChanged, this, edited);
    connect(m_cacheFeatures, &QCheckBox::toggled, this, edited);
}

void HyperparameterForm::setExperiment(const Experiment& e)
{
    m_loading = true;
    const int optimizer = m_optimizer->findData(QString::fromStdString(e.optim.name));
    m_optimizer->setCurrentIndex(optimizer < 0 ? 0 : optimizer);
    m_lr->setText(numberText(e.optim.lr));
    m_momentum->setValue(e.optim.momentum);
    m_weightDecay->setText(numberText(e.optim.weightDecay));
    m_schedule->setCurrentIndex(m_schedule->findData(int(e.schedule.kind)));
    m_warmup->setValue(e.schedule.warmupEpochs);
    m_epochs->setValue(e.train.epochs);
    m_batchSize->setValue(int(std::min<int64_t>(e.train.batchSize, m_batchSize->maximum())));
    m_imageSize->setValue(int(e.data.imageSize));
    m_threads->setValue(e.train.threads);
    m_seed->setValue(int(std::min<uint64_t>(e.train.seed, uint64_t(m_seed->maximum()))));
    m_labelSmoothing->setValue(e.optim.labelSmoothing);
    m_cacheFeatures->setChecked(e.train.cacheFrozenFeatures);
    m_patience->setValue(e.train.earlyStopPatience);
    m_loading = false;
    updateEnabled();
    validate();
}

void HyperparameterForm::applyTo(Experiment& e) const
{
    e.optim.name = m_optimizer->currentData().toString().toStdString();
    double value = 0.0;
    if (parseNumber(m_lr->text(), value))
        e.optim.lr = value;
    e.optim.momentum = m_momentum->value();
    if (parseNumber(m_weightDecay->text(), value))
        e.optim.weightDecay = value;
    e.schedule.kind = ScheduleKind(m_schedule->currentData().toInt());
    e.schedule.warmupEpochs = m_warmup->value();
    e.train.epochs = m_epochs->value();
    e.train.batchSize = m_batchSize->value();
    e.data.imageSize = m_imageSize->value();
    e.train.threads = m_threads->value();
    e.train.seed = uint64_t(m_seed->value());
    e.optim.labelSmoothing = m_labelSmoothing->value();
    e.train.cacheFrozenFeatures = m_cacheFeatures->isChecked();
    e.train.earlyStopPatience = m_patience->value();
}

void HyperparameterForm::setImageSizeCheck(ImageSizeCheck check)
{
    m_imageSizeCheck = std::move(check);
    validate();
}

void HyperparameterForm::setDefaultImageSize(int size)
{
    m_imageSize->setSpecialValueText(size > 0 ? tr("network default (%1 px)").arg(size) : tr("network default"));
}

void HyperparameterForm::updateEnabled()
{
    // Momentum is SGD's; Adam's first beta plays that part and keeps the file's value.
    m_momentum->setEnabled(m_optimizer->currentData().toString() == QLatin1String("sgd"));
    // One-cycle has its own rise; the linear warm-up applies to the other schedules.
    m_warmup->setEnabled(ScheduleKind(m_schedule->currentData().toInt()) != ScheduleKind::OneCycle);
}

void HyperparameterForm::validate()
{
    QString message;
    double lr = 0.0;
    double decay = 0.0;
    if (!parseNumber(m_lr->text(), lr) || !(lr >= 1e-12 && lr <= 100.0))
        message = tr("Learning rate: enter a number between 1e-12 and 100, e.g. 0.01 or 1e-3.");
    else if (!parseNumber(m_weightDecay->text(), decay) || !(decay >= 0.0 && decay <= 1.0))
        message = tr("Weight decay: enter a number between 0 and 1, e.g. 1e-4.");
    else if (m_warmup->isEnabled() && m_warmup->value() >= m_epochs->value())
        message = tr("Warm-up (%1 epochs) must be shorter than the training (%2 epochs).")
                      .arg(m_warmup->value())
                      .arg(m_epochs->value());
    else if (m_imageSizeCheck)
        message = m_imageSizeCheck(m_imageSize->value());
    m_lr->setStyleSheet(message.startsWith(tr("Learning rate")) ? QStringLiteral("background: #fde0e0;") : QString());
    m_weightDecay->setStyleSheet(message.startsWith(tr("Weight decay")) ? QStringLiteral("background: #fde0e0;")
                                                                        : QString());
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
    const bool wasValid = m_message.isEmpty();
    m_message = message;
    if (wasValid != message.isEmpty())
        Q_EMIT validityChanged(message.isEmpty());
}

}  // namespace tl
