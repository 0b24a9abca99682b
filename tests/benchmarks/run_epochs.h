#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tl::bench {

/// One line of a run folder's epochs.csv, as far as the benchmarks need it.
struct EpochRow {
    std::string epoch;
    double seconds = 0.0;
    double imagesPerSecond = 0.0;
};

/// The epochs a run finished, in order (epoch,train_loss,train_accuracy,val_loss,val_top1,
/// val_top5,seconds,images_per_second,...).
inline std::vector<EpochRow> readEpochRows(const std::filesystem::path& runDir)
{
    std::ifstream in(runDir / "epochs.csv");
    std::string line;
    std::getline(in, line);  // the header
    std::vector<EpochRow> rows;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream row(line);
        for (std::string cell; std::getline(row, cell, ',');)
            cells.push_back(cell);
        if (cells.size() >= 8)
            rows.push_back({cells[0], std::stod(cells[6]), std::stod(cells[7])});
    }
    return rows;
}

/// Training images per second over every epoch but the first, which warms up allocators and
/// the loader (as the Python peers leave theirs out too).
inline double steadyImagesPerSecond(const std::vector<EpochRow>& rows)
{
    double images = 0, seconds = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
        seconds += rows[i].seconds;
        images += rows[i].imagesPerSecond * rows[i].seconds;
    }
    return seconds > 0 ? images / seconds : 0.0;
}

}  // namespace tl::bench
