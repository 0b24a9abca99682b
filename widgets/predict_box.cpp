#include "predict_box.h"

#include "count_bar_delegate.h"
#include "thumbnail_loader.h"

#include <QCheckBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace tl {

namespace {

constexpr int kPreviewSide = 180;

QString droppedFile(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            return url.toLocalFile();
    return {};
}

QTableWidgetItem* barItem(double fraction)
{
    auto* bar = new QTableWidgetItem(QString::number(fraction * 100.0, 'f', 1) + QStringLiteral(" %"));
    bar->setData(CountBarDelegate::FractionRole, fraction);
    return bar;
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
    auto* left = new QVBoxLayout;
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("predictionPreview"));
    m_preview->setFixedSize(kPreviewSide + 4, kPreviewSide + 4);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setStyleSheet(QStringLiteral("border: 1px dashed palette(mid);"));
    m_overlay = new QCheckBox(tr("Show Grad-CAM"), this);
    m_overlay->setObjectName(QStringLiteral("overlayCheck"));
    m_overlay->setChecked(true);
    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("overlaySource"));
    m_source->setWordWrap(true);
    m_source->setMaximumWidth(kPreviewSide + 4);
    QFont small = m_source->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_source->setFont(small);
    left->addWidget(m_preview);
    left->addWidget(m_overlay);
    left->addWidget(m_source);
    left->addStretch(1);
    m_top = new QTableWidget(0, 2, this);
    m_top->setObjectName(QStringLiteral("predictionTable"));
    m_top->setItemDelegateForColumn(1, new CountBarDelegate(m_top));
    m_top->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_top->setSelectionMode(QAbstractItemView::NoSelection);
    m_top->verticalHeader()->hide();
    m_top->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_top->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_top->setColumnWidth(1, 84);
    m_top->setMinimumHeight(m_top->horizontalHeader()->sizeHint().height() + 5 * m_top->verticalHeader()->defaultSectionSize() + 4);
    row->addLayout(left);
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
        if (path == m_image && m_prediction.picture.isNull())
            m_preview->setPixmap(m_loader->thumbnail(path));
    });
    connect(m_overlay, &QCheckBox::toggled, this, [this] { showPicture(); });
    setAvailable(false);
}

void PredictBox::setAvailable(bool available, const QString& reason, bool segmentation)
{
    m_available = available;
    m_segmentation = segmentation;
    m_choose->setEnabled(available);
    m_image.clear();
    clearResult();
    m_top->setHorizontalHeaderLabels(segmentation ? QStringList{tr("Class"), tr("Pixels")}
                                                  : QStringList{tr("Class"), tr("Probability")});
    m_overlay->setText(segmentation ? tr("Show mask") : tr("Show Grad-CAM"));
    m_overlay->setToolTip(segmentation ? tr("Colour each pixel by the class the model gives it")
                                       : tr("Colour the image by how much each region raised the top class "
                                            "(Grad-CAM, Selvaraju et al. 2017)"));
    m_preview->setPixmap({});
    m_preview->setText(tr("Drop an\nimage here"));
    if (!available)
        m_status->setText(reason.isEmpty() ? tr("Open a finished run to try images on it.") : reason);
    else
        m_status->setText(segmentation ? tr("Drop an image to see the mask this run's model predicts for it.")
                                       : tr("Drop an image to see this run's top five classes for it."));
}

