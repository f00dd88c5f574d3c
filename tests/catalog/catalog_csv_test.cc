#include "catalog/catalog_csv.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>

namespace luutru::catalog {
namespace {

class CatalogCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("luutru-catalog-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path Write(const std::string& text) {
    auto path = dir_ / "catalog.csv";
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::filesystem::path dir_;
};

TEST_F(CatalogCsvTest, ReadsColumnsInAnyOrderWithBomAndQuotes) {
  auto path = Write(
      "\xEF\xBB\xBF"
      "unit_code,file,box,doc_type,secrecy,title,doc_date\r\n"
      "\"Phông 12 / Mục lục 01 / ĐVBQ 0345\",./a/45.pdf,12,thong bao ket luan,toi mat,"
      "\"Về quỹ \"\"Vì người nghèo\"\", năm 2023\",2023-03\r\n"
      "ĐVBQ 7,b.pdf,,,,,\r\n");
  const Catalog catalog = Catalog::Load(path);
  EXPECT_EQ(catalog.size(), 2u);
  const auto& rows = catalog.EntriesFor("a/45.pdf");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].unit.code, "Phông 12 / Mục lục 01 / ĐVBQ 0345");
  EXPECT_EQ(rows[0].unit.box, "12");
  EXPECT_EQ(rows[0].meta.type, "Thông báo");
  EXPECT_EQ(rows[0].meta.secrecy, Secrecy::kSecret);
  EXPECT_EQ(rows[0].meta.title, "Về quỹ \"Vì người nghèo\", năm 2023");
  EXPECT_EQ(rows[0].meta.date, (PartialDate{2023, 3, 0}));
  const auto& b = catalog.EntriesFor("b.pdf");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_FALSE(b[0].meta.type);
  EXPECT_FALSE(b[0].meta.secrecy);
  EXPECT_EQ(b[0].order, 1);
  EXPECT_TRUE(catalog.EntriesFor("missing.pdf").empty());
  EXPECT_EQ(catalog.folder(), dir_);
}

TEST_F(CatalogCsvTest, SplitsAFileIntoDocumentsByPageRange) {
  auto path = Write("file,page_range,doc_number\nunit.pdf,1-2,01/KH-UBND\nunit.pdf,3-7,02/BC-UBND\n");
  const Catalog catalog = Catalog::Load(path);
  const auto& rows = catalog.EntriesFor("unit.pdf");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].pages, std::make_pair(3, 7));
  EXPECT_EQ(rows[1].meta.number, "02/BC-UBND");
}

TEST_F(CatalogCsvTest, ErrorsNameTheFileRowAndReason) {
  auto expect_error = [&](const std::string& csv, const std::string& needle) {
    auto path = Write(csv);
    try {
      Catalog::Load(path);
      ADD_FAILURE() << "no error for: " << csv;
    } catch (const CatalogError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find(path.string()), std::string::npos) << what;
      EXPECT_NE(what.find(needle), std::string::npos) << what;
    }
  };
  expect_error("unit_code,box\nx,1\n", "'file'");
  expect_error("file,secrecy\na.pdf,rất mật\n", "line 2: secrecy");
  expect_error("file,doc_date\na.pdf,2023-02-30\n", "doc_date");
  expect_error("file,page_range\na.pdf,7-3\n", "page_range");
  expect_error("file,page_range\na.pdf,1-3\na.pdf,3-4\n", "overlap");
  expect_error("file,page_range\na.pdf,\nb.pdf,\na.pdf,5-6\n", "line 4: pages of 'a.pdf' overlap");
  expect_error("file,page_range\na.pdf,1-3\na.pdf,\n", "line 3: 'a.pdf' has several rows");
  expect_error("file,doc_type\na.pdf,thư tình\n", "doc_type");
  expect_error("file,title\na.pdf,\"unterminated\n", "not valid CSV");
  // Nothing unbounded is held: a line of 2 MB, a quote left open over 2 MB of lines.
  expect_error("file,title\na.pdf,x\nb.pdf," + std::string(2 << 20, 'y') + "\n",
               "line 3 is longer than the limit of 1048576 bytes a row");
  std::string open_quote = "file,title\na.pdf,x\nb.pdf,\"";
  while (open_quote.size() < (2u << 20)) open_quote += "a line of a title that never ends\n";
  expect_error(open_quote, "line 3: the row that starts here runs over 1048576 bytes (a quote left open?)");
  expect_error("", "header");
}

TEST_F(CatalogCsvTest, AFolderOrADeviceIsNotACatalog) {
  for (const auto& [path, said] :
       {std::pair<std::filesystem::path, std::string>{dir_, "is a folder, not a catalog CSV file"},
        {"/dev/zero", "is a device or socket, not a catalog CSV file"}}) {
    try {
      Catalog::Load(path);
      ADD_FAILURE() << path << " was read as a catalog";
    } catch (const CatalogError& e) {
      EXPECT_EQ(std::string(e.what()), path.string() + ": " + said);
    }
  }
}

