// Issuers read with OCR noise are shown as the archive's own known names: a catalog value or a
// name read cleanly on several documents, that the reader may see.
#include "search/issuer_names.h"

#include <gtest/gtest.h>

#include <string>

#include "catalog/schema.h"
#include "search/searcher.h"

namespace luutru::search {
namespace {

using catalog::Secrecy;

catalog::ArchiveDocument Scan(std::string file, std::string issuer, Secrecy secrecy = Secrecy::kNormal,
                              std::optional<std::string> catalog_issuer = std::nullopt) {
  catalog::ArchiveDocument doc;
  doc.file = std::move(file);
  doc.meta.number = "?/BC-UBND";
  doc.meta.type = "Báo cáo";
  doc.meta.issuer = issuer;
  doc.meta.secrecy = secrecy;
  catalog::Page page;
  page.text = "Báo cáo tình hình";
  page.source = catalog::TextSource::kOcr;
  doc.pages.push_back(page);
  doc.extracted = doc.meta;
  if (catalog_issuer) doc.meta.issuer = catalog_issuer;
  return doc;
}

std::string IssuerOf(const Xapian::Database& db, const std::string& file, Secrecy clearance = Secrecy::kTopSecret) {
  SearchRequest request;
  request.query = "báo cáo";
  request.limit = 50;
  request.clearance = clearance;
  for (const auto& hit : Searcher(db).Search(request).documents) {
    if (hit.doc.file == file) return hit.doc.meta.issuer.value_or("null");
  }
  return "not found";
}

TEST(IssuerNames, FoldedDistanceAllowsDebrisAfterTheName) {
  const std::string known = FoldedName("Ủy ban nhân dân tỉnh Quảng Ngãi");
  EXPECT_EQ(known, "uybannhandantinhquangngai");
  EXPECT_EQ(NameDistance(FoldedName("Ủy ban nhân dân tĩnh Quang Ngaài /ct-ubnd"), known, 8, 3), 1);
  EXPECT_EQ(
      NameDistance(FoldedName("Ủy ban nhân dân tỉnh Cao Bằng Cc"), FoldedName("Ủy ban nhân dân tỉnh Cao Bằng"), 8, 3),
      0);
  EXPECT_EQ(NameDistance(FoldedName("Ủy ban nhân dân tỉnh Quảng Nam"), known, 8, 1), -1) << "another province";
}

TEST(IssuerNames, ANoisyReadingIsShownAsTheNameReadCleanlyElsewhere) {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  for (const auto& doc :
       {Scan("clean-1.pdf", "Ủy ban nhân dân tỉnh Quảng Ngãi"), Scan("clean-2.pdf", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
        Scan("clean-3.pdf", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
        Scan("noisy.pdf", "Ủy ban nhân dân tĩnh Quang Ngaài /ct-ubnd"),
        Scan("nam-1.pdf", "Ủy ban nhân dân tỉnh Quảng Nam"), Scan("nam-2.pdf", "Ủy ban nhân dân tỉnh Quảng Nam")}) {
    db.add_document(catalog::schema::BuildIndexDocument(doc));
  }
  EXPECT_EQ(IssuerOf(db, "noisy.pdf"), "Ủy ban nhân dân tỉnh Quảng Ngãi");
  EXPECT_EQ(IssuerOf(db, "nam-1.pdf"), "Ủy ban nhân dân tỉnh Quảng Nam")
      << "the name of another body two letters away stays, however frequent the other";
  EXPECT_EQ(IssuerOf(db, "clean-1.pdf"), "Ủy ban nhân dân tỉnh Quảng Ngãi");
}

TEST(IssuerNames, OnlyNamesTheReaderMaySeeCorrect) {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  for (const auto& doc : {Scan("secret-1.pdf", "Ủy ban nhân dân tỉnh Cao Bằng", Secrecy::kSecret),
                          Scan("secret-2.pdf", "Ủy ban nhân dân tỉnh Cao Bằng", Secrecy::kSecret),
                          Scan("noisy.pdf", "Ủy ban nhân dân tinh Cao Bàng Cc")}) {
    db.add_document(catalog::schema::BuildIndexDocument(doc));
  }
  EXPECT_EQ(IssuerOf(db, "noisy.pdf", Secrecy::kNormal), "Ủy ban nhân dân tinh Cao Bàng Cc")
      << "the clean name is only on documents above the reader's clearance";
  EXPECT_EQ(IssuerOf(db, "noisy.pdf", Secrecy::kTopSecret), "Ủy ban nhân dân tỉnh Cao Bằng");
}

TEST(IssuerNames, ANameTypedIntoTheCatalogCorrectsOtherReadings) {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  for (const auto& doc :
       {Scan("typed.pdf", "Uy ban nhan dan tinh Quang Ngai", Secrecy::kNormal, "Ủy ban nhân dân tỉnh Quảng Ngãi"),
        Scan("noisy.pdf", "Ủy ban nhân dân tĩnh Quang Ngaài")}) {
    db.add_document(catalog::schema::BuildIndexDocument(doc));
  }
  EXPECT_EQ(IssuerOf(db, "noisy.pdf"), "Ủy ban nhân dân tỉnh Quảng Ngãi");
}

}  // namespace
}  // namespace luutru::search