void PredictBox::clearResult()
{
    m_prediction = {};
    m_shown = {};
    m_top->setRowCount(0);
    m_overlay->setEnabled(false);
    m_source->clear();
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

void PredictBox::showPicture()
{
    if (m_prediction.picture.isNull())
        return;
    const QImage& overlay = m_prediction.segmentation() ? m_prediction.maskView : m_prediction.heatView;
    m_shown = m_overlay->isChecked() && !overlay.isNull() ? overlay : m_prediction.picture;
    m_preview->setPixmap(QPixmap::fromImage(
        m_shown.scaled(kPreviewSide, kPreviewSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void PredictBox::showBusy(const QString& image)
{
    clearResult();
    showPreview(image);
    m_status->setText(m_segmentation ? tr("Segmenting %1…").arg(QFileInfo(image).fileName())
                                     : tr("Classifying %1…").arg(QFileInfo(image).fileName()));
}

void PredictBox::fillClasses(const QVector<PredictedClass>& top)
{
    m_top->setHorizontalHeaderLabels({tr("Class"), tr("Probability")});
    m_top->setRowCount(int(top.size()));
    for (int i = 0; i < top.size(); ++i) {
        m_top->setItem(i, 0, new QTableWidgetItem(top[i].name));
        m_top->setItem(i, 1, barItem(top[i].probability));
    }
}

void PredictBox::fillLegend(const ImagePrediction& p)
{
    m_top->setHorizontalHeaderLabels({tr("Class"), tr("Pixels")});
    // Every class of the run, the largest share first, so the legend also says what is absent.
    QVector<int> order(p.classes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p.shares.value(a) > p.shares.value(b); });
    m_top->setRowCount(int(order.size()));
    for (int row = 0; row < order.size(); ++row) {
        const int c = order[row];
        auto* name = new QTableWidgetItem(classSwatch(overlay::classColor(c)), p.classes[c]);
        name->setToolTip(tr("Class %1").arg(c));
        m_top->setItem(row, 0, name);
        m_top->setItem(row, 1, barItem(p.shares.value(c)));
    }
}

void PredictBox::showPrediction(const QString& image, const ImagePrediction& prediction)
{
    clearResult();
    m_image = image;
    m_prediction = prediction;
    const QString file = QFileInfo(image).fileName();
    if (prediction.segmentation()) {
        fillLegend(prediction);
        m_overlay->setEnabled(!prediction.maskView.isNull());
        const auto largest = std::max_element(prediction.shares.cbegin(), prediction.shares.cend());
        const int c = largest == prediction.shares.cend() ? -1 : int(largest - prediction.shares.cbegin());
        m_status->setText(c < 0 ? tr("%1: no pixel was classified.").arg(file)
                                : tr("%1: mostly %2 (%3 % of the pixels)")
                                      .arg(file, prediction.classes.value(c))
                                      .arg(prediction.shares[c] * 100.0, 0, 'f', 1));
    } else {
        fillClasses(prediction.top);
        m_overlay->setEnabled(!prediction.heatView.isNull());
        if (!prediction.heat.isNull())
            m_source->setText(tr("Heat of %1 from layer %2").arg(prediction.top.value(0).name, prediction.heat.layer));
        else if (!prediction.heatProblem.isEmpty())
            m_source->setText(tr("No Grad-CAM: %1").arg(prediction.heatProblem));
        m_source->setToolTip(m_source->text());
        m_status->setText(prediction.top.isEmpty() ? tr("No classes in the prediction.")
                                                   : tr("%1: %2").arg(file, prediction.top.first().name));
    }
    if (prediction.picture.isNull())
        showPreview(image);
    else
        showPicture();
}

void PredictBox::showPrediction(const QString& image, const QVector<PredictedClass>& top)
{
    ImagePrediction p;
    p.top = top;
    showPrediction(image, p);
}

void PredictBox::showError(const QString& image, const QString& message)
{
    clearResult();
    showPreview(image);
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

QString PredictBox::cellText(int row, int column) const
{
    const QTableWidgetItem* item = m_top->item(row, column);
    return item ? item->text() : QString();
}

bool PredictBox::overlayAvailable() const
{
    return m_overlay->isEnabled();
}

bool PredictBox::overlayShown() const
{
    return m_overlay->isEnabled() && m_overlay->isChecked();
}

void PredictBox::setOverlayShown(bool shown)
{
    m_overlay->setChecked(shown);
}

QString PredictBox::overlaySourceText() const
{
    return m_source->text();
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