TEST_F(CatalogCsvTest, DigestChangesWhenTheCatalogIsEdited) {
  const std::string first = Catalog::Load(Write("file,box\na.pdf,1\n")).digest();
  const std::string same = Catalog::Load(Write("file,box\na.pdf,1\n")).digest();
  const std::string edited = Catalog::Load(Write("file,box\na.pdf,2\n")).digest();
  EXPECT_EQ(first, same);
  EXPECT_NE(first, edited);
}

TEST_F(CatalogCsvTest, UnknownAndMissingColumnsAreNamedWithTheExpectedNames) {
  const Catalog catalog = Catalog::Load(Write("file,ma_ho_so,hop\na.pdf,ĐVBQ 0321,7\n"));
  ASSERT_EQ(catalog.warnings().size(), 1u);
  const std::string& w = catalog.warnings()[0];
  EXPECT_NE(w.find("columns 'ma_ho_so', 'hop' are not a catalog column and not read"), std::string::npos) << w;
  EXPECT_NE(w.find("columns absent from this header: page_range, unit_code"), std::string::npos) << w;
  EXPECT_NE(w.find("the catalog columns are: file, page_range, unit_code"), std::string::npos) << w;
  EXPECT_TRUE(Catalog::Load(Write("file,box\na.pdf,1\n")).warnings().empty());
  try {
    Catalog::Load(Write("ten_tep,ma_ho_so\na.pdf,x\n"));
    ADD_FAILURE() << "a catalog without 'file' was read";
  } catch (const CatalogError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("no 'file' column (it has: ten_tep, ma_ho_so; the catalog columns are: file, "),
              std::string::npos)
        << what;
  }
}

TEST_F(CatalogCsvTest, CellsHoldingTheReplacementCharacterAreNamed) {
  // "ĐVBQ 0321" after a conversion that lost its first character: UTF-8, but not what was meant.
  std::string csv = "file,unit_code,title\na.pdf,\xEF\xBF\xBDVBQ 0321,Về quỹ\nb.pdf,ĐVBQ 7,x\n";
  for (int i = 0; i < 12; ++i) csv += "c" + std::to_string(i) + ".pdf,,T\xEF\xBF\xBD\n";
  const Catalog catalog = Catalog::Load(Write(csv));
  ASSERT_EQ(catalog.warnings().size(), 11u);
  EXPECT_NE(catalog.warnings()[0].find(": line 2: unit_code '\xEF\xBF\xBDVBQ 0321' holds U+FFFD"), std::string::npos)
      << catalog.warnings()[0];
  EXPECT_NE(catalog.warnings()[1].find(": line 4: title 'T\xEF\xBF\xBD' holds U+FFFD"), std::string::npos);
  EXPECT_NE(catalog.warnings()[10].find(": 3 more cells hold U+FFFD"), std::string::npos) << catalog.warnings()[10];
  EXPECT_EQ(catalog.EntriesFor("a.pdf").at(0).unit.code, "\xEF\xBF\xBDVBQ 0321");
}

TEST_F(CatalogCsvTest, BytesThatAreNotUtf8AreRefusedWithTheLineTheByteAndAHint) {
  // TCVN3 (ABC): "Phông" is "Ph\xabng"; the bad byte is on line 3, the 8th byte of its line.
  const auto path = Write("file,unit_code\na.pdf,ĐVBQ 1\nb.pdf,Ph\xabng 12\n");
  try {
    Catalog::Load(path);
    ADD_FAILURE() << "a catalog that is not UTF-8 was read";
  } catch (const CatalogError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(path.string() + ": line 3, byte 9 (0xAB): the file is not UTF-8"), std::string::npos) << what;
    EXPECT_NE(what.find("iconv"), std::string::npos) << what;
    EXPECT_NE(what.find("TCVN3"), std::string::npos) << what;
  }
}

TEST_F(CatalogCsvTest, RowsKnowTheLineTheyStartOnAndTheFilesAreListed) {
  const Catalog catalog = Catalog::Load(Write("file,title\na.pdf,\"two\nlines\"\n\nb.pdf,x\nc/d.pdf,y\n"));
  EXPECT_EQ(catalog.EntriesFor("a.pdf").at(0).line, 2);
  EXPECT_EQ(catalog.EntriesFor("b.pdf").at(0).line, 5);
  EXPECT_EQ(catalog.EntriesFor("c/d.pdf").at(0).line, 6);
  std::vector<std::pair<std::string, int64_t>> files;
  catalog.ForEachFile([&](const std::string& file, int64_t line) { files.emplace_back(file, line); });
  EXPECT_EQ(files, (std::vector<std::pair<std::string, int64_t>>{{"a.pdf", 2}, {"b.pdf", 5}, {"c/d.pdf", 6}}));
  EXPECT_EQ(catalog.path(), dir_ / "catalog.csv");
}

