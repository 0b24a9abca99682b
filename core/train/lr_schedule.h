#pragma once

#include <cstdint>
#include <string>

namespace tl {

enum class ScheduleKind { Constant, Step, Cosine, OneCycle };

/// The schedule section of an experiment.
struct ScheduleConfig {
    ScheduleKind kind = ScheduleKind::Cosine;
    double warmupEpochs = 0.0;   // linear warm-up from zero (constant, step, cosine)
    int stepEpochs = 10;         // step: decay every this many epochs
    double gamma = 0.1;          // step: decay factor
    double minFactor = 0.0;      // cosine: final rate as a fraction of the base rate
    double pctStart = 0.3;       // one-cycle: fraction of steps spent rising
    double divFactor = 25.0;     // one-cycle: start rate = base / divFactor
    double finalDivFactor = 1e4; // one-cycle: final rate = start rate / finalDivFactor
};

/// Learning rate as a pure function of the optimisation step, so a resumed run continues on
/// exactly the same curve. One-cycle follows Smith & Topin 2017 with cosine annealing.
class LrSchedule {
public:
    LrSchedule(ScheduleConfig config, double baseLr, int64_t stepsPerEpoch, int epochs);

    double at(int64_t step) const;
    const ScheduleConfig& config() const { return m_config; }

private:
    ScheduleConfig m_config;
    double m_baseLr;
    int64_t m_stepsPerEpoch;
    int64_t m_totalSteps;
};

const char* toString(ScheduleKind kind);
bool parseScheduleKind(const std::string& text, ScheduleKind& kind);

}  // namespace tl
