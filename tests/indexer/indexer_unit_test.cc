// Unit tests of the indexer's pure parts: reading order, framing, assembly, state, JSONL input.
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "indexer/documents/assemble.h"
#include "indexer/documents/jsonl_input.h"
#include "indexer/documents/page_text.h"
#include "indexer/extract/extract.h"
#include "indexer/state/file_name.h"
#include "indexer/state/file_state.h"
#include "indexer/workers/worker_pool.h"

namespace luutru::indexer {
namespace {

// Lays out words of a line starting at x, about 7 points a character, 14 points high.
void AddLine(std::vector<TextLayerWord>& out, const std::string& line, double x, double y,
             const std::string& font = "TimesNewRomanPSMT") {
  size_t start = 0;
  while (start < line.size()) {
    size_t end = line.find(' ', start);
    if (end == std::string::npos) end = line.size();
    const std::string word = line.substr(start, end - start);
    const double w = 7.0 * static_cast<double>(word.size());
    out.push_back(TextLayerWord{word, x, y, x + w, y + 14, font, true});
    x += w + 4;
    start = end + 1;
  }
}

TEST(PageTextTest, HeaderBlocksDoNotInterleave) {
  std::vector<TextLayerWord> words;
  // Interleaved as a line-by-line reader would meet them.
  AddLine(words, "TỈNH ỦY THÁI BÌNH", 60, 60);
  AddLine(words, "ĐẢNG CỘNG SẢN VIỆT NAM", 330, 60);
  AddLine(words, "*", 110, 76);
  AddLine(words, "Thái Bình, ngày 12 tháng 3 năm 2023", 300, 92);
  AddLine(words, "Số 45-TB/TU", 80, 92);
  AddLine(words, "THÔNG BÁO", 250, 140);
  AddLine(words, "kết luận của Ban Thường vụ Tỉnh ủy về nhà đại đoàn kết", 60, 160);
  const PageText text = BuildPageText(words, 595, 842, true);
  EXPECT_EQ(text.text,
            "TỈNH ỦY THÁI BÌNH\n*\nSố 45-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Thái Bình, ngày 12 tháng 3 năm 2023\n\nTHÔNG BÁO\n"
            "kết luận của Ban Thường vụ Tỉnh ủy về nhà đại đoàn kết");
  EXPECT_FALSE(text.legacy_font);
}

TEST(PageTextTest, TableRowsBelowTheHeaderKeepTheirOrder) {
  std::vector<TextLayerWord> words;
  for (int i = 0; i < 10; ++i) AddLine(words, "đoạn văn số " + std::to_string(i), 60, 40 + 16 * i);
  AddLine(words, "1", 60, 220);
  AddLine(words, "Thủ tục đăng ký đất đai", 300, 220);
  AddLine(words, "2", 60, 236);
  AddLine(words, "Thủ tục cấp giấy chứng nhận", 300, 236);
  const PageText text = BuildPageText(words, 595, 842, true);
  EXPECT_NE(text.text.find("1 Thủ tục đăng ký đất đai\n2 Thủ tục cấp giấy chứng nhận"), std::string::npos) << text.text;
}

TEST(PageTextTest, BodyLinesKeepTheirOrderAndWords) {
  std::vector<TextLayerWord> words;
  AddLine(words, "dòng thứ hai", 60, 500);
  AddLine(words, "dòng thứ nhất của văn bản", 60, 480);
  const PageText text = BuildPageText(words, 595, 842, true);
  EXPECT_EQ(text.text, "dòng thứ nhất của văn bản\ndòng thứ hai");
}

TEST(PageTextTest, TheSpaceOfAnEmptyLineIsKeptAndLineSpacingIsNot) {
  // 14-point lines: 4 points of leading, then 20 (an empty line), then 9 (paragraph spacing).
  struct {
    const char* text;
    double x, y;
  } layout[] = {{"QUYẾT ĐỊNH", 250, 300},
                {"về việc ban hành Quy chế làm việc", 150, 318},
                {"của Ban Chấp hành Đảng bộ tỉnh", 160, 336},
                {"Căn cứ Điều lệ Đảng;", 60, 370},
                {"Căn cứ Quy chế làm việc;", 60, 393}};
  std::vector<TextLayerWord> words;
  for (const auto& line : layout) AddLine(words, line.text, line.x, line.y);
  EXPECT_EQ(BuildPageText(words, 595, 842, true).text,
            "QUYẾT ĐỊNH\nvề việc ban hành Quy chế làm việc\ncủa Ban Chấp hành Đảng bộ tỉnh\n\n"
            "Căn cứ Điều lệ Đảng;\nCăn cứ Quy chế làm việc;");
}

TEST(PageTextTest, LegacyFontWordsAreConverted) {
  std::vector<TextLayerWord> words;
  AddLine(words, "Uû ban nh©n d©n tØnh", 60, 60, "ABCDEF+.VnTime");
  const PageText text = BuildPageText(words, 595, 842, true);
  EXPECT_TRUE(text.legacy_font);
  EXPECT_EQ(text.text, "Uỷ ban nhân dân tỉnh");
  const catalog::Page page = AnalyzeTextLayer(text.text, text.legacy_font);
  EXPECT_EQ(page.source, catalog::TextSource::kLegacyRepaired);
  EXPECT_EQ(page.text, "Ủy ban nhân dân tỉnh");  // one tone-placement style
}

TEST(PageTextTest, EmptyTextLayerIsSourceNone) {
  EXPECT_EQ(AnalyzeTextLayer(" \n ", false).source, catalog::TextSource::kNone);
  EXPECT_EQ(AnalyzeTextLayer("Quyết định", false).source, catalog::TextSource::kTextLayer);
}

TEST(FrameTest, RoundTripsSmallAndLargeMessagesAndSeesEndOfFile) {
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  const std::string big(3 << 20, 'x');
  std::thread writer([&] {
    EXPECT_TRUE(WriteFrame(sv[0], "xin chào"));
    EXPECT_TRUE(WriteFrame(sv[0], ""));
    EXPECT_TRUE(WriteFrame(sv[0], big));
    close(sv[0]);
  });
  std::string got;
  ASSERT_TRUE(ReadFrame(sv[1], got));
  EXPECT_EQ(got, "xin chào");
  ASSERT_TRUE(ReadFrame(sv[1], got));
  EXPECT_EQ(got, "");
  ASSERT_TRUE(ReadFrame(sv[1], got));
  EXPECT_EQ(got, big);
  EXPECT_FALSE(ReadFrame(sv[1], got));
  writer.join();
  close(sv[1]);
}

TEST(FrameTest, TheInitFrameCarriesATestsFaultsAndARealRunHasNone) {
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  options.max_pages = 7;
  const ExtractOptions plain = ParseInitFrame(InitFrame(options));
  EXPECT_EQ(plain.ocr, OcrMode::kNever);
  EXPECT_EQ(plain.max_pages, 7);
  EXPECT_FALSE(plain.faults.Any());
  EXPECT_EQ(InitFrame(options).find("faults"), std::string::npos);

  options.faults.crash_on = "qd-001.pdf";
  options.faults.memory_on = "h\xff.pdf";
  const ExtractOptions staged = ParseInitFrame(InitFrame(options));
  EXPECT_EQ(staged.faults.crash_on, "qd-001.pdf");
  EXPECT_EQ(staged.faults.hang_on, "");
  EXPECT_EQ(staged.faults.memory_on, "h\xff.pdf");
}

TEST(FrameTest, TheInitFrameCarriesTheDigitModelWhenThereIsOne) {
  ExtractOptions options;
  EXPECT_TRUE(ParseInitFrame(InitFrame(options)).digit_model.empty());
  options.digit_model = "/opt/lưu trữ/lib/luutru/handwritten-digits.yml";
  EXPECT_EQ(ParseInitFrame(InitFrame(options)).digit_model, options.digit_model);
}

TEST(TimeLimitTest, GrowsWithPages) {
  EXPECT_LT(FileTimeLimitSeconds(1), FileTimeLimitSeconds(300));
  EXPECT_GE(FileTimeLimitSeconds(300), 300 * 10);  // a 300-page scan at several s a page
}

std::vector<catalog::Page> Pages(int n) {
  std::vector<catalog::Page> pages;
  for (int i = 1; i <= n; ++i) {
    catalog::Page p;
    p.text = "Trang " + std::to_string(i);
    pages.push_back(p);
  }
  return pages;
}

TEST(AssembleTest, OneDocumentPerFileWithTheFolderAsUnit) {
  const FileIdentity id{"phong-12/dvbq-0345/a.pdf", "/x/phong-12/dvbq-0345/a.pdf",
                        DefaultUnit("phong-12/dvbq-0345/a.pdf", "x")};
  const auto docs = AssembleDocuments(id, Pages(3), {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].first_page, 1);
  EXPECT_EQ(docs[0].last_page, 3);
  EXPECT_EQ(docs[0].unit.code, "phong-12/dvbq-0345");
  EXPECT_EQ(docs[0].pages.size(), 3u);
  EXPECT_EQ(docs[0].catalog_order, -1);
  EXPECT_EQ(DefaultUnit("top.pdf", "kho").code, "kho");
}

TEST(AssembleTest, PageRangesSplitAndUncoveredPagesAreKept) {
  const FileIdentity id{"u.pdf", "/a/u.pdf", DefaultUnit("u.pdf", "a")};
  catalog::CatalogEntry whole;
  whole.file = "u.pdf";
  whole.unit.code = "Phông 12 / Mục lục 01 / ĐVBQ 0345";
  whole.unit.box = "12";
  whole.order = 0;
  catalog::CatalogEntry first = whole;
  first.unit = {};
  first.pages = std::make_pair(2, 3);
  first.meta.number = "45-TB/TU";
  first.order = 1;
  catalog::CatalogEntry second = first;
  second.pages = std::make_pair(6, 99);  // clipped to the last page
  second.meta.number = "46-TB/TU";
  second.order = 2;
  const auto docs = AssembleDocuments(id, Pages(7), {whole, first, second});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].Id(), "u.pdf#1-1");
  EXPECT_EQ(docs[1].Id(), "u.pdf#2-3");
  EXPECT_EQ(docs[2].Id(), "u.pdf#4-5");
  EXPECT_EQ(docs[3].Id(), "u.pdf#6-7");
  EXPECT_EQ(docs[1].meta.number, "45-TB/TU");
  EXPECT_EQ(docs[1].pages.front().text, "Trang 2");
  EXPECT_EQ(docs[3].meta.number, "46-TB/TU");
  for (const auto& d : docs) {
    EXPECT_EQ(d.unit.code, "Phông 12 / Mục lục 01 / ĐVBQ 0345");
    EXPECT_EQ(d.unit.box, "12");
  }
  EXPECT_FALSE(docs[0].meta.number.has_value());
}

