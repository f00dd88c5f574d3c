#include "search/searcher.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "search/search_error.h"
#include "tests/search/search_fixture.h"

namespace luutru::search::testing {
namespace {

constexpr const char* k45 = "phong-12/dvbq-0345/45-TB-TU.pdf";
constexpr const char* k12 = "phong-12/dvbq-0345/12-NQ-TU.pdf";
constexpr const char* k45Other = "phong-3/dvbq-0345/45-TB-TU.pdf";
constexpr const char* kSecret = "phong-12/dvbq-0346/mat-46.pdf";
constexpr const char* kUnknownSecrecy = "phong-12/dvbq-0345/khong-ro-mat.pdf";
constexpr const char* kNfd = "phong-12/dvbq-0347/05-CT-UBND.pdf";
constexpr const char* kInScan = "phong-12/dvbq-0347/scan-ho-so.pdf";

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_F(SearchTest, UnaccentedQueryFindsEverySpelling) {
  // "Đảng ủy" in NFC, "Đảng uỷ" in the other tone style, and NFD text.
  const auto r = Find("dang uy");
  const auto files = Files(r);
  EXPECT_TRUE(Contains(files, kNfd));
  EXPECT_TRUE(Contains(files, kInScan));
  EXPECT_FALSE(Contains(files, k45)) << "\"ĐẢNG BỘ ... TỈNH ỦY\": the words only apart";
  EXPECT_FALSE(Contains(files, kUnknownSecrecy)) << "its secrecy is unknown: mật";
  EXPECT_EQ(r.total, 2u);
  EXPECT_EQ(r.total_loose, 1u);
}

TEST_F(SearchTest, MarkedQueryRanksExactMatchesFirstAndStillFindsFoldedOnes) {
  const auto r = Find("Vì người nghèo");
  const auto files = Files(r);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0], k45) << "exact 'Vì' outranks the scan that reads 'Vi'";
  EXPECT_EQ(files[1], k12);
  EXPECT_GT(r.documents[0].score, r.documents[1].score);
}

TEST_F(SearchTest, ToneStyleAndNormalizationFormNeverMatter) {
  const auto old_style = Files(Find("hòa giải"));
  const auto new_style = Files(Find("hoà giải"));
  const auto nfd =
      Files(Find("ho\xCC\x80"
                 "a gia\xCC\x89i"));
  const auto capitals = Files(Find("HOÀ GIẢI"));
  ASSERT_EQ(old_style, std::vector<std::string>{kInScan});
  EXPECT_EQ(new_style, old_style);
  EXPECT_EQ(nfd, old_style);
  EXPECT_EQ(capitals, old_style);
}

TEST_F(SearchTest, WordsAreAndedByDefault) {
  EXPECT_EQ(Files(Find("nghèo thôn")), std::vector<std::string>{});
  EXPECT_EQ(Find("nghèo OR thôn").total, 3u);
}

TEST_F(SearchTest, PhraseNeedsTheWordsInOrder) {
  EXPECT_EQ(Files(Find("\"nha dai doan ket\"")), std::vector<std::string>{k45});
  EXPECT_EQ(Find("\"ket doan dai nha\"").total, 0u);
  EXPECT_EQ(Files(Find("\"nhà đại đoàn kết\"")), std::vector<std::string>{k45});
}

