#include "weights_chooser.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QStandardItemModel>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace tl {

namespace {

// Rows that are no choice of weights carry these in KindRole instead of a WeightsEntry::Kind.
constexpr int kHeaderRow = -1;
constexpr int kChooseFileRow = -2;

QString cleanPath(const QString& path)
{
    return path.isEmpty() ? QString() : QDir::cleanPath(path);
}

QColor toneColor(WeightsChooser::Tone tone, const QPalette& palette)
{
    switch (tone) {
    case WeightsChooser::Tone::Good: return QColor(0x1b, 0x7f, 0x3b);
    case WeightsChooser::Tone::Warning: return QColor(0x9a, 0x5b, 0x00);
    case WeightsChooser::Tone::Error: return QColor(0xb3, 0x26, 0x1e);
    case WeightsChooser::Tone::Neutral:
    case WeightsChooser::Tone::Busy: break;
    }
    return palette.color(QPalette::WindowText);
}

}  // namespace

WeightsChooser::WeightsChooser(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("Starting weights:"), this);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("weightsCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(16);
    title->setBuddy(m_combo);
    auto* reportRow = new QHBoxLayout;
    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignTop);
    m_report = new QLabel(this);
    m_report->setObjectName(QStringLiteral("weightsReport"));
    m_report->setWordWrap(true);
    m_report->setTextFormat(Qt::PlainText);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_report->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    reportRow->addWidget(m_icon);
    reportRow->addWidget(m_report, 1);
    layout->addWidget(title);
    layout->addWidget(m_combo);
    layout->addLayout(reportRow);
    m_picker = [](QWidget* parentWidget, const QString& startDir) {
        return QFileDialog::getOpenFileName(parentWidget, tr("Choose Starting Weights"), startDir,
                                            tr("Weight files (*.pth *.pt *.safetensors);;All files (*)"));
    };
    connect(m_combo, &QComboBox::activated, this, &WeightsChooser::onActivated);
    rebuild(QString());
}

void WeightsChooser::setEntries(const QVector<WeightsEntry>& entries)
{
    m_entries = entries;
    rebuild(m_current);
}

void WeightsChooser::setCurrentPath(const QString& path)
{
    m_current = cleanPath(path);
    rebuild(m_current);
}

QString WeightsChooser::currentPath() const
{
    return m_current;
}

WeightsEntry::Kind WeightsChooser::currentKind() const
{
    const int kind = m_combo->currentData(KindRole).toInt();
    return kind >= 0 ? WeightsEntry::Kind(kind) : WeightsEntry::Kind::None;
}

QStringList WeightsChooser::listedPaths() const
{
    QStringList paths;
    for (int i = 0; i < m_combo->count(); ++i) {
        const QString path = m_combo->itemData(i, PathRole).toString();
        if (m_combo->itemData(i, KindRole).toInt() >= 0 && !path.isEmpty())
            paths << path;
    }
    return paths;
}

void WeightsChooser::setReport(const QString& text, Tone tone, const QString& toolTip)
{
    m_tone = tone;
    m_report->setText(text);
    m_report->setToolTip(toolTip);
    QPalette palette = m_report->palette();
    palette.setColor(QPalette::WindowText, toneColor(tone, this->palette()));
    m_report->setPalette(palette);
    QFont font = m_report->font();
    font.setItalic(tone == Tone::Busy);
    m_report->setFont(font);
    QStyle::StandardPixmap pixmap = QStyle::SP_CustomBase;
    switch (tone) {
    case Tone::Good: pixmap = QStyle::SP_DialogApplyButton; break;
    case Tone::Warning: pixmap = QStyle::SP_MessageBoxWarning; break;
    case Tone::Error: pixmap = QStyle::SP_MessageBoxCritical; break;
    case Tone::Neutral: pixmap = QStyle::SP_MessageBoxInformation; break;
    case Tone::Busy: break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(pixmap == QStyle::SP_CustomBase || text.isEmpty() ? QPixmap()
                                                                        : style()->standardIcon(pixmap).pixmap(size, size));
}

QString WeightsChooser::reportText() const
{
    return m_report->text();
}

void WeightsChooser::chooseFile()
{
    const QFileInfo current(m_current);
    const QString start = current.isFile() ? current.absolutePath() : QDir::homePath();
    const QString file = cleanPath(m_picker ? m_picker(this, start) : QString());
    if (file.isEmpty()) {  // cancelled: the previous choice stands
        rebuild(m_current);
        return;
    }
    m_current = file;
    rebuild(m_current);
    Q_EMIT weightsChosen(m_current);
}

void WeightsChooser::onActivated(int index)
{
    const int kind = m_combo->itemData(index, KindRole).toInt();
    if (kind == kChooseFileRow) {
        chooseFile();
        return;
    }
    if (kind == kHeaderRow)
        return;
    const QString path = m_combo->itemData(index, PathRole).toString();
    if (path == m_current)
        return;
    m_current = path;
    Q_EMIT weightsChosen(m_current);
}

int WeightsChooser::indexOfPath(const QString& path) const
{
    for (int i = 0; i < m_combo->count(); ++i)
        if (m_combo->itemData(i, KindRole).toInt() >= 0 && m_combo->itemData(i, PathRole).toString() == path)
            return i;
    return -1;
}

void WeightsChooser::rebuild(const QString& current)
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    auto* model = qobject_cast<QStandardItemModel*>(m_combo->model());
    const auto addRow = [this, model](const QString& label, const QString& path, int kind, const QString& toolTip) {
        m_combo->addItem(label);
        const int row = m_combo->count() - 1;
        m_combo->setItemData(row, path, PathRole);
        m_combo->setItemData(row, kind, KindRole);
        m_combo->setItemData(row, toolTip.isEmpty() ? path : toolTip, Qt::ToolTipRole);
        if (kind == kHeaderRow && model) {
            QStandardItem* item = model->item(row);
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    };
    addRow(tr("None (random initialisation)"), QString(), int(WeightsEntry::Kind::None), {});

    bool currentListed = current.isEmpty();
    const auto addGroup = [&](WeightsEntry::Kind kind, const QString& header) {
        bool first = true;
        for (const WeightsEntry& e : std::as_const(m_entries)) {
            if (e.kind != kind)
                continue;
            if (first) {
                m_combo->insertSeparator(m_combo->count());
                addRow(header, QString(), kHeaderRow, {});
                first = false;
            }
            const QString path = cleanPath(e.path);
            addRow(e.label, path, int(kind), e.toolTip);
            currentListed = currentListed || path == current;
        }
    };
    addGroup(WeightsEntry::Kind::HubFile, tr("Torch hub cache"));
    addGroup(WeightsEntry::Kind::RunFolder, tr("Finished runs"));
    addGroup(WeightsEntry::Kind::File, tr("Other files"));
    if (!currentListed) {
        // A choice that no longer fits stays visible, so its report can say why.
        m_combo->insertSeparator(m_combo->count());
        const QFileInfo info(current);
        const int kind = int(info.isDir() ? WeightsEntry::Kind::RunFolder : WeightsEntry::Kind::File);
        addRow(info.fileName().isEmpty() ? current : info.fileName(), current, kind, current);
    }
    m_combo->insertSeparator(m_combo->count());
    addRow(tr("Choose file..."), QString(), kChooseFileRow, tr("Pick a .pth, .pt or .safetensors file"));
    m_combo->setCurrentIndex(std::max(0, indexOfPath(current)));
}

}  // namespace tl
