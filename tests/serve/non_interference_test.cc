// Clearance is non-interference: at any clearance, every answer of the reading room is the answer
// of an archive that never held the documents above it. One generated archive (luutru-corpus) is
// indexed whole, and again without the documents above `thuong`, and again without those above
// `mật`; a server runs on each, and every channel is compared for many requests: the totals, the
// set of documents, the groups, the unit listings, the suggestions, the notes (blocking filters,
// near numbers, unit not found), the errors and /healthz. The requests use the hidden documents'
// own words and numbers and words one edit away from them, where an oracle would show.
//
// Ranking may follow collection statistics, so results are compared as sets (with everything a
// result says: pages, snippet, metadata), not in order, and scores are left out.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "catalog/model.h"
#include "catalog/schema.h"
#include "tests/serve/serve_fixture.h"
#include "tests/test_support.h"
#include "tokenizers/tokenizer.h"

namespace luutru::serve::testing {
namespace {

using nlohmann::json;

// What may differ between the two archives: order and scores. Everything else must not.
json Normalized(json answer) {
  if (!answer.is_object()) return answer;
  auto sort_by = [](json& list, const char* key) {
    std::sort(list.begin(), list.end(), [key](const json& a, const json& b) { return a[key].dump() < b[key].dump(); });
  };
  if (answer.contains("results")) {
    for (json& r : answer["results"]) {
      r.erase("rank");
      r.erase("score");
      if (r.contains("documents") && r.contains("matching_documents")) {
        // A unit's best three documents follow the ranking, and so does the unit's title and box,
        // read from the best of them (documents of one unit may describe it differently); the
        // unit and its count do not.
        r.erase("documents");
        r["unit"] = r["unit"]["code"];
      }
    }
    sort_by(answer["results"], answer["results"].size() && answer["results"][0].contains("id") ? "id" : "unit");
  }
  if (answer.contains("documents") && answer["documents"].is_array()) {
    for (json& d : answer["documents"]) {
      d.erase("rank");
      d.erase("score");
    }
  }
  if (answer.contains("near_numbers")) sort_by(answer["near_numbers"], "number");
  return answer;
}

// Words of a text as a reader would type them: each word, number, notation and date the
// analyzer finds, spelt as the text spells it; the shortest left out.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  for (const tokenizers::Token& t : tokenizers::Tokenize(text)) {
    if (t.end - t.begin >= 3) out.push_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

// Words one edit away: the last byte changed, a byte dropped (only ASCII positions, so the
// UTF-8 stays whole).
std::vector<std::string> OneEditAway(const std::string& word) {
  std::vector<std::string> out;
  const unsigned char last = static_cast<unsigned char>(word.back());
  if (last < 0x80) {
    std::string changed = word;
    changed.back() = std::isdigit(last) ? static_cast<char>('0' + (last - '0' + 1) % 10) : (last == 'a' ? 'e' : 'a');
    out.push_back(changed);
  }
  for (size_t i = 1; i + 1 < word.size(); ++i) {
    if (static_cast<unsigned char>(word[i]) < 0x80 && std::isalnum(static_cast<unsigned char>(word[i]))) {
      out.push_back(word.substr(0, i) + word.substr(i + 1));
      break;
    }
  }
  return out;
}

struct Archive {
  std::string db;
  RunningServer server;
};

class NonInterferenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new luutru::testing::TempDir("non-interference");
    const auto root = dir_->path();
    const auto bin = luutru::testing::BinaryDir();
    const std::string generated = (root / "generated.jsonl").string();
    const std::string all = (root / "all.jsonl").string();
    auto corpus = luutru::testing::RunCommand((bin / "corpus/luutru-corpus").string() + " --out " + generated +
                                              " --docs 600 --seed 20 --text-only 2>&1");
    ASSERT_EQ(corpus.exit_code, 0) << corpus.out;

