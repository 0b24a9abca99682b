#pragma once

// Data rows over the whole architecture zoo, and the small input size that still exercises every
// layer of each, for tests that run every architecture.
#include "models/zoo.h"

#include <QString>
#include <QtTest>

namespace tl::test {

/// Adds the "arch" column and one row per architecture of the zoo.
inline void addZooRows()
{
    QTest::addColumn<QString>("arch");
    for (const ZooEntry& e : zoo())
        QTest::newRow(e.name.c_str()) << QString::fromStdString(e.name);
}

/// Small inputs keep the tests fast; each still passes every pooling layer.
inline int smallInputSize(const QString& arch)
{
    if (arch == QLatin1String("lenet5"))
        return 32;
    if (arch == QLatin1String("alexnet"))
        return 96;
    return 64;
}

}  // namespace tl::test
