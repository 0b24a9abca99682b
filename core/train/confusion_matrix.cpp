#include "train/confusion_matrix.h"

#include "common/errors.h"

#include <string>

namespace tl {

ConfusionMatrix::ConfusionMatrix(int classes) : m_classes(classes), m_counts(static_cast<size_t>(classes) * classes, 0)
{
}

void ConfusionMatrix::add(int64_t truth, int64_t predicted)
{
    if (truth < 0 || truth >= m_classes || predicted < 0 || predicted >= m_classes)
        throw InvalidArgument("confusion matrix: class index out of range (" + std::to_string(truth) + ", "
                              + std::to_string(predicted) + ") for " + std::to_string(m_classes) + " classes");
    ++m_counts[truth * m_classes + predicted];
    ++m_total;
}

void ConfusionMatrix::merge(const ConfusionMatrix& other)
{
    if (other.m_classes != m_classes)
        throw InvalidArgument("confusion matrix: cannot merge different class counts");
    for (size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_total += other.m_total;
}

double ConfusionMatrix::accuracy() const
{
    if (m_total == 0)
        return 0.0;
    int64_t correct = 0;
    for (int c = 0; c < m_classes; ++c)
        correct += count(c, c);
    return static_cast<double>(correct) / static_cast<double>(m_total);
}

ClassScores ConfusionMatrix::scores(int cls) const
{
    ClassScores s;
    int64_t predicted = 0;
    for (int t = 0; t < m_classes; ++t)
        predicted += count(t, cls);
    for (int p = 0; p < m_classes; ++p)
        s.support += count(cls, p);
    const double hits = static_cast<double>(count(cls, cls));
    s.precision = predicted ? hits / static_cast<double>(predicted) : 0.0;
    s.recall = s.support ? hits / static_cast<double>(s.support) : 0.0;
    s.f1 = s.precision + s.recall > 0 ? 2.0 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
    return s;
}

double ConfusionMatrix::macroF1() const
{
    if (m_classes == 0)
        return 0.0;
    double sum = 0.0;
    for (int c = 0; c < m_classes; ++c)
        sum += scores(c).f1;
    return sum / m_classes;
}

}  // namespace tl
