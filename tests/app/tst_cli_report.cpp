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
