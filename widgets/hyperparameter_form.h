#pragma once

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tl {

struct Experiment;

/// The hyperparameters of an experiment as a form: optimiser, learning rate, momentum, weight
/// decay, schedule and warm-up, epochs, batch and image size, threads, seed, label smoothing,
/// feature caching and early stopping. Entries are checked as they are typed; a problem is
/// shown in words under the form and isValid() turns false until it is fixed.
class HyperparameterForm final : public QWidget {
    Q_OBJECT
public:
    explicit HyperparameterForm(QWidget* parent = nullptr);

    /// Shows the values of `experiment`.
    void setExperiment(const Experiment& experiment);
    /// Writes the form's values into `experiment`; leaves the rest of it alone.
    void applyTo(Experiment& experiment) const;

    /// Checks an image size against the chosen network: an empty string when it fits, else why not.
    using ImageSizeCheck = std::function<QString(int size)>;
    void setImageSizeCheck(ImageSizeCheck check);
    /// Shown for image size 0, e.g. "architecture default (224 px)".
    void setDefaultImageSize(int size);

    bool isValid() const { return m_message.isEmpty(); }
    QString validationMessage() const { return m_message; }

Q_SIGNALS:
    /// Any entry changed (valid or not).
    void changed();
    void validityChanged(bool valid);

private:
    void validate();
    void updateEnabled();

    QComboBox* m_optimizer = nullptr;
    QLineEdit* m_lr = nullptr;
    QDoubleSpinBox* m_momentum = nullptr;
    QLineEdit* m_weightDecay = nullptr;
    QComboBox* m_schedule = nullptr;
    QDoubleSpinBox* m_warmup = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QSpinBox* m_imageSize = nullptr;
    QSpinBox* m_threads = nullptr;
    QSpinBox* m_seed = nullptr;
    QDoubleSpinBox* m_labelSmoothing = nullptr;
    QCheckBox* m_cacheFeatures = nullptr;
    QSpinBox* m_patience = nullptr;
    QLabel* m_messageLabel = nullptr;
    ImageSizeCheck m_imageSizeCheck;
    QString m_message;
    bool m_loading = false;
};

}  // namespace tl
