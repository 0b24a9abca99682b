#pragma once

#include <cmath>

namespace tl {

/// Exponential moving average with the start-up bias removed, as TensorBoard and fastai smooth
/// a training loss: avg = beta * avg + (1 - beta) * x, shown as avg / (1 - beta^n). Without the
/// correction the first values would be pulled towards zero.
class DebiasedEma {
public:
    explicit DebiasedEma(double beta = 0.9) : m_beta(beta) {}

    double add(double x)
    {
        m_average = m_beta * m_average + (1.0 - m_beta) * x;
        m_betaPower *= m_beta;
        return value();
    }
    double value() const { return m_betaPower < 1.0 ? m_average / (1.0 - m_betaPower) : 0.0; }
    double beta() const { return m_beta; }
    void reset() { m_average = 0.0; m_betaPower = 1.0; }

private:
    double m_beta;
    double m_average = 0.0;
    double m_betaPower = 1.0;
};

}  // namespace tl
