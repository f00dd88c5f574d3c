// A running luutru-serve over a generated archive large enough for an archivist's day: two fonds
// ("Phông 3", "Phông 12"), two inventories each ("Mục lục 2", "Mục lục 10"), 15 storage units per
// inventory (60 units), numbered and boxed so that comparing their names as text would put them
// out of store order (Phông 12 before Phông 3, Hộp 10 before Hộp 9, ĐVBQ 105 before ĐVBQ 14).
// Every unit holds one to three documents that speak of "ngân sách"; three more units hold only a
// `mật` document. The documents are indexed in shuffled order. One real PDF binds two documents
// (pages 1–2 thường, page 3 mật) for downloads.
//
// Readers: thuthu (mật) and thuky (thường) may keep retrieval requests, docgia (thường) may not;
// lanhdao (tối mật) may too.
#ifndef LUUTRU_TESTS_SERVE_ARCHIVE_FIXTURE_H_
#define LUUTRU_TESTS_SERVE_ARCHIVE_FIXTURE_H_

#include <algorithm>
#include <random>
#include <tuple>

#include "tests/serve/serve_fixture.h"

namespace luutru::serve::testing {

// Where a generated unit stands in the store, as numbers: the order a pull slip must follow.
struct StorePlace {
  int fonds, inventory, box, unit;
  auto operator<=>(const StorePlace&) const = default;
};

struct GeneratedUnit {
  StorePlace place;
  catalog::StorageUnit unit;
  int documents = 0;  // visible at thường
  bool secret_only = false;
};

class ArchiveFixture : public ServedSuite<ArchiveFixture> {
 public:
  static constexpr int kFonds[2] = {3, 12};
  static constexpr int kInventories[2] = {2, 10};
  static constexpr int kUnitsPerInventory = 15;

  static constexpr const char* kFolder = "serve-archive";
  static ServedArchive Serve(const std::filesystem::path& root) {
    const std::string archive = (root / "archive").string();
    std::filesystem::create_directories(archive);
    std::vector<ArchiveDocument> docs;
    int64_t order = 0;
    auto make_unit = [](int f, int i, int box, int u) {
      catalog::StorageUnit unit;
      unit.fonds = "Phông " + std::to_string(f);
      unit.inventory = "Mục lục " + std::to_string(i);
      // Phông 12 writes its boxes "Hộp N" and pads unit numbers; Phông 3 writes bare numbers.
      char padded[8];
      std::snprintf(padded, sizeof padded, "%04d", u);
      unit.box = f == 12 ? "Hộp " + std::to_string(box) : std::to_string(box);
      unit.code =
          unit.fonds + " / " + unit.inventory + " / ĐVBQ " + (f == 12 ? std::string(padded) : std::to_string(u));
      unit.title = "Hồ sơ ngân sách số " + std::to_string(u) + " của " + unit.fonds;
      return unit;
    };
    auto add_doc = [&](const catalog::StorageUnit& unit, int k, int u, std::optional<Secrecy> secrecy,
                       const std::string& file, int first, int last) {
      ArchiveDocument d;
      d.file = file;
      d.path = archive + "/" + file;
      d.unit = unit;
      d.meta.number = std::to_string(u * 10 + k) + "-TB/TU";
      if (k != 2) d.meta.date = catalog::PartialDate{2015 + u % 8, 1 + k * 3, 1 + u % 27};
      d.meta.type = "Thông báo";
      d.meta.title = "Thông báo về dự toán ngân sách " + std::to_string(u) + "." + std::to_string(k);
      d.meta.secrecy = secrecy;
      d.extracted = d.meta;
      d.first_page = first;
      d.last_page = last;
      for (int p = first; p <= last; ++p) {
        d.pages.push_back(catalog::Page{
            "Thông báo về dự toán ngân sách năm. Trang " + std::to_string(p), TextSource::kTextLayer, -1, {}});
      }
      d.catalog_order = ++order;
      docs.push_back(d);
    };
    for (int f : kFonds) {
      for (int i : kInventories) {
        for (int n = 1; n <= kUnitsPerInventory; ++n) {
          const int u = n * 7, box = n + 5;
          GeneratedUnit g{StorePlace{f, i, box, u}, make_unit(f, i, box, u), 1 + n % 3, false};
          for (int k = 0; k < g.documents; ++k) {
            add_doc(g.unit, k, u, Secrecy::kNormal,
                    "f" + std::to_string(f) + "-" + std::to_string(i) + "-" + std::to_string(u) + "-" +
                        std::to_string(k) + ".pdf",
                    1, 1);
          }
          units_.push_back(g);
        }
        // A unit with only a mật document, after the others of its inventory.
        const int u = 200 + i, box = 40;
        GeneratedUnit g{StorePlace{f, i, box, u}, make_unit(f, i, box, u), 0, true};
        add_doc(g.unit, 0, u, Secrecy::kConfidential, "mat-" + std::to_string(f) + "-" + std::to_string(i) + ".pdf", 1,
                1);
        units_.push_back(g);
      }
    }
    // One PDF bound from two documents of the first unit of Phông 12 / Mục lục 2.
    const std::vector<std::vector<std::string>> bound = {
        {"THÔNG BÁO", "về dự toán ngân sách, trang một"}, {"trang hai"}, {"MẬT", "nhân sự ngân sách"}};
    MakeTextPdf(archive + "/tap-dong.pdf", bound);
    const catalog::StorageUnit& host = units_[2 * (kUnitsPerInventory + 1)].unit;
    add_doc(host, 0, 901, Secrecy::kNormal, "tap-dong.pdf", 1, 2);
    bound_public_ = docs.back().Id();
    add_doc(host, 1, 902, Secrecy::kConfidential, "tap-dong.pdf", 3, 3);
    bound_secret_ = docs.back().Id();
    units_[2 * (kUnitsPerInventory + 1)].documents += 1;

    std::mt19937 rng(21);
    std::shuffle(docs.begin(), docs.end(), rng);
    requests_path_ = (root / "requests.sqlite").string();
    return ServeArchive(
        root, docs,
        {"thuthu mat " + Hash("mật khẩu") + " khai-thac", "docgia thuong " + Hash("đọc"),
         "thuky thuong " + Hash("sổ") + " khai-thac", "lanhdao toi-mat " + Hash("bí mật") + " khai-thac",
         // An ASCII password: a script can hand it to the browser
         // (XMLHttpRequest percent-encodes others).
         "luutru1 mat " + Hash("so-luu-tru-1") + " khai-thac"},
        {"--requests", requests_path_});
  }

 protected:
  // The units visible at thường, in store order as the generator placed them.
  static std::vector<GeneratedUnit> PublicUnitsInStoreOrder() {
    std::vector<GeneratedUnit> out;
    for (const auto& g : units_) {
      if (!g.secret_only) out.push_back(g);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.place < b.place; });
    return out;
  }

  json GetJson(const std::string& path, int expected_status, const std::string& user = "",
               const std::string& password = "") {
    auto res = Client(user, password).Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, expected_status) << path << " " << res->body;
    return json::parse(res->body, nullptr, false);
  }
  json PostJson(const std::string& path, const json& body, int expected_status, const std::string& user,
                const std::string& password) {
    auto res = Client(user, password).Post(path, body.dump(), "application/json");
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, expected_status) << path << " " << res->body;
    return json::parse(res->body, nullptr, false);
  }
  static inline std::string requests_path_;
  static inline std::vector<GeneratedUnit> units_;
  static inline std::string bound_public_, bound_secret_;
};

}  // namespace luutru::serve::testing

#endif  // LUUTRU_TESTS_SERVE_ARCHIVE_FIXTURE_H_