TEST(AssembleTest, RowsDigestFollowsTheRows) {
  catalog::CatalogEntry row;
  row.file = "a.pdf";
  row.unit.box = "3";
  const std::string d1 = RowsDigest({row});
  row.unit.box = "4";
  EXPECT_NE(RowsDigest({row}), d1);
  EXPECT_EQ(RowsDigest({}), "");
}

TEST(FileStateTest, RoundTripsAndRejectsForeignData) {
  FileState s{"a/b.pdf", "/x/a/b.pdf", "/x", 1234, 1700000000123456789, "abcd", "ef", 7};
  const auto back = DecodeFileState(EncodeFileState(s));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->file, s.file);
  EXPECT_EQ(back->mtime_ns, s.mtime_ns);
  EXPECT_EQ(back->pages, 7);
  EXPECT_FALSE(DecodeFileState("not json"));
  EXPECT_EQ(FileStateKey("a/b.pdf").rfind("f:", 0), 0u);
  EXPECT_NE(FileStateKey("a/b.pdf"), FileStateKey("a/c.pdf"));
  EXPECT_LT(FileStateKey(std::string(5000, 'a')).size(), 64u);
}

TEST(FileNameTest, NamesThatAreNotUtf8AreShownEscapedAndKeptExactly) {
  const std::string bad = "h\xf4 s\xf4\\x.pdf";  // Windows-1258 bytes and a backslash
  EXPECT_FALSE(IsUtf8(bad));
  EXPECT_TRUE(IsUtf8("hồ sơ\\x.pdf"));
  EXPECT_EQ(ShowName(bad), "h\\xf4 s\\xf4\\\\x.pdf");
  EXPECT_EQ(ShowName("hồ sơ\\x.pdf"), "hồ sơ\\x.pdf");  // a UTF-8 name is shown as it is
  EXPECT_EQ(BytesFromJson(BytesToJson(bad)), bad);
  EXPECT_EQ(BytesToJson("hồ sơ.pdf"), "hồ sơ.pdf");
  // The file state carries the bytes through JSON and back.
  FileState s{"u/" + bad, "/x/u/" + bad, "/x\xff", 1, 2, "h", "r", 3};
  const auto back = DecodeFileState(EncodeFileState(s));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->file, s.file);
  EXPECT_EQ(back->path, s.path);
  EXPECT_EQ(back->root, s.root);
  FileFailure f{s, "not a PDF or damaged"};
  const std::string dir = ::testing::TempDir() + "luutru-file-name-" + std::to_string(getpid());
  {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
    db.set_metadata(FileFailureKey(s.file), EncodeFileFailure(f));
    db.set_metadata(FileStateKey(s.file), EncodeFileState(s));
    db.commit();
    const auto failures = LoadFileFailures(db);
    ASSERT_EQ(failures.count(s.file), 1u);
    EXPECT_EQ(failures.at(s.file).file.path, s.path);
    EXPECT_EQ(LoadFileStates(db).count(s.file), 1u);
  }
  std::filesystem::remove_all(dir);
}

