// Words typed together match where they stand together; documents holding every word only apart
// are a second, looser tier, counted and shown apart (docs/search-contract.md).
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "search/output.h"
#include "search/searcher.h"
#include "tests/search/search_fixture.h"

namespace luutru::search::testing {
namespace {

constexpr const char* k45 = "phong-12/dvbq-0345/45-TB-TU.pdf";

DocSpec Plain(std::string file, const StorageUnit& unit, std::string text,
              std::optional<Secrecy> secrecy = Secrecy::kNormal) {
  return Doc(std::move(file), unit).WithSecrecy(secrecy).WithPages({std::move(text)});
}

// A run's syllables are all in the archive, but no document holds them in that order: nothing
// answers; the document holding every word apart is the words tier, shown because the answer
// is empty.
TEST_F(SearchTest, AbsentPhraseIsAnsweredWithNothingAndItsWordsApartAreTheLooseTier) {
  const auto r = Find("đoàn kết nhà");
  EXPECT_EQ(r.total, 0u);
  EXPECT_EQ(r.total_loose, 1u);
  EXPECT_TRUE(r.loose_shown);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].doc.file, k45);
  EXPECT_EQ(r.documents[0].match, MatchTier::kWords);
  EXPECT_EQ(r.documents[0].rank, 1);
  ASSERT_TRUE(r.documents[0].snippet);
  EXPECT_NE(r.documents[0].snippet->find("«nhà»"), std::string::npos) << *r.documents[0].snippet;

  std::ostringstream table;
  WriteTable(table, r, Lang::kVi, 200);
  EXPECT_NE(
      table.str().find("Không có văn bản nào chứa liền 'đoàn kết nhà'; 1 văn bản có đủ các từ nhưng nằm rời nhau:"),
      std::string::npos)
      << table.str();
  std::ostringstream english;
  WriteTable(english, r, Lang::kEn, 200);
  EXPECT_NE(english.str().find("No document holds 'đoàn kết nhà' as typed; 1 documents hold every word, but apart:"),
            std::string::npos)
      << english.str();
  const auto json = ToJson(r);
  EXPECT_EQ(json["total"], 0);
  EXPECT_EQ(json["total_loose"], 1);
  EXPECT_EQ(json["results"][0]["match"], "words");
}

TEST_F(SearchTest, RunOfWordsIsOnePhraseAndItsSnippetMarksTheRunNotItsSyllables) {
  // "nghèo" alone is also in "Vì người nghèo" on the first page: not a match of "hộ nghèo".
  const auto r = Find("ho ngheo");
  ASSERT_EQ(r.total, 1u);
  EXPECT_EQ(r.total_loose, 0u) << "the only document holding both words holds them together";
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].match, MatchTier::kPhrase);
  EXPECT_EQ(r.documents[0].pages, std::vector<int>{2});
  ASSERT_TRUE(r.documents[0].snippet);
  EXPECT_NE(r.documents[0].snippet->find("«hộ nghèo»"), std::string::npos) << *r.documents[0].snippet;
  EXPECT_EQ(ToJson(r)["results"][0]["match"], "phrase");
}

// "nhà đại đoàn kết hộ nghèo" is held by no document whole: it names two things, cut where the
// neighbours ("kết hộ") stand together in no document; k45 holds both.
TEST_F(SearchTest, TwoThingsTypedTogetherAreCutWhereTheArchiveSaysTheyDoNotBelong) {
  const auto r = Find("nhà đại đoàn kết hộ nghèo");
  ASSERT_EQ(r.total, 1u);
  EXPECT_EQ(r.documents[0].doc.file, k45);
  EXPECT_EQ(r.documents[0].match, MatchTier::kPhrase);
  ASSERT_TRUE(r.documents[0].snippet);
  // Three words are not cut: two words and one is no pair of concepts.
  EXPECT_EQ(Find("hộ nghèo quỹ").total, 0u);
  // A comma separates what an archivist asks for together.
  EXPECT_EQ(Find("hộ nghèo, quỹ").total, 1u);
  EXPECT_EQ(Find("hộ nghèo AND quỹ").total, 1u);
  EXPECT_EQ(Find("(hộ nghèo) quỹ").total, 1u);
}

