#pragma once

#include <QCoreApplication>
#include <QString>

namespace tl::report {

/// Report text in the interface's language. lupdate files the tr() calls made inside this
/// namespace under the context "tl::report", so the lookup uses that context too.
inline QString tr(const char* text)
{
    return QCoreApplication::translate("tl::report", text);
}

}  // namespace tl::report