// An index written before word pairs existed, alone or as one shard among new ones: phrases
// are checked by positions there, and still found.
TEST_F(SearchTest, PhrasesAreFoundInAnIndexWithoutWordPairs) {
  const auto old_dir = dir_.string() + "-old";
  {
    Xapian::WritableDatabase db(old_dir, Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& spec : ArchiveSpecs()) {
      const ArchiveDocument d = MakeDocument(spec);
      Xapian::Document xdoc = catalog::schema::BuildIndexDocument(d);
      std::vector<std::string> pairs;
      const std::string prefix(catalog::schema::kWordPair);
      for (auto t = xdoc.termlist_begin(); t != xdoc.termlist_end(); ++t) {
        if ((*t).starts_with(prefix)) pairs.push_back(*t);
      }
      ASSERT_FALSE(pairs.empty());
      for (const auto& term : pairs) xdoc.remove_term(term);
      db.replace_document(catalog::schema::IdTerm(d), xdoc);
    }
    db.commit();
  }
  const auto new_dir = dir_.string() + "-new";
  Build(new_dir, {Doc("phong-20/dvbq-0001/01-KH-HU.pdf", Unit("20", "01", "0001", "1", "Hồ sơ kế hoạch"))
                      .WithNumber("01-KH/HU")
                      .WithDate(PartialDate{2024, 1, 5})
                      .WithType("Kế hoạch")
                      .WithIssuer("Huyện ủy Kiến Xương")
                      .WithTitle("Kế hoạch")
                      .WithPages({"Kế hoạch xây dựng nhà đại đoàn kết năm 2024"})});
  for (const std::vector<std::string>& dbs :
       {std::vector<std::string>{old_dir}, std::vector<std::string>{old_dir, new_dir}}) {
    const Searcher searcher = Searcher::Open(dbs);
    SearchRequest r;
    r.query = "\"nha dai doan ket\"";
    const auto files = Files(searcher.Search(r));
    EXPECT_TRUE(Contains(files, k45));
    EXPECT_EQ(files.size(), dbs.size());
    r.query = "\"ket doan dai nha\"";
    EXPECT_EQ(searcher.Search(r).total, 0u);
  }
  std::filesystem::remove_all(old_dir);
  std::filesystem::remove_all(new_dir);
}

// Word pairs narrow where positions are checked; they never stand in for the order.
TEST_F(SearchTest, WordPairsApartAreNotAPhrase) {
  Build(dir_, {Doc("a.pdf", Unit345()).WithPages({"nhà đại hội, rồi đại đoàn kết"})});
  searcher_.emplace(Searcher::Open({dir_.string()}));
  EXPECT_EQ(Find("\"nha dai doan\"").total, 0u) << "pairs 'nha dai' and 'dai doan' are both there";
  EXPECT_EQ(Find("\"dai doan ket\"").total, 1u);
}

TEST_F(SearchTest, NotAndMinusExclude) {
  EXPECT_EQ(Files(Find("nghèo -giảm")), std::vector<std::string>{k45});
  EXPECT_EQ(Files(Find("nghèo NOT giam")), std::vector<std::string>{k45});
  EXPECT_EQ(Files(Find("(thon OR giam) ngheo")), std::vector<std::string>{k12});
}

TEST_F(SearchTest, NumberLookupListsEveryDocumentWithThatNotation) {
  SearchRequest r;
  r.number = "Số: 45 - TB/TU";
  const auto res = Find(r);
  ASSERT_EQ(res.total, 2u);
  // No words: by date, oldest first; both issuers are there to tell them apart.
  EXPECT_EQ(Files(res), (std::vector<std::string>{k45Other, k45}));
  for (const auto& d : res.documents) {
    EXPECT_TRUE(d.pages.empty());
    EXPECT_FALSE(d.snippet.has_value());
  }
}

TEST_F(SearchTest, NumberIgnoresLeadingZerosAndDStroke) {
  SearchRequest r;
  r.number = "5/CT-UBND";
  EXPECT_EQ(Files(Find(r)), std::vector<std::string>{kNfd});
  r.number = "15/QD-UBND";
  EXPECT_EQ(Files(Find(r)), std::vector<std::string>{kInScan});
  r.number = "15/QÐ-UBND";  // Icelandic eth
  EXPECT_EQ(Files(Find(r)), std::vector<std::string>{kInScan});
  EXPECT_EQ(Files(Find("so:05/CT-UBND")), std::vector<std::string>{kNfd});
}

// OCR misreads type codes ("46/TIr-UBND" for "46/TTr-UBND"): a number no document carries finds
// the numbers one character away, and says so; the leading number itself must match.
TEST_F(SearchTest, NumberMisreadByOcrIsFoundAsANearNumber) {
  SearchRequest r;
  r.number = "45-TP/TU";
  auto res = Find(r);
  EXPECT_EQ(Files(res), (std::vector<std::string>{k45Other, k45}));
  EXPECT_EQ(res.near_numbers, std::vector<std::string>{"45-tb/tu"});
  r.number = "5/CT-UBNO";
  EXPECT_EQ(Files(Find(r)), std::vector<std::string>{kNfd});
  EXPECT_EQ(Files(Find("so:45-TP/TU")).size(), 2u);

  r.number = "45-TB/TU";
  res = Find(r);
  EXPECT_EQ(res.total, 2u);
  EXPECT_TRUE(res.near_numbers.empty()) << "an exact number is not widened";
  r.number = "46-TB/TU";
  EXPECT_EQ(Find(r).total, 0u) << "46 is another document, even one character away";
  r.number = "45-TPX/TU";
  EXPECT_EQ(Find(r).total, 0u) << "two characters away";
  r.number = "450-TB/TU";
  EXPECT_EQ(Find(r).total, 0u);
}

