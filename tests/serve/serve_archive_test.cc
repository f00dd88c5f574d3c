// The reading room over a generated archive of 60+ storage units: pull slips in store order,
// browsing the fonds, downloads (archive_fixture.h).
#include <poppler-document.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/serve/archive_fixture.h"

namespace luutru::serve::testing {
namespace {

using ServeArchiveTest = ArchiveFixture;

const std::string kAllQuery = "/api/pull-list?q=" + Encode("ngan sach");

TEST_F(ServeArchiveTest, PullListHoldsEveryUnitOfTheAnswerInStoreOrder) {
  const auto expected = PublicUnitsInStoreOrder();
  ASSERT_GE(expected.size(), 50u);
  json slip = GetJson(kAllQuery, 200);
  ASSERT_EQ(slip["total_units"], expected.size()) << slip.dump().substr(0, 400);
  ASSERT_EQ(slip["units"].size(), expected.size());
  size_t documents = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    const json& u = slip["units"][i];
    EXPECT_EQ(u["code"], expected[i].unit.code) << "position " << i;
    EXPECT_EQ(u["box"], expected[i].unit.box);
    EXPECT_EQ(u["title"], expected[i].unit.title);
    // Every matching document, not the best three.
    EXPECT_EQ(u["documents"].size(), static_cast<size_t>(expected[i].documents)) << u["code"];
    EXPECT_EQ(u["matching_documents"], expected[i].documents);
    EXPECT_EQ(u["documents_in_unit"], expected[i].documents);
    documents += u["documents"].size();
  }
  EXPECT_EQ(slip["total_documents"], documents);
}

TEST_F(ServeArchiveTest, PullListDocumentsCarryWhatTheSlipNeeds) {
  json slip = GetJson(kAllQuery, 200, "thuthu", "mật khẩu");
  // At mật the three secret-only units join, each after the other units of its inventory.
  ASSERT_EQ(slip["total_units"], PublicUnitsInStoreOrder().size() + 4);
  bool saw_secret = false, saw_undated = false;
  for (const json& u : slip["units"]) {
    ASSERT_TRUE(u["date_from"].is_string() || u["date_from"].is_null());
    std::string previous_number;
    for (const json& d : u["documents"]) {
      ASSERT_TRUE(d["number"].is_string());
      ASSERT_TRUE(d["title"].is_string());
      EXPECT_EQ(d["type"], "Thông báo");
      EXPECT_GE(d["pages"].get<int>(), 1);
      if (d["secrecy"] == "mật") saw_secret = true;
      if (d["date"].is_null()) saw_undated = true;
    }
  }
  EXPECT_TRUE(saw_secret);
  EXPECT_TRUE(saw_undated);
  // A unit's date span covers its documents' dates.
  const json& first = slip["units"][0];
  for (const json& d : first["documents"]) {
    if (d["date"].is_null()) continue;
    EXPECT_LE(first["date_from"].get<std::string>(), d["date"].get<std::string>());
    EXPECT_GE(first["date_to"].get<std::string>(), d["date"].get<std::string>());
  }
  // Secret views on the slip are logged.
  bool logged = false;
  for (const auto& line : LogLines()) logged = logged || line.find("\"pull-list\"") != std::string::npos;
  EXPECT_TRUE(logged);
}

TEST_F(ServeArchiveTest, PullListAsCsvHasOneRowPerDocumentInStoreOrder) {
  auto res = Client().Get(kAllQuery + "&format=csv");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type").rfind("text/csv", 0), 0u);
  std::vector<std::string> rows;
  for (size_t start = 0; start < res->body.size();) {
    size_t end = res->body.find("\r\n", start);
    if (end == std::string::npos) end = res->body.size();
    rows.push_back(res->body.substr(start, end - start));
    start = end + 2;
  }
  const auto expected = PublicUnitsInStoreOrder();
  size_t documents = 0;
  for (const auto& u : expected) documents += static_cast<size_t>(u.documents);
  ASSERT_EQ(rows.size(), documents + 1);
  EXPECT_NE(rows[0].find("Hộp"), std::string::npos);
  EXPECT_NE(rows[1].find(expected.front().unit.code), std::string::npos);
  EXPECT_NE(rows.back().find(expected.back().unit.code), std::string::npos);
}

TEST_F(ServeArchiveTest, FondsAndInventoryFilterASearch) {
  json all = GetJson("/api/search?q=" + Encode("ngan sach"), 200);
  json f12 = GetJson("/api/search?q=" + Encode("ngan sach") + "&fonds=" + Encode("Phông 12"), 200);
  json f12i10 = GetJson("/api/search?q=" + Encode("ngan sach") + "&fonds=" + Encode("phong 12") +
                            "&inventory=" + Encode("Mục lục 10"), 200);
  EXPECT_GT(all["total"].get<int>(), f12["total"].get<int>());
  EXPECT_GT(f12["total"].get<int>(), f12i10["total"].get<int>());
  EXPECT_GT(f12i10["total"].get<int>(), 0);
  for (const json& r : f12i10["results"]) EXPECT_EQ(r["unit"]["code"].get<std::string>().rfind("Phông 12 / Mục lục 10", 0), 0u);
  // The filters alone are a search: every document of the inventory.
  json only = GetJson("/api/pull-list?fonds=" + Encode("Phông 3") + "&inventory=" + Encode("Mục lục 2"), 200);
  EXPECT_EQ(only["total_units"], kUnitsPerInventory);
}

TEST_F(ServeArchiveTest, BrowseListsFondsInventoriesAndUnitsWithCountsPerClearance) {
  json tree = GetJson("/api/browse", 200);
  ASSERT_EQ(tree["fonds"].size(), 2u);
  EXPECT_EQ(tree["fonds"][0]["name"], "Phông 3");  // 3 before 12
  EXPECT_EQ(tree["fonds"][1]["name"], "Phông 12");
  const json& inv = tree["fonds"][0]["inventories"][0];
  EXPECT_EQ(inv["name"], "Mục lục 2");
  EXPECT_EQ(inv["units_count"], kUnitsPerInventory);  // the secret-only unit is absent
  EXPECT_EQ(inv["units"][0]["box"], "6");
  EXPECT_EQ(inv["units"][0]["code"], "Phông 3 / Mục lục 2 / ĐVBQ 7");
  EXPECT_TRUE(inv["units"][0]["date_from"].is_string());
  uint64_t documents = 0;
  for (const auto& u : PublicUnitsInStoreOrder()) documents += static_cast<uint64_t>(u.documents);
  EXPECT_EQ(tree["fonds"][0]["documents"].get<uint64_t>() + tree["fonds"][1]["documents"].get<uint64_t>(), documents);
  json secret = GetJson("/api/browse?fonds=" + Encode("Phông 3"), 200, "thuthu", "mật khẩu");
  ASSERT_EQ(secret["fonds"].size(), 1u);
  EXPECT_EQ(secret["fonds"][0]["inventories"][0]["units_count"], kUnitsPerInventory + 1);
}

int PdfPages(const std::string& bytes) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  return doc ? doc->pages() : -1;
}