    // The archive split by clearance: level 0 keeps `thuong` documents, level 1 also `mật` ones.
    std::ifstream in(generated);
    std::ofstream whole(all);
    std::ofstream upto[2] = {std::ofstream(root / "upto-0.jsonl"), std::ofstream(root / "upto-1.jsonl")};
    // The generated text-only archive is all `thuong`: a spread of its documents is classified
    // here (about a quarter mật, a ninth tối mật), as an archive classifies its own.
    int index = 0;
    for (std::string line; std::getline(in, line); ++index) {
      json d = json::parse(line);
      if (index % 9 == 2)
        d["secrecy"] = "tối mật";
      else if (index % 4 == 1)
        d["secrecy"] = "mật";
      line = d.dump();
      whole << line << '\n';
      std::optional<catalog::Secrecy> secrecy;
      if (d["secrecy"].is_string()) secrecy = catalog::ParseSecrecy(d["secrecy"].get<std::string>());
      const int level = static_cast<int>(catalog::EffectiveSecrecy(secrecy));
      docs_.push_back(Doc{d, level});
      for (int keep = 0; keep < 2; ++keep) {
        if (level <= keep) upto[keep] << line << '\n';
      }
    }
    whole.close();
    upto[0].close();
    upto[1].close();

    std::ofstream(root / "users.tsv") << "thuthu mat " << Hash("mật khẩu") << "\n";
    const std::string users = (root / "users.tsv").string();
    const std::vector<std::pair<std::string, std::string>> inputs = {
        {"all", all}, {"upto-0", (root / "upto-0.jsonl").string()}, {"upto-1", (root / "upto-1.jsonl").string()}};
    for (const auto& [name, jsonl] : inputs) {
      Archive a;
      a.db = (root / ("db-" + name)).string();
      auto index = luutru::testing::RunCommand((bin / "indexer/luutru-index").string() + " --db " + a.db + " --jsonl " +
                                               jsonl + " --jobs 1 2>&1");
      ASSERT_EQ(index.exit_code, 0) << index.out;
      a.server = StartServer(
          {"--db", a.db, "--users", users, "--access-log", (root / (name + ".log")).string(), "--threads", "8"});
      ASSERT_NE(a.server.port, 0);
      archives_[name] = a;
    }
  }

  static void TearDownTestSuite() {
    for (auto& [name, a] : archives_) StopServer(a.server);
    archives_.clear();
    docs_.clear();
    delete dir_;
  }

  struct Doc {
    json d;
    int level;
  };

  // Status and body of GET `path` on archive `name`, as a reader of clearance `level`.
  static std::pair<int, json> Ask(const std::string& name, const std::string& path, int level) {
    httplib::Client client("127.0.0.1", archives_[name].server.port);
    client.set_url_encode(false);
    client.set_read_timeout(60, 0);
    if (level == 1) client.set_basic_auth("thuthu", "mật khẩu");
    auto res = client.Get(path);
    if (!res) return {-1, json()};
    json body = json::parse(res->body, nullptr, /*allow_exceptions=*/false);
    return {res->status, body};
  }

