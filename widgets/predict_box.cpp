#include "predict_box.h"

#include "count_bar_delegate.h"
#include "thumbnail_loader.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tl {

namespace {

QString droppedFile(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            return url.toLocalFile();
    return {};
}

}  // namespace

PredictBox::PredictBox(QWidget* parent) : QFrame(parent), m_loader(new ThumbnailLoader(QSize(112, 112), this))
{
    setFrameShape(QFrame::StyledPanel);
    setAcceptDrops(true);
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("<b>Try an image</b>"), this);
    layout->addWidget(title);
    auto* row = new QHBoxLayout;
    m_preview = new QLabel(this);
    m_preview->setFixedSize(116, 116);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setStyleSheet(QStringLiteral("border: 1px dashed palette(mid);"));
    m_preview->setText(tr("Drop an\nimage here"));
    m_top = new QTableWidget(0, 2, this);
    m_top->setObjectName(QStringLiteral("predictionTable"));
    m_top->setHorizontalHeaderLabels({tr("Class"), tr("Probability")});
    m_top->setItemDelegateForColumn(1, new CountBarDelegate(m_top));
    m_top->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_top->setSelectionMode(QAbstractItemView::NoSelection);
    m_top->verticalHeader()->hide();
    m_top->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_top->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_top->setColumnWidth(1, 130);
    m_top->setFixedHeight(m_top->horizontalHeader()->sizeHint().height() + 5 * m_top->verticalHeader()->defaultSectionSize() + 4);
    row->addWidget(m_preview);
    row->addWidget(m_top, 1);
    layout->addLayout(row);
    auto* bottom = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("predictionStatus"));
    m_status->setWordWrap(true);
    m_choose = new QPushButton(tr("Choose Image…"), this);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_choose);
    layout->addLayout(bottom);

    connect(m_choose, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose an Image"), QString(),
                                                          tr("Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.ppm *.pgm)"));
        if (!path.isEmpty())
            Q_EMIT imageChosen(path);
    });
    connect(m_loader, &ThumbnailLoader::ready, this, [this](const QString& path) {
        if (path == m_image)
            m_preview->setPixmap(m_loader->thumbnail(path));
    });
    setAvailable(false);
}

void PredictBox::setAvailable(bool available, const QString& reason)
{
    m_available = available;
    m_choose->setEnabled(available);
    m_top->setRowCount(0);
    m_image.clear();
    m_preview->setPixmap({});
    m_preview->setText(tr("Drop an\nimage here"));
    m_status->setText(available ? tr("Drop an image to see this run's top five classes for it.")
                                : (reason.isEmpty() ? tr("Open a finished run to try images on it.") : reason));
}

void PredictBox::showPreview(const QString& image)
{
    m_image = image;
    const QPixmap pixmap = m_loader->thumbnail(image);
    if (!pixmap.isNull())
        m_preview->setPixmap(pixmap);
    else
        m_preview->setText(tr("…"));
}

void PredictBox::showBusy(const QString& image)
{
    showPreview(image);
    m_top->setRowCount(0);
    m_status->setText(tr("Classifying %1…").arg(QFileInfo(image).fileName()));
}

void PredictBox::showPrediction(const QString& image, const QVector<PredictedClass>& top)
{
    showPreview(image);
    m_top->setRowCount(int(top.size()));
    for (int i = 0; i < top.size(); ++i) {
        m_top->setItem(i, 0, new QTableWidgetItem(top[i].name));
        auto* bar = new QTableWidgetItem(QString::number(top[i].probability * 100.0, 'f', 1) + QStringLiteral(" %"));
        bar->setData(CountBarDelegate::FractionRole, top[i].probability);
        m_top->setItem(i, 1, bar);
    }
    m_status->setText(top.isEmpty() ? tr("No classes in the prediction.")
                                    : tr("%1: %2").arg(QFileInfo(image).fileName(), top.first().name));
}

void PredictBox::showError(const QString& image, const QString& message)
{
    showPreview(image);
    m_top->setRowCount(0);
    m_status->setText(message);
}

QString PredictBox::statusText() const
{
    return m_status->text();
}

int PredictBox::rowCount() const
{
    return m_top->rowCount();
}

void PredictBox::dragEnterEvent(QDragEnterEvent* event)
{
    if (m_available && !droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void PredictBox::dropEvent(QDropEvent* event)
{
    const QString path = droppedFile(event->mimeData());
    if (!m_available || path.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT imageChosen(path);
}

}  // namespace tl
