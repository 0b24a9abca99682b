#include "cli/arch_options.h"

#include "cli/command.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tl::cli {

namespace {
const QString kArch = QStringLiteral("arch");
const QString kClasses = QStringLiteral("classes");
const QString kInChannels = QStringLiteral("in-channels");
const QString kInputSize = QStringLiteral("input-size");
}  // namespace

void ArchOptions::addTo(QCommandLineParser& parser)
{
    parser.addOption({kArch, QCoreApplication::translate("cli", "Architecture name, e.g. resnet18."),
                      QStringLiteral("NAME")});
    parser.addOption({kClasses, QCoreApplication::translate("cli", "Number of classes (default: the architecture's)."),
                      QStringLiteral("N")});
    parser.addOption({kInChannels, QCoreApplication::translate("cli", "Input channels, 1 or 3 (default 3)."),
                      QStringLiteral("C")});
    parser.addOption({kInputSize,
                      QCoreApplication::translate("cli", "Input size H or HxW (default: the architecture's)."),
                      QStringLiteral("H[xW]")});
}

bool parseInputSize(const QString& text, int64_t& height, int64_t& width)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,6})\\s*(?:[xX]\\s*(\\d{1,6}))?\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    height = m.captured(1).toLongLong();
    width = m.captured(2).isEmpty() ? height : m.captured(2).toLongLong();
    return height > 0 && width > 0;
}

bool parseCount(const QString& text, int64_t min, int64_t max, int64_t& value)
{
    bool ok = false;
    const qlonglong v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    value = v;
    return true;
}

bool ArchOptions::read(const QCommandLineParser& parser, QString& error)
{
    arch = parser.value(kArch).trimmed();
    if (arch.isEmpty()) {
        error = QCoreApplication::translate("cli", "--arch is required (see 'transferlab models')");
        return false;
    }
    const ZooEntry* entry = findArch(arch.toStdString());
    if (!entry) {
        error = QCoreApplication::translate("cli", "unknown architecture '%1' (see 'transferlab models')").arg(arch);
        return false;
    }
    if (parser.isSet(kClasses) && !parseCount(parser.value(kClasses), 1, 1000000, build.numClasses)) {
        error = QCoreApplication::translate("cli", "--classes must be a whole number from 1 to 1000000, got '%1'")
                    .arg(parser.value(kClasses));
        return false;
    }
    if (parser.isSet(kInChannels)
        && (!parseCount(parser.value(kInChannels), 1, 3, build.inChannels) || build.inChannels == 2)) {
        error = QCoreApplication::translate("cli", "--in-channels must be 1 or 3, got '%1'").arg(parser.value(kInChannels));
        return false;
    }
    height = entry->defaultInputH;
    width = entry->defaultInputW;
    if (parser.isSet(kInputSize) && !parseInputSize(parser.value(kInputSize), height, width)) {
        error = QCoreApplication::translate("cli", "--input-size must be H or HxW in pixels, got '%1'")
                    .arg(parser.value(kInputSize));
        return false;
    }
    return true;
}

int parseOrExit(QCommandLineParser& parser, const QStringList& arguments)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return UsageError;
    }
    if (parser.isSet(help)) {
        printOut(parser.helpText());
        return Success;
    }
    if (!parser.positionalArguments().isEmpty() && parser.positionalArguments().size() > 8) {
        printError(QCoreApplication::translate("cli", "too many arguments"));
        return UsageError;
    }
    return -1;
}

}  // namespace tl::cli
