// A small archive, built by hand, for the search tests: documents chosen to exercise diacritics,
// notations, units, dates and clearance. Built with catalog::schema::BuildIndexDocument, the same
// call the indexer makes.
#ifndef LUUTRU_TESTS_SEARCH_SEARCH_FIXTURE_H_
#define LUUTRU_TESTS_SEARCH_SEARCH_FIXTURE_H_

#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "catalog/model.h"
#include "catalog/schema.h"
#include "search/searcher.h"

namespace luutru::search::testing {

using catalog::ArchiveDocument;
using catalog::Page;
using catalog::PartialDate;
using catalog::Secrecy;
using catalog::StorageUnit;
using catalog::TextSource;

inline StorageUnit Unit(std::string fonds, std::string inventory, std::string number, std::string box,
                        std::string title) {
  StorageUnit u;
  u.code = "Phông " + fonds + " / Mục lục " + inventory + " / ĐVBQ " + number;
  u.title = std::move(title);
  u.fonds = "Phông " + fonds;
  u.inventory = "Mục lục " + inventory;
  u.box = std::move(box);
  return u;
}

inline const StorageUnit& Unit345() {
  static const StorageUnit u = Unit("12", "01", "0345", "12", "Hồ sơ quỹ Vì người nghèo năm 2023");
  return u;
}
inline const StorageUnit& Unit345Other() {
  static const StorageUnit u = Unit("3", "02", "0345", "7", "Hồ sơ thông báo kết luận của Huyện ủy");
  return u;
}
inline const StorageUnit& Unit346Secret() {
  static const StorageUnit u = Unit("12", "01", "0346", "13", "Hồ sơ mật về tổ chức cán bộ");
  return u;
}
inline const StorageUnit& Unit347() {
  static const StorageUnit u = Unit("12", "01", "0347", "13", "Hồ sơ chỉ thị của UBND tỉnh");
  return u;
}

// One document of a test archive. Built with Doc(file, unit) and the named setters below, each
// returning the spec: Doc("a.pdf", Unit345()).WithNumber("45-TB/TU").WithPages({"..."}). The
// fields stay public, so a spec can still be filled in place.
struct DocSpec {
  std::string file;
  StorageUnit unit;
  std::optional<std::string> number;
  std::optional<PartialDate> date;
  std::optional<std::string> type;
  std::optional<std::string> issuer;
  std::optional<std::string> title;
  std::optional<Secrecy> secrecy = Secrecy::kNormal;  // nullopt: unreadable (counts as mật)
  std::vector<std::string> pages;                     // the texts of its pages, in order
  int first_page = 1;                                 // its first page in its file
  int64_t order = -1;                                 // its catalog row; -1: not catalogued
  TextSource source = TextSource::kTextLayer;         // every page's