TEST_F(ServeArchiveTest, DownloadGivesOnlyTheDocumentsPagesAtItsClearance) {
  auto pub = Client().Get("/api/documents/" + Encode(bound_public_) + "/file");
  ASSERT_TRUE(pub);
  ASSERT_EQ(pub->status, 200) << pub->body;
  EXPECT_EQ(pub->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(PdfPages(pub->body), 2);  // pages 1–2 of the bound file, never the secret page 3
  auto hidden = Client().Get("/api/documents/" + Encode(bound_secret_) + "/file");
  ASSERT_TRUE(hidden);
  EXPECT_EQ(hidden->status, 404);
  const size_t before = LogLines().size();
  auto secret = Client("thuthu", "mật khẩu").Get("/api/documents/" + Encode(bound_secret_) + "/file");
  ASSERT_TRUE(secret);
  ASSERT_EQ(secret->status, 200);
  EXPECT_EQ(PdfPages(secret->body), 1);
  const auto lines = LogLines();
  ASSERT_EQ(lines.size(), before + 1);
  EXPECT_NE(lines.back().find("\"file\""), std::string::npos);
  EXPECT_NE(lines.back().find("thuthu"), std::string::npos);
  // A document whose file is gone: an error that does not show where the server keeps it.
  json unit = GetJson("/api/units/" + Encode("Phông 3 / Mục lục 2 / ĐVBQ 7"), 200);
  auto gone = Client().Get("/api/documents/" + Encode(unit["documents"][0]["id"].get<std::string>()) + "/file");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 500);
  EXPECT_EQ(gone->body.find(dir_->path().string()), std::string::npos) << gone->body;
}

}  // namespace
}  // namespace luutru::serve::testing
