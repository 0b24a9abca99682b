// `report` as a user runs it on a real (tiny) run folder: one self-contained HTML file with every
// section and its figures embedded, a PDF whose pages render, Korean names in both, a report
// for a run folder that lost files, and writes that leave the previous report intact.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "cli_runner.h"

using tl::test::CliResult;
using tl::test::oneLineErrorProblem;
using tl::test::runTransferLab;

namespace {

const QString kName = QStringLiteral("모양 <실험> & \"첫째\"");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

bool copyFolder(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + path.mid(from.size());
        if (it.fileInfo().isDir() ? !QDir().mkpath(target) : !QFile::copy(path, target))
            return false;
    }
    return true;
}

/// What the HTML holds, read with an XML parser: it must be well-formed to be read at all.
struct HtmlFacts {
    QString error;
    QStringList headings;  // <h2> texts
    QString title;
    int svgs = 0;
    int images = 0;
    QStringList references;  // every src= and href= value
};

HtmlFacts parseHtml(const QByteArray& html)
{
    HtmlFacts facts;
    QXmlStreamReader xml(html);
    QString current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QString name = xml.name().toString();
            if (name == QLatin1String("h2"))
                facts.headings << xml.readElementText(QXmlStreamReader::IncludeChildElements);
            else if (name == QLatin1String("h1"))
                facts.title = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            else if (name == QLatin1String("svg"))
                ++facts.svgs;
            else if (name == QLatin1String("img"))
                ++facts.images;
            for (const QXmlStreamAttribute& a : xml.attributes())
                if (a.name() == QLatin1String("src") || a.name() == QLatin1String("href"))
                    facts.references << a.value().toString();
        }
    }
    if (xml.hasError())
        facts.error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return facts;
}

/// Renders a PDF's pages at 40 dpi and returns them; empty when pdftoppm failed.
QList<QImage> renderPages(const QString& pdf, const QString& dir)
{
    QProcess p;
    p.start(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-png"), pdf,
                                         QDir(dir).filePath(QStringLiteral("page"))});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    QList<QImage> pages;
    QStringList files = QDir(dir).entryList({QStringLiteral("page*.png")}, QDir::Files, QDir::Name);
    for (const QString& f : files)
        pages << QImage(QDir(dir).filePath(f));
    return pages;
}

/// Standard deviation of the grey values: about 0 for a blank page.
double greyDeviation(const QImage& image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    double sum = 0, squares = 0;
    const double n = double(grey.width()) * grey.height();
    for (int y = 0; y < grey.height(); ++y)
        for (int x = 0; x < grey.width(); ++x) {
            const double v = grey.constScanLine(y)[x];
            sum += v;
            squares += v * v;
        }
    return std::sqrt(std::max(0.0, squares / n - (sum / n) * (sum / n)));
}

/// One section of a report's HTML, from its <section> to its end; empty when it is not there.
QByteArray sectionOf(const QByteArray& html, const char* id)
{
    const qsizetype start = html.indexOf(QByteArray("<section id=\"") + id + "\">");
    if (start < 0)
        return {};
    const qsizetype end = html.indexOf("</section>", start);
    return html.mid(start, end < 0 ? -1 : end - start);
}

