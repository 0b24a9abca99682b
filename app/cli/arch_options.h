#pragma once

#include "models/zoo.h"

#include <QCommandLineParser>
#include <QString>

namespace tl::cli {

/// The options that pick and shape an architecture, shared by every command that builds one:
/// --arch, --classes, --in-channels, --input-size.
class ArchOptions {
public:
    void addTo(QCommandLineParser& parser);

    /// Reads the parsed values; returns false and sets `error` on a bad value.
    bool read(const QCommandLineParser& parser, QString& error);

    QString arch;
    BuildOptions build;
    int64_t height = 0;  // 0 = the architecture's default
    int64_t width = 0;
};

/// Parses "224" or "224x160" into height and width; false when it is not that.
bool parseInputSize(const QString& text, int64_t& height, int64_t& width);

/// Parses a whole positive number within [min, max]; false otherwise.
bool parseCount(const QString& text, int64_t min, int64_t max, int64_t& value);

/// Common start of every command: parses, handles --help; returns -1 to go on, else an exit code.
int parseOrExit(QCommandLineParser& parser, const QStringList& arguments);

}  // namespace tl::cli
