#include "cli/arch_options.h"
#include "cli/command.h"

#include "models/zoo.h"

#include <QCoreApplication>
#include <QLocale>

#include <nlohmann/json.hpp>

namespace tl::cli {

int modelsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("cli", "List every architecture of the zoo."));
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("cli", "Print JSON."));
    parser.addOption(json);
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QCoreApplication::translate("cli", "models takes no arguments"));
        return UsageError;
    }

    nlohmann::json list = nlohmann::json::array();
    QString table = QStringLiteral("%1 %2 %3 %4  %5\n")
                        .arg(QStringLiteral("NAME"), -14)
                        .arg(QStringLiteral("FAMILY"), -10)
                        .arg(QStringLiteral("INPUT"), -9)
                        .arg(QStringLiteral("PARAMS"), 12)
                        .arg(QStringLiteral("TITLE"));
    for (const ZooEntry& e : zoo()) {
        const ArchSpec spec = buildArch(e.name);
        const int64_t params = spec.parameterCount();
        list.push_back({{"name", e.name},
                        {"family", e.family},
                        {"title", e.title},
                        {"paper", e.paper},
                        {"input_size", {e.defaultInputH, e.defaultInputW}},
                        {"default_classes", e.defaultClasses},
                        {"params", params},
                        {"params_without_aux", spec.parameterCount(false)},
                        {"torchvision", e.torchvision}});
        table += QStringLiteral("%1 %2 %3 %4  %5\n")
                     .arg(QString::fromStdString(e.name), -14)
                     .arg(QString::fromStdString(e.family), -10)
                     .arg(QStringLiteral("%1x%2").arg(e.defaultInputH).arg(e.defaultInputW), -9)
                     .arg(QLocale::c().toString(static_cast<qlonglong>(params)), 12)
                     .arg(QString::fromStdString(e.title));
    }
    if (parser.isSet(json))
        printOut(QString::fromStdString(list.dump(2)) + QLatin1Char('\n'));
    else
        printOut(table);
    return Success;
}

}  // namespace tl::cli