// The cut is decided on what the reader may see: a secret document holding the whole run must
// not change the answer of a reader below its level (clearance is non-interference).
TEST_F(SearchTest, ConceptsAreCutOnTheDocumentsTheReaderMaySee) {
  std::vector<DocSpec> specs = ArchiveSpecs();
  const auto with_dir = dir_.string() + "-with";
  const auto without_dir = dir_.string() + "-without";
  Build(without_dir, specs);
  specs.push_back(Plain("phong-12/dvbq-0346/mat-99.pdf", Unit346Secret(), "ban về nhà đại đoàn kết hộ nghèo trong tỉnh",
                        Secrecy::kSecret));
  Build(with_dir, specs);
  const Searcher with = Searcher::Open({with_dir});
  const Searcher without = Searcher::Open({without_dir});
  SearchRequest r;
  r.query = "nhà đại đoàn kết hộ nghèo";
  r.loose = true;
  const auto a = with.Search(r);
  const auto b = without.Search(r);
  // Scores may differ (term statistics count every document); what is answered may not.
  auto shown = [](const SearchResponse& res) {
    std::string out = std::to_string(res.total) + "/" + std::to_string(res.total_loose);
    for (const auto& d : res.documents) out += " " + d.id + ":" + std::string(MatchTierName(d.match));
    return out;
  };
  EXPECT_EQ(shown(a), shown(b));
  EXPECT_EQ(a.total, 1u);
  r.clearance = Secrecy::kTopSecret;
  EXPECT_EQ(with.Search(r).total, 1u) << "seen whole, the run is one concept: only the secret document holds it";
  std::filesystem::remove_all(with_dir);
  std::filesystem::remove_all(without_dir);
}

class TiersTest : public SearchTest {
 protected:
  // Two units: one document holds "nhà đại đoàn kết", the other each of its words apart.
  static Searcher TogetherAndScattered(const std::string& dir) {
    Build(dir, {Plain("a/scattered.pdf", Unit347(), "Kết quả đoàn kiểm tra: nhà văn hóa đại hội"),
                Plain("a/together.pdf", Unit345(), "xây dựng nhà đại đoàn kết cho các hộ nghèo")});
    return Searcher::Open({dir});
  }
};

// Pull lists come from the answer; a unit whose documents hold the words only apart is listed
// after it, marked, only when asked.
TEST_F(TiersTest, PullListsNameOnlyTheUnitsOfTheAnswerUnlessAsked) {
  const auto dir = dir_.string() + "-pull";
  const Searcher searcher = TogetherAndScattered(dir);
  SearchRequest r;
  r.query = "nha dai doan ket";
  r.group_by_unit = true;
  auto res = searcher.Search(r);
  EXPECT_EQ(res.total, 1u);
  EXPECT_EQ(res.total_loose, 1u);
  ASSERT_EQ(res.units.size(), 1u);
  EXPECT_EQ(res.units[0].unit.code, Unit345().code);
  std::ostringstream csv;
  WriteCsv(csv, res, Lang::kVi);
  EXPECT_EQ(csv.str().find(Unit347().code), std::string::npos);

  r.loose = true;
  res = searcher.Search(r);
  ASSERT_EQ(res.units.size(), 2u);
  EXPECT_EQ(res.units[0].match, MatchTier::kPhrase);
  EXPECT_EQ(res.units[1].match, MatchTier::kWords);
  EXPECT_EQ(res.units[1].unit.code, Unit347().code);
  EXPECT_EQ(res.units[1].rank, 2);
  std::ostringstream table;
  WriteTable(table, res, Lang::kVi, 200);
  EXPECT_NE(table.str().find("1 hồ sơ khác có văn bản đủ các từ nhưng nằm rời nhau:"), std::string::npos)
      << table.str();
  std::filesystem::remove_all(dir);
}

