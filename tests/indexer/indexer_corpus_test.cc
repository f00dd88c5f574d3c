// luutru-index on an archive made by luutru-corpus: every readable document indexed, broken files
// fail clearly and nothing else does, and header metadata read from born-digital text matches the
// generator's truth.
#include <sys/wait.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "catalog/schema.h"
#include "tests/test_support.h"
#include "tokenizers/normalize.h"

namespace luutru {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

int Shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Quote(const fs::path& p) { return "'" + p.string() + "'"; }

std::vector<json> ReadJsonl(const fs::path& p) {
  std::vector<json> out;
  std::ifstream in(p);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

// The truth's fields, under the names the generator may give them.
std::string Text(const json& j, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    auto it = j.find(n);
    if (it != j.end() && it->is_string()) return it->get<std::string>();
  }
  return "";
}

std::pair<int, int> PageRange(const json& j) {
  if (auto it = j.find("page_range"); it != j.end()) {
    if (it->is_array() && it->size() == 2) return {(*it)[0].get<int>(), (*it)[1].get<int>()};
    if (it->is_string()) {
      int a = 0, b = 0;
      if (std::sscanf(it->get<std::string>().c_str(), "%d-%d", &a, &b) == 2) return {a, b};
    }
  }
  if (j.contains("first_page") && j.contains("last_page")) {
    return {j.at("first_page").get<int>(), j.at("last_page").get<int>()};
  }
  if (auto it = j.find("pages"); it != j.end() && it->is_array()) {
    return {1, static_cast<int>(it->size())};
  }
  return {1, 1};
}

bool Scanned(const json& j) {
  if (auto it = j.find("scanned"); it != j.end() && it->is_boolean()) return it->get<bool>();
  return Text(j, {"variant"}).find("scan") != std::string::npos;
}

TEST(IndexerCorpusTest, GeneratedArchiveIndexesWithItsMetadata) {
  const fs::path corpus = testing::BinaryDir() / "corpus" / "luutru-corpus";
  const fs::path index = testing::BinaryDir() / "indexer" / "luutru-index";
  // Both are dependencies of this test in CMake: one missing is a broken build, not a skip.
  ASSERT_TRUE(fs::exists(corpus)) << "luutru-corpus is not built (" << corpus << ")";
  ASSERT_TRUE(fs::exists(index)) << "luutru-index is not built (" << index << ")";
  const fs::path dir = fs::temp_directory_path() / ("luutru-index-corpus-" + std::to_string(getpid()));
  fs::remove_all(dir);
  const fs::path arch = dir / "archive";
  ASSERT_EQ(Shell(Quote(corpus) + " --out " + Quote(arch) + " --docs 30 --seed 11 > /dev/null"), 0);
  ASSERT_TRUE(fs::exists(arch / "truth.jsonl"));

  const fs::path db = dir / "db", report = dir / "report.jsonl";
  const int status =
      Shell("LANG=en " + Quote(index) + " --db " + Quote(db) + " --catalog " + Quote(arch / "catalog.csv") +
            " --report " + Quote(report) + " " + Quote(arch) + " 2> " + Quote(dir / "stderr.txt"));

  std::set<std::string> must_fail;
  std::vector<json> documents;
  for (const json& t : ReadJsonl(arch / "truth.jsonl")) {
    if (t.value("must_fail", false) || t.contains("broken")) {
      must_fail.insert(Text(t, {"file"}));
    } else {
      documents.push_back(t);
    }
  }
  EXPECT_EQ(status, must_fail.empty() ? 0 : 1);

  // Broken files fail, and nothing else does.
  std::set<std::string> failed;
  for (const json& r : ReadJsonl(report)) {
    if (r.at("status") == "failed") failed.insert(r.at("file").get<std::string>());
  }
  EXPECT_EQ(failed, must_fail);

  std::map<std::string, catalog::ArchiveDocument> indexed;
  {
    Xapian::Database xdb(db.string());
    for (auto it = xdb.postlist_begin(""); it != xdb.postlist_end(""); ++it) {
      auto stored = catalog::schema::ReadStoredDocument(xdb.get_document(*it));
      indexed[stored.doc.Id()] = stored.doc;
    }
  }

  int born = 0, number_ok = 0, date_ok = 0, type_ok = 0, title_ok = 0;
  int shown_number_ok = 0;
  int scans = 0, scan_number_ok = 0, scan_date_ok = 0, scan_type_ok = 0;  // printed, not asserted
  for (const json& t : documents) {
    const auto [first, last] = PageRange(t);
    const std::string id = Text(t, {"file"}) + "#" + std::to_string(first) + "-" + std::to_string(last);
    auto it = indexed.find(id);
    if (it == indexed.end()) {
      ADD_FAILURE() << "not indexed: " << id;
      continue;
    }
    const catalog::ArchiveDocument& doc = it->second;
    if (Scanned(t)) {
      ++scans;
      const catalog::DocumentMetadata& x = doc.extracted;
      scan_number_ok += x.number.value_or("") == Text(t, {"number", "doc_number"});
      scan_date_ok += (x.date ? x.date->ToString() : "") == Text(t, {"date", "doc_date"});
      scan_type_ok += x.type.value_or("") == Text(t, {"type", "doc_type"});
      EXPECT_TRUE(doc.HasOcr()) << id;
      continue;
    }
    ++born;
    for (const catalog::Page& p : doc.pages) {
      EXPECT_TRUE(p.source == catalog::TextSource::kTextLayer || p.source == catalog::TextSource::kLegacyRepaired)
          << id << " page source " << catalog::TextSourceName(p.source);
      EXPECT_FALSE(p.text.empty()) << id;
    }
    const std::string number = Text(t, {"number", "doc_number"});
    const std::string date = Text(t, {"date", "doc_date"});
    const std::string type = Text(t, {"type", "doc_type"});
    const catalog::DocumentMetadata& x = doc.extracted;  // what the text alone said
    if (x.number.value_or("") == number)
      ++number_ok;
    else
      std::printf("number %s: extracted \"%s\", truth \"%s\"\n", id.c_str(), x.number.value_or("").c_str(),
                  number.c_str());
    if ((x.date ? x.date->ToString() : "") == date)
      ++date_ok;
    else
      std::printf("date %s: extracted \"%s\", truth \"%s\"\n", id.c_str(), x.date ? x.date->ToString().c_str() : "",
                  date.c_str());
    if (x.type.value_or("") == type)
      ++type_ok;
    else
      std::printf("type %s: extracted \"%s\", truth \"%s\"\n", id.c_str(), x.type.value_or("").c_str(), type.c_str());
    // The summary (trích yếu) alone: it ends where the body begins, a blank line below it.
    const std::string title = tokenizers::NormalizeText(Text(t, {"title"}));
    if (tokenizers::NormalizeText(x.title.value_or("")) == title)
      ++title_ok;
    else
      std::printf("title %s: extracted \"%s\", truth \"%s\"\n", id.c_str(), x.title.value_or("").c_str(),
                  title.c_str());
    if (doc.meta.number.value_or("") == number) ++shown_number_ok;
  }
  ASSERT_GT(born, 0);
  auto pct = [born](int n) { return 100.0 * n / born; };
  std::printf(
      "born-digital documents: %d; extracted number %.1f%%, date %.1f%%, type %.1f%%, title %.1f%%; "
      "shown number (with catalog) %.1f%%\n",
      born, pct(number_ok), pct(date_ok), pct(type_ok), pct(title_ok), pct(shown_number_ok));
  if (scans > 0) {
    std::printf("scanned documents (OCR): %d; extracted number %d, date %d, type %d of %d\n", scans, scan_number_ok,
                scan_date_ok, scan_type_ok, scans);
  }
  EXPECT_GE(pct(number_ok), 98.0);
  EXPECT_GE(pct(date_ok), 98.0);
  EXPECT_GE(pct(type_ok), 98.0);
  EXPECT_GE(pct(title_ok), 90.0);
  if (!HasFailure()) fs::remove_all(dir);
}

}  // namespace
}  // namespace luutru