// A number found as typed also lists the OCR-read documents one character away (the other copy
// of the document, whose scan was misread), but not the typed documents one character away:
// those are other documents.
TEST_F(SearchTest, NumberFoundAsTypedAlsoFindsItsOcrMisreads) {
  std::vector<DocSpec> specs = ArchiveSpecs();
  specs.push_back(Doc("phong-9/dvbq-0001/45-TB-TU.pdf", Unit("9", "01", "0001", "1", "Bản sao"))
                      .WithNumber("45-TB/TV")
                      .WithDate(PartialDate{2023, 3, 12})
                      .WithType("Thông báo")
                      .WithIssuer("Tỉnh ủy Thái Bình")
                      .WithTitle("Bản chụp")
                      .WithPages({"Số 45-TB/TV"})
                      .WithSource(TextSource::kOcr));
  specs.push_back(Doc("phong-9/dvbq-0001/45-TB-HU.pdf", Unit("9", "01", "0001", "1", "Bản sao"))
                      .WithNumber("45-TB/HU")
                      .WithDate(PartialDate{2023, 3, 13})
                      .WithType("Thông báo")
                      .WithIssuer("Huyện ủy")
                      .WithTitle("Khác")
                      .WithPages({"Số 45-TB/HU"}));
  Build(dir_, specs);
  searcher_.emplace(Searcher::Open({dir_.string()}));
  SearchRequest r;
  r.number = "45-TB/TU";
  const auto res = Find(r);
  EXPECT_EQ(res.total, 3u);
  EXPECT_TRUE(Contains(Files(res), "phong-9/dvbq-0001/45-TB-TU.pdf"));
  EXPECT_FALSE(Contains(Files(res), "phong-9/dvbq-0001/45-TB-HU.pdf"));
  EXPECT_EQ(res.near_numbers, std::vector<std::string>{"45-tb/tv"});
  r.number = "45-TB/HX";  // as typed nowhere: every near number, OCR-read or not
  EXPECT_EQ(Files(Find(r)), std::vector<std::string>{"phong-9/dvbq-0001/45-TB-HU.pdf"});
}

TEST_F(SearchTest, NearNumbersNeverRevealSecretDocuments) {
  SearchRequest r;
  r.number = "46-TP/TU";  // near the secret 46-TB/TU only
  auto res = Find(r);
  EXPECT_EQ(res.total, 0u);
  EXPECT_TRUE(res.near_numbers.empty());
  r.clearance = Secrecy::kSecret;
  res = Find(r);
  EXPECT_EQ(Files(res), std::vector<std::string>{kSecret});
  EXPECT_EQ(res.near_numbers, std::vector<std::string>{"46-tb/tu"});
}

TEST_F(SearchTest, NotationInTheQueryTextFindsTheDocumentBeforeThoseCitingIt) {
  const auto files = Files(Find("45-TB/TU"));
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[2], k12) << "it only cites 45-TB/TU";
  EXPECT_TRUE(Contains(files, k45));
  EXPECT_TRUE(Contains(files, k45Other));
  EXPECT_EQ(Files(Find("\"45-TB/TU\"")).size(), 3u);
}

TEST_F(SearchTest, BadNumberIsAnErrorNamingThePartThatDidNotParse) {
  const struct {
    const char* number;
    tokenizers::NotationProblem::Part part;
    const char* shown;
  } cases[] = {
      {"hello", tokenizers::NotationProblem::Part::kNumber, "hello"},
      {"5/luật", tokenizers::NotationProblem::Part::kSymbol, "luật"},
      {"12/3/2023", tokenizers::NotationProblem::Part::kSymbol, "2023"},
      {"15/QĐ-UBND ngày", tokenizers::NotationProblem::Part::kTrailing, "ngày"},
  };
  for (const auto& c : cases) {
    for (bool in_query : {false, true}) {
      SearchRequest r;
      if (in_query) {
        r.query = std::string("so:\"") + c.number + "\"";
      } else {
        r.number = c.number;
      }
      try {
        Find(r);
        ADD_FAILURE() << "expected SearchError for " << c.number;
      } catch (const SearchError& e) {
        EXPECT_EQ(e.kind(), SearchError::Kind::kBadNumber) << c.number;
        EXPECT_EQ(e.detail(), c.number);
        EXPECT_EQ(e.number_problem().part, c.part) << c.number;
        EXPECT_EQ(e.number_problem().text, c.shown) << c.number;
      }
    }
  }
}

