#pragma once

#include <QObject>
#include <QString>

class QProcess;

namespace tl {

/// Writes a run's report from the window by running `transferlab report` as a child process:
/// the very report of the command line, and the window stays responsive while it is drawn.
class ReportExporter final : public QObject {
    Q_OBJECT
public:
    /// `executable` is the transferlab program; empty means this application's own.
    explicit ReportExporter(QString executable = {}, QObject* parent = nullptr);
    ~ReportExporter() override;

    bool isBusy() const;
    /// Starts writing `htmlPath` and `pdfPath` for the run in `runDir`; false while one is busy.
    bool start(const QString& runDir, const QString& htmlPath, const QString& pdfPath);

Q_SIGNALS:
    /// `message` says where the report went, or why it could not be written.
    void finished(bool ok, const QString& message);

private:
    QString m_executable;
    QProcess* m_process = nullptr;
    QString m_htmlPath;
    QString m_pdfPath;
};

}  // namespace tl