TEST_F(CatalogCsvTest, RowsAreReadBackAsTheyWereWrittenWhateverTheirNumber) {
  // The rows live outside memory: every value must come back exactly, files in byte order (the
  // order a rerun lists rows without a file in), each file's rows in row order.
  std::string csv =
      "file,page_range,unit_code,unit_title,fonds,inventory,box,doc_number,doc_date,doc_type,"
      "issuer,title,secrecy,urgency\n";
  for (int i = 2999; i >= 0; --i) {
    csv += "d" + std::to_string(i % 7) + "/f" + std::to_string(i) + ".pdf,,ĐVBQ " + std::to_string(i) +
           ",,,,,,,,,Trích yếu " + std::to_string(i) + ",,\n";
  }
  csv +=
      "z.pdf,5-9,ĐVBQ 1,Hồ sơ,Phông 12,Mục lục 01,Hộp 3,45-TB/TU,2023,Thông báo,Tỉnh ủy,Về quỹ,mật,hỏa tốc\n"
      "z.pdf,1-4,,,,,,,2023-03-12,,,,,\n";
  const Catalog catalog = Catalog::Load(Write(csv));
  EXPECT_EQ(catalog.size(), 3002u);
  const auto z = catalog.EntriesFor("z.pdf");
  ASSERT_EQ(z.size(), 2u);
  EXPECT_EQ(z[0].pages, std::make_pair(5, 9));
  EXPECT_EQ(z[0].unit.code, "ĐVBQ 1");
  EXPECT_EQ(z[0].unit.title, "Hồ sơ");
  EXPECT_EQ(z[0].unit.fonds, "Phông 12");
  EXPECT_EQ(z[0].unit.inventory, "Mục lục 01");
  EXPECT_EQ(z[0].unit.box, "Hộp 3");
  EXPECT_EQ(z[0].meta.number, "45-TB/TU");
  EXPECT_EQ(z[0].meta.date, (PartialDate{2023, 0, 0}));
  EXPECT_EQ(z[0].meta.type, "Thông báo");
  EXPECT_EQ(z[0].meta.issuer, "Tỉnh ủy");
  EXPECT_EQ(z[0].meta.title, "Về quỹ");
  EXPECT_EQ(z[0].meta.secrecy, Secrecy::kConfidential);
  EXPECT_EQ(z[0].meta.urgency, Urgency::kFlash);
  EXPECT_EQ(z[0].order, 3000);
  EXPECT_EQ(z[0].line, 3002);
  EXPECT_EQ(z[1].pages, std::make_pair(1, 4));
  EXPECT_EQ(z[1].meta.date, (PartialDate{2023, 3, 12}));
  EXPECT_EQ(z[1].unit.code, "");
  EXPECT_FALSE(z[1].meta.number);
  EXPECT_FALSE(z[1].meta.secrecy);
  EXPECT_FALSE(z[1].meta.urgency);
  const auto f7 = catalog.EntriesFor("d0/f7.pdf");
  ASSERT_EQ(f7.size(), 1u);
  EXPECT_EQ(f7[0].meta.title, "Trích yếu 7");
  EXPECT_EQ(f7[0].order, 2992);
  EXPECT_FALSE(f7[0].pages);
  std::vector<std::string> files;
  catalog.ForEachFile([&](const std::string& file, int64_t) { files.push_back(file); });
  ASSERT_EQ(files.size(), 3001u);
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end()));
  EXPECT_EQ(files.front(), "d0/f0.pdf");
  EXPECT_EQ(files.back(), "z.pdf");
}

TEST(ApplyCatalogEntry, OverridesOnlyWhatTheRowHolds) {
  ArchiveDocument doc;
  doc.unit.code = "folder/unit";
  doc.meta.number = "45-TB/TU";
  doc.meta.title = "extracted title";
  CatalogEntry entry;
  entry.unit.box = "7";
  entry.meta.title = "catalog title";
  entry.order = 3;
  ApplyCatalogEntry(entry, doc);
  EXPECT_EQ(doc.unit.code, "folder/unit");
  EXPECT_EQ(doc.unit.box, "7");
  EXPECT_EQ(doc.meta.number, "45-TB/TU");
  EXPECT_EQ(doc.meta.title, "catalog title");
  EXPECT_EQ(doc.catalog_order, 3);
}

}  // namespace
}  // namespace luutru::catalog
