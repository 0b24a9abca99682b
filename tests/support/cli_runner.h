#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace tl::test {

/// What a run of the built `transferlab` executable printed and returned.
struct CliResult {
    int exitCode = -1;  // -1 when it crashed or did not finish
    QByteArray out;
    QByteArray err;
};

/// Runs the built executable as a user would, without a display: subcommands must not need one.
inline CliResult runTransferLab(const QStringList& args, int timeoutMs = 120000)
{
    QProcess p;
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

}  // namespace tl::test
