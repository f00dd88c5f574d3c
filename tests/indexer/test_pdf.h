// Small born-digital PDFs for the indexer tests, drawn with cairo and pango: an office document
// with the two header blocks side by side, the way Decree 30 lays them out.
#ifndef LUUTRU_TESTS_INDEXER_TEST_PDF_H_
#define LUUTRU_TESTS_INDEXER_TEST_PDF_H_

#include <filesystem>
#include <string>
#include <vector>

namespace luutru::testing {

struct OfficeDocument {
  std::string issuer_parent = "ỦY BAN NHÂN DÂN";
  std::string issuer = "TỈNH THÁI BÌNH";
  std::string number = "15/QĐ-UBND";  // printed as "Số: 15/QĐ-UBND"
  std::string place_date = "Thái Bình, ngày 12 tháng 3 năm 2023";
  std::string type = "QUYẾT ĐỊNH";
  std::string title = "Về việc hỗ trợ xây dựng nhà đại đoàn kết";
  std::vector<std::string> body_pages = {"Điều 1. Hỗ trợ xây mới 419 nhà đại đoàn kết."};
};

// Writes `doc` as a PDF: page 1 carries the header and the first body text, each further body
// page one page.
void WriteOfficePdf(const std::filesystem::path& path, const OfficeDocument& doc);

// Writes a PDF of `pages` pages by hand, in milliseconds even for thousands of pages: every page
// draws the one content stream `content` (none when empty) with Helvetica as /F1.
void WriteBarePdf(const std::filesystem::path& path, int pages, const std::string& content = "");

}  // namespace luutru::testing

#endif  // LUUTRU_TESTS_INDEXER_TEST_PDF_H_