  // The requests worth asking at `level`: built from the documents above it (their words,
  // numbers, units, ids and one-edit variants), and from visible ones for contrast.
  static std::vector<std::string> Requests(int level) {
    std::set<std::string> hidden_words, visible_words;
    std::vector<std::string> requests = {"/healthz", "/api/search?q=" + Encode("hộ"),
                                         "/api/search?q=" + Encode("929 hộ"), "/api/search?q=" + Encode("928 hộ")};
    std::set<std::string> numbers, units;
    for (const Doc& doc : docs_) {
      std::string text = doc.d["title"].is_string() ? doc.d["title"].get<std::string>() : "";
      for (const auto& p : doc.d["pages"]) text += "\n" + p.get<std::string>();
      for (const std::string& w : Words(text)) (doc.level > level ? hidden_words : visible_words).insert(w);
      if (doc.level <= level) continue;
      if (doc.d["doc_number"].is_string()) numbers.insert(doc.d["doc_number"].get<std::string>());
      if (doc.d["unit_code"].is_string()) units.insert(doc.d["unit_code"].get<std::string>());
    }
    std::vector<std::string> only_hidden;
    for (const std::string& w : hidden_words) {
      if (!visible_words.count(w)) only_hidden.push_back(w);
    }
    // A spread of them: every k-th, about 60.
    const size_t step = std::max<size_t>(1, only_hidden.size() / 60);
    for (size_t i = 0; i < only_hidden.size(); i += step) {
      requests.push_back("/api/search?limit=1000&q=" + Encode(only_hidden[i]));
      for (const std::string& e : OneEditAway(only_hidden[i]))
        requests.push_back("/api/search?limit=1000&q=" + Encode(e));
      if (i + 1 < only_hidden.size()) {
        requests.push_back("/api/search?limit=1000&group=unit&q=" + Encode(only_hidden[i] + " " + only_hidden[i + 1]));
      }
    }
    size_t shared = 0;
    for (const std::string& w : hidden_words) {
      if (visible_words.count(w) && shared++ % 40 == 0) {
        requests.push_back("/api/search?limit=1000&q=" + Encode(w));
        requests.push_back("/api/search?limit=1000&group=unit&q=" + Encode(w));
      }
    }
    int n = 0;
    for (const std::string& number : numbers) {
      if (n++ >= 25) break;
      requests.push_back("/api/search?limit=1000&number=" + Encode(number));
      requests.push_back("/api/search?limit=1000&q=" + Encode("so:" + number));
      for (const std::string& e : OneEditAway(number)) requests.push_back("/api/search?limit=1000&number=" + Encode(e));
    }
    n = 0;
    for (const std::string& unit : units) {
      if (n++ >= 15) break;
      requests.push_back("/api/units/" + Encode(unit));
      requests.push_back("/api/search?limit=1000&unit=" + Encode(unit));
      requests.push_back("/api/search?limit=1000&unit=" + Encode(unit) + "&q=" + Encode("kế hoạch"));
    }
    n = 0;
    for (const Doc& doc : docs_) {
      if (doc.level <= level || n++ >= 15) continue;
      const std::string file = doc.d["file"].get<std::string>();
      requests.push_back("/api/documents/" + Encode(file));
    }
    requests.push_back("/api/search?q=" + Encode("(((\""));  // an error
    requests.push_back("/api/search?type=" + Encode("Kế hoạch") + "&from=2015&to=2016&limit=1000");
    return requests;
  }

  // Compares every request at `level` between the whole archive and `reduced`; returns
  // {identical, asked}.
  static std::pair<int, int> Compare(int level, const std::string& reduced) {
    int identical = 0, asked = 0, shown = 0;
    for (const std::string& path : Requests(level)) {
      const auto whole = Ask("all", path, level);
      const auto without = Ask(reduced, path, level);
      ++asked;
      const json a = Normalized(whole.second), b = Normalized(without.second);
      if (whole.first == without.first && a == b) {
        ++identical;
      } else if (shown++ < 5) {
        ADD_FAILURE() << "clearance " << level << ": " << path << "\n  status " << whole.first << " and "
                      << without.first
                      << "; from the whole archive to the one without: " << json::diff(a, b).dump().substr(0, 1500);
      }
    }
    return {identical, asked};
  }

  static inline luutru::testing::TempDir* dir_ = nullptr;
  static inline std::map<std::string, Archive> archives_;
  static inline std::vector<Doc> docs_;
};

TEST_F(NonInterferenceTest, EveryChannelIsTheAnswerOfAnArchiveWithoutTheHiddenDocuments) {
  int hidden[2] = {0, 0};
  for (const Doc& d : docs_) {
    for (int level = 0; level < 2; ++level) hidden[level] += d.level > level;
  }
  ASSERT_GT(hidden[0], 20) << "the generated archive should hold documents above thuong";
  ASSERT_GT(hidden[1], 5) << "the generated archive should hold documents above mật";
  for (int level = 0; level < 2; ++level) {
    const auto [identical, asked] = Compare(level, "upto-" + std::to_string(level));
    std::printf("clearance %s: %d of %d answers identical with and without the %d documents above it\n",
                level == 0 ? "thuong" : "mat", identical, asked, hidden[level]);
    EXPECT_GT(asked, 150);
    EXPECT_EQ(identical, asked);
  }
}

