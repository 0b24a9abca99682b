#include "cli/arch_options.h"
#include "cli/command.h"

#include "report/html_writer.h"
#include "report/pdf_writer.h"
#include "report/report_builder.h"
#include "report/run_data.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <memory>
#include <vector>

namespace tl::cli {

namespace {

/// A folder the report can say something about: a run folder, even one cut off early.
bool looksLikeRun(const QString& dir, QString& error)
{
    if (!QFileInfo(dir).isDir()) {
        error = QCoreApplication::translate("cli", "%1: no such run folder").arg(dir);
        return false;
    }
    const QDir d(dir);
    for (const char* name : {"experiment.json", "summary.json", "epochs.csv", "metrics.csv", "split.json"})
        if (d.exists(QLatin1String(name)))
            return true;
    error = QCoreApplication::translate("cli", "%1: not a run folder (none of experiment.json, summary.json, epochs.csv)").arg(dir);
    return false;
}

/// Writes both files or neither: each goes to a temporary file first and is renamed over the
/// target only when both were written, so a failure leaves the previous report intact.
bool saveBoth(const QList<QPair<QString, QByteArray>>& files, QString& error)
{
    std::vector<std::unique_ptr<QSaveFile>> open;
    for (const auto& [path, bytes] : files) {
        auto file = std::make_unique<QSaveFile>(path);
        if (!file->open(QIODevice::WriteOnly) || file->write(bytes) != bytes.size()) {
            error = QCoreApplication::translate("cli", "%1: cannot be written (%2)").arg(path, file->errorString());
            return false;
        }
        open.push_back(std::move(file));
    }
    for (auto& file : open)
        if (!file->commit()) {
            error = QCoreApplication::translate("cli", "%1: cannot be written (%2)").arg(file->fileName(), file->errorString());
            return false;
        }
    return true;
}

}  // namespace

int reportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Write a run's training report as one self-contained HTML file and a PDF: dataset, diagram with "
               "the freeze map, hyperparameters, curves, metrics, confusion matrix, misclassified images, timings."));
    parser.addPositionalArgument(QStringLiteral("RUN_DIR"), QCoreApplication::translate("cli", "The run folder."));
    const QCommandLineOption html(QStringLiteral("html"),
                                  QCoreApplication::translate("cli", "HTML file to write (default RUN_DIR/report.html)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption pdf(QStringLiteral("pdf"),
                                 QCoreApplication::translate("cli", "PDF file to write (default RUN_DIR/report.pdf)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption compare(QStringLiteral("compare"),
                                     QCoreApplication::translate("cli", "Another run folder to compare with (repeatable)."),
                                     QStringLiteral("RUN_DIR"));
    const QCommandLineOption gallery(QStringLiteral("gallery"),
                                     QCoreApplication::translate("cli", "Misclassified images to show (default 12)."),
                                     QStringLiteral("N"), QStringLiteral("12"));
    parser.addOptions({html, pdf, compare, gallery});
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate("cli", "report needs exactly one RUN_DIR"));
        return UsageError;
    }
    report::ReportOptions options;
    int64_t images = 0;
    if (!parseCount(parser.value(gallery), 0, 1000, images)) {
        printError(QCoreApplication::translate("cli", "--gallery must be a whole number from 0 to 1000, got '%1'").arg(parser.value(gallery)));
        return UsageError;
    }
    options.galleryImages = int(images);
    const QString runDir = parser.positionalArguments().front();
    QString error;
    if (!looksLikeRun(runDir, error)) {
        printError(error);
        return Failure;
    }
    QList<report::RunData> others;
    for (const QString& other : parser.values(compare)) {
        if (!looksLikeRun(other, error)) {
            printError(error);
            return Failure;
        }
        others << report::loadRun(other);
    }
    const report::RunData run = report::loadRun(runDir);
    const report::ReportDocument document = report::buildReport(run, others, options);
    const QString htmlPath = parser.isSet(html) ? parser.value(html) : QDir(runDir).filePath(QStringLiteral("report.html"));
    const QString pdfPath = parser.isSet(pdf) ? parser.value(pdf) : QDir(runDir).filePath(QStringLiteral("report.pdf"));
    const QByteArray htmlBytes = report::writeHtml(document);
    QByteArray pdfBytes;
    QBuffer pdfBuffer(&pdfBytes);
    pdfBuffer.open(QIODevice::WriteOnly);
    if (!report::writePdf(document, &pdfBuffer, &error)) {
        printError(QCoreApplication::translate("cli", "%1: cannot be written (%2)").arg(pdfPath, error));
        return Failure;
    }
    pdfBuffer.close();
    if (!saveBoth({{htmlPath, htmlBytes}, {pdfPath, pdfBytes}}, error)) {
        printError(error);
        return Failure;
    }
    printOut(QCoreApplication::translate("cli", "wrote %1\nwrote %2\n").arg(htmlPath, pdfPath));
    if (!run.missing.isEmpty()) {
        QStringList names;
        for (const report::MissingFile& m : run.missing)
            names << m.name;
        printOut(QCoreApplication::translate("cli", "missing from the run folder: %1\n").arg(names.join(QStringLiteral(", "))));
    }
    return Success;
}

}  // namespace tl::cli
