// --number on an archive of scans: documents read as the number first, then candidates whose
// digits are doubtful or unread, by fit, then numbers one OCR confusion away; and --review.
#include "search/number_lookup.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog/schema.h"
#include "search/searcher.h"

namespace luutru::search {
namespace {

using catalog::FieldConfidence;

catalog::ArchiveDocument Scan(std::string file, std::string number, std::optional<FieldConfidence> confidence,
                              catalog::PartialDate date) {
  catalog::ArchiveDocument doc;
  doc.file = std::move(file);
  doc.meta.number = std::move(number);
  doc.meta.number_confidence = confidence;
  doc.meta.date = date;
  doc.meta.date_confidence = FieldConfidence::kRead;
  doc.meta.type = "Báo cáo";
  doc.meta.issuer = "Ủy ban nhân dân tỉnh Quảng Ngãi";
  doc.meta.secrecy = catalog::Secrecy::kNormal;
  catalog::Page page;
  page.text = "Báo cáo tình hình";
  page.source = catalog::TextSource::kOcr;
  doc.pages.push_back(page);
  doc.extracted = doc.meta;
  return doc;
}

class NumberLookupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& doc : {
             Scan("read.pdf", "23/BC-UBND", FieldConfidence::kRead, {2025, 1, 24}),
             Scan("doubtful-22.pdf", "22/BC-UBND", FieldConfidence::kDoubtful, {2025, 1, 10}),
             Scan("unread.pdf", "?/BC-UBND", FieldConfidence::kPartial, {2025, 2, 0}),
             Scan("doubtful-45.pdf", "45/BC-UBND", FieldConfidence::kDoubtful, {2025, 3, 1}),
             Scan("read-28.pdf", "28/BC-UBND", FieldConfidence::kRead, {2024, 5, 2}),
             Scan("other-letters.pdf", "23/TB-UBND", FieldConfidence::kRead, {2025, 1, 3}),
             Scan("first-87.pdf", "87/QĐ-UBND", FieldConfidence::kRead, {2025, 1, 16}),
             Scan("second-87.pdf", "87/QĐ-UBND", FieldConfidence::kRead, {2025, 2, 5}),
         }) {
      db_.add_document(catalog::schema::BuildIndexDocument(doc));
    }
  }
  SearchResponse Lookup(const std::string& number, bool review = false) const {
    SearchRequest request;
    request.number = number;
    request.review = review;
    request.limit = 20;
    return Searcher(db_).Search(request);
  }
  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

std::vector<std::string> Files(const SearchResponse& r) {
  std::vector<std::string> out;
  for (const auto& hit : r.documents) out.push_back(hit.doc.file);
  return out;
}

TEST_F(NumberLookupTest, ReadNumberFirstThenCandidatesByFit) {
  const SearchResponse r = Lookup("23/BC-UBND");
  EXPECT_EQ(Files(r),
            (std::vector<std::string>{"read.pdf", "doubtful-22.pdf", "unread.pdf", "doubtful-45.pdf", "read-28.pdf"}))
      << "a look-alike doubtful digit fits better than unread digits, which fit better than other digits; "
         "a number read one confusion away comes last; other letters never";
  ASSERT_EQ(r.documents.size(), 5u);
  EXPECT_EQ(r.documents[0].number_match, "number");
  for (size_t i = 1; i < r.documents.size(); ++i) EXPECT_EQ(r.documents[i].number_match, "candidate");
}

TEST_F(NumberLookupTest, ANumberUsedTwiceListsBoth) {
  const SearchResponse r = Lookup("87/QĐ-UBND");
  ASSERT_EQ(r.documents.size(), 2u);
  for (const auto& hit : r.documents) {
    EXPECT_EQ(hit.number_match, "number");
    EXPECT_TRUE(hit.doc.meta.date);
    EXPECT_TRUE(hit.doc.meta.issuer);
  }
}

TEST_F(NumberLookupTest, DoubtfulDigitsAreFoundByWhatWasRead) {
  const SearchResponse r = Lookup("22/BC-UBND");
  ASSERT_FALSE(r.documents.empty());
  EXPECT_EQ(r.documents[0].doc.file, "doubtful-22.pdf");
  EXPECT_EQ(r.documents[0].number_match, "candidate") << "read with doubt is never labelled as read";
}

// The parts both lookups (RankedNumberLookup, Searcher::ResolveNumber) vary: the leading number
// and the printed part.
TEST(NumberLookupParts, ANumberSplitsAtItsLeadingDigits) {
  EXPECT_EQ(SplitNumber("23/bc-ubnd").digits, "23");
  EXPECT_EQ(SplitNumber("23/bc-ubnd").printed, "/bc-ubnd");
  EXPECT_EQ(SplitNumber("1050-byt/qđ").digits, "1050");
  EXPECT_EQ(SplitNumber("/bc-ubnd").digits, "");
  EXPECT_EQ(SplitNumber("/bc-ubnd").printed, "/bc-ubnd");
  EXPECT_EQ(SplitNumber("45").printed, "");
  EXPECT_EQ(NumberTerm("23/bc-ubnd"), catalog::schema::PrefixedTerm(catalog::schema::kNumber, "23/bc-ubnd"));
}

TEST(NumberLookupFit, ADigitLostFitsBetterThanADigitChanged) {
  // Handwriting read as a line loses digits ("87" read "8") far more often than it changes one.
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  for (const auto& doc : {Scan("read-88.pdf", "88/QĐ-UBND", FieldConfidence::kDoubtful, {2025, 1, 2}),
                          Scan("read-8.pdf", "8/QĐ-UBND", FieldConfidence::kDoubtful, {2025, 2, 5}),
                          Scan("read-874.pdf", "874/QĐ-UBND", FieldConfidence::kDoubtful, {2025, 1, 1})}) {
    db.add_document(catalog::schema::BuildIndexDocument(doc));
  }
  SearchRequest request;
  request.number = "87/QĐ-UBND";
  request.limit = 20;
  EXPECT_EQ(Files(Searcher(db).Search(request)),
            (std::vector<std::string>{"read-8.pdf", "read-874.pdf", "read-88.pdf"}));
}

TEST_F(NumberLookupTest, ReviewListsDoubtfulAndUnreadFields) {
  SearchRequest request;
  request.review = true;
  request.limit = 20;
  const SearchResponse r = Searcher(db_).Search(request);
  std::vector<std::string> files = Files(r);
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, (std::vector<std::string>{"doubtful-22.pdf", "doubtful-45.pdf", "unread.pdf"}));
  for (const auto& hit : r.documents) EXPECT_EQ(hit.review, std::vector<std::string>{"number"});
}

}  // namespace
}  // namespace luutru::search
