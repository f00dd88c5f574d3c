// End-to-end checks of luutru-corpus on a small archive: what the truth says is what Poppler
// reads, the catalog parses, broken files are broken, facts are unique, output is deterministic.
#include <unistd.h>

#include <csv.h>
#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "corpus/phrase_truth.h"
#include "corpus/text_forms.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path MakeArchive(const std::string& name, int seed) {
  // ctest runs each test in its own process, several at once: one folder per process.
  fs::path dir = fs::path(::testing::TempDir()) / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string cmd = std::string(LUUTRU_CORPUS_BIN) + " --out '" + dir.string() + "' --docs 30 --seed " +
                    std::to_string(seed) + " --jobs 2 > /dev/null";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  return dir;
}

const fs::path& Archive() {
  static const fs::path dir = MakeArchive("corpus-a", 7);
  return dir;
}

std::vector<json> Truth(const fs::path& dir) {
  std::vector<json> out;
  std::ifstream in(dir / "truth.jsonl");
  for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
  return out;
}

// NFC, then every run of whitespace to one space, trimmed.
std::string Fold(const std::string& s) {
  std::string nfc = luutru::corpus::ToNfc(s), out;
  for (char c : nfc) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::unique_ptr<poppler::document> Open(const fs::path& p) {
  return std::unique_ptr<poppler::document>(poppler::document::load_from_file(p.string()));
}

std::string PageText(poppler::document& doc, int page) {
  std::unique_ptr<poppler::page> p(doc.create_page(page));
  auto bytes = p->text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

void Quiet() {
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
}

TEST(CorpusArchive, TextLayerPagesExtractToTheirTruth) {
  Quiet();
  int checked = 0;
  for (const json& d : Truth(Archive())) {
    if (d.contains("broken") || d["scanned"].get<bool>()) continue;
    auto doc = Open(Archive() / d["file"].get<std::string>());
    ASSERT_TRUE(doc) << d["file"];
    int first = d["page_range"][0];
    const auto& layer = d["text_layer_pages"];
    for (size_t i = 0; i < layer.size(); ++i) {
      EXPECT_EQ(Fold(PageText(*doc, first - 1 + static_cast<int>(i))), Fold(layer[i].get<std::string>()))
          << d["id"] << " page " << i + 1 << " (" << d["variant"] << ")";
      ++checked;
    }
    if (d["text_layer"] == "tcvn3") {
      // The look-alike layer repairs to the page text the truth records.
      for (size_t i = 0; i < layer.size(); ++i)
        EXPECT_EQ(luutru::corpus::FromTcvn3LookAlike(layer[i].get<std::string>()), d["pages"][i].get<std::string>());
    }
  }
  EXPECT_GT(checked, 20);
}

TEST(CorpusArchive, ScannedPagesHaveNoTextLayerOrOnlyTheStamp) {
  Quiet();
  int scanned = 0;
  for (const json& d : Truth(Archive())) {
    if (d.contains("broken") || !d["scanned"].get<bool>()) continue;
    auto doc = Open(Archive() / d["file"].get<std::string>());
    ASSERT_TRUE(doc);
    for (int p = 0; p < doc->pages(); ++p) {
      std::string text = Fold(PageText(*doc, p));
      if (d["text_layer"] == "stamp" && p == 0) {
        EXPECT_EQ(text, Fold(d["stamp_text"].get<std::string>()));
        EXPECT_NE(text.find("Ký bởi:"), std::string::npos);
      } else {
        EXPECT_EQ(text, "") << d["file"] << " page " << p + 1;
      }
    }
    // And the page text the truth records is the full document, which OCR must recover.
    EXPECT_NE(d["pages"][0].get<std::string>().find(d["number"].get<std::string>()), std::string::npos);
    ++scanned;
  }
  EXPECT_GE(scanned, 4);
}

struct CsvRows {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> current;
};

TEST(CorpusArchive, CatalogParsesAndNamesEveryFile) {
  std::ifstream in(Archive() / "catalog.csv", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  csv_parser parser;
  ASSERT_EQ(csv_init(&parser, CSV_STRICT | CSV_APPEND_NULL), 0);
  CsvRows rows;
  auto field = [](void* s, size_t len, void* data) {
    static_cast<CsvRows*>(data)->current.emplace_back(static_cast<const char*>(s), len);
  };
  auto end_row = [](int, void* data) {
    auto* r = static_cast<CsvRows*>(data);
    r->rows.push_back(std::move(r->current));
    r->current.clear();
  };
  ASSERT_EQ(csv_parse(&parser, bytes.data(), bytes.size(), field, end_row, &rows), bytes.size())
      << csv_strerror(csv_error(&parser));
  ASSERT_EQ(csv_fini(&parser, field, end_row, &rows), 0);
  csv_free(&parser);
  ASSERT_GT(rows.rows.size(), 30u);
  const auto& header = rows.rows[0];
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  for (const char* c : {"file", "page_range", "unit_code", "unit_title", "fonds", "inventory", "box", "doc_number",
                        "doc_date", "doc_type", "issuer", "title", "secrecy", "urgency"})
    ASSERT_TRUE(col.count(c)) << c;
  std::set<std::string> ranged;
  int with_fields = 0;
  for (size_t r = 1; r < rows.rows.size(); ++r) {
    const auto& row = rows.rows[r];
    ASSERT_EQ(row.size(), header.size());
    EXPECT_TRUE(fs::exists(Archive() / row[col["file"]])) << row[col["file"]];
    EXPECT_FALSE(row[col["unit_code"]].empty());
    if (!row[col["page_range"]].empty()) ranged.insert(row[col["file"]]);
    if (!row[col["doc_number"]].empty()) ++with_fields;
  }
  EXPECT_GE(ranged.size(), 1u) << "a storage unit scanned as one file has page_range rows";
  EXPECT_GT(with_fields, 0);
  EXPECT_LT(with_fields, static_cast<int>(rows.rows.size()) - 1) << "some rows leave fields to extraction";
}

TEST(CorpusArchive, BrokenFilesAreBrokenAsTruthSays) {
  Quiet();
  std::set<std::string> kinds;
  for (const json& d : Truth(Archive())) {
    if (!d.contains("broken")) continue;
    kinds.insert(d["broken"]);
    auto doc = Open(Archive() / d["file"].get<std::string>());
    bool failed = !doc || doc->is_locked() || doc->pages() == 0;
    EXPECT_TRUE(failed) << d["file"] << " (" << d["broken"] << ") opens cleanly";
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"truncated", "encrypted", "not-pdf", "bad-xref"}));
}

TEST(CorpusArchive, FactsAreUniqueAndQueriesPointAtThem) {
  std::vector<json> docs;
  for (const json& d : Truth(Archive()))
    if (!d.contains("broken")) docs.push_back(d);
  std::map<std::string, std::string> text;  // id → all pages
  for (const json& d : docs)
    for (const auto& p : d["pages"]) text[d["id"]] += Fold(p.get<std::string>()) + " ";
  for (const json& d : docs) {
    ASSERT_GE(d["facts"].size(), 1u);
    bool has_d_and_marks = false;
    for (const auto& f : d["facts"]) {
      std::string fact = Fold(f.get<std::string>());
      if (fact.find("đ") != std::string::npos || fact.find("Đ") != std::string::npos) has_d_and_marks = true;
      int holders = 0;
      for (const auto& [id, t] : text) holders += t.find(fact) != std::string::npos;
      EXPECT_EQ(holders, 1) << fact;
      EXPECT_NE(text[d["id"]].find(fact), std::string::npos) << fact << " not in " << d["id"];
    }
    EXPECT_TRUE(has_d_and_marks) << d["id"];
    for (const auto& dm : d["damaged"]) {
      EXPECT_NE(text[d["id"]].find(dm["written"].get<std::string>()), std::string::npos);
      for (const auto& [id, t] : text) EXPECT_EQ(t.find(dm["meant"].get<std::string>()), std::string::npos);
    }
  }
  std::ifstream in(Archive() / "queries.jsonl");
  std::set<std::string> classes;
  for (std::string line; std::getline(in, line);) {
    json q = json::parse(line);
    classes.insert(q["class"]);
    for (const auto& id : q["relevant"]) EXPECT_TRUE(text.count(id)) << id;
    // A phrase query carries its number of holders: none for an absent phrase, whose words
    // all occur in the archive but never in that order.
    if (q.contains("total")) {
      EXPECT_EQ(q["total"].get<size_t>(), q["relevant"].size()) << line;
      const std::vector<std::string> phrase = luutru::corpus::FoldedWords(q["query"].get<std::string>());
      size_t holders = 0;
      for (const json& d : docs) {
        std::string all;
        for (const auto& page : d["pages"]) all += page.get<std::string>() + "\n";
        holders += luutru::corpus::HoldsPhrase(luutru::corpus::FoldedWords(all), phrase);
      }
      EXPECT_EQ(holders, q["relevant"].size()) << line;
      continue;
    }
    ASSERT_FALSE(q["relevant"].empty());
  }
  for (const char* c : {"accented", "unaccented", "tone style", "nfd", "scanned-only", "document number",
                        "phrase count", "absent phrase", "absent phrase, unaccented", "two things"})
    EXPECT_TRUE(classes.count(c)) << c;
}

TEST(CorpusArchive, SameSeedSameBytes) {
  fs::path again = MakeArchive("corpus-b", 7);
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(Archive())) {
    if (!e.is_regular_file()) continue;
    fs::path other = again / fs::relative(e.path(), Archive());
    std::ifstream a(e.path(), std::ios::binary), b(other, std::ios::binary);
    std::stringstream sa, sb;
    sa << a.rdbuf();
    sb << b.rdbuf();
    EXPECT_TRUE(sa.str() == sb.str()) << e.path();
    ++files;
  }
  EXPECT_GT(files, 30u);
}

}  // namespace
