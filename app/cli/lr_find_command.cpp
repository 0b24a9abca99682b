#include "cli/arch_options.h"
#include "cli/command.h"
#include "cli/experiment_input.h"

#include "common/errors.h"
#include "train/lr_finder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <cstdio>

namespace tl::cli {

namespace {

/// Reads a number option; false (and a usage error printed) when it is no number.
bool readNumber(const QCommandLineParser& parser, const QString& name, double& out)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok) {
        printError(QCoreApplication::translate("cli", "--%1: '%2' is not a number").arg(name, parser.value(name)));
        return false;
    }
    out = value;
    return true;
}

QString number(double v, int digits = 4)
{
    return QString::number(v, 'g', digits);
}

QString table(const LrFinderResult& r)
{
    QString text = QStringLiteral("%1  %2  %3\n").arg(QStringLiteral("lr"), -10).arg(QStringLiteral("loss"), -10).arg(
        QStringLiteral("smoothed"));
    for (const LrPoint& p : r.points)
        text += QStringLiteral("%1  %2  %3\n").arg(number(p.lr, 3), -10).arg(number(p.loss), -10).arg(number(p.smoothed));
    if (r.diverged)
        text += QCoreApplication::translate("cli", "the loss exploded; the sweep stopped there\n");
    text += QCoreApplication::translate("cli", "suggested learning rate: %1 (%2; lowest loss / 10: %3)\n")
                .arg(number(r.suggestedLr, 3),
                     r.steepestLr > 0 ? QCoreApplication::translate("cli", "steepest descent of the loss")
                                      : QCoreApplication::translate("cli", "no descent found"),
                     number(r.minLossLr, 3));
    return text;
}

nlohmann::json toJson(const LrFinderResult& r)
{
    nlohmann::json points = nlohmann::json::array();
    for (const LrPoint& p : r.points)
        points.push_back({{"lr", p.lr}, {"loss", p.loss}, {"smoothed", p.smoothed}});
    return {{"suggested_lr", r.suggestedLr}, {"steepest_lr", r.steepestLr}, {"min_loss_lr", r.minLossLr},
            {"diverged", r.diverged}, {"points", points}};
}

/// The curve as CSV, written atomically.
bool writeCurve(const QString& path, const LrFinderResult& r)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        printError(QCoreApplication::translate("cli", "%1: cannot be written (%2)").arg(path, file.errorString()));
        return false;
    }
    QByteArray csv = "lr,loss,smoothed\n";
    for (const LrPoint& p : r.points)
        csv += QByteArray::number(p.lr, 'g', 10) + ',' + QByteArray::number(p.loss, 'g', 10) + ','
             + QByteArray::number(p.smoothed, 'g', 10) + '\n';
    file.write(csv);
    if (!file.commit()) {
        printError(QCoreApplication::translate("cli", "%1: cannot be written (%2)").arg(path, file.errorString()));
        return false;
    }
    return true;
}

}  // namespace

int lrFindCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Learning-rate range test: train a few batches with a learning rate growing from --start to --end, "
               "show the loss curve and suggest a learning rate. The experiment's model and files stay unchanged. "
               "Exit codes: 0 done, 1 failed, 2 bad usage."));
    parser.addOption({QStringLiteral("config"), QCoreApplication::translate("cli", "Experiment file (JSON)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("set"),
                      QCoreApplication::translate("cli", "Override an entry, e.g. --set optim.name=adam (repeatable)."),
                      QStringLiteral("KEY=VALUE")});
    parser.addOption({QStringLiteral("start"), QCoreApplication::translate("cli", "First learning rate (default 1e-7)."),
                      QStringLiteral("LR")});
    parser.addOption({QStringLiteral("end"), QCoreApplication::translate("cli", "Last learning rate (default 10)."),
                      QStringLiteral("LR")});
    parser.addOption({QStringLiteral("steps"), QCoreApplication::translate("cli", "Batches in the sweep (default 100)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("out"), QCoreApplication::translate("cli", "Write the curve as CSV (lr,loss,smoothed)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QCoreApplication::translate("cli", "Print the result as JSON.")});
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    const QString config = parser.value(QStringLiteral("config"));
    if (config.isEmpty()) {
        printError(QCoreApplication::translate("cli", "--config is required"));
        return UsageError;
    }
    LrFinderOptions options;
    double steps = options.steps;
    if (!readNumber(parser, QStringLiteral("start"), options.startLr) || !readNumber(parser, QStringLiteral("end"), options.endLr)
        || !readNumber(parser, QStringLiteral("steps"), steps))
        return UsageError;
    options.steps = steps >= 0 && steps <= 1e6 && steps == static_cast<int>(steps) ? static_cast<int>(steps) : -1;
    try {
        LrFinder::validate(options);
    } catch (const InvalidArgument& e) {
        printError(QString::fromUtf8(e.what()));
        return UsageError;
    }
    const Experiment experiment = readExperimentArgument(config, parser.values(QStringLiteral("set")));
    const LrFinderResult result = findLearningRate(experiment, options);
    if (result.points.empty()) {
        printError(QCoreApplication::translate("cli", "the loss was not finite from the first step; lower --start"));
        return Failure;
    }
    if (parser.isSet(QStringLiteral("out")) && !writeCurve(parser.value(QStringLiteral("out")), result))
        return Failure;
    printOut(parser.isSet(QStringLiteral("json")) ? QString::fromStdString(toJson(result).dump()) + QLatin1Char('\n')
                                                  : table(result));
    return Success;
}

}  // namespace tl::cli