// The older forms and offices' suffixes, typed as the reader may type them, by --number and so:.
TEST_F(SearchTest, OlderAndOfficeFormsAreFoundByNumber) {
  const struct {
    const char* number;  // as the catalog holds it
    std::vector<const char*> typed;
  } cases[] = {
      {"02-CP", {"02-CP", "Số: 02 - CP", "2-cp"}},
      {"1050-BYT-QĐ", {"1050-BYT-QĐ", "1050-BYT-QD", "1050-byt-qđ"}},
      {"273-BYT/NĐ", {"273-BYT/NĐ", "273 - BYT/N\xC3\x90"}},
      {"276a/QĐ-UBDT", {"276a/QĐ-UBDT", "276A/QD-UBDT"}},
      {"10/2004/QĐ.UB", {"10/2004/QĐ.UB", "số 10 / 2004 / qd.ub"}},
      {"1125/QĐ-UBND.HC", {"1125/QĐ-UBND.HC"}},
      {"09/QĐ-UBTDTT-TT.II", {"9/QĐ-UBTDTT-TT.II"}},
      {"08/2004/QĐ-BNN/TY", {"08/2004/QĐ-BNN/TY", "8/2004/qđ-bnn/ty"}},
      {"748/3/QĐ-QLD", {"748/3/QĐ-QLD"}},
  };
  std::vector<DocSpec> specs;
  for (const auto& c : cases) {
    specs.push_back(Doc(std::string("phong-1/dvbq-0001/") + c.number + ".pdf", Unit("1", "01", "0001", "1", "Hồ sơ"))
                        .WithNumber(c.number)
                        .WithPages({"Văn bản lưu trữ"}));
    // Same digits, another office: never found for this number.
    specs.push_back(
        Doc(std::string("phong-1/dvbq-0001/khac-") + c.number + ".pdf", Unit("1", "01", "0001", "1", "Hồ sơ"))
            .WithNumber(std::string(c.number) + "-VP")
            .WithPages({"Văn bản lưu trữ"}));
  }
  Build(dir_, specs);
  searcher_.emplace(Searcher::Open({dir_.string()}));
  for (const auto& c : cases) {
    const std::vector<std::string> expected{std::string("phong-1/dvbq-0001/") + c.number + ".pdf"};
    for (const char* typed : c.typed) {
      SearchRequest r;
      r.number = typed;
      EXPECT_EQ(Files(Find(r)), expected) << typed;
      EXPECT_EQ(Files(Find(std::string("so:\"") + typed + "\"")), expected) << typed;
    }
  }
}

TEST_F(SearchTest, UnitListingIsInCatalogOrderWhateverTheCodeSpelling) {
  SearchRequest r;
  r.unit = "phong 12 / muc luc 1 / DVBQ 345";
  r.clearance = Secrecy::kConfidential;
  const auto res = Find(r);
  EXPECT_EQ(Files(res), (std::vector<std::string>{k45, k12, kUnknownSecrecy}));
  r.unit = "Phông 12 / Mục lục 01 / ĐVBQ 0345";
  EXPECT_EQ(Files(Find(r)), (std::vector<std::string>{k45, k12, kUnknownSecrecy}));
}

TEST_F(SearchTest, UnitListingWithoutCatalogOrderFollowsFileAndPage) {
  SearchRequest r;
  r.unit = "Phông 12 / Mục lục 01 / ĐVBQ 0347";
  EXPECT_EQ(Files(Find(r)), (std::vector<std::string>{kNfd, kInScan}));
}

