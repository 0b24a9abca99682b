#pragma once

#include <cstdint>
#include <vector>

namespace tl {

/// Precision, recall and F1 of one class.
struct ClassScores {
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0;
    int64_t support = 0;  // how many samples truly belong to the class
};

/// Counts of (true class, predicted class) pairs and the scores that follow from them.
class ConfusionMatrix {
public:
    explicit ConfusionMatrix(int classes = 0);

    void add(int64_t truth, int64_t predicted);
    void merge(const ConfusionMatrix& other);

    int classes() const { return m_classes; }
    int64_t count(int truth, int predicted) const { return m_counts[truth * m_classes + predicted]; }
    int64_t total() const { return m_total; }
    double accuracy() const;
    ClassScores scores(int cls) const;
    double macroF1() const;

private:
    int m_classes;
    std::vector<int64_t> m_counts;  // row = truth, column = prediction
    int64_t m_total = 0;
};

}  // namespace tl
