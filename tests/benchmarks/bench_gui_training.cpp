// Training speed with the window open against headless: the same experiment (resnet18 at 64 px
// by default, batch 32, 2 threads, a folder of 128 px JPEGs) trained (a) exactly as
// `transferlab train` does and (b) from the real MainWindow, whose TrainingWorker thread feeds the
// live curves, status bar and the diagram's gradient-norm colours while the GUI event loop runs
// (offscreen unless QT_QPA_PLATFORM says otherwise). The two alternate for a few rounds so that
// drift on a shared machine falls on both; each round's images/s come from the run's epochs.csv
// (the epochs after the first), and the median ratio GUI / headless is printed. Also prints what
// the per-layer gradient norms cost per call against a training step, and the GUI thread's CPU use.
//
// Usage: bench_gui_training [--images N] [--epochs E] [--size PX] [--arch NAME] [--rounds R]
//                           [--show training|diagram] [--headless-thread] [--no-heat]
#include "cli/command.h"
#include "diagram/architecture_diagram.h"
#include "experiment_file.h"
#include "main_window.h"
#include "models/graph_module.h"
#include "models/zoo.h"
#include "train/gradient_norms.h"

#include "demo_jpeg_folder.h"
#include "run_epochs.h"
#include "median.h"

#include <torch/torch.h>

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QEventLoop>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <time.h>
#include <unistd.h>

using tl::bench::median;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kThreads = 2;

struct Options {
    int images = 640;
    int epochs = 3;
    int size = 64;
    int rounds = 3;
    std::string arch = "resnet18";
    std::string show = "training";
    bool headlessOnThread = false;
    bool heat = true;  // the diagram's gradient-norm colours
};

std::string loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

/// Training images per second over the epochs after the first, from a run's epochs.csv.
double imagesPerSecond(const fs::path& runDir)
{
    return tl::bench::steadyImagesPerSecond(tl::bench::readEpochRows(runDir));
}

/// The run folder created under `runs` since `before` was listed.
fs::path newRun(const fs::path& runs, const std::vector<fs::path>& before)
{
    for (const auto& entry : fs::directory_iterator(runs))
        if (entry.is_directory() && std::find(before.begin(), before.end(), entry.path()) == before.end())
            return entry.path();
    return {};
}

std::vector<fs::path> listRuns(const fs::path& runs)
{
    std::vector<fs::path> all;
    if (fs::exists(runs))
        for (const auto& entry : fs::directory_iterator(runs))
            all.push_back(entry.path());
    return all;
}

/// On the main thread, as the command line runs it; or, with `onThread`, on a thread of its own
/// like the window's worker, to tell the cost of the window from that of the thread.
double headless(const QString& experiment, const fs::path& runs, bool onThread)
{
    const std::vector<fs::path> before = listRuns(runs);
    const QStringList arguments{QStringLiteral("transferlab"), QStringLiteral("--config"), experiment,
                                QStringLiteral("--out"), QString::fromStdString(runs.string())};
    int code = 0;
    if (onThread) {
        std::thread worker([&] { code = tl::cli::trainCommand(arguments); });
        worker.join();
    } else {
        code = tl::cli::trainCommand(arguments);
    }
    if (code != 0)
        std::printf("  transferlab train exited with %d\n", code);
    return imagesPerSecond(newRun(runs, before));
}

/// Trains from a fresh window; `guiCpu` gets the GUI thread's CPU seconds per wall second.
double windowed(const QString& experiment, const fs::path& runs, const Options& o, double& guiCpu)
{
    tl::MainWindow window;
    window.resize(1400, 900);
    if (!window.openExperiment(experiment))
        return 0.0;
    window.setRunsFolder(QString::fromStdString(runs.string()));
    window.findChild<QCheckBox*>(QStringLiteral("gradientHeatToggle"))->setChecked(o.heat);
    window.show();
    // Let the dataset view finish its scan and thumbnails, as a user would before pressing Start.
    QEventLoop settle;
    QTimer::singleShot(2000, &settle, &QEventLoop::quit);
    settle.exec();
    QString runDir;
    QEventLoop loop;
    QObject::connect(&window, &tl::MainWindow::runFinished, &loop, [&](const QString& dir) {
        runDir = dir;
        loop.quit();
    });
    if (!window.startTraining())
        return 0.0;
    if (o.show == "diagram")
        window.findChild<QTabWidget*>(QStringLiteral("centralTabs"))->setCurrentIndex(0);
    const double cpu0 = threadCpuSeconds();
    const auto start = Clock::now();
    loop.exec();
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    guiCpu = wall > 0 ? (threadCpuSeconds() - cpu0) / wall : 0.0;
    return imagesPerSecond(fs::path(runDir.toStdString()));
}

