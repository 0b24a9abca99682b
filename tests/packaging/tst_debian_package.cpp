// The .deb that `cpack -G DEB` builds: its control fields, its contents, and that what it
// installs works: the executable runs, the desktop entry and AppStream metadata validate and
// the man page renders.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct ToolResult {
    int exitCode = -1;
    QString out;
};

ToolResult runTool(const QString& program, const QStringList& args, const QString& workDir = {})
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    p.waitForFinished(280000);
    ToolResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAll());
    return r;
}

}  // namespace

class TestDebianPackage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void controlFieldsName();
    void dependsOnWhatItLoads_data();
    void dependsOnWhatItLoads();
    void containsInstalledFiles_data();
    void containsInstalledFiles();
    void installedExecutableRuns();
    void desktopEntryValidates();
    void metainfoValidates();
    void manPageRenders();

private:
    QString field(const QString& name) const;
    QString installed(const QString& relative) const { return m_root.filePath(QStringLiteral("root/") + relative); }

    QTemporaryDir m_root;
    QString m_deb;
};

void TestDebianPackage::initTestCase()
{
    QVERIFY(m_root.isValid());
    const ToolResult cpack = runTool(QStringLiteral("cpack"),
                                     {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                                      QStringLiteral(TRANSFERLAB_BINARY_DIR "/CPackConfig.cmake"), QStringLiteral("-B"),
                                      m_root.path()},
                                     m_root.path());
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.out));
    const QStringList debs = QDir(m_root.path()).entryList({QStringLiteral("*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = m_root.filePath(debs.first());
    const ToolResult extract = runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root.filePath(QStringLiteral("root"))});
    QVERIFY2(extract.exitCode == 0, qPrintable(extract.out));
}

QString TestDebianPackage::field(const QString& name) const
{
    return runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, name}).out.trimmed();
}

void TestDebianPackage::controlFieldsName()
{
    QCOMPARE(field(QStringLiteral("Package")), QStringLiteral("transferlab"));
    QCOMPARE(field(QStringLiteral("Version")), QStringLiteral(TRANSFERLAB_VERSION));
    QCOMPARE(field(QStringLiteral("Section")), QStringLiteral("science"));
    QVERIFY(!field(QStringLiteral("Maintainer")).isEmpty());
    QVERIFY(!field(QStringLiteral("Description")).isEmpty());
}

void TestDebianPackage::dependsOnWhatItLoads_data()
{
    QTest::addColumn<QString>("package");
    // Linked libraries (found by dpkg-shlibdeps) and what is only loaded at run time.
    for (const char* p : {"libtorch1.13", "libqt6widgets6", "libqt6svg6", "libopencv-imgcodecs406", "libqcustomplot2.1-qt6",
                          "libgvc6", "libopenblas0-pthread", "qt6-qpa-plugins", "fonts-noto-cjk"})
        QTest::newRow(p) << QString::fromLatin1(p);
}

void TestDebianPackage::dependsOnWhatItLoads()
{
    QFETCH(QString, package);
    const QStringList depends = field(QStringLiteral("Depends")).split(QLatin1Char(','));
    bool found = false;
    for (const QString& d : depends)
        found = found || d.trimmed().section(QLatin1Char(' '), 0, 0) == package;
    QVERIFY2(found, qPrintable(QStringLiteral("Depends lacks %1: %2").arg(package, depends.join(QLatin1Char(',')))));
}

void TestDebianPackage::containsInstalledFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("executable") << QStringLiteral("usr/bin/transferlab");
    QTest::newRow("desktop entry") << QStringLiteral("usr/share/applications/org.transferlab.TransferLab.desktop");
    QTest::newRow("metainfo") << QStringLiteral("usr/share/metainfo/org.transferlab.TransferLab.metainfo.xml");
    QTest::newRow("svg icon") << QStringLiteral("usr/share/icons/hicolor/scalable/apps/transferlab.svg");
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512})
        QTest::newRow(qPrintable(QStringLiteral("icon %1").arg(size)))
            << QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/transferlab.png").arg(size);
    QTest::newRow("man page") << QStringLiteral("usr/share/man/man1/transferlab.1.gz");
}

void TestDebianPackage::containsInstalledFiles()
{
    QFETCH(QString, path);
    const QFileInfo info(installed(path));
    QVERIFY2(info.isFile() && info.size() > 0, qPrintable(path));
    if (path.endsWith(QLatin1String(".png"))) {
        const int size = path.section(QLatin1Char('/'), 4, 4).section(QLatin1Char('x'), 0, 0).toInt();
        const QString geometry = runTool(QStringLiteral("identify"), {QStringLiteral("-format"), QStringLiteral("%wx%h"), info.filePath()}).out;
        QCOMPARE(geometry, QStringLiteral("%1x%1").arg(size));
    }
}

void TestDebianPackage::installedExecutableRuns()
{
    const ToolResult version = runTool(installed(QStringLiteral("usr/bin/transferlab")), {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QStringLiteral("transferlab " TRANSFERLAB_VERSION));
    const ToolResult models = runTool(installed(QStringLiteral("usr/bin/transferlab")), {QStringLiteral("models")});
    QCOMPARE(models.exitCode, 0);
    QVERIFY(models.out.contains(QLatin1String("resnet18")));
}

void TestDebianPackage::desktopEntryValidates()
{
    const QString entry = installed(QStringLiteral("usr/share/applications/org.transferlab.TransferLab.desktop"));
    const ToolResult r = runTool(QStringLiteral("desktop-file-validate"), {entry});
    QVERIFY2(r.exitCode == 0 && r.out.trimmed().isEmpty(), qPrintable(r.out));
}

void TestDebianPackage::metainfoValidates()
{
    const QString metainfo = installed(QStringLiteral("usr/share/metainfo/org.transferlab.TransferLab.metainfo.xml"));
    const ToolResult r = runTool(QStringLiteral("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"), metainfo});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out));
}

void TestDebianPackage::manPageRenders()
{
    const QString page = installed(QStringLiteral("usr/share/man/man1/transferlab.1.gz"));
    QCOMPARE(runTool(QStringLiteral("gzip"), {QStringLiteral("-t"), page}).exitCode, 0);
    const ToolResult r = runTool(QStringLiteral("man"), {QStringLiteral("--warnings"), QStringLiteral("-l"), page});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.out.contains(QLatin1String("warning")), qPrintable(r.out));
    for (const char* command : {"models", "inspect", "predict", "train", "resume", "lr-find", "report", "export"})
        QVERIFY2(r.out.contains(QString::fromLatin1(command)), command);
}

QTEST_GUILESS_MAIN(TestDebianPackage)
#include "tst_debian_package.moc"
