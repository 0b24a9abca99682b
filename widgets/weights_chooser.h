#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;

namespace tl {

/// One place a network's starting weights can come from.
struct WeightsEntry {
    enum class Kind { None, HubFile, RunFolder, File };
    Kind kind = Kind::File;
    QString label;
    QString path;  // a weight file or a run folder; empty for None
    QString toolTip;
};

/// Where the starting weights come from: random initialisation, a file of the torch hub cache,
/// a finished run, or any weight file; with a sentence under it saying how the choice fits the
/// network. It holds plain entries and words only: what fits is decided elsewhere.
class WeightsChooser final : public QWidget {
    Q_OBJECT
public:
    enum class Tone { Neutral, Busy, Good, Warning, Error };
    static constexpr int PathRole = Qt::UserRole;
    static constexpr int KindRole = Qt::UserRole + 1;

    /// Asks for a weight file; returns its path, or empty when the user cancels.
    using FilePicker = std::function<QString(QWidget* parent, const QString& startDir)>;

    explicit WeightsChooser(QWidget* parent = nullptr);

    /// The hub files and runs to offer, grouped by kind in the given order. The current choice
    /// stays chosen, in a row of its own when it is no longer among them.
    void setEntries(const QVector<WeightsEntry>& entries);
    /// Shows this weight file or run folder as chosen, without emitting weightsChosen; empty
    /// means random initialisation.
    void setCurrentPath(const QString& path);
    QString currentPath() const;
    WeightsEntry::Kind currentKind() const;
    /// The chosen paths offered, in order, without None and "Choose file...".
    QStringList listedPaths() const;

    void setReport(const QString& text, Tone tone, const QString& toolTip = {});
    QString reportText() const;
    Tone reportTone() const { return m_tone; }

    /// Replaces the file dialog (tests, or a caller with its own dialog).
    void setFilePicker(FilePicker picker) { m_picker = std::move(picker); }
    /// What "Choose file..." does: asks for a file and, unless cancelled, chooses it.
    void chooseFile();

    QComboBox* comboBox() const { return m_combo; }

Q_SIGNALS:
    /// The user chose weights: a file, a run folder, or empty for random initialisation.
    void weightsChosen(const QString& path);

private:
    void rebuild(const QString& current);
    int indexOfPath(const QString& path) const;
    void onActivated(int index);

    QVector<WeightsEntry> m_entries;
    QString m_current;
    QComboBox* m_combo = nullptr;
    QLabel* m_icon = nullptr;
    QLabel* m_report = nullptr;
    Tone m_tone = Tone::Neutral;
    FilePicker m_picker;
};

}  // namespace tl
