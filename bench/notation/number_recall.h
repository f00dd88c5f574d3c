// How many real document numbers `--number` finds, indexed as an archive holds them: once as
// catalog data, once only in the text, written under the issuer as "Số: …" and read back by the
// header reader. Shared by the test over ../shared/real-notations.tsv and the bench that prints
// the share.
#ifndef LUUTRU_BENCH_NOTATION_NUMBER_RECALL_H_
#define LUUTRU_BENCH_NOTATION_NUMBER_RECALL_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace luutru::bench {

// One line of real-notations.tsv: number, type, issuer, date (YYYY-MM-DD or empty), title.
struct RealNotation {
  std::string number;
  std::string type;
  std::string issuer;
  std::string date;
  std::string title;
};

// Reads the tab-separated list (a header line first). Throws std::runtime_error naming the file
// and the line when it cannot be read or a line has fewer than five fields.
std::vector<RealNotation> ReadRealNotations(const std::filesystem::path& tsv);

struct NumberRecall {
  size_t numbers = 0;  // distinct numbers asked
  // Numbers for which every document bearing them was returned.
  size_t found_from_catalog = 0;
  size_t found_from_text = 0;
  std::vector<std::string> missed_from_catalog;
  std::vector<std::string> missed_from_text;
};

// Writes each line as two documents (catalog number; number only in the text) into one
// luutru-index --jsonl file under `work`, indexes it with `index_program`, then asks --number for
// each distinct number. Throws std::runtime_error when indexing fails.
NumberRecall MeasureNumberRecall(const std::vector<RealNotation>& notations, const std::filesystem::path& index_program,
                                 const std::filesystem::path& work);

}  // namespace luutru::bench

#endif  // LUUTRU_BENCH_NOTATION_NUMBER_RECALL_H_