TEST_F(SearchTest, AmbiguousUnitSuffixListsTheCandidates) {
  SearchRequest r;
  r.unit = "ĐVBQ 345";
  try {
    Find(r);
    FAIL() << "expected SearchError";
  } catch (const SearchError& e) {
    ASSERT_EQ(e.kind(), SearchError::Kind::kAmbiguousUnit);
    ASSERT_EQ(e.candidates().size(), 2u);
    std::vector<std::string> codes{e.candidates()[0].code, e.candidates()[1].code};
    EXPECT_TRUE(Contains(codes, Unit345().code));
    EXPECT_TRUE(Contains(codes, Unit345Other().code));
  }
  r.unit = "muc luc 2 / dvbq 345";
  EXPECT_EQ(Files(Find(r)), std::vector<std::string>{k45Other});
}

TEST_F(SearchTest, UnitFieldInTheQuery) {
  EXPECT_EQ(Files(Find("thong bao hoso:\"Phông 3 / Mục lục 02 / ĐVBQ 345\"")), std::vector<std::string>{k45Other});
  EXPECT_THROW(Find("hoso:\"DVBQ 345\" thong"), SearchError);
}

TEST_F(SearchTest, TypeByNameWithoutMarksOrAbbreviation) {
  for (const char* t : {"chi thi", "Chỉ thị", "CT"}) {
    SearchRequest r;
    r.type = t;
    EXPECT_EQ(Files(Find(r)), std::vector<std::string>{kNfd}) << t;
  }
  EXPECT_EQ(Find("loai:\"thong bao ket luan\"").total, 2u);
  EXPECT_EQ(Find("loai:TB nam:2019").total, 1u);
  SearchRequest bad;
  bad.type = "khong co loai nay";
  EXPECT_THROW(Find(bad), SearchError);
}

TEST_F(SearchTest, DateFiltersUsePeriodOverlapAndLeaveOutUndated) {
  SearchRequest r;
  r.to = "2023-03";
  // 2023-03-12, 2023-03 (month only), 2019-05-02 and 2023 (year only, overlaps March).
  auto files = Files(Find(r));
  std::sort(files.begin(), files.end());
  std::vector<std::string> want{k45, k12, k45Other, kInScan};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(files, want);

  SearchRequest from;
  from.from = "2023-03-15";
  files = Files(Find(from));
  std::sort(files.begin(), files.end());
  want = {k12, kInScan};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(files, want) << "month and year periods overlap; 12 March does not";

  SearchRequest day;
  day.from = "2023-03-12";
  day.to = "2023-03-12";
  files = Files(Find(day));
  std::sort(files.begin(), files.end());
  want = {k45, k12, kInScan};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(files, want);

  SearchRequest bad;
  bad.from = "2023-13";
  EXPECT_THROW(Find(bad), SearchError);
  SearchRequest reversed;
  reversed.from = "2024";
  reversed.to = "2023";
  EXPECT_THROW(Find(reversed), SearchError);
}

TEST_F(SearchTest, SortByDate) {
  SearchRequest r;
  r.query = "tinh";
  r.sort = SortOrder::kDate;
  r.clearance = Secrecy::kTopSecret;
  auto res = Find(r);
  ASSERT_GE(res.documents.size(), 3u);
  std::vector<std::string> firsts;
  for (const auto& d : res.documents) firsts.push_back(d.doc.meta.date ? d.doc.meta.date->FirstDay() : "~");
  EXPECT_TRUE(std::is_sorted(firsts.begin(), firsts.end()));
  r.sort = SortOrder::kDateDescending;
  res = Find(r);
  std::vector<std::string> lasts;
  for (const auto& d : res.documents) lasts.push_back(d.doc.meta.date ? d.doc.meta.date->LastDay() : "");
  EXPECT_TRUE(std::is_sorted(lasts.rbegin(), lasts.rend()));
}

TEST_F(SearchTest, PagesAreCountedFromTheStartOfTheFile) {
  auto res = Find("nha dai doan ket");
  ASSERT_EQ(Files(res), std::vector<std::string>{k45});
  EXPECT_EQ(res.documents[0].pages, std::vector<int>{2});
  // The document is pages 3-4 of its PDF; "phối hợp" is on its second page.
  res = Find("phoi hop");
  ASSERT_EQ(Files(res), std::vector<std::string>{kInScan});
  EXPECT_EQ(res.documents[0].pages, std::vector<int>{4});
  res = Find("hoà giải");
  EXPECT_EQ(res.documents[0].pages, (std::vector<int>{3, 4}));
}