TEST_F(NonInterferenceTest, TheHiddenDocumentsAreThereForTheirReaders) {
  // The comparison above means something only if the whole archive holds what the reduced
  // one lacks: a `mật` reader sees documents an anonymous reader does not.
  const auto anonymous = Ask("all", "/healthz", 0);
  const auto secret = Ask("all", "/healthz", 1);
  ASSERT_EQ(anonymous.first, 200);
  EXPECT_LT(anonymous.second["documents"].get<int>(), secret.second["documents"].get<int>());
  EXPECT_EQ(anonymous.second, Ask("upto-0", "/healthz", 0).second);
}

// Answers of more than 1,000 documents, where Xapian would estimate a total from statistics
// that count hidden documents too: a larger archive, built directly (a few words of a small
// vocabulary a document, so common words match most documents), whole and without the
// documents above `thuong`, whose hidden documents favour some words so that any estimate
// would differ.
class LargeAnswerTest : public ::testing::Test {
 protected:
  static constexpr int kDocuments = 3000;

  static void SetUpTestSuite() {
    dir_ = new luutru::testing::TempDir("non-interference-large");
    const auto root = dir_->path();
    const std::vector<std::string> vocabulary = {"ngân sách", "kế hoạch", "quốc phòng", "biên giới", "đất đai",
                                                 "giáo dục",  "y tế",     "giao thông", "thủy lợi",  "cán bộ"};
    Xapian::WritableDatabase whole((root / "db-all").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::WritableDatabase reduced((root / "db-upto-0").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    uint32_t random = 20;
    auto next = [&random] {
      random = random * 1103515245u + 12345u;
      return (random >> 16) & 0x7fff;
    };
    for (int i = 0; i < kDocuments; ++i) {
      const bool hidden = i % 4 == 1 || i % 9 == 2;
      catalog::ArchiveDocument d;
      d.file = "ho-so-" + std::to_string(i) + ".pdf";
      d.unit.code = "Phông 7 / Mục lục 01 / ĐVBQ " + std::to_string(i / 2 + 1);
      d.unit.box = std::to_string(i / 40 + 1);
      d.meta.number = std::to_string(i + 1) + "-TB/UBND";
      d.meta.date = catalog::PartialDate{2010 + i % 12, 1 + i % 12, 1 + i % 28};
      d.meta.type = i % 3 ? "Thông báo" : "Kế hoạch";
      d.meta.secrecy = i % 9 == 2   ? catalog::Secrecy::kSecret
                       : i % 4 == 1 ? catalog::Secrecy::kConfidential
                                    : catalog::Secrecy::kNormal;
      std::string text = "Văn bản số " + std::to_string(i + 1) + " về";
      // Hidden documents hold the first words far more often than visible ones.
      for (size_t w = 0; w < vocabulary.size(); ++w) {
        const unsigned percent = hidden ? (w < 3 ? 95 : 20) : (w < 3 ? 55 : 40);
        if (next() % 100 < percent) text += " " + vocabulary[w] + ",";
      }
      d.meta.title = text.substr(0, 60);
      d.first_page = d.last_page = 1;
      d.pages.push_back(catalog::Page{text, catalog::TextSource::kTextLayer, -1, {}});
      d.catalog_order = i;
      const Xapian::Document indexed = catalog::schema::BuildIndexDocument(d);
      whole.replace_document(catalog::schema::IdTerm(d), indexed);
      if (!hidden) reduced.replace_document(catalog::schema::IdTerm(d), indexed);
      hidden_ += hidden;
      if (!hidden) visible_units_.insert(d.unit.code);
    }
    whole.commit();
    reduced.commit();
    for (const std::string name : {"all", "upto-0"}) {
      servers_[name] = StartServer({"--db", (root / ("db-" + name)).string(), "--access-log",
                                    (root / (name + ".log")).string(), "--threads", "4"});
      ASSERT_NE(servers_[name].port, 0);
    }
  }

  static void TearDownTestSuite() {
    for (auto& [name, server] : servers_) StopServer(server);
    servers_.clear();
    delete dir_;
  }

  static std::pair<int, json> Ask(const std::string& name, const std::string& path) {
    httplib::Client client("127.0.0.1", servers_[name].port);
    client.set_url_encode(false);
    client.set_read_timeout(60, 0);
    auto res = client.Get(path);
    if (!res) return {-1, json()};
    return {res->status, json::parse(res->body, nullptr, /*allow_exceptions=*/false)};
  }

  static inline luutru::testing::TempDir* dir_ = nullptr;
  static inline std::map<std::string, RunningServer> servers_;
  static inline int hidden_ = 0;
  static inline std::set<std::string> visible_units_;
};

TEST_F(LargeAnswerTest, TotalsOfMoreThanAThousandDocumentsAreTheAnswerOfAnArchiveWithoutTheHiddenDocuments) {
  std::vector<std::string> requests = {"/healthz"};
  const std::vector<std::string> rests = {"",
                                          "&group=unit",
                                          "&loose=1",
                                          "&offset=1000",
                                          "&group=unit&offset=990",
                                          "&type=" + Encode("Thông báo"),
                                          "&from=2012&to=2019&group=unit",
                                          "&sort=date"};
  for (const std::string q : {"ngân sách", "kế hoạch", "quốc phòng", "ngân sách kế hoạch", "văn bản",
                              "kế hoạch ngân sách", "giáo dục", "quoc phong bien gioi", "cán bộ y tế"}) {
    for (const std::string& rest : rests) {
      requests.push_back("/api/search?q=" + Encode(q) + rest);
    }
  }
  requests.push_back("/api/search?type=" + Encode("Thông báo"));
  requests.push_back("/api/search?type=" + Encode("Thông báo") + "&group=unit");
  requests.push_back("/api/search?fonds=" + Encode("Phông 7") + "&group=unit");
  int identical = 0, large = 0, shown = 0;
  for (const std::string& path : requests) {
    const auto whole = Ask("all", path);
    const auto without = Ask("upto-0", path);
    ASSERT_EQ(whole.first, 200) << path << "\n" << whole.second.dump();
    const json a = Normalized(whole.second), b = Normalized(without.second);
    if (a.contains("total") && a["total"].get<int>() > 1000) ++large;
    if (whole.first == without.first && a == b) {
      ++identical;
    } else if (shown++ < 5) {
      ADD_FAILURE() << path
                    << "\n  from the whole archive to the one without: " << json::diff(a, b).dump().substr(0, 1500);
    }
  }
  std::printf(
      "answers of more than 1,000 documents or units: %d; %d of %zu answers identical with and without the "
      "%d documents above thuong\n",
      large, identical, requests.size(), hidden_);
  EXPECT_GE(large, 15) << "the archive should give answers of more than 1,000 documents";
  EXPECT_EQ(identical, static_cast<int>(requests.size()));
}

TEST_F(LargeAnswerTest, PullListOfMoreThanAThousandUnitsCountsTheUnitsTheReaderMaySee) {
  // "Văn bản số N" opens every document: the pull list is every unit holding a visible one.
  const auto answer = Ask("all", "/api/search?group=unit&q=" + Encode("văn bản"));
  ASSERT_EQ(answer.first, 200) << answer.second.dump();
  ASSERT_GT(visible_units_.size(), 1000u);
  EXPECT_EQ(answer.second["total"].get<size_t>(), visible_units_.size());
  EXPECT_FALSE(answer.second["total_is_estimate"].get<bool>());
}

}  // namespace
}  // namespace luutru::serve::testing
