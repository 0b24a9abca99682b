// The Korean catalogue covers every string the interface shows, keeps each string's
// placeholders, and is what the app installs for a Korean system or a Korean setting.
#include "language.h"
#include "report/report_text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry {
    QString context;
    QString source;
    QString translation;
    QString type;  // "", "unfinished", "vanished" or "obsolete"
};

QList<Entry> readCatalogue(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            current = Entry{context, {}, {}, {}};
        else if (xml.name() == QLatin1String("source"))
            current.source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            // Plural forms hold their text in <numerusform> children.
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            entries.append(current);
        }
    }
    return xml.hasError() ? QList<Entry>{} : entries;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyStringHasKorean();
    void placeholdersKept();
    void resolveChoosesLanguage_data();
    void resolveChoosesLanguage();
    void installedCatalogueTranslates();
    void settingIsRemembered();

private:
    QTemporaryDir m_dir;
    QList<Entry> m_current;  // the catalogue merged with today's sources
};

void TestTranslations::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TransferLabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    // Merge the shipped catalogue with the strings in the sources now: a string added to the
    // code without a translation shows up here as unfinished.
    const QString merged = m_dir.filePath(QStringLiteral("transferlab_ko.ts"));
    QVERIFY(QFile::copy(QStringLiteral(TRANSFERLAB_SOURCE_DIR "/translations/transferlab_ko.ts"), merged));
    QFile::setPermissions(merged, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(TRANSFERLAB_LUPDATE),
                  {QStringLiteral("-no-obsolete"), QStringLiteral(TRANSFERLAB_SOURCE_DIR "/app"),
                   QStringLiteral(TRANSFERLAB_SOURCE_DIR "/widgets"), QStringLiteral("-ts"), merged});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
    m_current = readCatalogue(merged);
    QVERIFY2(m_current.size() > 50, "the merged catalogue could not be read");
}

void TestTranslations::everyStringHasKorean()
{
    QStringList missing;
    for (const Entry& e : m_current)
        if (e.type == QLatin1String("unfinished") || e.translation.trimmed().isEmpty())
            missing << e.context + QStringLiteral(": ") + e.source;
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 strings lack a finished Korean translation "
                                                          "(run lupdate app widgets -ts translations/transferlab_ko.ts):\n")
                                               .arg(missing.size())
                                           + missing.join(QLatin1Char('\n'))));
}

void TestTranslations::placeholdersKept()
{
    QStringList wrong;
    for (const Entry& e : m_current)
        if (!e.translation.isEmpty() && placeholders(e.source) != placeholders(e.translation))
            wrong << e.source + QStringLiteral(" -> ") + e.translation;
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

void TestTranslations::resolveChoosesLanguage_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("korean system") << QString() << QStringLiteral("ko_KR") << QStringLiteral("ko");
    QTest::newRow("english system") << QString() << QStringLiteral("en_GB") << QStringLiteral("en");
    QTest::newRow("unknown system language") << QString() << QStringLiteral("fr_FR") << QStringLiteral("en");
    QTest::newRow("setting wins over system") << QStringLiteral("en") << QStringLiteral("ko_KR") << QStringLiteral("en");
    QTest::newRow("korean setting") << QStringLiteral("ko") << QStringLiteral("de_DE") << QStringLiteral("ko");
    QTest::newRow("unknown setting") << QStringLiteral("xx") << QStringLiteral("ko_KR") << QStringLiteral("ko");
}

void TestTranslations::resolveChoosesLanguage()
{
    QFETCH(QString, setting);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    QCOMPARE(tl::Language::resolve(setting, system), expected);
}

void TestTranslations::installedCatalogueTranslates()
{
    // Every finished entry of the shipped catalogue comes back translated once Korean is installed.
    const QList<Entry> shipped = readCatalogue(QStringLiteral(TRANSFERLAB_SOURCE_DIR "/translations/transferlab_ko.ts"));
    QVERIFY(!shipped.isEmpty());
    QVERIFY(tl::Language::install(*QCoreApplication::instance(), QStringLiteral("ko")));
    int checked = 0;
    for (const Entry& e : shipped) {
        if (!e.type.isEmpty() || e.source.contains(QLatin1String("%n")))
            continue;
        QCOMPARE(QCoreApplication::translate(qPrintable(e.context), qPrintable(e.source)), e.translation);
        ++checked;
    }
    QVERIFY(checked > 50);
    // The report's sections look their text up the way lupdate filed it.
    QCOMPARE(tl::report::tr("Architecture"), QStringLiteral("아키텍처"));
    QCOMPARE(tl::Language::nativeName(QStringLiteral("ko")), QStringLiteral("한국어"));
}

void TestTranslations::settingIsRemembered()
{
    tl::Language::setConfigured(QStringLiteral("ko"));
    QCOMPARE(tl::Language::configured(), QStringLiteral("ko"));
    tl::Language::setConfigured(QString());
    QVERIFY(tl::Language::configured().isEmpty());
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
