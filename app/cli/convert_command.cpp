#include "cli/arch_options.h"
#include "cli/command.h"
#include "cli/weights_options.h"

#include "weights/state_dict.h"

#include <QCoreApplication>

namespace tl::cli {

int convertCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Convert weights between .pth and .safetensors; the output format follows OUT's extension. "
               "Checkpoints keep only their state_dict."));
    parser.addPositionalArgument(QStringLiteral("IN"), QCoreApplication::translate("cli", "Weight file to read."));
    parser.addPositionalArgument(QStringLiteral("OUT"), QCoreApplication::translate("cli", "File to write."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 2) {
        printError(QCoreApplication::translate("cli", "convert needs IN and OUT"));
        return UsageError;
    }
    const WeightFile in = readWeights(nativePath(files[0]));
    writeWeights(nativePath(files[1]), in.tensors);
    printOut(QCoreApplication::translate("cli", "wrote %1 (%2 tensors)\n").arg(files[1]).arg(in.tensors.size()));
    return Success;
}

}  // namespace tl::cli