/// A run folder as training leaves it, written by hand: experiment.json, summary.json and
/// epochs.csv for two epochs whose second is the best. `best` is the best validation top-1 (or
/// mIoU); negative for a run without validation data, whose validation columns stay empty.
void writeRunFolder(const QString& dir, const QString& name, bool segmentation, double best)
{
    QDir().mkpath(dir);
    const QJsonObject experiment{{QStringLiteral("format"), QStringLiteral("transferlab-experiment/1")},
                                 {QStringLiteral("name"), name},
                                 {QStringLiteral("model"), QJsonObject{{QStringLiteral("arch"), segmentation ? QStringLiteral("unet") : QStringLiteral("resnet18")}}},
                                 {QStringLiteral("data"), QJsonObject{{QStringLiteral("train"), QStringLiteral("/data")}}},
                                 {QStringLiteral("train"), QJsonObject{{QStringLiteral("epochs"), 2}}}};
    writeAll(dir + QStringLiteral("/experiment.json"), QJsonDocument(experiment).toJson());
    const bool validated = best >= 0;
    const QString score = segmentation ? QStringLiteral("val_miou") : QStringLiteral("val_top1");
    QJsonObject summary{{QStringLiteral("task"), segmentation ? QStringLiteral("segmentation") : QStringLiteral("classification")},
                        {QStringLiteral("outcome"), QStringLiteral("finished")},
                        {QStringLiteral("epochs_done"), 2},
                        {QStringLiteral("best_epoch"), 2},
                        {QStringLiteral("best_by"), validated ? score : QStringLiteral("train_loss")},
                        {QStringLiteral("best_train_loss"), 0.5},
                        {QStringLiteral("final_train_loss"), 0.5},
                        {QStringLiteral("validation"), QJsonObject{{QStringLiteral("source"), validated ? QStringLiteral("fraction") : QStringLiteral("none")},
                                                                   {QStringLiteral("images"), validated ? 10 : 0}}}};
    if (validated)
        summary.insert(QStringLiteral("best_") + score, best);
    writeAll(dir + QStringLiteral("/summary.json"), QJsonDocument(summary).toJson());
    const QString v1 = validated ? QString::number(best - 0.1) : QString();
    const QString v2 = validated ? QString::number(best) : QString();
    const QString loss = validated ? QStringLiteral("0.7") : QString();
    QString csv;
    if (segmentation) {
        csv = QStringLiteral("epoch,train_loss,train_pixel_accuracy,val_loss,val_pixel_accuracy,val_miou,val_dice,seconds,images_per_second\n"
                             "1,0.9,0.6,%1,%2,%3,%2,1,10\n2,0.5,0.8,%1,%4,%5,%4,1,10\n")
                  .arg(loss, v1, v1, v2, v2);
    } else {
        csv = QStringLiteral("epoch,train_loss,train_accuracy,val_loss,val_top1,val_top5,seconds,images_per_second,val_macro_f1\n"
                             "1,0.9,0.6,%1,%2,%2,1,10,%2\n2,0.5,0.95,%1,%3,%3,1,10,%3\n")
                  .arg(loss, v1, v2);
    }
    writeAll(dir + QStringLiteral("/epochs.csv"), csv.toUtf8());
}

}  // namespace

class TestCliReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void htmlHasEverySectionAndNothingExternal();
    void pdfPagesRender();
    void galleryEmbedsMisclassifiedImages();
    void brokenRunFolderStillGetsAReport();
    void failedWriteKeepsThePreviousReport();
    void comparesRuns();
    void comparisonSaysTheDifferenceInWords_data();
    void comparisonSaysTheDifferenceInWords();
    void runWithoutValidationShowsNoValidationFigure();
    void badInput();

private:
    QString train(const QString& experiment, const QStringList& extra = {});
    QTemporaryDir m_dir;
    QString m_run;
};

QString TestCliReport::train(const QString& experiment, const QStringList& extra)
{
    const CliResult r = runTransferLab(QStringList{QStringLiteral("train"), QStringLiteral("--config"), experiment,
                                                   QStringLiteral("--out"), m_dir.filePath(QStringLiteral("runs")),
                                                   QStringLiteral("--json-progress")}
                                       + extra);
    if (r.exitCode != 0)
        return {};
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object().value(QStringLiteral("run_dir")).toString();
}

void TestCliReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const CliResult demo = runTransferLab({QStringLiteral("demo-data"), m_dir.filePath(QStringLiteral("데모")),
                                           QStringLiteral("--size"), QStringLiteral("32"), QStringLiteral("--source-per-class"),
                                           QStringLiteral("8"), QStringLiteral("--val-per-class"), QStringLiteral("2"),
                                           QStringLiteral("--segmentation"), QStringLiteral("0")});
    QCOMPARE(demo.exitCode, 0);
    QJsonObject experiment{
        {QStringLiteral("format"), QStringLiteral("transferlab-experiment/1")},
        {QStringLiteral("name"), kName},
        {QStringLiteral("model"), QJsonObject{{QStringLiteral("arch"), QStringLiteral("lenet5")}, {QStringLiteral("in_channels"), 1}}},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("train"), QStringLiteral("데모/source")}, {QStringLiteral("image_size"), 32}}},
        {QStringLiteral("freeze"), QJsonObject{{QStringLiteral("preset"), QStringLiteral("full")},
                                               {QStringLiteral("frozen"), QJsonArray{QStringLiteral("features.c1")}}}},
        {QStringLiteral("optim"), QJsonObject{{QStringLiteral("name"), QStringLiteral("adam")}, {QStringLiteral("lr"), 0.002}}},
        {QStringLiteral("train"), QJsonObject{{QStringLiteral("epochs"), 2}, {QStringLiteral("batch_size"), 16}, {QStringLiteral("threads"), 1}}}};
    writeAll(m_dir.filePath(QStringLiteral("exp.json")), QJsonDocument(experiment).toJson());
    m_run = train(m_dir.filePath(QStringLiteral("exp.json")));
    QVERIFY2(!m_run.isEmpty(), "the tiny run did not train");
}

void TestCliReport::htmlHasEverySectionAndNothingExternal()
{
    const CliResult r = runTransferLab({QStringLiteral("report"), m_run});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray html = readAll(QDir(m_run).filePath(QStringLiteral("report.html")));
    QVERIFY(!html.isEmpty());
    const HtmlFacts facts = parseHtml(html);
    QVERIFY2(facts.error.isEmpty(), qPrintable(facts.error));
    for (const char* heading : {"Overview", "Environment", "Dataset", "Architecture", "Freeze plan", "Hyperparameters",
                                "Training curves", "Final and best metrics", "Confusion matrix", "Per-class metrics",
                                "Misclassified images", "Timings", "Using the model in Python"})
        QVERIFY2(facts.headings.contains(QLatin1String(heading)), heading);
    // Curves and the diagram are inline vector graphics.
    QVERIFY2(facts.svgs >= 5, qPrintable(QString::number(facts.svgs)));
    // The Korean name survives with its special characters escaped, not interpreted.
    QVERIFY2(facts.title.contains(kName), qPrintable(facts.title));
    QVERIFY(html.contains("&lt;실험&gt; &amp; &quot;첫째&quot;"));
    // Self-contained: no file or network reference, only in-page anchors and data: URIs.
    for (const QString& ref : facts.references)
        QVERIFY2(ref.startsWith(QLatin1Char('#')) || ref.startsWith(QLatin1String("data:")), qPrintable(ref));
    QVERIFY(!html.contains("<link"));
    QVERIFY(!html.contains("<script"));
    QVERIFY(!html.contains("url("));
    QVERIFY(!html.contains("@import"));
    // The dataset is fingerprinted and counted: 8 classes, 64 images for training.
    QVERIFY(QRegularExpression(QStringLiteral("[0-9a-f]{64}")).match(QString::fromUtf8(html)).hasMatch());
    QVERIFY(html.contains("<td class=\"num\">64</td>"));
    // The freeze table: only the first convolution (156 parameters) of the feature stage is frozen.
    QVERIFY(html.contains("<td>features</td><td class=\"num\">50,692</td><td class=\"num\">50,536</td>"));
    QVERIFY(html.contains("torch.load"));
}

