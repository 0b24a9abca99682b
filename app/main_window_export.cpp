// What the window writes out for others: the diagram as a picture, a run's report.
#include "main_window.h"

#include "diagram/architecture_diagram.h"
#include "report_exporter.h"
#include "results_panel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>

namespace tl {

void MainWindow::exportDiagram()
{
    const QString name = QString::fromStdString(m_experiment.model.arch);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Diagram"), name + QStringLiteral(".svg"),
                                                      tr("SVG image (*.svg);;PNG image (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? m_diagram->exportPng(path, 2.0, &error)
                                                                               : m_diagram->exportSvg(path, &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export Diagram"), tr("Could not export %1: %2").arg(path, error));
}

void MainWindow::exportReport()
{
    if (m_reportExporter->isBusy()) {
        statusBar()->showMessage(tr("A report is being written already."), 5000);
        return;
    }
    QString runDir = m_results->runDir();
    if (runDir.isEmpty())
        runDir = QFileDialog::getExistingDirectory(this, tr("Run to Report"), runsFolder());
    if (runDir.isEmpty())
        return;
    const QString html = QFileDialog::getSaveFileName(this, tr("Export Report"), QDir(runDir).filePath(QStringLiteral("report.html")),
                                                      tr("HTML report (*.html)"));
    if (html.isEmpty())
        return;
    // The PDF goes next to the HTML file under the same name.
    const QFileInfo info(html);
    const QString pdf = info.dir().filePath(info.completeBaseName() + QStringLiteral(".pdf"));
    m_reportExporter->start(runDir, html, pdf);
    statusBar()->showMessage(tr("Writing the report of %1...").arg(QDir(runDir).dirName()));
}

}  // namespace tl
