#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace tl::test {

/// What a run of the built `transferlab` executable printed and returned.
struct CliResult {
    int exitCode = -1;  // -1 when it crashed or did not finish
    QByteArray out;
    QByteArray err;
};

/// Runs the built executable as a user would, without a display: subcommands must not need one.
/// `workingDir`, when given, is the folder it starts in (for relative paths on its command line).
inline CliResult runTransferLab(const QStringList& args, int timeoutMs = 120000, const QString& workingDir = {})
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TRANSFERLAB_EXECUTABLE), args);
    p.waitForFinished(timeoutMs);
    CliResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// Empty when the run failed as a user should see it: the expected exit code and one line on
/// standard error that mentions `mentions`; otherwise what was wrong.
inline QString oneLineErrorProblem(const CliResult& r, int exitCode, const QString& mentions)
{
    const QString err = QString::fromUtf8(r.err).trimmed();
    if (r.exitCode != exitCode)
        return QStringLiteral("exit code %1, expected %2: %3").arg(r.exitCode).arg(exitCode).arg(err);
    if (!err.contains(mentions))
        return QStringLiteral("the error does not mention '%1': %2").arg(mentions, err);
    if (err.contains(QLatin1Char('\n')))
        return QStringLiteral("the error is more than one line: %1").arg(err);
    return {};
}

}  // namespace tl::test
