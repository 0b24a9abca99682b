#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace tl::test {

/// Debian's Python with python3-torch and python3-torchvision, the reference implementation.
inline QString pythonExecutable()
{
    const QByteArray fromEnv = qgetenv("TRANSFERLAB_PYTHON");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/bin/python3") : QString::fromLocal8Bit(fromEnv);
}

inline QString referenceScript(const QString& name)
{
    return QStringLiteral(TRANSFERLAB_SOURCE_DIR "/tests/reference/") + name;
}

/// Runs a reference script and returns its standard output parsed as JSON; on failure returns
/// a null document and puts Python's message into `error`.
inline QJsonDocument runReference(const QString& script, const QStringList& args, QString& error,
                                  int timeoutMs = 240000)
{
    QProcess p;
    p.start(pythonExecutable(), QStringList{referenceScript(script)} + args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        error = QStringLiteral("%1 failed: %2").arg(script, QString::fromLocal8Bit(p.readAllStandardError()));
        return {};
    }
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput(), &parseError);
    if (doc.isNull())
        error = QStringLiteral("%1 printed no JSON: %2").arg(script, parseError.errorString());
    return doc;
}

}  // namespace tl::test
