#include "catalog/schema.h"

#include <gtest/gtest.h>

#include <bit>
#include <set>

#include <lz4.h>
#include <zstd.h>

namespace luutru::catalog::schema {
namespace {

ArchiveDocument SampleDocument() {
  ArchiveDocument doc;
  doc.file = "phong-12/dvbq-0345/45-TB-TU.pdf";
  doc.path = "/archive/phong-12/dvbq-0345/45-TB-TU.pdf";
  doc.first_page = 2;
  doc.last_page = 3;
  doc.unit =
      StorageUnit{"Phông 12 / Mục lục 01 / ĐVBQ 0345", "Hồ sơ quỹ vì người nghèo", "Phông 12", "Mục lục 01", "12"};
  doc.meta.number = "45-TB/TU";
  doc.meta.date = PartialDate{2023, 3, 12};
  doc.meta.type = "Thông báo";
  doc.meta.issuer = "Tỉnh ủy Thái Bình";
  doc.meta.title = "Kết luận về quỹ vì người nghèo";
  doc.extracted = doc.meta;
  doc.extracted.title.reset();
  doc.pages.push_back(Page{"Đảng ủy xã Vũ Thư hoà bình", TextSource::kTextLayer, -1, {}});
  doc.pages.push_back(Page{"xây mới 419 nhà đại đoàn kết",
                           TextSource::kOcr,
                           71.5,
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

TEST(Schema, StoredDataRoundTripsEveryField) {
  ArchiveDocument doc = SampleDocument();
  doc.meta.secrecy = Secrecy::kTopSecret;
  doc.meta.urgency = Urgency::kVeryUrgent;
  doc.extracted.number.reset();
  doc.extracted.date = PartialDate{2023, 0, 0};
  doc.catalog_order = -1;
  doc.pages[0].ocr_confidence = 12.25;
  const StoredDocument stored = ReadStoredDocument(BuildIndexDocument(doc));
  const ArchiveDocument& r = stored.doc;
  EXPECT_EQ(r.file, doc.file);
  EXPECT_EQ(r.first_page, 2);
  EXPECT_EQ(r.last_page, 3);
  EXPECT_EQ(r.unit.title, doc.unit.title);
  EXPECT_EQ(r.unit.fonds, doc.unit.fonds);
  EXPECT_EQ(r.unit.inventory, doc.unit.inventory);
  for (const auto* pair : {&r.meta, &r.extracted}) {
    const DocumentMetadata& want = pair == &r.meta ? doc.meta : doc.extracted;
    EXPECT_EQ(pair->number, want.number);
    EXPECT_EQ(pair->date, want.date);
    EXPECT_EQ(pair->type, want.type);
    EXPECT_EQ(pair->issuer, want.issuer);
    EXPECT_EQ(pair->title, want.title);
    EXPECT_EQ(pair->secrecy, want.secrecy);
    EXPECT_EQ(pair->urgency, want.urgency);
  }
  EXPECT_EQ(r.catalog_order, -1);
  EXPECT_DOUBLE_EQ(r.pages[0].ocr_confidence, 12.25);
  EXPECT_EQ(r.pages[0].source, TextSource::kTextLayer);
  EXPECT_FLOAT_EQ(r.pages[1].words[0].y1, 112);
  EXPECT_EQ(stored.page_start_positions.size(), 2u);
  EXPECT_EQ(stored.page_start_positions[0], 1u);
  EXPECT_GT(stored.page_start_positions[1], 6u);
}

TEST(Schema, StoredDataKeepsConfidencesAndHeaderDigits) {
  ArchiveDocument doc = SampleDocument();
  doc.meta.number = "23/BC-UBND";
  doc.meta.number_confidence = catalog::FieldConfidence::kDoubtful;
  doc.meta.date_confidence = catalog::FieldConfidence::kPartial;
  doc.meta.date_checked_by = {"signature"};
  doc.extracted.number_confidence = catalog::FieldConfidence::kRead;
  doc.pages[1].header_digits =
      catalog::HeaderDigits{catalog::DigitReading{"23", 7, 12, 1}, std::nullopt, catalog::DigitReading{"", 0, 12, 0}};
  const ArchiveDocument r = ReadStoredDocument(BuildIndexDocument(doc)).doc;
  EXPECT_EQ(r.meta.number_confidence, catalog::FieldConfidence::kDoubtful);
  EXPECT_EQ(r.meta.date_confidence, catalog::FieldConfidence::kPartial);
  EXPECT_EQ(r.meta.date_checked_by, std::vector<std::string>{"signature"});
  EXPECT_EQ(r.extracted.number_confidence, catalog::FieldConfidence::kRead);
  EXPECT_FALSE(r.extracted.date_confidence);
  EXPECT_FALSE(r.pages[0].header_digits);
  EXPECT_EQ(r.pages[1].header_digits, doc.pages[1].header_digits);
}

TEST(Schema, DoubtfulNumbersAreCandidatesAndListedForReview) {
  ArchiveDocument doc = SampleDocument();
  doc.meta.number = "23/BC-UBND";
  doc.meta.number_confidence = catalog::FieldConfidence::kDoubtful;
  auto terms = Terms(BuildIndexDocument(doc));
  EXPECT_TRUE(terms.count("XKH23/bc-ubnd"));
  EXPECT_TRUE(terms.count("XKHL/bc-ubnd#23"));
  EXPECT_TRUE(terms.count(ReviewTerm("number")));
  doc.meta.number = "?/BC-UBND";
  doc.meta.number_confidence = catalog::FieldConfidence::kPartial;
  terms = Terms(BuildIndexDocument(doc));
  EXPECT_TRUE(terms.count("XKHL/bc-ubnd#"));
  for (const std::string& t : terms) EXPECT_NE(t.rfind("XKH?", 0), 0u) << t;
  doc.meta.number_confidence = catalog::FieldConfidence::kRead;
  doc.meta.number = "23/BC-UBND";
  terms = Terms(BuildIndexDocument(doc));
  EXPECT_FALSE(terms.count("XKHL/bc-ubnd#23")) << "a number read is no candidate";
  EXPECT_FALSE(terms.count(ReviewTerm("number")));
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

// A reader reads on from the last words of a page to the first of the next: so do phrases, by
// positions and by pair terms.
TEST(Schema, PhrasesRunOnAcrossPages) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(BuildIndexDocument(SampleDocument()));
  Xapian::Enquire enquire(db);
  std::vector<std::string> words = {"XFhoa", "XFbinh"};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
  words = {"XFbinh", "XFxay", "XFmoi"};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
  EXPECT_EQ(db.get_termfreq(WordPairTerm("binh", "xay")), 1u);
  const StoredDocument stored = ReadStoredDocument(db.get_document(1));
  EXPECT_EQ(PageOfPosition(stored, *db.positionlist_begin(1, "XFbinh")), 2);
  EXPECT_EQ(PageOfPosition(stored, *db.positionlist_begin(1, "XFxay")), 3);
}

// The page number printed alone on a page's first line, counted in the document or in the file,
// stands outside the run; any other first line is text.
TEST(Schema, APrintedPageNumberDoesNotBreakARunAcrossPages) {
  for (const std::string number : {"2\n", "- 3 -\n", "  3\n"}) {
    ArchiveDocument doc = SampleDocument();  // pages 2-3 of its file
    doc.pages[1].text = number + doc.pages[1].text;
    EXPECT_EQ(PrintedPageNumberBytes(doc, 1), number.size()) << number;
    EXPECT_EQ(PrintedPageNumberBytes(doc, 0), 0u);
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(BuildIndexDocument(doc));
    EXPECT_EQ(db.get_termfreq(WordPairTerm("binh", "xay")), 1u) << number;
    const StoredDocument stored = ReadStoredDocument(db.get_document(1));
    EXPECT_EQ(stored.page_start_positions[1], *db.positionlist_begin(1, "XFxay")) << number;
  }
  for (const std::string first_line : {"4\n", "419\n", "Trang 2\n", "2 nhà\n"}) {
    ArchiveDocument doc = SampleDocument();
    doc.pages[1].text = first_line + doc.pages[1].text;
    EXPECT_EQ(PrintedPageNumberBytes(doc, 1), 0u) << first_line;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(BuildIndexDocument(doc));
    EXPECT_EQ(db.get_termfreq(WordPairTerm("binh", "xay")), 0u) << first_line;
  }
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
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("XFdang"), ClearanceFilter(clearance)));
    return enquire.get_mset(0, 10).get_matches_estimated();
  };
  EXPECT_EQ(count(Secrecy::kNormal), 1u);
  EXPECT_EQ(count(Secrecy::kConfidential), 2u);
  EXPECT_EQ(count(Secrecy::kSecret), 3u);
}

// The version 2 record inside the LZ4 block of version 4 data ("\x02luutru4", the record's size
// in 32 bits, the block), as an indexer of version 2 stored it.
std::string VersionTwoRecord(const Xapian::Document& xdoc) {
  const std::string value = xdoc.get_value(kSlotRecord);
  EXPECT_EQ(value.substr(0, 8), "\x02luutru4");
  uint32_t size = 0;
  for (int i = 0; i < 4; ++i) size |= uint32_t{static_cast<unsigned char>(value.at(8 + i))} << (8 * i);
  std::string record(size, '\0');
  EXPECT_EQ(LZ4_decompress_safe(value.data() + 12, record.data(), static_cast<int>(value.size() - 12),
                                static_cast<int>(size)),
            static_cast<int>(size));
  return record;
}

// Version 3 data: a version 2 record in one Zstandard frame.
std::string ZstdFrame(const std::string& record) {
  std::string frame(ZSTD_compressBound(record.size()), '\0');
  frame.resize(ZSTD_compress(frame.data(), frame.size(), record.data(), record.size(), 3));
  return frame;
}

// A document as indexers before version 4 wrote it: the record as its data, no record slot.
Xapian::Document WithData(const std::string& data) {
  Xapian::Document xdoc;
  xdoc.set_data(data);
  return xdoc;
}

TEST(Schema, StoresPageTextsAsRawBytesInACompressedRecord) {
  // Version 2 inside version 4: reading a hit copies the page texts; nothing escapes them for a
  // JSON parser, and the record is smaller than the text it holds. It is a value, not the
  // document data, which Xapian would deflate (and inflate at every hit).
  ArchiveDocument doc = SampleDocument();
  doc.pages[0].text = "Dòng 1\n\"trích\" \\ yếu";
  for (int i = 0; i < 50; ++i) doc.pages[1].text += " Ủy ban nhân dân tỉnh Thái Bình thông báo kết luận.";
  const Xapian::Document xdoc = BuildIndexDocument(doc);
  const std::string record = VersionTwoRecord(xdoc);
  EXPECT_NE(record.front(), '{');
  EXPECT_NE(record.find(doc.pages[0].text), std::string::npos);
  EXPECT_TRUE(xdoc.get_data().empty());
  EXPECT_LT(xdoc.get_value(kSlotRecord).size(), doc.pages[1].text.size() / 4);
  EXPECT_EQ(ReadStoredDocument(xdoc).doc.pages[0].text, doc.pages[0].text);
  EXPECT_EQ(ReadStoredDocument(xdoc).doc.pages[1].text, doc.pages[1].text);
}

TEST(Schema, ReadsVersionTwoAndThreeDataOfOlderIndexers) {
  const ArchiveDocument doc = SampleDocument();
  const std::string record = VersionTwoRecord(BuildIndexDocument(doc));
  for (const std::string& data : {record, ZstdFrame(record)}) {
    const StoredDocument stored = ReadStoredDocument(WithData(data));
    EXPECT_EQ(stored.doc.file, doc.file);
    EXPECT_EQ(stored.doc.meta.number, doc.meta.number);
    ASSERT_EQ(stored.doc.pages.size(), doc.pages.size());
    EXPECT_EQ(stored.doc.pages[1].text, doc.pages[1].text);
  }
}

TEST(Schema, KeepsTextBytesThatAreNotValidUtf8) {
  ArchiveDocument doc = SampleDocument();
  doc.pages[0].text = std::string(
      "a\xFF"
      "b\0c",
      5);
  const StoredDocument stored = ReadStoredDocument(BuildIndexDocument(doc));
  EXPECT_EQ(stored.doc.pages[0].text, doc.pages[0].text);
}

TEST(Schema, ReadsVersionOneDataOfOlderIndexers) {
  // Written by the version 1 indexer: one JSON object with the page texts and word boxes inside.
  Xapian::Document xdoc;
  xdoc.set_data(R"({"extracted":{"date":"2023-03-12","issuer":null,"number":"45-TB/TU","secrecy":null,)"
                R"("title":null,"type":"Thông báo","urgency":null},"file":"a/45.pdf","first_page":2,)"
                R"("last_page":3,"meta":{"date":"2023-03","issuer":"Tỉnh ủy Thái Bình","number":"45-TB/TU",)"
                R"("secrecy":2,"title":"Kết luận","type":"Thông báo","urgency":1},"order":4,)"
                R"("pages":[{"source":"text","text":"Đảng ủy xã"},{"confidence":71.5,"source":"ocr",)"
                R"("text":"xây mới","words":[["xây",72.0,100.0,90.0,112.0],["mới",94.5,100.0,112.0,112.0]]}],)"
                R"("path":"/archive/a/45.pdf","starts":[1,6],"unit":{"box":"12","code":"ĐVBQ 0345",)"
                R"("fonds":"Phông 12","inventory":"Mục lục 01","title":"Hồ sơ"},"v":1})");
  const StoredDocument stored = ReadStoredDocument(xdoc);
  EXPECT_EQ(stored.doc.file, "a/45.pdf");
  EXPECT_EQ(stored.doc.path, "/archive/a/45.pdf");
  EXPECT_EQ(stored.doc.first_page, 2);
  EXPECT_EQ(stored.doc.unit.code, "ĐVBQ 0345");
  EXPECT_EQ(stored.doc.meta.date, (PartialDate{2023, 3, 0}));
  EXPECT_EQ(stored.doc.meta.secrecy, Secrecy::kSecret);
  EXPECT_FALSE(stored.doc.extracted.title);
  EXPECT_EQ(stored.doc.catalog_order, 4);
  ASSERT_EQ(stored.doc.pages.size(), 2u);
  EXPECT_EQ(stored.doc.pages[0].text, "Đảng ủy xã");
  EXPECT_EQ(stored.doc.pages[0].source, TextSource::kTextLayer);
  EXPECT_EQ(stored.doc.pages[1].text, "xây mới");
  EXPECT_DOUBLE_EQ(stored.doc.pages[1].ocr_confidence, 71.5);
  ASSERT_EQ(stored.doc.pages[1].words.size(), 2u);
  EXPECT_FLOAT_EQ(stored.doc.pages[1].words[1].x0, 94.5);
  EXPECT_EQ(stored.page_start_positions, (std::vector<uint32_t>{1, 6}));
  EXPECT_EQ(PageOfPosition(stored, 7), 3);
}

TEST(Schema, KeepsWordBoxesOutOfTheStoredData) {
  // A search hit reads the stored data: the boxes, most of an OCR page's bytes, are not in it.
  ArchiveDocument doc = SampleDocument();
  const Xapian::Document xdoc = BuildIndexDocument(doc);
  ArchiveDocument without = doc;
  for (Page& page : without.pages) page.words.clear();
  EXPECT_EQ(xdoc.get_value(kSlotRecord), BuildIndexDocument(without).get_value(kSlotRecord));
  EXPECT_FALSE(xdoc.get_value(kSlotWordBoxes).empty());
  EXPECT_TRUE(BuildIndexDocument(without).get_value(kSlotWordBoxes).empty());

  const StoredDocument text_only = ReadStoredDocument(xdoc, /*word_boxes=*/false);
  EXPECT_TRUE(text_only.doc.pages[1].words.empty());
  EXPECT_EQ(text_only.doc.pages[1].text, doc.pages[1].text);
  const StoredDocument whole = ReadStoredDocument(xdoc);
  ASSERT_EQ(whole.doc.pages[1].words.size(), 2u);
  EXPECT_EQ(whole.doc.pages[1].words[0].text, "xây");
  EXPECT_FLOAT_EQ(whole.doc.pages[1].words[1].x1, 112);
}

TEST(Schema, ReadsWordBoxesInsideTheStoredDataOfEarlierIndexers) {
  // Version 2 data written before kSlotWordBoxes ends with the last page's boxes.
  ArchiveDocument doc = SampleDocument();
  std::string data = VersionTwoRecord(BuildIndexDocument(doc));
  auto u32 = [&](uint32_t v) {
    for (int i = 0; i < 4; ++i) data.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  };
  // Their records end with the pages: no block of field confidences after them.
  const size_t tail = data.rfind("{\"digits\"");
  ASSERT_NE(tail, std::string::npos);
  data.resize(tail - 4);
  data.resize(data.size() - 4);  // the last page's empty box count
  u32(1);
  u32(5);
  data += "mới";
  for (float f : {94.0f, 100.0f, 112.0f, 112.0f}) u32(std::bit_cast<uint32_t>(f));
  const StoredDocument stored = ReadStoredDocument(WithData(data));
  ASSERT_EQ(stored.doc.pages[1].words.size(), 1u);
  EXPECT_EQ(stored.doc.pages[1].words[0].text, "mới");
  EXPECT_FLOAT_EQ(stored.doc.pages[1].words[0].x0, 94);
}

TEST(Schema, RejectsWordBoxesThatDoNotFitThePages) {
  Xapian::Document xdoc = BuildIndexDocument(SampleDocument());
  const std::string boxes = xdoc.get_value(kSlotWordBoxes);
  xdoc.add_value(kSlotWordBoxes, boxes.substr(0, boxes.size() - 3));
  EXPECT_THROW(ReadStoredDocument(xdoc), std::runtime_error);
  std::string three_pages = boxes;
  three_pages[0] = 3;
  xdoc.add_value(kSlotWordBoxes, three_pages);
  EXPECT_THROW(ReadStoredDocument(xdoc), std::runtime_error);
  EXPECT_NO_THROW(ReadStoredDocument(xdoc, /*word_boxes=*/false));
}

TEST(Schema, RejectsCutShortData) {
  const Xapian::Document built = BuildIndexDocument(SampleDocument());
  const std::string value = built.get_value(kSlotRecord);
  const std::string record = VersionTwoRecord(built);
  // Version 4 in its slot, then versions 3 and 2 as document data.
  const std::vector<std::pair<std::string, bool>> forms = {{value, true}, {ZstdFrame(record), false}, {record, false}};
  for (const auto& [bytes, in_slot] : forms) {
    auto stored_as = [&](const std::string& b) {
      Xapian::Document xdoc;
      if (in_slot) {
        xdoc.add_value(kSlotRecord, b);
      } else {
        xdoc.set_data(b);
      }
      return xdoc;
    };
    for (size_t cut : {size_t{1}, size_t{3}, size_t{40}, bytes.size() / 2, bytes.size() - 9}) {
      EXPECT_THROW(ReadStoredDocument(stored_as(bytes.substr(0, bytes.size() - cut))), std::runtime_error)
          << cut << (in_slot ? " in the slot" : " as data");
    }
    EXPECT_THROW(ReadStoredDocument(stored_as(bytes + "x")), std::runtime_error);
  }
}

TEST(Schema, RejectsACompressedRecordThatIsNotLuutrus) {
  // A compressed record holding anything but a version 2 record was not written by luutru, even
  // one that would read in the clear (version 1 JSON).
  const std::string v1 =
      R"({"extracted":{},"file":"a.pdf","first_page":1,"last_page":1,"meta":{},"order":0,)"
      R"("pages":[],"path":"","starts":[],"unit":{"box":"","code":"","fonds":"","inventory":"","title":""},"v":1})";
  ASSERT_NO_THROW(ReadStoredDocument(WithData(v1)));
  EXPECT_THROW(ReadStoredDocument(WithData(ZstdFrame(v1))), std::runtime_error);

  std::string value = "\x02luutru4";
  for (int i = 0; i < 4; ++i) value.push_back(static_cast<char>((v1.size() >> (8 * i)) & 0xFF));
  std::string block(static_cast<size_t>(LZ4_compressBound(static_cast<int>(v1.size()))), '\0');
  block.resize(static_cast<size_t>(
      LZ4_compress_default(v1.data(), block.data(), static_cast<int>(v1.size()), static_cast<int>(block.size()))));
  Xapian::Document xdoc;
  xdoc.add_value(kSlotRecord, value + block);
  EXPECT_THROW(ReadStoredDocument(xdoc), std::runtime_error);
  xdoc.add_value(kSlotRecord, "\x02luutru5" + value.substr(8) + block);
  EXPECT_THROW(ReadStoredDocument(xdoc), std::runtime_error);
}

TEST(Schema, ReadsAnIndexWhoseDocumentsAreOfDifferentVersions) {
  // Re-indexing part of an archive with a newer indexer leaves the other documents as they were
  // written: one database then holds version 3 and version 4 documents, and every hit reads.
  ArchiveDocument older = SampleDocument();
  older.file = "a/older.pdf";
  const ArchiveDocument newer = SampleDocument();
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document v3 = BuildIndexDocument(older);
  v3.set_data(ZstdFrame(VersionTwoRecord(v3)));
  v3.remove_value(kSlotRecord);
  const Xapian::docid old_id = db.add_document(v3);
  const Xapian::docid new_id = db.add_document(BuildIndexDocument(newer));
  EXPECT_EQ(ReadStoredDocument(db.get_document(old_id)).doc.file, "a/older.pdf");
  EXPECT_EQ(ReadStoredDocument(db.get_document(new_id)).doc.file, newer.file);
  EXPECT_EQ(ReadStoredDocument(db.get_document(old_id)).doc.pages[1].text, older.pages[1].text);
}

TEST(Schema, RejectsForeignData) {
  Xapian::Document xdoc;
  xdoc.set_data("not json");
  EXPECT_THROW(ReadStoredDocument(xdoc), std::runtime_error);
}

}  // namespace
}  // namespace luutru::catalog::schema