  DocSpec& WithNumber(std::string v) { return number = std::move(v), *this; }
  DocSpec& WithDate(PartialDate v) { return date = v, *this; }
  DocSpec& WithType(std::string v) { return type = std::move(v), *this; }
  DocSpec& WithIssuer(std::string v) { return issuer = std::move(v), *this; }
  DocSpec& WithTitle(std::string v) { return title = std::move(v), *this; }
  DocSpec& WithSecrecy(std::optional<Secrecy> v) { return secrecy = v, *this; }
  DocSpec& WithPages(std::vector<std::string> v) { return pages = std::move(v), *this; }
  DocSpec& WithFirstPage(int v) { return first_page = v, *this; }
  DocSpec& WithOrder(int64_t v) { return order = v, *this; }
  DocSpec& WithSource(TextSource v) { return source = v, *this; }
};

// A document of `file` in `unit`, of secrecy thường, with no other field and no page yet.
inline DocSpec Doc(std::string file, StorageUnit unit) {
  DocSpec spec;
  spec.file = std::move(file);
  spec.unit = std::move(unit);
  return spec;
}

inline ArchiveDocument MakeDocument(const DocSpec& s) {
  ArchiveDocument d;
  d.file = s.file;
  d.path = "/archive/" + s.file;
  d.unit = s.unit;
  d.meta.number = s.number;
  d.meta.date = s.date;
  d.meta.type = s.type;
  d.meta.issuer = s.issuer;
  d.meta.title = s.title;
  d.meta.secrecy = s.secrecy;
  d.extracted = d.meta;
  d.first_page = s.first_page;
  d.last_page = s.first_page + static_cast<int>(s.pages.size()) - 1;
  for (const auto& text : s.pages)
    d.pages.push_back(Page{text, s.source, s.source == TextSource::kOcr ? 80.0 : -1, {}});
  d.catalog_order = s.order;
  return d;
}

// The documents of the small archive. Secret ones: "mat-46.pdf" (mật), "khong-ro-mat.pdf"
// (secrecy unreadable: counts as mật).
inline std::vector<DocSpec> ArchiveSpecs() {
  std::vector<DocSpec> specs;
  specs.push_back(
      Doc("phong-12/dvbq-0345/45-TB-TU.pdf", Unit345())
          .WithNumber("45-TB/TU")
          .WithDate(PartialDate{2023, 3, 12})
          .WithType("Thông báo")
          .WithIssuer("Tỉnh ủy Thái Bình")
          .WithTitle("Kết luận của Ban Thường vụ về quỹ Vì người nghèo")
          .WithPages({"ĐẢNG BỘ TỈNH THÁI BÌNH\nTỈNH ỦY\nSố 45-TB/TU\nThái Bình, ngày 12 tháng 3 năm 2023\n"
                      "THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy về quỹ Vì người nghèo",
                      "Năm 2023 quỹ đã vận động được 12 tỷ đồng, xây mới, sửa chữa 419 nhà đại đoàn kết trị giá "
                      "hơn 20 tỷ đồng cho hộ nghèo trên địa bàn tỉnh."})
          .WithOrder(1));
  specs.push_back(
      Doc("phong-12/dvbq-0345/12-NQ-TU.pdf", Unit345())
          .WithNumber("12-NQ/TU")
          .WithDate(PartialDate{2023, 3, 0})
          .WithType("Nghị quyết")
          .WithIssuer("Tỉnh ủy Thái Bình")
          .WithTitle("Nghị quyết về công tác giảm nghèo")
          // A scan whose OCR dropped the marks of "Vì".
          .WithPages({"NGHỊ QUYẾT\nvề công tác giảm nghèo và quỹ Vi người nghèo của tỉnh, thực hiện Thông báo số "
                      "45-TB/TU của Ban Thường vụ"})
          .WithOrder(2)
          .WithSource(TextSource::kOcr));
  specs.push_back(
      Doc("phong-3/dvbq-0345/45-TB-TU.pdf", Unit345Other())
          .WithNumber("45-TB/TU")
          .WithDate(PartialDate{2019, 5, 2})
          .WithType("Thông báo")
          .WithIssuer("Huyện ủy Vũ Thư")
          .WithTitle("Kết luận về sắp xếp thôn xóm")
          .WithPages({"HUYỆN ỦY VŨ THƯ\nSố: 45 - TB/TU\nTHÔNG BÁO\nkết luận về sắp xếp thôn, xóm trên địa bàn huyện"})
          .WithOrder(1));
  specs.push_back(Doc("phong-12/dvbq-0346/mat-46.pdf", Unit346Secret())
                      .WithNumber("46-TB/TU")
                      .WithDate(PartialDate{2023, 4, 2})
                      .WithType("Thông báo")
                      .WithIssuer("Tỉnh ủy Thái Bình")
                      .WithTitle("Về nhân sự quỹ Vì người nghèo")
                      .WithSecrecy(Secrecy::kConfidential)
                      .WithPages({"MẬT\nSố 46-TB/TU\nnhân sự của tỉnh phụ trách nhà đại đoàn kết bí mật zyxwabc"})
                      .WithOrder(1));
  specs.push_back(Doc("phong-12/dvbq-0345/khong-ro-mat.pdf", Unit345())
                      .WithNumber("47-TB/TU")
                      .WithDate(PartialDate{2023, 5, 2})
                      .WithType("Thông báo")
                      .WithIssuer("Tỉnh ủy Thái Bình")
                      .WithTitle("Đảng ủy khối cơ quan")
                      .WithSecrecy(std::nullopt)
                      .WithPages({"Đảng ủy khối cơ quan tỉnh bàn về nhà đại đoàn kết"})
                      .WithOrder(3));
  specs.push_back(Doc("phong-12/dvbq-0347/05-CT-UBND.pdf", Unit347())
                      .WithNumber("05/CT-UBND")
                      .WithType("Chỉ thị")
                      .WithIssuer("UBND tỉnh Thái Bình")
                      .WithTitle("Chỉ thị về nộp thuế điện tử")
                      // NFD text: combining marks.
                      .WithPages({"CHI\xCC\x89 THI\xCC\xA3\nVe\xCC\x82\xCC\x80 nộp thuế điện tử của UBND tỉnh. "
                                  "Đa\xCC\x89ng u\xCC\x89y xã chỉ đạo."}));
  specs.push_back(Doc("phong-12/dvbq-0347/scan-ho-so.pdf", Unit347())
                      .WithNumber("15/QĐ-UBND")
                      .WithDate(PartialDate{2023, 0, 0})
                      .WithType("Quyết định")
                      .WithIssuer("UBND tỉnh Thái Bình")
                      .WithTitle("Quyết định về hòa giải ở cơ sở")
                      // Several documents in one PDF: this one is pages 3-4 of the unit's scan.
                      .WithPages({"QUYẾT ĐỊNH\nvề công tác hoà giải ở cơ sở",
                                  "Đảng uỷ các xã trong tỉnh phối hợp thực hiện hoà giải."})
                      .WithFirstPage(3));
  return specs;
}

// Writes the archive to a fresh on-disk database and opens a Searcher on it.
class SearchTest : public ::testing::Test {
 protected:
  static void Build(const std::filesystem::path& dir, const std::vector<DocSpec>& specs) {
    std::filesystem::remove_all(dir);
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& s : specs) {
      ArchiveDocument d = MakeDocument(s);
      db.replace_document(catalog::schema::IdTerm(d), catalog::schema::BuildIndexDocument(d));
    }
    db.commit();
  }

  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("luutru-search-test-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    Build(dir_, ArchiveSpecs());
    searcher_.emplace(Searcher::Open({dir_.string()}));
  }
  void TearDown() override {
    searcher_.reset();
    std::filesystem::remove_all(dir_);
  }

  SearchResponse Find(const std::string& query, Secrecy clearance = Secrecy::kNormal) {
    SearchRequest r;
    r.query = query;
    r.clearance = clearance;
    return searcher_->Search(r);
  }
  SearchResponse Find(SearchRequest r) { return searcher_->Search(r); }

  static std::vector<std::string> Files(const SearchResponse& r) {
    std::vector<std::string> files;
    for (const auto& d : r.documents) files.push_back(d.doc.file);
    return files;
  }

  std::filesystem::path dir_;
  std::optional<Searcher> searcher_;
};

}  // namespace luutru::search::testing

#endif  // LUUTRU_TESTS_SEARCH_SEARCH_FIXTURE_H_