/// Milliseconds of one layerGradientNorms call and of one training step, on this model and size.
std::pair<double, double> gradientNormCost(const Options& o)
{
    tl::BuildOptions b;
    b.numClasses = 8;
    tl::GraphModule model(tl::buildArch(o.arch, b));
    model.train();
    torch::optim::SGD sgd(model.parameters(), torch::optim::SGDOptions(0.01).momentum(0.9));
    const torch::Tensor x = torch::randn({32, 3, o.size, o.size});
    const torch::Tensor y = torch::randint(0, 8, {32}, torch::kLong);
    const auto step = [&] {
        sgd.zero_grad();
        torch::nn::functional::cross_entropy(model.run(x, {model.spec().output}).front(), y).backward();
        sgd.step();
    };
    step();
    auto start = Clock::now();
    for (int i = 0; i < 3; ++i)
        step();
    const double stepMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count() / 3;
    start = Clock::now();
    size_t layers = 0;
    for (int i = 0; i < 50; ++i)
        layers = tl::layerGradientNorms(model).size();
    const double normMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count() / 50;
    std::printf("(%zu layers with gradients)\n", layers);
    return {normMs, stepMs};
}

}  // namespace

int main(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const auto next = [&] { return i + 1 < argc ? argv[++i] : ""; };
        if (!std::strcmp(argv[i], "--images"))
            o.images = std::max(64, std::atoi(next()));
        else if (!std::strcmp(argv[i], "--epochs"))
            o.epochs = std::max(2, std::atoi(next()));
        else if (!std::strcmp(argv[i], "--size"))
            o.size = std::max(32, std::atoi(next()));
        else if (!std::strcmp(argv[i], "--rounds"))
            o.rounds = std::max(1, std::atoi(next()));
        else if (!std::strcmp(argv[i], "--arch"))
            o.arch = next();
        else if (!std::strcmp(argv[i], "--show"))
            o.show = next();
        else if (!std::strcmp(argv[i], "--headless-thread"))
            o.headlessOnThread = true;
        else if (!std::strcmp(argv[i], "--no-heat"))
            o.heat = false;
    }
    const fs::path work = fs::temp_directory_path() / ("transferlab_bench_gui_training_" + std::to_string(getpid()));
    // The window keeps its settings and data in a private folder, away from the user's.
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString((work / "config").string()));
    qputenv("XDG_DATA_HOME", QByteArray::fromStdString((work / "data").string()));
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    torch::set_num_threads(kThreads);

    std::printf("%s at %d px, batch 32, %d threads, %d epochs of %d JPEGs (first epoch not counted), %d rounds; "
                "platform %s, GUI shows the %s tab\n",
                o.arch.c_str(), o.size, kThreads, o.epochs, o.images, o.rounds,
                qPrintable(QApplication::platformName()), o.show.c_str());
    std::printf("load average at start: %s\n", loadAverage().c_str());
    const auto [normMs, stepMs] = gradientNormCost(o);
    // The window asks for norms at most once a second and the trainer computes them at most once a step.
    std::printf("per-layer gradient norms: %.2f ms per call, a training step %.0f ms; at most one call per "
                "max(step, 1 s): %.2f%% of the training thread\n",
                normMs, stepMs, 100.0 * normMs / std::max(stepMs, 1000.0));

    const fs::path jpegs = work / "jpeg";
    tl::bench::makeJpegFolder(jpegs, o.images);
    tl::Experiment e;
    e.name = "bench_gui_training";
    e.model.arch = o.arch;
    e.model.weights = "none";
    e.data.train = jpegs.string();
    e.data.valFraction = 0.0;
    e.data.imageSize = o.size;
    e.freeze.preset = tl::FreezePreset::FromScratch;
    e.optim.name = "sgd";
    e.optim.lr = 0.01;
    e.optim.momentum = 0.9;
    e.train.epochs = o.epochs;
    e.train.batchSize = 32;
    e.train.threads = kThreads;
    e.train.loaderThreads = 2;
    const QString experiment = QString::fromStdString((work / "experiment.json").string());
    QString error;
    if (!tl::writeExperimentFile(experiment, e, &error)) {
        std::printf("cannot write the experiment: %s\n", qPrintable(error));
        return 1;
    }

    std::vector<double> headlessRates, guiRates, ratios, guiCpus;
    for (int round = 0; round < o.rounds; ++round) {
        // Alternate which side goes first, so a trend in the machine's load does not favour one.
        double h = 0, g = 0, cpu = 0;
        if (round % 2 == 0) {
            h = headless(experiment, work / "runs-headless", o.headlessOnThread);
            g = windowed(experiment, work / "runs-gui", o, cpu);
        } else {
            g = windowed(experiment, work / "runs-gui", o, cpu);
            h = headless(experiment, work / "runs-headless", o.headlessOnThread);
        }
        std::printf("round %d: headless %7.1f images/s, GUI %7.1f images/s, ratio %.3f, GUI thread %.1f%% of a core "
                    "(load %s)\n",
                    round + 1, h, g, h > 0 ? g / h : 0.0, 100.0 * cpu, loadAverage().c_str());
        std::fflush(stdout);
        headlessRates.push_back(h);
        guiRates.push_back(g);
        ratios.push_back(h > 0 ? g / h : 0.0);
        guiCpus.push_back(cpu);
    }
    const double ratio = median(ratios);
    std::printf("median: headless %.1f images/s, GUI %.1f images/s, ratio GUI/headless %.3f (%+.1f%%), GUI thread "
                "%.1f%% of a core\n",
                median(headlessRates), median(guiRates), ratio, 100.0 * (ratio - 1.0),
                100.0 * median(guiCpus));
    std::printf("load average at end: %s\n", loadAverage().c_str());
    std::error_code ec;
    fs::remove_all(work, ec);
    return 0;
}
