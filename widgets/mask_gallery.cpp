#include "mask_gallery.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>

namespace tl {

namespace {

constexpr int kTileSide = 128;
constexpr int kGap = 4;

}  // namespace

MaskGallery::MaskGallery(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("galleryCaption"));
    m_caption->setWordWrap(true);
    m_truth = new QCheckBox(tr("Ground truth beside"), this);
    m_truth->setObjectName(QStringLiteral("showTruthCheck"));
    m_truth->setToolTip(tr("Show each image's true mask to the right of the predicted one"));
    top->addWidget(m_caption, 1);
    top->addWidget(m_truth);
    layout->addLayout(top);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("maskGalleryList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setWordWrap(true);
    layout->addWidget(m_list, 1);
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("maskLegend"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    layout->addWidget(m_legend);
    connect(m_truth, &QCheckBox::toggled, this, [this] { redraw(); });
    redraw();
}

void MaskGallery::clear(const QString& message)
{
    m_items.clear();
    m_list->clear();
    m_caption->setText(message);
}

void MaskGallery::setCaption(const QString& text)
{
    m_caption->setText(text);
}

QString MaskGallery::caption() const
{
    return m_caption->text();
}

void MaskGallery::setClasses(const QStringList& classes)
{
    QStringList parts;
    for (int i = 0; i < classes.size(); ++i)
        parts << QStringLiteral("<span style=\"background-color:%1\">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;%2")
                     .arg(overlay::classColor(i).name(), classes[i].toHtmlEscaped());
    m_legend->setText(parts.join(QStringLiteral("&nbsp;&nbsp;&nbsp; ")));
}

QString MaskGallery::legendText() const
{
    return m_legend->text();
}

bool MaskGallery::truthShown() const
{
    return m_truth->isChecked();
}

void MaskGallery::setTruthShown(bool shown)
{
    m_truth->setChecked(shown);
}

namespace {

/// Small validation images are enlarged to the tile too, so their masks can be seen.
QImage toTile(const QImage& image)
{
    if (image.isNull())
        return {};
    return image.scaled(kTileSide, kTileSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)
        .convertToFormat(QImage::Format_RGB32);
}

}  // namespace

QImage MaskGallery::compose(const MaskGalleryItem& item) const
{
    const QImage predicted = toTile(item.predicted);
    if (!truthShown() || item.truth.isNull())
        return predicted;
    const QImage truth = toTile(item.truth);
    QImage both(predicted.width() + kGap + truth.width(), std::max(predicted.height(), truth.height()),
                QImage::Format_RGB32);
    both.fill(palette().color(QPalette::Base));
    QPainter painter(&both);
    painter.drawImage(0, 0, predicted);
    painter.drawImage(predicted.width() + kGap, 0, truth);
    return both;
}

QImage MaskGallery::tile(int row) const
{
    return row >= 0 && row < m_items.size() ? compose(m_items[row]) : QImage();
}

void MaskGallery::addItem(const MaskGalleryItem& item)
{
    m_items.append(item);
    const QString name = QFileInfo(item.image).fileName();
    QString text = name;
    if (item.pixelAccuracy >= 0)
        text += QLatin1Char('\n') + tr("%1 % of pixels right").arg(item.pixelAccuracy * 100.0, 0, 'f', 1);
    auto* entry = new QListWidgetItem(QIcon(QPixmap::fromImage(compose(item))), text);
    entry->setToolTip(item.truth.isNull() ? tr("%1\nits true mask could not be read").arg(item.image) : item.image);
    m_list->addItem(entry);
}

void MaskGallery::redraw()
{
    const int width = truthShown() ? 2 * kTileSide + kGap : kTileSide;
    m_list->setIconSize(QSize(width, kTileSide));
    m_list->setGridSize(QSize(width + 16, kTileSide + 44));
    for (int row = 0; row < m_items.size() && row < m_list->count(); ++row)
        m_list->item(row)->setIcon(QIcon(QPixmap::fromImage(compose(m_items[row]))));
}

}  // namespace tl
