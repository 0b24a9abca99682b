#include "cli/arch_options.h"
#include "cli/command.h"
#include "cli/predict_image.h"
#include "cli/weights_options.h"

#include "models/graph_module.h"
#include "train/run_predictor.h"
#include "weights/state_dict.h"
#include "weights/weight_matching.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

namespace tl::cli {

namespace {

bool hasAuxWeights(const StateDict& tensors)
{
    for (const NamedTensor& t : tensors)
        if (t.name.find("aux1.") != std::string::npos)
            return true;
    return false;
}

// Classifies with a finished run: its model, its input preparation, its class names.
int predictWithRun(const QString& runDir, const QString& image, int64_t k, bool json)
{
    const RunPredictor predictor(nativePath(runDir));
    const Prediction p = predictor.predict(nativePath(image), k);
    nlohmann::json top = nlohmann::json::array();
    QString text;
    for (const ClassScore& s : p.top) {
        top.push_back({{"index", s.index}, {"class", s.name}, {"prob", s.probability}});
        text += QStringLiteral("%1  %2  %3\n").arg(s.index, 6).arg(s.probability, 0, 'f', 6).arg(QString::fromStdString(s.name));
    }
    if (json)
        printOut(QString::fromStdString(
                     nlohmann::json{{"arch", predictor.arch()}, {"logits", p.logits}, {"top", top}}.dump())
                 + QLatin1Char('\n'));
    else
        printOut(QCoreApplication::translate("cli", " CLASS  PROBABILITY  NAME\n") + text);
    return Success;
}

}  // namespace

int predictCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Classify one image with an architecture and a weight file (.pth or .safetensors), "
               "or with the trained model of a run folder (--run)."));
    ArchOptions archOptions;
    archOptions.addTo(parser);
    const QCommandLineOption weights(QStringLiteral("weights"), QCoreApplication::translate("cli", "Weight file."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption image(QStringLiteral("image"), QCoreApplication::translate("cli", "Image file."),
                                   QStringLiteral("IMG"));
    const QCommandLineOption topk(QStringLiteral("topk"), QCoreApplication::translate("cli", "Classes to list (default 5)."),
                                  QStringLiteral("K"), QStringLiteral("5"));
    const QCommandLineOption noPreprocess(
        QStringLiteral("no-preprocess"),
        QCoreApplication::translate("cli", "Use the image at its own size: no resize, no crop; only scaling to [0,1] "
                                           "and ImageNet normalisation."));
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("cli", "Print JSON."));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QCoreApplication::translate("cli", "A finished run folder: its model and classes."),
                                 QStringLiteral("RUN_DIR"));
    parser.addOptions({weights, image, topk, noPreprocess, json, run});
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QCoreApplication::translate("cli", "unexpected argument '%1'").arg(parser.positionalArguments().front()));
        return UsageError;
    }
    int64_t k = 5;
    if (!parseCount(parser.value(topk), 1, 1000000, k)) {
        printError(QCoreApplication::translate("cli", "--topk must be a whole number from 1, got '%1'").arg(parser.value(topk)));
        return UsageError;
    }
    if (parser.isSet(run)) {
        if (!parser.isSet(image)) {
            printError(QCoreApplication::translate("cli", "--image is required"));
            return UsageError;
        }
        return predictWithRun(parser.value(run), parser.value(image), k, parser.isSet(json));
    }
    QString error;
    if (!archOptions.read(parser, error)) {
        printError(error);
        return UsageError;
    }
    if (!parser.isSet(weights) || !parser.isSet(image)) {
        printError(QCoreApplication::translate("cli", "--weights and --image are required (or --run and --image)"));
        return UsageError;
    }

    const WeightFile file = readWeights(nativePath(parser.value(weights)));
    BuildOptions build = archOptions.build;
    build.googlenetAuxHeads = hasAuxWeights(file.tensors);
    if (build.numClasses == 0) {
        // Without --classes, the head takes the file's class count.
        const LoadReport probe = matchWeights(file.tensors, buildArch(archOptions.arch.toStdString(), build)).report;
        build.numClasses = probe.fileClasses;
    }
    GraphModule module(buildArch(archOptions.arch.toStdString(), build));
    const LoadReport report = loadWeights(module, file.tensors);
    if (const QString reason = incompleteReason(report, parser.value(weights), archOptions.arch); !reason.isEmpty()) {
        printError(reason);
        return Failure;
    }
    module.eval();

    PredictInput input;
    input.channels = module.spec().inChannels;
    input.cropH = archOptions.height;
    input.cropW = archOptions.width;
    input.preprocess = !parser.isSet(noPreprocess);
    const torch::Tensor x = loadPredictImage(parser.value(image), input);
    torch::NoGradGuard noGrad;
    const torch::Tensor logits = module.forward(x).flatten().to(torch::kFloat).contiguous();
    const torch::Tensor probs = torch::softmax(logits, 0);
    const auto [values, indices] = torch::topk(probs, std::min<int64_t>(k, probs.numel()));

    nlohmann::json top = nlohmann::json::array();
    QString text;
    for (int64_t i = 0; i < values.numel(); ++i) {
        const int64_t index = indices[i].item<int64_t>();
        const double prob = values[i].item<double>();
        top.push_back({{"index", index}, {"prob", prob}});
        text += QStringLiteral("%1  %2\n").arg(index, 6).arg(prob, 0, 'f', 6);
    }
    if (parser.isSet(json)) {
        std::vector<double> out(logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel());
        const nlohmann::json result{{"arch", archOptions.arch.toStdString()},
                                    {"logits", out},
                                    {"top", top},
                                    {"load_report", loadReportJson(report)}};
        printOut(QString::fromStdString(result.dump()) + QLatin1Char('\n'));
    } else {
        printOut(QCoreApplication::translate("cli", " CLASS  PROBABILITY\n") + text);
    }
    return Success;
}

}  // namespace tl::cli
