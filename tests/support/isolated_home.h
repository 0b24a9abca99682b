#pragma once

#include <QByteArray>
#include <QTemporaryDir>

namespace tl::test {

/// Points the settings, application data and torch hub cache of this test process at a fresh
/// folder, so the user's own stay untouched and every run is a first start. Call it from
/// initMain(), before the application object exists; the folder lives until the process ends.
inline QTemporaryDir* isolateHome()
{
    static QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("TORCH_HOME", home.filePath(QStringLiteral("torch")).toUtf8());
    return &home;
}

}  // namespace tl::test
