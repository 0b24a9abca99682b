#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace tl {

/// Which language the interface speaks: the user's choice in the settings, or else the system
/// locale. Installs the application's own catalogue and Qt's (standard dialogs, buttons).
class Language final {
public:
    /// Language codes with a catalogue, English (the source language) first.
    static QStringList available();
    /// The name of a language in that language, for the settings menu ("English", "한국어").
    static QString nativeName(const QString& code);

    /// The code stored in the settings; empty means "follow the system".
    static QString configured();
    static void setConfigured(const QString& code);

    /// The language the settings and `systemLocaleName` (e.g. "ko_KR") select.
    static QString resolve(const QString& configuredCode, const QString& systemLocaleName);

    /// Installs the translators for `code` on `app`; returns false when its catalogue is missing.
    /// English needs none and always succeeds.
    static bool install(QCoreApplication& app, const QString& code);
};

}  // namespace tl
