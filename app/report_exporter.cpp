#include "report_exporter.h"

#include <QCoreApplication>
#include <QProcess>

namespace tl {

ReportExporter::ReportExporter(QString executable, QObject* parent)
    : QObject(parent), m_executable(executable.isEmpty() ? QCoreApplication::applicationFilePath() : std::move(executable))
{
}

ReportExporter::~ReportExporter()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(3000);
    }
}

bool ReportExporter::isBusy() const
{
    return m_process != nullptr;
}

bool ReportExporter::start(const QString& runDir, const QString& htmlPath, const QString& pdfPath)
{
    if (m_process)
        return false;
    m_htmlPath = htmlPath;
    m_pdfPath = pdfPath;
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        QProcess* process = m_process;
        m_process = nullptr;
        process->deleteLater();
        const QString error = QString::fromUtf8(process->readAllStandardError()).trimmed();
        if (status == QProcess::NormalExit && exitCode == 0)
            Q_EMIT finished(true, tr("Report written to %1 and %2.").arg(m_htmlPath, m_pdfPath));
        else
            Q_EMIT finished(false, error.isEmpty() ? tr("The report could not be written.") : error.section(QLatin1Char('\n'), -1));
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || !m_process)
            return;
        const QString reason = m_process->errorString();
        m_process->deleteLater();
        m_process = nullptr;
        Q_EMIT finished(false, tr("%1 could not be started: %2").arg(m_executable, reason));
    });
    m_process->start(m_executable, {QStringLiteral("report"), runDir, QStringLiteral("--html"), htmlPath,
                                    QStringLiteral("--pdf"), pdfPath});
    return true;
}

}  // namespace tl
