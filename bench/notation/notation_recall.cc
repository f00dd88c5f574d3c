// notation_recall [--notations FILE.tsv] [--index-program PATH] [--misses]
// Prints the share of real document numbers (../shared/real-notations.tsv by default) for which
// --number returns every document bearing them, once from catalog data and once from the text.
#include <cstring>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include <unistd.h>

#include "bench/notation/number_recall.h"

namespace {

void PrintShare(const char* route, size_t found, size_t numbers, const std::vector<std::string>& missed,
                bool show_misses) {
  std::cout << std::left << std::setw(10) << route << std::right << std::setw(8) << found << " / " << numbers
            << std::fixed << std::setprecision(2) << std::setw(9)
            << (numbers ? 100.0 * static_cast<double>(found) / static_cast<double>(numbers) : 0.0) << " %\n";
  if (show_misses) {
    for (const auto& m : missed) std::cout << "  missed: " << m << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path tsv = std::filesystem::path(LUUTRU_SOURCE_DIR).parent_path() / "shared" / "real-notations.tsv";
  if (const char* env = std::getenv("LUUTRU_SHARED_DIR"); env && *env) {
    tsv = std::filesystem::path(env) / "real-notations.tsv";
  }
  std::filesystem::path index_program = LUUTRU_INDEX_BINARY;
  bool show_misses = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--notations") && i + 1 < argc)
      tsv = argv[++i];
    else if (!std::strcmp(argv[i], "--index-program") && i + 1 < argc)
      index_program = argv[++i];
    else if (!std::strcmp(argv[i], "--misses"))
      show_misses = true;
    else {
      std::cerr << "usage: notation_recall [--notations FILE.tsv] [--index-program PATH] [--misses]\n";
      return 2;
    }
  }
  const std::filesystem::path work =
      std::filesystem::temp_directory_path() / ("luutru-notation-recall-" + std::to_string(::getpid()));
  int status = 0;
  try {
    const auto notations = luutru::bench::ReadRealNotations(tsv);
    const auto recall = luutru::bench::MeasureNumberRecall(notations, index_program, work);
    std::cout << "== --number on " << recall.numbers << " distinct real numbers (" << notations.size()
              << " documents each way), " << tsv.filename().string() << '\n';
    std::cout << std::left << std::setw(10) << "route" << std::right << std::setw(19) << "every document found" << '\n';
    PrintShare("catalog", recall.found_from_catalog, recall.numbers, recall.missed_from_catalog, show_misses);
    PrintShare("text", recall.found_from_text, recall.numbers, recall.missed_from_text, show_misses);
  } catch (const std::exception& e) {
    std::cerr << "notation_recall: " << e.what() << '\n';
    status = 2;
  }
  std::error_code ec;
  std::filesystem::remove_all(work, ec);
  return status;
}
