#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace tl {

/// The folder of one run: experiment.json as run, split.json, metrics.csv (per iteration),
/// epochs.csv, summary.json, checkpoints and log.txt. Names sort by start time.
class RunFolder {
public:
    /// Creates base/YYYY-MM-DD_HH-MM-SS_<name> (made unique with a suffix if needed).
    static RunFolder create(const std::filesystem::path& base, const std::string& experimentName);
    /// Creates exactly `path` (a stage's run inside another run's folder); it must not exist yet.
    static RunFolder createAt(const std::filesystem::path& path);
    /// Opens an existing run folder to resume it; throws Error when it is none.
    static RunFolder open(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path file(const std::string& name) const { return m_path / name; }

    /// Writes a whole file atomically (temporary file + rename).
    void writeText(const std::string& name, const std::string& text) const;
    std::string readText(const std::string& name) const;
    /// Makes file `to` hold what file `from` holds, atomically. Files of a run folder are only
    /// ever replaced whole, never changed in place, so a second name for the same file (a hard
    /// link, instant even for a large checkpoint) serves; a byte copy where links are refused.
    void copyFile(const std::string& from, const std::string& to) const;
    /// Appends a line to a CSV or log file, writing `header` first when the file is new.
    void appendLine(const std::string& name, const std::string& line, const std::string& header = {}) const;
    /// Drops the lines of a CSV whose first column (a step or epoch number) exceeds `last`, so a
    /// resumed run continues the file exactly where its checkpoint was taken.
    void truncateAfter(const std::string& name, int64_t last) const;

private:
    explicit RunFolder(std::filesystem::path path) : m_path(std::move(path)) {}
    std::filesystem::path m_path;
};

}  // namespace tl