TEST(PageTextCapTest, CutsAtACharacterBoundaryAndSaysTheSize) {
  catalog::Page page;
  page.text = std::string(9, 'a') + "ồ";  // the 3 bytes of ồ straddle the limit of 10
  page.words = {catalog::WordBox{std::string(9, 'a'), 0, 0, 1, 1}, catalog::WordBox{"ồ", 1, 0, 2, 1}};
  EXPECT_EQ(CapPageText(page, 10), 12u);
  EXPECT_EQ(page.text, std::string(9, 'a'));
  EXPECT_EQ(page.words.size(), 1u);
  catalog::Page small;
  small.text = "trang";
  EXPECT_EQ(CapPageText(small, 10), 0u);
  EXPECT_EQ(small.text, "trang");
}

TEST(TimeLimitTest, NeverPassesTheBudgetOfAFile) {
  EXPECT_EQ(FileTimeLimitSeconds(100000, 1800), 1800);
  EXPECT_EQ(FileTimeLimitSeconds(1, 1800), 90);
}

TEST(JsonlInputTest, PathsOutsideTheArchiveAndImpossibleRangesAreRefused) {
  for (const char* line :
       {R"({"file":"../../etc/passwd","pages":["x"]})", R"({"file":"/etc/passwd","pages":["x"]})",
        R"({"file":"a/../../b.pdf","pages":["x"]})", R"({"file":"a.pdf","page_range":"7-2","pages":["x"]})",
        R"({"file":"a.pdf","page_range":"3-7","pages":["x","y"]})",
        R"({"file":"a.pdf","page_range":[2,1],"pages":["x"]})", R"({"file":"a.pdf","page_range":"x-y","pages":["x"]})",
        R"({"file":"a.pdf","page_range":"0-0","pages":["x"]})"}) {
    EXPECT_THROW(ParseJsonlDocument(line), std::runtime_error) << line;
  }
  const auto doc = ParseJsonlDocument(R"({"file":"a/../b/c.pdf","page_range":[7,8],"pages":["x","y"]})");
  EXPECT_EQ(doc.first_page, 7);
  EXPECT_EQ(doc.last_page, 8);
  std::vector<int> cut;
  ParseJsonlDocument(R"({"file":"a.pdf","pages":["x",")" + std::string(kMaxPageTextBytes + 10, 'a') + R"("]})", &cut);
  EXPECT_EQ(cut, std::vector<int>{2});
}