TEST_F(SearchTest, HitListsCarrySnippetsNotPageTexts) {
  SearchRequest r;
  r.query = "uy";
  r.clearance = Secrecy::kTopSecret;
  for (bool grouped : {false, true}) {
    r.group_by_unit = grouped;
    const SearchResponse res = Find(r);
    std::vector<const DocumentHit*> hits;
    for (const auto& d : res.documents) hits.push_back(&d);
    for (const auto& u : res.units) {
      for (const auto& d : u.documents) hits.push_back(&d);
    }
    ASSERT_GE(hits.size(), 2u);
    for (const DocumentHit* hit : hits) {
      EXPECT_TRUE(hit->snippet);
      EXPECT_FALSE(hit->doc.pages.empty()) << "the pages stay, for their count and OCR source";
      for (const catalog::Page& page : hit->doc.pages) EXPECT_TRUE(page.text.empty());
    }
  }
}

TEST_F(SearchTest, SnippetMarksTheOriginalWordsEvenForFoldedMatches) {
  auto res = Find("nha dai doan ket");
  ASSERT_EQ(res.documents.size(), 1u);
  ASSERT_TRUE(res.documents[0].snippet);
  EXPECT_NE(res.documents[0].snippet->find("«nhà đại đoàn kết»"), std::string::npos) << *res.documents[0].snippet;
  res = Find("dang uy");
  for (const auto& d : res.documents) {
    ASSERT_TRUE(d.snippet);
    EXPECT_NE(d.snippet->find("«"), std::string::npos) << *d.snippet;
  }
}

TEST_F(SearchTest, GroupByUnitGivesAPullList) {
  SearchRequest r;
  r.query = "tinh";
  r.group_by_unit = true;
  r.clearance = Secrecy::kTopSecret;
  auto res = Find(r);
  EXPECT_TRUE(res.grouped);
  // Units with "tỉnh": 0345 (3 documents), 0346 (1), 0347 (2).
  ASSERT_EQ(res.total, 3u);
  ASSERT_EQ(res.units.size(), 3u);
  for (const auto& u : res.units) {
    if (u.key == catalog::UnitKey(Unit345().code)) {
      EXPECT_EQ(u.matching_documents, 3u);
      EXPECT_EQ(u.unit.box, "12");
    }
    if (u.key == catalog::UnitKey(Unit347().code)) {
      EXPECT_EQ(u.matching_documents, 2u);
    }
    EXPECT_LE(u.documents.size(), 3u);
    EXPECT_EQ(u.documents.size(), std::min<uint64_t>(u.matching_documents, 3));
  }
  r.limit = 1;
  r.offset = 1;
  res = Find(r);
  EXPECT_EQ(res.total, 3u) << "total counts units, whatever the page";
  ASSERT_EQ(res.units.size(), 1u);
  EXPECT_EQ(res.units[0].rank, 2);
}

// Clearance: every channel.
TEST_F(SearchTest, ClearanceHidesSecretDocumentsFromResultsAndTotals) {
  EXPECT_EQ(Files(Find("dai doan ket")), std::vector<std::string>{k45});
  EXPECT_EQ(Find("dai doan ket").total, 1u);
  const auto mat = Files(Find("dai doan ket", Secrecy::kConfidential));
  EXPECT_EQ(mat.size(), 3u);
  EXPECT_TRUE(Contains(mat, kSecret));
  EXPECT_TRUE(Contains(mat, kUnknownSecrecy)) << "unknown secrecy counts as mật";
}

TEST_F(SearchTest, ClearanceHidesSecretDocumentsFromGroups) {
  SearchRequest r;
  r.query = "dai doan ket";
  r.group_by_unit = true;
  auto res = Find(r);
  ASSERT_EQ(res.total, 1u);
  ASSERT_EQ(res.units.size(), 1u);
  EXPECT_EQ(res.units[0].matching_documents, 1u) << "the unknown-secrecy document of the unit is not counted";
  r.clearance = Secrecy::kConfidential;
  res = Find(r);
  EXPECT_EQ(res.total, 2u);
}

