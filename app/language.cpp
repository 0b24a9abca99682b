#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace tl {
namespace {

constexpr const char* kSettingsKey = "ui/language";

}  // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("ko")};
}

QString Language::nativeName(const QString& code)
{
    const QLocale locale(code);
    const QString name = locale.nativeLanguageName();
    // QLocale spells English as "American English"; the menu wants the language, not the country.
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return name.isEmpty() ? code : name;
}

QString Language::configured()
{
    return QSettings().value(QLatin1String(kSettingsKey)).toString();
}

void Language::setConfigured(const QString& code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QLatin1String(kSettingsKey));
    else
        settings.setValue(QLatin1String(kSettingsKey), code);
}

QString Language::resolve(const QString& configuredCode, const QString& systemLocaleName)
{
    if (available().contains(configuredCode))
        return configuredCode;
    const QString system = systemLocaleName.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0);
    return available().contains(system) ? system : QStringLiteral("en");
}

bool Language::install(QCoreApplication& app, const QString& code)
{
    if (code == QLatin1String("en"))
        return true;
    // The catalogue is compiled into the executable, so an installed package cannot lose it.
    auto* own = new QTranslator(&app);
    if (!own->load(QStringLiteral(":/i18n/transferlab_%1.qm").arg(code))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    // Qt's own strings (file dialogs, standard buttons) come from qt6-translations-l10n when present.
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

}  // namespace tl
