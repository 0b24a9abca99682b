#include "train/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

constexpr double kPi = 3.14159265358979323846;

double cosineBetween(double from, double to, double fraction)
{
    return to + (from - to) * 0.5 * (1.0 + std::cos(kPi * std::clamp(fraction, 0.0, 1.0)));
}

}  // namespace

LrSchedule::LrSchedule(ScheduleConfig config, double baseLr, int64_t stepsPerEpoch, int epochs)
    : m_config(config),
      m_baseLr(baseLr),
      m_stepsPerEpoch(std::max<int64_t>(1, stepsPerEpoch)),
      m_totalSteps(std::max<int64_t>(1, m_stepsPerEpoch * std::max(1, epochs)))
{
}

double LrSchedule::at(int64_t step) const
{
    step = std::clamp<int64_t>(step, 0, m_totalSteps - 1);
    if (m_config.kind == ScheduleKind::OneCycle) {
        const double start = m_baseLr / m_config.divFactor;
        const double end = start / m_config.finalDivFactor;
        const double rise = std::max(1.0, m_config.pctStart * static_cast<double>(m_totalSteps) - 1.0);
        const double s = static_cast<double>(step);
        if (s <= rise)
            return cosineBetween(start, m_baseLr, s / rise);
        return cosineBetween(m_baseLr, end, (s - rise) / std::max(1.0, static_cast<double>(m_totalSteps - 1) - rise));
    }
    const int64_t warmupSteps = static_cast<int64_t>(std::llround(m_config.warmupEpochs * m_stepsPerEpoch));
    if (step < warmupSteps)
        return m_baseLr * static_cast<double>(step + 1) / static_cast<double>(warmupSteps);
    switch (m_config.kind) {
    case ScheduleKind::Constant:
        return m_baseLr;
    case ScheduleKind::Step: {
        const int64_t epoch = step / m_stepsPerEpoch;
        return m_baseLr * std::pow(m_config.gamma, static_cast<double>(epoch / std::max(1, m_config.stepEpochs)));
    }
    case ScheduleKind::Cosine: {
        const double span = static_cast<double>(std::max<int64_t>(1, m_totalSteps - warmupSteps));
        return cosineBetween(m_baseLr, m_baseLr * m_config.minFactor, static_cast<double>(step - warmupSteps) / span);
    }
    case ScheduleKind::OneCycle:
        break;
    }
    return m_baseLr;
}

const char* toString(ScheduleKind kind)
{
    switch (kind) {
    case ScheduleKind::Constant: return "constant";
    case ScheduleKind::Step: return "step";
    case ScheduleKind::Cosine: return "cosine";
    case ScheduleKind::OneCycle: return "one_cycle";
    }
    return "?";
}

bool parseScheduleKind(const std::string& text, ScheduleKind& kind)
{
    if (text == "constant")
        kind = ScheduleKind::Constant;
    else if (text == "step")
        kind = ScheduleKind::Step;
    else if (text == "cosine")
        kind = ScheduleKind::Cosine;
    else if (text == "one_cycle" || text == "onecycle" || text == "one-cycle")
        kind = ScheduleKind::OneCycle;
    else
        return false;
    return true;
}

}  // namespace tl