TEST_F(SearchTest, ClearanceHidesSecretUnitsFromListingsAndLookups) {
  SearchRequest r;
  r.unit = "Phông 12 / Mục lục 01 / ĐVBQ 0346";
  auto res = Find(r);
  EXPECT_EQ(res.total, 0u);
  EXPECT_TRUE(res.help.unit_not_found) << "a unit of secret documents does not exist for this reader";
  r.clearance = Secrecy::kConfidential;
  EXPECT_EQ(Files(Find(r)), std::vector<std::string>{kSecret});

  SearchRequest number;
  number.number = "46-TB/TU";
  EXPECT_EQ(Find(number).total, 0u);
  number.clearance = Secrecy::kSecret;
  EXPECT_EQ(Find(number).total, 1u);

  // A suffix that is unique at normal clearance is not ambiguous because of a secret unit.
  SearchRequest suffix;
  suffix.unit = "dvbq 346";
  EXPECT_TRUE(Find(suffix).help.unit_not_found);
}

TEST_F(SearchTest, ClearanceHidesSecretWordsFromSnippetsAndSuggestions) {
  // "zyxwabc" occurs only in the secret document: no result and no hint that leads to it.
  auto res = Find("zyxwabd");
  EXPECT_EQ(res.total, 0u);
  EXPECT_FALSE(res.help.suggestion.has_value());
  res = Find("zyxwabd", Secrecy::kConfidential);
  ASSERT_TRUE(res.help.suggestion.has_value());
  EXPECT_EQ(*res.help.suggestion, "zyxwabc");
  for (const auto& d : Find("nhan su OR bi mat OR tinh").documents) {
    ASSERT_TRUE(d.snippet);
    EXPECT_EQ(d.snippet->find("bí mật"), std::string::npos);
  }
}

TEST_F(SearchTest, ZeroResultsSuggestsASpellingAndNamesTheFilter) {
  auto res = Find("quy vi nguoi nghseo");
  EXPECT_EQ(res.total, 0u);
  ASSERT_TRUE(res.help.suggestion.has_value());
  EXPECT_EQ(*res.help.suggestion, "quy vi nguoi ngheo");

  SearchRequest r;
  r.query = "nha dai doan ket";
  r.type = "chi thi";
  res = Find(r);
  EXPECT_EQ(res.total, 0u);
  EXPECT_EQ(res.help.blocking_filters, std::vector<std::string>{"--type"});

  res = Find("nha dai doan ket nam:2019 loai:\"thong bao\"");
  EXPECT_EQ(res.total, 0u);
  EXPECT_EQ(res.help.blocking_filters, std::vector<std::string>{"nam:2019"});
}

TEST_F(SearchTest, EmptyRequestIsAnError) {
  EXPECT_THROW(Find(""), SearchError);
  EXPECT_THROW(Find("..."), SearchError);
}

TEST_F(SearchTest, SeveralDatabasesAreSearchedAsOne) {
  const auto second = dir_.string() + "-second";
  const DocSpec extra = Doc("phong-20/dvbq-0001/01-KH-HU.pdf", Unit("20", "01", "0001", "1", "Hồ sơ kế hoạch"))
                            .WithNumber("01-KH/HU")
                            .WithDate(PartialDate{2024, 1, 5})
                            .WithType("Kế hoạch")
                            .WithIssuer("Huyện ủy Kiến Xương")
                            .WithTitle("Kế hoạch xây nhà đại đoàn kết")
                            .WithPages({"Kế hoạch xây dựng nhà đại đoàn kết năm 2024"});
  Build(second, {extra});
  const Searcher both = Searcher::Open({dir_.string(), second});
  SearchRequest r;
  r.query = "nha dai doan ket";
  const auto res = both.Search(r);
  EXPECT_EQ(res.total, 2u);
  auto files = Files(res);
  EXPECT_TRUE(Contains(files, k45));
  EXPECT_TRUE(Contains(files, "phong-20/dvbq-0001/01-KH-HU.pdf"));
  // Pages and snippets come from the right shard.
  for (const auto& d : res.documents) {
    EXPECT_FALSE(d.pages.empty());
    ASSERT_TRUE(d.snippet);
  }
  std::filesystem::remove_all(second);
}

TEST_F(SearchTest, MissingDatabaseIsNamed) {
  try {
    Searcher::Open({dir_.string(), "/nonexistent/luutru-db"});
    FAIL();
  } catch (const SearchError& e) {
    EXPECT_EQ(e.kind(), SearchError::Kind::kDatabase);
    EXPECT_EQ(e.detail(), "/nonexistent/luutru-db");
  }
}