TEST_F(TiersTest, LooseTierIsCountedAndPagedAfterTheAnswer) {
  const auto dir = dir_.string() + "-paged";
  const Searcher searcher = TogetherAndScattered(dir);
  SearchRequest r;
  r.query = "nha dai doan ket";
  auto res = searcher.Search(r);
  ASSERT_EQ(res.documents.size(), 1u) << "the words tier is not shown unless asked";
  EXPECT_EQ(res.total_loose, 1u);
  std::ostringstream table;
  WriteTable(table, res, Lang::kVi, 200);
  EXPECT_NE(table.str().find("1 văn bản khác có đủ các từ nhưng nằm rời nhau (xem với --loose)."), std::string::npos)
      << table.str();
  r.loose = true;
  r.offset = 1;
  res = searcher.Search(r);
  ASSERT_EQ(res.documents.size(), 1u);
  EXPECT_EQ(res.documents[0].doc.file, "a/scattered.pdf");
  EXPECT_EQ(res.documents[0].rank, 2);
  EXPECT_EQ(res.documents[0].match, MatchTier::kWords);
  std::filesystem::remove_all(dir);
}

// Pairs of a run that stand apart ("cải cách", "cách hành", "hành chính" in three places) are
// not the run: the document holds every word, apart, and is of the words tier.
TEST_F(TiersTest, PairsStandingApartAreNotTheRun) {
  const auto dir = dir_.string() + "-apart";
  Build(dir, {Plain("a/apart.pdf", Unit347(), "Cải cách giáo dục; cách hành văn của nền hành chính"),
              Plain("a/together.pdf", Unit345(), "Đẩy mạnh cải cách hành chính trong tỉnh")});
  const Searcher searcher = Searcher::Open({dir});
  SearchRequest r;
  r.query = "cải cách hành chính";
  auto res = searcher.Search(r);
  EXPECT_EQ(res.total, 1u);
  EXPECT_FALSE(res.total_is_estimate);
  EXPECT_EQ(res.total_loose, 1u);
  ASSERT_EQ(res.documents.size(), 1u);
  EXPECT_EQ(res.documents[0].doc.file, "a/together.pdf");
  r.loose = true;
  res = searcher.Search(r);
  ASSERT_EQ(res.documents.size(), 2u);
  EXPECT_EQ(res.documents[1].doc.file, "a/apart.pdf");
  EXPECT_EQ(res.documents[1].match, MatchTier::kWords);
  r.loose = false;
  r.group_by_unit = true;
  res = searcher.Search(r);
  ASSERT_EQ(res.units.size(), 1u);
  EXPECT_EQ(res.units[0].unit.code, Unit345().code);
  r.group_by_unit = false;
  r.query = "cai cach hanh chinh giao duc";  // held by no document, nor cut into held concepts
  res = searcher.Search(r);
  EXPECT_EQ(res.total, 0u);
  std::filesystem::remove_all(dir);
}

