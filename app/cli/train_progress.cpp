#include "cli/train_progress.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <sstream>
#include <unistd.h>

namespace tl::cli {

namespace {

// A lock-free flag is all a signal handler may touch; the observer turns it into a stop request.
std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

std::string duration(double seconds)
{
    const int s = static_cast<int>(seconds + 0.5);
    std::ostringstream out;
    if (s >= 3600)
        out << s / 3600 << "h" << (s % 3600) / 60 << "m";
    else if (s >= 60)
        out << s / 60 << "m" << s % 60 << "s";
    else
        out << s << "s";
    return out.str();
}

}  // namespace

TrainProgress::TrainProgress(bool json, int epochs)
    : m_json(json), m_terminal(!json && isatty(fileno(stdout))), m_epochs(epochs), m_start(std::chrono::steady_clock::now())
{
}

TrainProgress::~TrainProgress()
{
    if (m_control)
        std::signal(SIGINT, SIG_DFL);
}

void TrainProgress::watchInterrupts(TrainingControl* control)
{
    m_control = control;
    g_interrupted = false;
    std::signal(SIGINT, onInterrupt);
}

void TrainProgress::emit(const std::string& line, bool transient)
{
    if (m_terminal) {
        std::fprintf(stdout, "\r\033[K%s%s", line.c_str(), transient ? "" : "\n");
        m_lineOpen = transient;
    } else {
        std::fprintf(stdout, "%s\n", line.c_str());
    }
    std::fflush(stdout);
}

void TrainProgress::started(const std::string& runDir)
{
    if (m_json)
        emit(nlohmann::json{{"event", "started"}, {"run_dir", runDir}, {"epochs", m_epochs}}.dump());
    else
        emit("run folder: " + runDir);
}

void TrainProgress::onIteration(const IterationMetrics& m)
{
    if (g_interrupted.load() && m_control && !m_control->stopRequested()) {
        m_control->requestStop();
        emit(m_json ? nlohmann::json{{"event", "stopping"}}.dump() : std::string("stopping after this batch ..."));
    }
    const auto now = std::chrono::steady_clock::now();
    if (m_firstStep < 0)
        m_firstStep = m.step;
    // A few updates per second are enough for a person and cheap for the run.
    if (std::chrono::duration<double>(now - m_lastPrint).count() < (m_terminal ? 0.2 : 2.0))
        return;
    m_lastPrint = now;
    if (m_json) {
        emit(nlohmann::json{{"event", "iteration"}, {"epoch", m.epoch + 1}, {"step", m.step}, {"loss", m.loss},
                            {"accuracy", m.accuracy}, {"lr", m.lr}, {"images_per_second", m.imagesPerSecond}}
                 .dump());
        return;
    }
    std::ostringstream line;
    line.precision(4);
    line << epochLabel(m.epoch + 1) << "  step " << m.step << "  loss " << m.loss << "  acc "
         << m.accuracy << "  lr " << m.lr << "  " << static_cast<int>(m.imagesPerSecond) << " img/s";
    emit(line.str(), m_terminal);
}

void TrainProgress::onEpoch(const EpochMetrics& m)
{
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    const int done = m.epoch + 1;
    // A resumed run starts its clock late, so the rate comes from the epochs seen here.
    ++m_epochsThisStage;
    const double eta = std::max(0, m_epochs - done) * elapsed / m_epochsThisStage;
    if (m_json) {
        nlohmann::json j{{"event", "epoch"},           {"epoch", done},
                         {"epochs", m_epochs},
                         {"train_loss", m.trainLoss},  {"train_accuracy", m.trainAccuracy},
                         {"seconds", m.seconds},       {"images_per_second", m.imagesPerSecond},
                         {"eta_seconds", eta}};
        if (!m_stage.empty())
            j["stage"] = m_stage;
        if (m.val && m.val->segmentation)
            j.update({{"val_loss", m.val->loss}, {"val_pixel_accuracy", m.val->segmentation->pixelAccuracy},
                      {"val_miou", m.val->segmentation->meanIou}, {"val_dice", m.val->segmentation->meanDice}});
        else if (m.val)
            j.update({{"val_loss", m.val->loss}, {"val_top1", m.val->top1}, {"val_top5", m.val->top5}});
        emit(j.dump());
        return;
    }
    std::ostringstream line;
    line.precision(4);
    line << epochLabel(done) << " done in " << duration(m.seconds) << ": train loss " << m.trainLoss
         << ", train accuracy " << m.trainAccuracy;
    if (m.val && m.val->segmentation)
        line << "; val loss " << m.val->loss << ", val pixel accuracy " << m.val->segmentation->pixelAccuracy
             << ", val mean IoU " << m.val->segmentation->meanIou << ", val Dice " << m.val->segmentation->meanDice;
    else if (m.val)
        line << "; val loss " << m.val->loss << ", val top-1 " << m.val->top1 << ", val top-5 " << m.val->top5;
    else
        line << "; no validation";
    line << "  (ETA " << duration(eta) << ")";
    emit(line.str());
}

void TrainProgress::onStage(const std::string& stage, int epochs)
{
    m_stage = stage;
    m_epochs = epochs;
    m_epochsThisStage = 0;
    m_start = std::chrono::steady_clock::now();
    if (m_json)
        emit(nlohmann::json{{"event", "stage"}, {"stage", stage}, {"epochs", epochs}}.dump());
    else
        emit(stage + " stage: " + std::to_string(epochs) + " epochs");
}

std::string TrainProgress::epochLabel(int epoch) const
{
    std::string label = "epoch " + std::to_string(epoch) + "/" + std::to_string(m_epochs);
    return m_stage == "pretrain" ? "pretrain " + label : label;
}

void TrainProgress::finished(const RunSummary& summary, const std::string& runDir)
{
    if (m_json) {
        nlohmann::json j{{"event", "finished"},
                         {"outcome", toString(summary.outcome)},
                         {"message", summary.message},
                         {"epochs_done", summary.epochsDone},
                         {"best_epoch", summary.bestEpoch},
                         {"best_by", summary.bestBy}};
        // Only what was measured: a run without validation data has no best_val_* at all.
        for (const auto& [name, value] : summary.best)
            j[name] = value;
        j["run_dir"] = runDir;
        emit(j.dump());
        return;
    }
    std::ostringstream line;
    line << toString(summary.outcome) << " after " << summary.epochsDone << " epochs";
    if (summary.bestEpoch > 0)
        line << "; " << bestText(summary);
    if (!summary.message.empty())
        line << " (" << summary.message << ")";
    emit(line.str());
    emit("run folder: " + runDir);
}

std::string TrainProgress::bestText(const RunSummary& summary)
{
    std::ostringstream text;
    text.precision(4);
    const std::string epoch = " at epoch " + std::to_string(summary.bestEpoch);
    if (summary.bestBy == "val_miou" && summary.best.count("best_val_miou"))
        text << "best val mean IoU " << summary.best.at("best_val_miou") << epoch;
    else if (summary.bestBy == "val_top1" && summary.best.count("best_val_top1"))
        text << "best val top-1 " << summary.best.at("best_val_top1") << epoch;
    else if (summary.best.count("best_train_loss"))
        text << "no validation data; lowest train loss " << summary.best.at("best_train_loss") << epoch;
    else
        text << "best epoch " << summary.bestEpoch;
    return text.str();
}

}  // namespace tl::cli
