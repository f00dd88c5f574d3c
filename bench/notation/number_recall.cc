#include "bench/notation/number_recall.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "search/search_error.h"
#include "search/searcher.h"

namespace luutru::bench {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();
  return fields;
}

std::string Upper(const std::string& text) {
  std::string out;
  icu::UnicodeString::fromUTF8(text).toUpper(icu::Locale("vi")).toUTF8String(out);
  return out;
}

// Page 1 as the office wrote it: issuer, the number under it, place and date, type, title.
std::string HeaderPage(const RealNotation& n) {
  std::string page = Upper(n.issuer) + "\nSố: " + n.number + "\n";
  if (n.date.size() == 10) {
    page +=
        "Hà Nội, ngày " + n.date.substr(8, 2) + " tháng " + n.date.substr(5, 2) + " năm " + n.date.substr(0, 4) + "\n";
  }
  return page + Upper(n.type) + "\n" + n.title + "\n";
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::vector<RealNotation> ReadRealNotations(const std::filesystem::path& tsv) {
  std::ifstream in(tsv);
  if (!in) throw std::runtime_error(tsv.string() + ": cannot be read");
  std::vector<RealNotation> notations;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (number == 1 || line.empty()) continue;  // the header
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 5) {
      throw std::runtime_error(tsv.string() + ":" + std::to_string(number) + ": fewer than five tab-separated fields");
    }
    notations.push_back(RealNotation{f[0], f[1], f[2], f[3], f[4]});
  }
  return notations;
}

NumberRecall MeasureNumberRecall(const std::vector<RealNotation>& notations, const std::filesystem::path& index_program,
                                 const std::filesystem::path& work) {
  std::filesystem::create_directories(work);
  const std::filesystem::path jsonl = work / "real-notations.jsonl";
  const std::filesystem::path db = work / "db";
  // The documents bearing each number, by route.
  std::map<std::string, std::set<std::string>> catalog_files, text_files;
  {
    std::ofstream out(jsonl, std::ios::binary);
    for (size_t i = 0; i < notations.size(); ++i) {
      const RealNotation& n = notations[i];
      const std::string name = std::to_string(i + 1) + ".pdf";
      nlohmann::json common = {{"doc_type", n.type},
                               {"issuer", n.issuer},
                               {"title", n.title},
                               {"doc_date", n.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(n.date)},
                               {"secrecy", "thường"}};
      nlohmann::json from_catalog = common;
      from_catalog["file"] = "catalog/" + name;
      from_catalog["doc_number"] = n.number;
      from_catalog["pages"] = {Upper(n.issuer) + "\n" + Upper(n.type) + "\n" + n.title + "\n"};
      nlohmann::json from_text = common;
      from_text["file"] = "text/" + name;
      from_text["pages"] = {HeaderPage(n)};
      out << from_catalog.dump() << '\n' << from_text.dump() << '\n';
      catalog_files[n.number].insert(from_catalog["file"]);
      text_files[n.number].insert(from_text["file"]);
    }
    if (!out) throw std::runtime_error(jsonl.string() + ": cannot be written");
  }
  std::filesystem::remove_all(db);
  const std::string command = ShellQuote(index_program.string()) + " --db " + ShellQuote(db.string()) + " --jsonl " +
                              ShellQuote(jsonl.string()) + " >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("indexing failed: " + command);

  const search::Searcher searcher = search::Searcher::Open({db.string()});
  NumberRecall recall;
  for (const auto& [number, expected_catalog] : catalog_files) {
    ++recall.numbers;
    std::set<std::string> returned;
    try {
      search::SearchRequest request;
      request.number = number;
      request.limit = 1000;
      for (const auto& hit : searcher.Search(request).documents) returned.insert(hit.doc.file);
    } catch (const search::SearchError&) {
      // Refused as not a number: nothing found either way.
    }
    auto all_in = [&](const std::set<std::string>& expected) {
      for (const auto& f : expected) {
        if (!returned.count(f)) return false;
      }
      return true;
    };
    if (all_in(expected_catalog))
      ++recall.found_from_catalog;
    else
      recall.missed_from_catalog.push_back(number);
    if (all_in(text_files[number]))
      ++recall.found_from_text;
    else
      recall.missed_from_text.push_back(number);
  }
  return recall;
}

}  // namespace luutru::bench