TEST(JsonlInputTest, FieldsOverrideAndTextIsAnalysed) {
  const auto doc =
      ParseJsonlDocument(R"({"file":"p/x.pdf","unit_code":"ĐVBQ 7","box":"2","doc_number":"15/QĐ-UBND",)"
                         R"("doc_date":"12/03/2023","doc_type":"quyet dinh","secrecy":"mat","page_range":"3-4",)"
                         R"("pages":["Uû ban nh©n d©n tØnh Th¸i B×nh","trang hai"]})");
  EXPECT_EQ(doc.file, "p/x.pdf");
  EXPECT_EQ(doc.first_page, 3);
  EXPECT_EQ(doc.last_page, 4);
  EXPECT_EQ(doc.unit.code, "ĐVBQ 7");
  EXPECT_EQ(doc.unit.box, "2");
  EXPECT_EQ(doc.meta.number, "15/QĐ-UBND");
  ASSERT_TRUE(doc.meta.date);
  EXPECT_EQ(doc.meta.date->ToString(), "2023-03-12");
  EXPECT_EQ(doc.meta.type, "Quyết định");
  EXPECT_EQ(doc.meta.secrecy, catalog::Secrecy::kConfidential);
  EXPECT_EQ(doc.pages[0].source, catalog::TextSource::kLegacyRepaired);
  EXPECT_NE(doc.pages[0].text.find("Thái Bình"), std::string::npos);
}

TEST(JsonlInputTest, WithoutAUnitCodeTheFolderIsTheUnit) {
  const auto doc = ParseJsonlDocument(R"({"file":"phong-3/dvbq-9/a.pdf","pages":["x"]})");
  EXPECT_EQ(doc.unit.code, "phong-3/dvbq-9");
  EXPECT_EQ(doc.first_page, 1);
  EXPECT_EQ(doc.last_page, 1);
}

TEST(JsonlInputTest, BadLinesSayWhy) {
  EXPECT_THROW(ParseJsonlDocument("{"), std::runtime_error);
  EXPECT_THROW(ParseJsonlDocument(R"({"pages":["a"]})"), std::runtime_error);
  EXPECT_THROW(ParseJsonlDocument(R"({"file":"a.pdf","pages":"a"})"), std::runtime_error);
  EXPECT_THROW(ParseJsonlDocument(R"({"file":"a.pdf","doc_date":"2023-13-40","pages":["a"]})"), std::runtime_error);
}

}  // namespace
}  // namespace luutru::indexer
