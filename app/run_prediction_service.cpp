#include "run_prediction_service.h"

#include "train/run_predictor.h"
#include "worker_thread_holder.h"

#include <QFile>
#include <QImageReader>

namespace tl {

namespace {

constexpr int kPictureSide = 384;   // the predict box's picture, before the box scales it
constexpr int kGallerySide = 128;   // a gallery tile

std::filesystem::path toFsPath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

QString fromFsPath(const std::filesystem::path& path)
{
    return QFile::decodeName(QByteArray::fromStdString(path.string()));
}

QString fromUtf8(const std::string& text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

/// The image as the engine sees it (EXIF orientation applied), scaled to fit `side` for display
/// (small images enlarged too when `enlarge`); null when Qt cannot read the format, and the box
/// then keeps its thumbnail.
QImage picture(const QString& file, int side, bool enlarge = false)
{
    QImageReader reader(file);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (enlarge && !image.isNull())
        return image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation).convertToFormat(QImage::Format_RGB32);
    return overlay::fitted(image, side);
}

ClassMask toMask(const LabelMap& map)
{
    ClassMask mask;
    mask.size = QSize(map.width, map.height);
    mask.labels = QVector<qint32>(map.labels.begin(), map.labels.end());
    return mask;
}

QStringList toStrings(const std::vector<std::string>& names)
{
    QStringList out;
    for (const std::string& n : names)
        out << fromUtf8(n);
    return out;
}

}  // namespace

struct RunPredictionWorker::Loaded {
    QString runDir;
    std::unique_ptr<RunPredictor> predictor;
};

struct RunPredictionWorker::Gallery {
    QString runDir;
    int generation = 0;
    std::vector<SegmentationPair> pairs;
    size_t next = 0;
};

RunPredictionWorker::RunPredictionWorker(std::shared_ptr<std::atomic<int>> galleryGeneration)
    : m_galleryGeneration(std::move(galleryGeneration))
{
}

RunPredictionWorker::~RunPredictionWorker() = default;

RunPredictor& RunPredictionWorker::predictorFor(const QString& runDir)
{
    if (!m_loaded || m_loaded->runDir != runDir) {
        m_loaded.reset();
        auto loaded = std::make_unique<Loaded>();
        loaded->runDir = runDir;
        loaded->predictor = std::make_unique<RunPredictor>(toFsPath(runDir));
        m_loaded = std::move(loaded);
    }
    return *m_loaded->predictor;
}

void RunPredictionWorker::predict(const QString& runDir, const QString& image, int topK)
{
    try {
        RunPredictor& predictor = predictorFor(runDir);
        ImagePrediction out;
        if (predictor.segmentation()) {
            out.mask = toMask(predictor.predictMask(toFsPath(image)));
            out.classes = toStrings(predictor.classes());
            out.shares = out.mask.shares(int(out.classes.size()));
            out.picture = picture(image, kPictureSide);
            out.maskView = overlay::withMask(out.picture, out.mask);
        } else {
            const Prediction prediction = predictor.predict(toFsPath(image), topK, /*withHeatMap=*/true);
            for (const ClassScore& s : prediction.top)
                out.top.append({fromUtf8(s.name), s.probability});
            out.heatProblem = fromUtf8(prediction.heatProblem);
            if (!prediction.heat.values.empty()) {
                out.heat.size = QSize(prediction.heat.width, prediction.heat.height);
                out.heat.values = QVector<float>(prediction.heat.values.begin(), prediction.heat.values.end());
                out.heat.layer = fromUtf8(prediction.heat.node);
            }
            out.picture = picture(image, kPictureSide);
            out.heatView = overlay::withHeat(out.picture, out.heat);
        }
        Q_EMIT predicted(runDir, image, out);
    } catch (const std::exception& e) {  // tl::Error, c10::Error and cv::Exception all derive from it
        Q_EMIT failed(runDir, image, QFile::decodeName(QByteArray::fromStdString(e.what())));
    }
}

void RunPredictionWorker::startGallery(const QString& runDir, int generation, int maxImages)
{
    if (generation != m_galleryGeneration->load())
        return;
    m_gallery.reset();
    try {
        RunPredictor& predictor = predictorFor(runDir);
        if (!predictor.segmentation()) {
            Q_EMIT galleryFinished(runDir, 0, tr("Only a segmentation run has masks to show."));
            return;
        }
        auto gallery = std::make_unique<Gallery>();
        gallery->runDir = runDir;
        gallery->generation = generation;
        gallery->pairs = predictor.validationPairs();
        if (int(gallery->pairs.size()) > maxImages)
            gallery->pairs.resize(size_t(std::max(0, maxImages)));
        m_gallery = std::move(gallery);
    } catch (const std::exception& e) {
        Q_EMIT galleryFinished(runDir, 0, QFile::decodeName(QByteArray::fromStdString(e.what())));
        return;
    }
    galleryStep();
}

void RunPredictionWorker::galleryStep()
{
    if (!m_gallery)
        return;
    if (m_gallery->generation != m_galleryGeneration->load()) {
        m_gallery.reset();
        return;
    }
    Gallery& g = *m_gallery;
    if (g.next >= g.pairs.size()) {
        const QString runDir = g.runDir;
        const int count = int(g.pairs.size());
        m_gallery.reset();
        Q_EMIT galleryFinished(runDir, count, {});
        return;
    }
    const SegmentationPair pair = g.pairs[g.next++];
    MaskGalleryItem item;
    item.image = fromFsPath(pair.image);
    try {
        RunPredictor& predictor = predictorFor(g.runDir);
        const LabelMap predicted = predictor.predictMask(pair.image);
        const QImage base = picture(item.image, kGallerySide, /*enlarge=*/true);
        item.predicted = overlay::withMask(base, toMask(predicted));
        try {
            const LabelMap truth = predictor.readMask(pair.mask, predicted.height, predicted.width);
            int64_t labelled = 0;
            int64_t right = 0;
            for (size_t i = 0; i < truth.labels.size(); ++i) {
                if (truth.labels[i] < 0)
                    continue;
                ++labelled;
                right += truth.labels[i] == predicted.labels[i];
            }
            item.pixelAccuracy = labelled > 0 ? double(right) / double(labelled) : -1.0;
            item.truth = overlay::withMask(base, toMask(truth));
        } catch (const std::exception&) {
            item.truth = QImage();  // the tile says its true mask could not be read
        }
        Q_EMIT galleryItem(g.runDir, item);
    } catch (const std::exception&) {
        // A validation image that cannot be read is left out of the gallery; training reported it.
    }
    // One image per event, so a single prediction asked meanwhile does not wait for the rest.
    QMetaObject::invokeMethod(this, &RunPredictionWorker::galleryStep, Qt::QueuedConnection);
}

RunPredictionService::RunPredictionService(QObject* parent)
    : QObject(parent), m_galleryGeneration(std::make_shared<std::atomic<int>>(0))
{
    qRegisterMetaType<tl::ImagePrediction>();
    qRegisterMetaType<tl::MaskGalleryItem>();
    auto worker = std::make_unique<RunPredictionWorker>(m_galleryGeneration);
    m_worker = worker.get();
    connect(m_worker, &RunPredictionWorker::predicted, this, &RunPredictionService::predicted);
    connect(m_worker, &RunPredictionWorker::failed, this, &RunPredictionService::failed);
    connect(m_worker, &RunPredictionWorker::galleryItem, this, &RunPredictionService::galleryItem);
    connect(m_worker, &RunPredictionWorker::galleryFinished, this, &RunPredictionService::galleryFinished);
    m_thread = std::make_unique<WorkerThreadHolder>(std::move(worker), QStringLiteral("prediction"));
}

RunPredictionService::~RunPredictionService()
{
    cancelGallery();
}

void RunPredictionService::predict(const QString& runDir, const QString& image, int topK)
{
    RunPredictionWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, runDir, image, topK] { worker->predict(runDir, image, topK); }, Qt::QueuedConnection);
}

void RunPredictionService::requestGallery(const QString& runDir, int maxImages)
{
    const int generation = ++*m_galleryGeneration;
    RunPredictionWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, runDir, generation, maxImages] { worker->startGallery(runDir, generation, maxImages); },
        Qt::QueuedConnection);
}

void RunPredictionService::cancelGallery()
{
    ++*m_galleryGeneration;
}

}  // namespace tl