// A run cut by a page break, the next page's number printed on top of it, is the run: the
// document is in the answer, on both pages. Two documents of one file stand apart: a run that
// ends one and goes on in the next is held by neither.
TEST_F(TiersTest, ARunCutByAPageBreakIsTheRunAndOneCutByADocumentBoundaryIsNot) {
  const auto dir = dir_.string() + "-break";
  Build(dir, {Doc("a/cut.pdf", Unit345()).WithPages({"Năm 2023 tỉnh xây mới 419 nhà đại", "2\nđoàn kết cho hộ nghèo"}),
              Doc("b/bundle.pdf", Unit347()).WithPages({"Báo cáo công tác", "2\nvận động ủng hộ quỹ vì"}),
              Doc("b/bundle.pdf", Unit347()).WithFirstPage(3).WithPages({"người nghèo năm 2023"})});
  const Searcher searcher = Searcher::Open({dir});
  for (const std::string query : {"nhà đại đoàn kết", "dai doan", "xây mới 419 nhà đại đoàn kết cho hộ nghèo"}) {
    SearchRequest r;
    r.query = query;
    auto res = searcher.Search(r);
    EXPECT_EQ(res.total, 1u) << query;
    EXPECT_FALSE(res.total_is_estimate) << query;
    ASSERT_EQ(res.documents.size(), 1u) << query;
    EXPECT_EQ(res.documents[0].id, "a/cut.pdf#1-2") << query;
    EXPECT_EQ(res.documents[0].match, MatchTier::kPhrase) << query;
    EXPECT_EQ(res.documents[0].pages, (std::vector<int>{1, 2})) << query;
    ASSERT_TRUE(res.documents[0].snippet) << query;
    // The snippet shows one page: the run is marked up to the end of the first.
    EXPECT_NE(res.documents[0].snippet->find("đại»"), std::string::npos) << *res.documents[0].snippet;
    r.group_by_unit = true;
    res = searcher.Search(r);
    ASSERT_EQ(res.units.size(), 1u) << query;
    EXPECT_EQ(res.units[0].unit.code, Unit345().code) << query;
  }
  SearchRequest r;
  r.query = "hộ nghèo";  // on the second page only
  auto res = searcher.Search(r);
  ASSERT_EQ(res.documents.size(), 1u);
  EXPECT_EQ(res.documents[0].pages, std::vector<int>{2});
  ASSERT_TRUE(res.documents[0].snippet);
  EXPECT_NE(res.documents[0].snippet->find("«hộ nghèo»"), std::string::npos) << *res.documents[0].snippet;
  for (const std::string query : {"quỹ vì người nghèo", "vi nguoi"}) {
    r.query = query;
    res = searcher.Search(r);
    EXPECT_EQ(res.total, 0u) << query;
    EXPECT_EQ(res.total_loose, 0u) << query << ": no document holds every word";
  }
  std::filesystem::remove_all(dir);
}

// A run held by many documents: its chains are checked on a sample of them, so the total says
// it is an estimate, and it is close; the documents shown all hold the run. Below the sample,
// the totals of both tiers are exact.
TEST_F(TiersTest, ManyHoldersAreCountedFromASampleThatSaysSo) {
  const auto dir = dir_.string() + "-many";
  // `count` documents, one in every `step` holding the words apart, the others the run.
  auto archive = [](int count, int step) {
    std::vector<DocSpec> specs;
    for (int i = 0; i < count; ++i) {
      const bool whole = i % step != step / 2;
      specs.push_back(Plain("a/" + std::string(whole ? "together-" : "apart-") + std::to_string(i) + ".pdf", Unit345(),
                            whole ? "Đẩy mạnh cải cách hành chính năm " + std::to_string(i)
                                  : "Cải cách giáo dục; cách hành văn của nền hành chính năm " + std::to_string(i)));
    }
    return specs;
  };
  SearchRequest r;
  r.query = "cải cách hành chính";
  Build(dir, archive(150, 5));  // 120 and 30
  {
    const auto res = Searcher::Open({dir}).Search(r);
    EXPECT_EQ(res.total, 120u);
    EXPECT_FALSE(res.total_is_estimate);
    EXPECT_EQ(res.total_loose, 30u);
    EXPECT_FALSE(res.total_loose_is_estimate);
  }
  Build(dir, archive(440, 11));  // 400 and 40
  const auto res = Searcher::Open({dir}).Search(r);
  EXPECT_TRUE(res.total_is_estimate);
  EXPECT_NEAR(static_cast<double>(res.total), 400.0, 20.0);
  ASSERT_EQ(res.documents.size(), 10u);
  for (const auto& d : res.documents) EXPECT_NE(d.doc.file.find("together"), std::string::npos) << d.doc.file;
  EXPECT_GE(res.total_loose, 20u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace luutru::search::testing
