#include "catalog/schema.h"

#include <gtest/gtest.h>

#include <set>

namespace luutru::catalog::schema {
namespace {

ArchiveDocument SampleDocument() {
  ArchiveDocument doc;
  doc.file = "phong-12/dvbq-0345/45-TB-TU.pdf";
  doc.path = "/archive/phong-12/dvbq-0345/45-TB-TU.pdf";
  doc.first_page = 2;
  doc.last_page = 3;
  doc.unit = StorageUnit{"Phông 12 / Mục lục 01 / ĐVBQ 0345", "Hồ sơ quỹ vì người nghèo", "Phông 12",
                         "Mục lục 01", "12"};
  doc.meta.number = "45-TB/TU";
  doc.meta.date = PartialDate{2023, 3, 12};
  doc.meta.type = "Thông báo";
  doc.meta.issuer = "Tỉnh ủy Thái Bình";
  doc.meta.title = "Kết luận về quỹ vì người nghèo";
  doc.extracted = doc.meta;
  doc.extracted.title.reset();
  doc.pages.push_back(Page{"Đảng ủy xã Vũ Thư hoà bình", TextSource::kTextLayer, -1, {}});
  doc.pages.push_back(Page{"xây mới 419 nhà đại đoàn kết", TextSource::kOcr, 71.5,
                           {WordBox{"xây", 72, 100, 90, 112}, WordBox{"mới", 94, 100, 112, 112}}});
  doc.catalog_order = 4;
  return doc;
}

std::set<std::string> Terms(const Xapian::Document& xdoc) {
  std::set<std::string> terms;
  for (auto it = xdoc.termlist_begin(); it != xdoc.termlist_end(); ++it) terms.insert(*it);
  return terms;
}

TEST(Schema, IndexesExactAndFoldedWordsAtTheSamePositions) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(BuildIndexDocument(SampleDocument()));
  EXPECT_EQ(db.get_termfreq("đảng"), 1u);
  EXPECT_EQ(db.get_termfreq("XFdang"), 1u);
  EXPECT_EQ(db.get_termfreq("hòa"), 1u) << "tone style is canonical";
  std::vector<Xapian::termpos> exact(db.positionlist_begin(1, "đảng"), db.positionlist_end(1, "đảng"));
  std::vector<Xapian::termpos> folded(db.positionlist_begin(1, "XFdang"), db.positionlist_end(1, "XFdang"));
  EXPECT_EQ(exact, folded);
}

TEST(Schema, AddsFilterTermsAndValues) {
  const auto xdoc = BuildIndexDocument(SampleDocument());
  const auto terms = Terms(xdoc);
  EXPECT_TRUE(terms.count("Qphong-12/dvbq-0345/45-TB-TU.pdf#2-3"));
  EXPECT_TRUE(terms.count("XFILEphong-12/dvbq-0345/45-TB-TU.pdf"));
  EXPECT_TRUE(terms.count("XUphong12/mucluc1/dvbq345"));
  EXPECT_TRUE(terms.count("XLOAIthongbao"));
  EXPECT_TRUE(terms.count("XNAM2023"));
  EXPECT_TRUE(terms.count("XKH45-tb/tu"));
  EXPECT_TRUE(terms.count("XMAT1")) << "secrecy unread counts as mật";
  EXPECT_TRUE(terms.count("XSRCocr"));
  EXPECT_TRUE(terms.count("XFSnguoi")) << "title words are searchable";
  EXPECT_EQ(xdoc.get_value(kSlotDateFirst), "20230312");
  EXPECT_EQ(xdoc.get_value(kSlotUnit), "phong12/mucluc1/dvbq345");
}

TEST(Schema, StoredDataRoundTrips) {
  const ArchiveDocument doc = SampleDocument();
  const StoredDocument stored = ReadStoredDocument(BuildIndexDocument(doc));
  EXPECT_EQ(stored.doc.Id(), doc.Id());
  EXPECT_EQ(stored.doc.path, doc.path);
  EXPECT_EQ(stored.doc.unit.code, doc.unit.code);
  EXPECT_EQ(stored.doc.unit.box, "12");
  EXPECT_EQ(stored.doc.meta.number, doc.meta.number);
  EXPECT_EQ(stored.doc.meta.date, doc.meta.date);
  EXPECT_EQ(stored.doc.meta.title, doc.meta.title);
  EXPECT_FALSE(stored.doc.meta.secrecy);
  EXPECT_FALSE(stored.doc.extracted.title);
  ASSERT_EQ(stored.doc.pages.size(), 2u);
  EXPECT_EQ(stored.doc.pages[1].text, doc.pages[1].text);
  EXPECT_EQ(stored.doc.pages[1].source, TextSource::kOcr);
  EXPECT_DOUBLE_EQ(stored.doc.pages[1].ocr_confidence, 71.5);
  ASSERT_EQ(stored.doc.pages[1].words.size(), 2u);
  EXPECT_EQ(stored.doc.pages[1].words[1].text, "mới");
  EXPECT_FLOAT_EQ(stored.doc.pages[1].words[1].x0, 94);
  EXPECT_TRUE(stored.doc.pages[0].words.empty());
  EXPECT_EQ(stored.doc.catalog_order, 4);
  EXPECT_TRUE(stored.doc.HasOcr());
}

TEST(Schema, MapsPositionsToPagesOfTheFile) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(BuildIndexDocument(SampleDocument()));
  const StoredDocument stored = ReadStoredDocument(db.get_document(1));
  auto first = *db.positionlist_begin(1, "XFdang");
  auto later = *db.positionlist_begin(1, "XFket");  // "kết" on page 2 of the document
  EXPECT_EQ(PageOfPosition(stored, first), 2);
  EXPECT_EQ(PageOfPosition(stored, later), 3);
}

TEST(Schema, PhrasesDoNotRunAcrossPages) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(BuildIndexDocument(SampleDocument()));
  Xapian::Enquire enquire(db);
  std::vector<std::string> words = {"XFhoa", "XFbinh"};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
  words = {"XFbinh", "XFxay"};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 0u);
}

TEST(Schema, ClearanceFilterHidesHigherLevels) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  ArchiveDocument normal = SampleDocument();
  normal.meta.secrecy = Secrecy::kNormal;
  ArchiveDocument secret = SampleDocument();
  secret.file = "secret.pdf";
  secret.meta.secrecy = Secrecy::kSecret;
  ArchiveDocument unknown = SampleDocument();
  unknown.file = "unknown.pdf";
  db.add_document(BuildIndexDocument(normal));
  db.add_document(BuildIndexDocument(secret));
  db.add_document(BuildIndexDocument(unknown));
  auto count = [&](Secrecy clearance) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("XFdang"),
                                    ClearanceFilter(clearance)));
    return enquire.get_mset(0, 10).get_matches_estimated();
  };
  EXPECT_EQ(count(Secrecy::kNormal), 1u);
  EXPECT_EQ(count(Secrecy::kConfidential), 2u);
  EXPECT_EQ(count(Secrecy::kSecret), 3u);
}

TEST(Schema, RejectsForeignData) {
  Xapian::Document xdoc;
  xdoc.set_data("not json");
  EXPECT_THROW(ReadStoredDocument(xdoc), std::runtime_error);
}

}  // namespace
}  // namespace luutru::catalog::schema