void TestCliReport::pdfPagesRender()
{
    const QString pdf = m_dir.filePath(QStringLiteral("out/리포트.pdf"));
    QDir().mkpath(m_dir.filePath(QStringLiteral("out")));
    const CliResult r = runTransferLab({QStringLiteral("report"), m_run, QStringLiteral("--pdf"), pdf, QStringLiteral("--html"),
                                        m_dir.filePath(QStringLiteral("out/r.html"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTemporaryDir pages;
    const QList<QImage> images = renderPages(pdf, pages.path());
    QVERIFY2(images.size() >= 2, qPrintable(QString::number(images.size())));
    for (int i = 0; i < images.size(); ++i)
        QVERIFY2(greyDeviation(images[i]) > 4.0, qPrintable(QStringLiteral("page %1 is blank").arg(i + 1)));
    // The Korean name is text in the PDF (a CJK font is embedded), not missing-glyph boxes.
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-l"), QStringLiteral("1"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(60000));
    QVERIFY2(QString::fromUtf8(text.readAllStandardOutput()).contains(QStringLiteral("모양 <실험>")), "no Korean text on page 1");
    QProcess fonts;
    fonts.start(QStringLiteral("pdffonts"), {pdf});
    QVERIFY(fonts.waitForFinished(60000));
    QVERIFY2(fonts.readAllStandardOutput().contains("CJK"), "no CJK font embedded");
}

void TestCliReport::galleryEmbedsMisclassifiedImages()
{
    const QString copy = m_dir.filePath(QStringLiteral("gallery-run"));
    QVERIFY(copyFolder(m_run, copy));
    // Three wrong predictions (one path relative to the data folder, as the runner may write it).
    const QString val = m_dir.filePath(QStringLiteral("데모/source/val"));
    const QString star = QDir(val + QStringLiteral("/star")).entryList(QDir::Files).first();
    const QString ring = QDir(val + QStringLiteral("/ring")).entryList(QDir::Files).first();
    QByteArray csv = "index,path,target,predicted,prob,loss\n";
    csv += "0,val/star/" + star.toUtf8() + ",6,4,0.9,2.5\n";
    csv += "1,\"" + (val + QStringLiteral("/ring/") + ring).toUtf8() + "\",4,4,0.8,0.2\n";
    csv += "2,\"" + (val + QStringLiteral("/ring/") + ring).toUtf8() + "\",4,0,0.7,1.5\n";
    writeAll(copy + QStringLiteral("/val_predictions.csv"), csv);
    const CliResult r = runTransferLab({QStringLiteral("report"), copy, QStringLiteral("--gallery"), QStringLiteral("5")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray html = readAll(copy + QStringLiteral("/report.html"));
    QCOMPARE(html.count("<img src=\"data:image/jpeg;base64,"), 2);
    // Highest loss first, with class names.
    QVERIFY(html.indexOf("star → ring") >= 0);
    QVERIFY(html.indexOf("star → ring") < html.indexOf("ring → circle"));
}

void TestCliReport::brokenRunFolderStillGetsAReport()
{
    const QString copy = m_dir.filePath(QStringLiteral("broken-run"));
    QVERIFY(copyFolder(m_run, copy));
    QVERIFY(QFile::remove(copy + QStringLiteral("/epochs.csv")));
    QVERIFY(QFile::remove(copy + QStringLiteral("/summary.json")));
    QFile::remove(copy + QStringLiteral("/report.html"));
    const CliResult r = runTransferLab({QStringLiteral("report"), copy});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("epochs.csv"));
    const QByteArray html = readAll(copy + QStringLiteral("/report.html"));
    const HtmlFacts facts = parseHtml(html);
    QVERIFY2(facts.error.isEmpty(), qPrintable(facts.error));
    QVERIFY(facts.headings.contains(QStringLiteral("Missing files")));
    QVERIFY(facts.headings.contains(QStringLiteral("Training curves")));
    const qsizetype missing = html.indexOf("id=\"missing\"");
    QVERIFY(missing > 0);
    QVERIFY(html.indexOf("<td>epochs.csv</td>", missing) > 0);
    QVERIFY(html.indexOf("<td>summary.json</td>", missing) > 0);
    QVERIFY(html.contains("This run did not finish"));
    // What is still there is still shown: the per-iteration loss and the dataset.
    QVERIFY(html.contains("Training loss per iteration"));
    QVERIFY(QFileInfo(copy + QStringLiteral("/report.pdf")).size() > 1000);
}

void TestCliReport::failedWriteKeepsThePreviousReport()
{
    const QString copy = m_dir.filePath(QStringLiteral("atomic-run"));
    QVERIFY(copyFolder(m_run, copy));
    QVERIFY(runTransferLab({QStringLiteral("report"), copy}).exitCode == 0);
    const QByteArray before = readAll(copy + QStringLiteral("/report.html"));
    QVERIFY(!before.isEmpty());
    QFile::remove(copy + QStringLiteral("/experiment.json"));  // the new report would differ
    const CliResult r = runTransferLab({QStringLiteral("report"), copy, QStringLiteral("--pdf"),
                                        m_dir.filePath(QStringLiteral("no-such-folder/report.pdf"))});
    QVERIFY2(oneLineErrorProblem(r, 1, QStringLiteral("report.pdf")).isEmpty(), qPrintable(oneLineErrorProblem(r, 1, QStringLiteral("report.pdf"))));
    QCOMPARE(readAll(copy + QStringLiteral("/report.html")), before);
    const QStringList leftovers = QDir(copy).entryList(QDir::Files).filter(QRegularExpression(QStringLiteral("report.*\\..+\\..+")));
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
}

void TestCliReport::comparesRuns()
{
    const QString other = train(m_dir.filePath(QStringLiteral("exp.json")),
                                {QStringLiteral("--set"), QStringLiteral("train.epochs=1"), QStringLiteral("--set"),
                                 QStringLiteral("name=linear probe"), QStringLiteral("--set"), QStringLiteral("freeze.preset=linear_probe")});
    QVERIFY(!other.isEmpty());
    const QString html = m_dir.filePath(QStringLiteral("compare.html"));
    const CliResult r = runTransferLab({QStringLiteral("report"), m_run, QStringLiteral("--compare"), other, QStringLiteral("--html"), html,
                                        QStringLiteral("--pdf"), m_dir.filePath(QStringLiteral("compare.pdf"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray bytes = readAll(html);
    const HtmlFacts facts = parseHtml(bytes);
    QVERIFY(facts.headings.contains(QStringLiteral("Comparison")));
    const qsizetype at = bytes.indexOf("id=\"comparison\"");
    QVERIFY(bytes.indexOf("<td>linear probe</td>", at) > 0);
    QVERIFY(bytes.indexOf("<td>linear_probe</td>", at) > 0);
    // Both runs are overlaid in the comparison's curves (their legends name them).
    QVERIFY(bytes.indexOf(">linear probe</text>", at) > 0);
}

void TestCliReport::comparisonSaysTheDifferenceInWords_data()
{
    QTest::addColumn<bool>("segmentation");
    QTest::addColumn<double>("runBest");
    QTest::addColumn<double>("otherBest");
    QTest::addColumn<bool>("asPretrainStage");  // the other run is the report's run's pretrain/ folder
    QTest::addColumn<QString>("sentence");
    QTest::newRow("above") << false << 0.81 << 0.686 << false
                           << QStringLiteral("fine-tune: validation top-1 81.0 %, 12.4 points above scratch (68.6 %).");
    QTest::newRow("below") << false << 0.686 << 0.81 << false
                           << QStringLiteral("fine-tune: validation top-1 68.6 %, 12.4 points below scratch (81.0 %).");
    QTest::newRow("segmentation by mIoU") << true << 0.734 << 0.61 << false
                                          << QStringLiteral("fine-tune: validation mIoU 73.4 %, 12.4 points above scratch (61.0 %).");
    QTest::newRow("the other without validation")
        << false << 0.81 << -1.0 << false
        << QStringLiteral("fine-tune and scratch cannot be compared on validation: scratch had no validation data.");
    QTest::newRow("this run without validation")
        << false << -1.0 << 0.81 << false
        << QStringLiteral("fine-tune and scratch cannot be compared on validation: fine-tune had no validation data.");
    QTest::newRow("pretrain stage") << false << 0.81 << 0.9 << true
                                    << QStringLiteral("fine-tune: validation top-1 81.0 %, 9.0 points below fine-tune (pretraining) (90.0 %).");
}

void TestCliReport::comparisonSaysTheDifferenceInWords()
{
    QFETCH(bool, segmentation);
    QFETCH(double, runBest);
    QFETCH(double, otherBest);
    QFETCH(bool, asPretrainStage);
    QFETCH(QString, sentence);
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("fine-tune"));
    writeRunFolder(run, QStringLiteral("fine-tune"), segmentation, runBest);
    const QString other = asPretrainStage ? run + QStringLiteral("/pretrain") : dir.filePath(QStringLiteral("scratch"));
    writeRunFolder(other, asPretrainStage ? QStringLiteral("fine-tune") : QStringLiteral("scratch"), segmentation, otherBest);
    QStringList args{QStringLiteral("report"), run, QStringLiteral("--html"), dir.filePath(QStringLiteral("r.html")),
                     QStringLiteral("--pdf"), dir.filePath(QStringLiteral("r.pdf"))};
    if (!asPretrainStage)
        args << QStringLiteral("--compare") << other;
    const CliResult r = runTransferLab(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray comparison = sectionOf(readAll(dir.filePath(QStringLiteral("r.html"))), "comparison");
    QVERIFY(!comparison.isEmpty());
    QVERIFY2(comparison.contains("<p>" + sentence.toUtf8() + "</p>"), comparison.constData());
    // A run without validation shows no figure under a validation name, only that it had none.
    if (runBest < 0 || otherBest < 0)
        QVERIFY(comparison.contains(">no validation</td>"));
}

void TestCliReport::runWithoutValidationShowsNoValidationFigure()
{
    const QString run = train(m_dir.filePath(QStringLiteral("exp.json")),
                              {QStringLiteral("--set"), QStringLiteral("train.epochs=1"), QStringLiteral("--set"),
                               QStringLiteral("data.train=데모/source/train"), QStringLiteral("--set"),
                               QStringLiteral("data.val_fraction=0")});
    QVERIFY(!run.isEmpty());
    const CliResult r = runTransferLab({QStringLiteral("report"), run, QStringLiteral("--compare"), m_run});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray html = readAll(QDir(run).filePath(QStringLiteral("report.html")));
    QVERIFY2(parseHtml(html).error.isEmpty(), qPrintable(parseHtml(html).error));
    const QByteArray overview = sectionOf(html, "overview");
    QVERIFY2(overview.contains("none: the run had no validation data"), overview.constData());
    QVERIFY2(overview.contains("chosen by the lowest training loss"), overview.constData());
    // No row or column of the results is named val_*, and no figure is called a validation one.
    const QByteArray results = sectionOf(html, "results");
    QVERIFY(!results.isEmpty());
    QVERIFY2(!results.contains(">val_") && !results.contains("validation top-1"), results.constData());
    QVERIFY(results.contains("<th>train_loss</th>"));
    QVERIFY(sectionOf(html, "confusion").contains("no validation data"));
    // Files a run without validation never writes are not reported missing.
    const QByteArray missing = sectionOf(html, "missing");
    QVERIFY(!missing.contains("confusion.json") && !missing.contains("val_predictions.csv"));
    const QByteArray comparison = sectionOf(html, "comparison");
    QVERIFY2(comparison.contains("cannot be compared on validation"), comparison.constData());
}

void TestCliReport::badInput()
{
    const CliResult none = runTransferLab({QStringLiteral("report"), m_dir.filePath(QStringLiteral("없는 폴더"))});
    QVERIFY2(oneLineErrorProblem(none, 1, QStringLiteral("없는 폴더")).isEmpty(), none.err.constData());
    const CliResult notRun = runTransferLab({QStringLiteral("report"), m_dir.filePath(QStringLiteral("데모"))});
    QVERIFY2(oneLineErrorProblem(notRun, 1, QStringLiteral("not a run folder")).isEmpty(), notRun.err.constData());
    const CliResult usage = runTransferLab({QStringLiteral("report")});
    QCOMPARE(usage.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