TEST_F(SearchTest, LimitAndOffsetPage) {
  SearchRequest r;
  r.query = "tinh";
  r.clearance = Secrecy::kTopSecret;
  const auto all = Find(r);
  r.limit = 2;
  r.offset = 1;
  const auto page = Find(r);
  ASSERT_EQ(page.documents.size(), 2u);
  EXPECT_EQ(page.documents[0].rank, 2);
  EXPECT_EQ(page.documents[0].doc.file, all.documents[1].doc.file);
  EXPECT_EQ(page.total, all.total);
}

}  // namespace
}  // namespace luutru::search::testing

namespace luutru::search::testing {
namespace {

// The oracle a suggestion could be: a number only a hidden document holds must be treated as a
// number nobody holds, so the answer is the one of an archive without that document.
TEST_F(SearchTest, ASuggestionIsTheOneOfAnArchiveWithoutTheHiddenDocuments) {
  const DocSpec open = Doc("a/cong-khai.pdf", Unit347()).WithPages({"Năm nay đã hỗ trợ 928 hộ nghèo xây nhà."});
  const DocSpec hidden = Doc("a/mat.pdf", Unit347())
                             .WithSecrecy(Secrecy::kConfidential)
                             .WithPages({"Danh sách 929 hộ được hỗ trợ, bí mật."});
  Build(dir_.string() + "-whole", {open, hidden});
  Build(dir_.string() + "-open", {open});
  const Searcher whole = Searcher::Open({dir_.string() + "-whole"});
  const Searcher without = Searcher::Open({dir_.string() + "-open"});
  for (const char* query : {"929 hộ", "927 hộ", "930 hộ", "928 hộ", "mật"}) {
    SearchRequest r;
    r.query = query;
    const SearchResponse a = whole.Search(r), b = without.Search(r);
    EXPECT_EQ(a.total, b.total) << query;
    EXPECT_EQ(a.help.suggestion, b.help.suggestion) << query;
    EXPECT_EQ(a.help.blocking_filters, b.help.blocking_filters) << query;
  }
  SearchRequest r;
  r.query = "929 hộ";
  const auto anonymous = whole.Search(r);
  ASSERT_TRUE(anonymous.help.suggestion.has_value());
  EXPECT_EQ(*anonymous.help.suggestion, "928 hộ");
  r.clearance = Secrecy::kConfidential;
  EXPECT_EQ(whole.Search(r).total, 1u);
  EXPECT_EQ(whole.CountDocuments(Secrecy::kNormal), 1u);
  EXPECT_EQ(whole.CountDocuments(Secrecy::kConfidential), 2u);
}

TEST_F(SearchTest, ASearchReadsABoundedNumberOfPostingLists) {
  SearchRequest r;
  for (size_t i = 0; i < Searcher::kMaxQueryTerms; ++i) r.query += "t" + std::to_string(i) + " OR ";
  r.query += "ngheo";
  try {
    Find(r);
    FAIL() << "a query of more than " << Searcher::kMaxQueryTerms << " terms was run";
  } catch (const SearchError& e) {
    EXPECT_EQ(e.kind(), SearchError::Kind::kQueryTooLarge);
  }
}

TEST_F(SearchTest, WordsStandingTogetherRankFirst) {
  const auto dir = dir_.string() + "-adjacent";
  DocSpec scattered = Doc("a/scattered.pdf", Unit347()).WithPages({"Kết quả đoàn kiểm tra: nhà văn hóa đại hội"});
  DocSpec together =
      Doc("a/together.pdf", Unit347())
          .WithPages({"Năm nay huyện đã vận động các doanh nghiệp, nhà hảo tâm ủng hộ xây dựng nhà đại đoàn kết "
                      "cho các hộ nghèo, hộ chính sách trên địa bàn các xã vùng sâu, vùng xa của huyện."});
  Build(dir, {scattered, together});
  const Searcher searcher = Searcher::Open({dir});
  SearchRequest r;
  r.query = "nha dai doan ket";
  r.loose = true;  // the scattered words are the words tier, shown after the answer when asked
  const auto res = searcher.Search(r);
  ASSERT_EQ(res.documents.size(), 2u);
  EXPECT_EQ(res.documents[0].doc.file, "a/together.pdf");
  EXPECT_EQ(res.documents[0].match, MatchTier::kPhrase);
  EXPECT_EQ(res.documents[1].match, MatchTier::kWords);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace luutru::search::testing
