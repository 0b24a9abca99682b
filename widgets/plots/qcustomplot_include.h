#pragma once

// Debian's qcustomplot.h still uses the bare `signals:` and `foreach` that QT_NO_KEYWORDS removes
// (the project needs QT_NO_KEYWORDS because LibTorch's IValue::slots() clashes with `slots`).
// Include QCustomPlot only through this header, and only from .cpp files.

#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef foreach
#undef signals
