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
  json f12i10 = GetJson(
      "/api/search?q=" + Encode("ngan sach") + "&fonds=" + Encode("phong 12") + "&inventory=" + Encode("Mục lục 10"),
      200);
  EXPECT_GT(all["total"].get<int>(), f12["total"].get<int>());
  EXPECT_GT(f12["total"].get<int>(), f12i10["total"].get<int>());
  EXPECT_GT(f12i10["total"].get<int>(), 0);
  for (const json& r : f12i10["results"])
    EXPECT_EQ(r["unit"]["code"].get<std::string>().rfind("Phông 12 / Mục lục 10", 0), 0u);
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
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
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

namespace luutru::serve::testing {
namespace {

const std::string kPass = "mật khẩu";

TEST_F(ServeArchiveTest, ARequestsLifeIsKeptLoggedAndCounted) {
  const json fields = {{"requester", "Nguyễn Văn A"},
                       {"organisation", "Ban Tuyên giáo"},
                       {"purpose", "Viết lịch sử Đảng bộ"},
                       {"date", "2026-03-15"}};
  // Only a reader with the khai-thac right keeps requests; a form post (not JSON) is refused.
  PostJson("/api/requests", fields, 403, "docgia", "đọc");
  auto form =
      Client("thuthu", kPass).Post("/api/requests", "requester=x&purpose=y", "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
  json bad =
      PostJson("/api/requests", {{"requester", "A"}, {"purpose", "B"}, {"date", "15/13/2026"}}, 400, "thuthu", kPass);
  EXPECT_NE(bad["error"].get<std::string>().find("Ngày yêu cầu"), std::string::npos) << bad;

  json r = PostJson("/api/requests", fields, 201, "thuthu", kPass);
  const std::string base = "/api/requests/" + std::to_string(r["id"].get<int>());
  EXPECT_EQ(r["status"], "open");
  EXPECT_EQ(r["created_by"], "thuthu");
  // Units from an answer, by their code however typed, and a mật document the keeper may see.
  json slip = GetJson(kAllQuery, 200);
  const std::string last_code = slip["units"].back()["code"];
  const std::string first_code = slip["units"][0]["code"];
  json added = PostJson(base + "/items",
                        {{"units", {last_code, "phong 3 / muc luc 2 / dvbq 7"}}, {"documents", {bound_secret_}}}, 200,
                        "thuthu", kPass);
  EXPECT_EQ(added["added"], 3);
  EXPECT_EQ(added["items"].size(), 3u);
  EXPECT_EQ(added["units"], 3);  // the bound file's unit counts as a unit of the request
  // Adding again adds nothing.
  EXPECT_EQ(PostJson(base + "/items", {{"units", {first_code}}}, 200, "thuthu", kPass)["added"], 0);

  // The request's slip: its units in store order (Phông 3 before Phông 12).
  json printed = GetJson(base + "/slip", 200, "thuthu", kPass);
  ASSERT_EQ(printed["total_units"], 3);
  EXPECT_EQ(printed["units"][0]["code"], first_code);
  EXPECT_EQ(printed["units"][2]["code"], last_code);
  EXPECT_EQ(printed["request"]["purpose"], "Viết lịch sử Đảng bộ");

  // A keeper at thường sees neither the mật document nor its traces, and cannot add it.
  json low = GetJson(base, 200, "thuky", "sổ");
  EXPECT_EQ(low["items"].size(), 2u);
  EXPECT_EQ(low.dump().find(bound_secret_), std::string::npos);
  PostJson(base + "/items", {{"documents", {bound_secret_}}}, 400, "thuky", "sổ");

  // Hand over, then return: every change logged with its user.
  json handed = PostJson(base + "/handover", json::object(), 200, "thuthu", kPass);
  EXPECT_EQ(handed["changed"], 3);
  EXPECT_EQ(handed["status"], "handed_over");
  json back = PostJson(base + "/return", json::object(), 200, "thuky", "sổ");
  EXPECT_EQ(back["changed"], 2);  // thuky returns what thuky sees
  EXPECT_EQ(back["status"], "returned");
  json full = GetJson(base, 200, "thuthu", kPass);
  EXPECT_EQ(full["status"], "handed_over");  // the mật document is still out
  std::vector<std::string> actions;
  for (const json& h : full["history"])
    actions.push_back(h["action"].get<std::string>() + ":" + h["user"].get<std::string>());
  EXPECT_EQ(actions.front(), "created:thuthu");
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "handed_over:thuthu"), 3);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "returned:thuky"), 2);

  // The period report counts requests, documents and units, at the reader's clearance.
  json report = GetJson("/api/requests-report?period=month&from=2026-03-01&to=2026-03-31", 200, "thuthu", kPass);
  ASSERT_EQ(report["rows"].size(), 1u);
  EXPECT_EQ(report["rows"][0]["period"], "2026-03");
  EXPECT_EQ(report["rows"][0]["requests"], 1);
  EXPECT_EQ(report["rows"][0]["served"], 1);
  EXPECT_EQ(report["rows"][0]["units"], 3);
  const int high_documents = report["rows"][0]["documents"];
  json low_report = GetJson("/api/requests-report?period=year", 200, "thuky", "sổ");
  EXPECT_EQ(low_report["rows"][0]["period"], "2026");
  EXPECT_EQ(low_report["rows"][0]["documents"].get<int>(), high_documents - 1);
  EXPECT_EQ(low_report["rows"][0]["units"], 2);
  auto csv = Client("thuthu", kPass).Get("/api/requests-report?period=year&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->body.find("Đơn vị bảo quản"), std::string::npos);
  EXPECT_NE(csv->body.find("2026,1,1," + std::to_string(high_documents) + ",3"), std::string::npos) << csv->body;
}

}  // namespace
}  // namespace luutru::serve::testing

namespace luutru::serve::testing {
namespace {

TEST_F(ServeArchiveTest, AUnitNumberSharedByInventoriesOffersCandidates) {
  json r = GetJson("/api/search?unit=7", 400);
  ASSERT_TRUE(r["candidates"].is_array()) << r;
  EXPECT_EQ(r["candidates"].size(), 4u);  // ĐVBQ 7 of each fonds and inventory
  EXPECT_EQ(GetJson("/api/search?unit=" + Encode("Mục lục 2 / ĐVBQ 0105"), 400)["candidates"].size(), 2u);
  json exact = GetJson("/api/search?unit=" + Encode("phong 12 / muc luc 2 / 105"), 200);
  EXPECT_GT(exact["total"].get<int>(), 0) << exact;
}

}  // namespace
}  // namespace luutru::serve::testing
