#include "train/run_folder.h"

#include "common/errors.h"

#include <chrono>
#include <ctime>
#include <sstream>

namespace tl {

namespace {

std::string safeName(const std::string& name)
{
    std::string out;
    for (unsigned char c : name) {
        // Keep UTF-8 bytes (Korean names stay readable); replace what file systems dislike.
        if (c < 0x20 || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>'
            || c == '|')
            out += '_';
        else
            out += static_cast<char>(c == ' ' ? '_' : c);
    }
    return out.empty() ? std::string("run") : out.substr(0, 80);
}

}  // namespace

RunFolder RunFolder::create(const std::filesystem::path& base, const std::string& experimentName)
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d_%H-%M-%S", &local);
    std::error_code ec;
    std::filesystem::create_directories(base, ec);
    if (ec)
        throw Error(base.string() + ": cannot create the runs folder (" + ec.message() + ")");
    const std::string stem = std::string(stamp) + "_" + safeName(experimentName);
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const std::filesystem::path candidate = base / (attempt ? stem + "_" + std::to_string(attempt) : stem);
        if (std::filesystem::create_directory(candidate, ec))
            return RunFolder(candidate);
        if (ec)
            throw Error(candidate.string() + ": cannot create the run folder (" + ec.message() + ")");
    }
    throw Error(base.string() + ": too many runs started in the same second");
}

RunFolder RunFolder::createAt(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::create_directory(path, ec))
        throw Error(path.string() + ": cannot create the run folder ("
                    + (ec ? ec.message() : std::string("it exists already")) + ")");
    return RunFolder(path);
}

RunFolder RunFolder::open(const std::filesystem::path& path)
{
    if (!std::filesystem::is_directory(path) || !std::filesystem::exists(path / "experiment.json"))
        throw Error(path.string() + ": not a run folder (no experiment.json)");
    return RunFolder(path);
}

void RunFolder::writeText(const std::string& name, const std::string& text) const
{
    const std::filesystem::path target = file(name);
    const std::filesystem::path temporary = file(name + ".partial");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out)
            throw Error(target.string() + ": cannot be written");
    }
    std::error_code ec;
    std::filesystem::rename(temporary, target, ec);
    if (ec)
        throw Error(target.string() + ": cannot be written (" + ec.message() + ")");
}

void RunFolder::copyFile(const std::string& from, const std::string& to) const
{
    const std::filesystem::path temporary = file(to + ".partial");
    std::error_code ec;
    std::filesystem::remove(temporary, ec);
    std::filesystem::create_hard_link(file(from), temporary, ec);
    if (ec) {
        ec.clear();
        std::filesystem::copy_file(file(from), temporary, std::filesystem::copy_options::overwrite_existing, ec);
    }
    if (!ec)
        std::filesystem::rename(temporary, file(to), ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw Error(file(to).string() + ": cannot be written (" + ec.message() + ")");
    }
}

std::string RunFolder::readText(const std::string& name) const
{
    std::ifstream in(file(name), std::ios::binary);
    if (!in)
        throw Error(file(name).string() + ": missing from the run folder");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void RunFolder::appendLine(const std::string& name, const std::string& line, const std::string& header) const
{
    const bool fresh = !std::filesystem::exists(file(name));
    std::ofstream out(file(name), std::ios::binary | std::ios::app);
    if (fresh && !header.empty())
        out << header << '\n';
    out << line << '\n';
    if (!out)
        throw Error(file(name).string() + ": cannot be written");
}

void RunFolder::truncateAfter(const std::string& name, int64_t last) const
{
    if (!std::filesystem::exists(file(name)))
        return;
    std::istringstream in(readText(name));
    std::string kept;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (!header) {
            try {
                if (std::stoll(line.substr(0, line.find(','))) > last)
                    continue;
            } catch (const std::exception&) {
                continue;  // a half-written line from a killed process
            }
        }
        header = false;
        kept += line + '\n';
    }
    writeText(name, kept);
}

}  // namespace tl
