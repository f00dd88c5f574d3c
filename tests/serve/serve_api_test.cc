// luutru-serve end to end: every endpoint asked as an anonymous reader and as readers of each
// clearance, against the program itself on a free loopback port (serve_fixture.h).
#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "search/output.h"
#include "search/searcher.h"
#include "tests/serve/serve_fixture.h"

namespace luutru::serve::testing {
namespace {

using nlohmann::json;
using ServeApiTest = ServeFixture;

const std::vector<std::string> kVisibleAnonymous = {"cong-khai.pdf", "scan.pdf"};

TEST_F(ServeApiTest, HealthzCountsTheDocumentsTheCallerMaySee) {
  json h = GetJson("/healthz", 200);
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["documents"], 2);  // hidden documents are not counted, even here
  EXPECT_EQ(GetJson("/healthz", 200, "thuthu", "mật khẩu")["documents"], 3);
  EXPECT_EQ(GetJson("/healthz", 200, "lanhdao", "bí mật")["documents"], 4);
}

TEST_F(ServeApiTest, SearchAnswersExactlyAsTheLibraryDoes) {
  json served = GetJson("/api/search?q=" + Encode("vi nguoi ngheo") + "&limit=5", 200);
  search::SearchRequest request;
  request.query = "vi nguoi ngheo";
  request.limit = 5;
  json direct = json::parse(search::ToJson(search::Searcher::Open({db_path_}).Search(request)).dump());
  // The command line names the file where it lies; the reading room only relative to the archive.
  for (json& result : direct["results"]) {
    EXPECT_TRUE(result["path"].is_string());
    result["path"] = nullptr;
  }
  EXPECT_EQ(served, direct);
  EXPECT_EQ(Files(served), kVisibleAnonymous);
  EXPECT_EQ(served["total"], 2);
}

TEST_F(ServeApiTest, SearchHidesDocumentsAboveTheCallersClearance) {
  const std::string path = "/api/search?q=" + Encode("quỹ Vì người nghèo");
  EXPECT_EQ(Files(GetJson(path, 200)), kVisibleAnonymous);
  json mat = GetJson(path, 200, "thuthu", "mật khẩu");
  EXPECT_EQ(mat["total"], 3);
  EXPECT_EQ(Files(mat), (std::vector<std::string>{"cong-khai.pdf", "mat.pdf", "scan.pdf"}));
  json top = GetJson(path, 200, "lanhdao", "bí mật");
  EXPECT_EQ(top["total"], 4);
  // A word only a secret document holds finds nothing, and no suggestion hints at it.
  json none = GetJson("/api/search?q=" + Encode("nhân sự"), 200);
  EXPECT_EQ(none["total"], 0);
  EXPECT_TRUE(none["suggestion"].is_null());
}

TEST_F(ServeApiTest, ConcurrentReadersGetTheirOwnAnswers) {
  // Readers of different clearance at once: each Searcher is lent to one request at a time.
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        httplib::Client client("127.0.0.1", port_);
        client.set_url_encode(false);
        if (t % 2) client.set_basic_auth("lanhdao", "bí mật");
        auto res = client.Get("/api/search?q=" + Encode("vi nguoi ngheo"));
        if (!res || res->status != 200 || json::parse(res->body)["total"] != (t % 2 ? 4 : 2)) ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST_F(ServeApiTest, GroupedPullListCountsOnlyVisibleDocuments) {
  const std::string path = "/api/search?group=unit&q=" + Encode("vi nguoi ngheo");
  json anon = GetJson(path, 200);
  ASSERT_EQ(anon["total"], 1);
  EXPECT_EQ(anon["results"][0]["unit"]["code"], "Phông 12 / Mục lục 01 / ĐVBQ 0345");
  EXPECT_EQ(anon["results"][0]["unit"]["box"], "12");
  EXPECT_EQ(anon["results"][0]["matching_documents"], 2);
  json top = GetJson(path, 200, "lanhdao", "bí mật");
  EXPECT_EQ(top["total"], 2);
  EXPECT_EQ(top["results"][0]["matching_documents"].get<int>() + top["results"][1]["matching_documents"].get<int>(), 4);

  auto csv = Get(path + "&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type").rfind("text/csv", 0), 0u);
  EXPECT_NE(csv->body.find("ĐVBQ 0345"), std::string::npos) << csv->body;
  EXPECT_EQ(csv->body.find("ĐVBQ 0346"), std::string::npos) << csv->body;
}

TEST_F(ServeApiTest, CredentialsThatDoNotVerifyAreRefused) {
  auto wrong = Get("/api/search?q=ngheo", "thuthu", "sai");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(wrong->get_header_value("WWW-Authenticate").rfind("Basic", 0), 0u);
  EXPECT_TRUE(json::parse(wrong->body).contains("error"));
  auto unknown = Get(DocPath("cong-khai.pdf"), "ai-do", "mật khẩu");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 401);

  httplib::Client client("127.0.0.1", port_);
  client.set_bearer_token_auth("not-the-token");
  auto bearer = client.Get("/api/whoami");
  ASSERT_TRUE(bearer);
  EXPECT_EQ(bearer->status, 401);
  client.set_bearer_token_auth("robot-token");
  auto robot = client.Get("/api/search?q=" + Encode("nhân sự"));
  ASSERT_TRUE(robot);
  EXPECT_EQ(robot->status, 200);
  EXPECT_EQ(json::parse(robot->body)["total"], 1);
  json me = GetJson("/api/whoami", 200, "thuthu", "mật khẩu");
  EXPECT_EQ(me["user"], "thuthu");
  EXPECT_EQ(me["clearance"], "mật");
  EXPECT_TRUE(GetJson("/api/whoami", 200)["user"].is_null());
}

TEST_F(ServeApiTest, UnitListingInCatalogOrderWithoutHiddenDocuments) {
  const std::string u345 = "/api/units/" + Encode("ĐVBQ 345");
  json anon = GetJson(u345, 200);
  EXPECT_EQ(anon["unit"]["code"], "Phông 12 / Mục lục 01 / ĐVBQ 0345");
  EXPECT_EQ(anon["unit"]["box"], "12");
  ASSERT_EQ(anon["documents"].size(), 2u);
  EXPECT_EQ(anon["documents"][0]["file"], "cong-khai.pdf");
  EXPECT_EQ(anon["documents"][1]["file"], "scan.pdf");
  EXPECT_EQ(anon["total"], 2);
  json mat = GetJson(u345, 200, "thuthu", "mật khẩu");
  ASSERT_EQ(mat["documents"].size(), 3u);
  EXPECT_EQ(mat["documents"][1]["file"], "mat.pdf");

  // A unit holding only a document above the reader's clearance does not exist for the reader.
  const std::string u346 = "/api/units/" + Encode("Phông 12 / Mục lục 01 / ĐVBQ 0346");
  json hidden = GetJson(u346, 404);
  EXPECT_TRUE(hidden.contains("error"));
  GetJson(u346, 404, "thuthu", "mật khẩu");
  EXPECT_EQ(GetJson(u346, 200, "lanhdao", "bí mật")["documents"].size(), 1u);
  GetJson("/api/units/" + Encode("ĐVBQ 9999"), 404);
}

TEST_F(ServeApiTest, DocumentMetadataAndTextSourcePerPage) {
  json doc = GetJson(DocPath("cong-khai.pdf"), 200);
  EXPECT_EQ(doc["id"], ids_["cong-khai.pdf"]);
  EXPECT_EQ(doc["number"], "45-TB/TU");
  EXPECT_EQ(doc["page_range"], json::array({1, 2}));
  ASSERT_EQ(doc["page_sources"].size(), 2u);
  EXPECT_EQ(doc["page_sources"][1]["page"], 2);
  EXPECT_EQ(doc["page_sources"][1]["source"], "text");
  json scan = GetJson(DocPath("scan.pdf"), 200);
  EXPECT_EQ(scan["page_sources"][0]["source"], "ocr");
  EXPECT_EQ(scan["page_sources"][0]["ocr_confidence"], 82.0);
  EXPECT_EQ(scan["ocr"], true);
}

TEST_F(ServeApiTest, DocumentAboveClearanceIsNotFoundLikeAMissingOne) {
  json hidden = GetJson(DocPath("mat.pdf"), 404);
  json missing = GetJson("/api/documents/" + Encode("khong-co.pdf#1-1"), 404);
  EXPECT_EQ(hidden.size(), missing.size());
  GetJson(DocPath("toi-mat.pdf"), 404, "thuthu", "mật khẩu");
  EXPECT_EQ(GetJson(DocPath("mat.pdf"), 200, "thuthu", "mật khẩu")["secrecy"], "mật");
  EXPECT_EQ(GetJson(DocPath("toi-mat.pdf"), 200, "lanhdao", "bí mật")["secrecy"], "tối mật");
}

TEST_F(ServeApiTest, PageImagesAreHiddenLikeTheirDocument) {
  for (const char* file : {"mat.pdf", "toi-mat.pdf"}) {
    auto res = Get(DocPath(file) + "/pages/1.png");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404) << file;
    EXPECT_EQ(res->body.find("\x89PNG"), std::string::npos);
  }
  auto cleared = Get(DocPath("mat.pdf") + "/pages/1.png", "thuthu", "mật khẩu");
  ASSERT_TRUE(cleared);
  EXPECT_EQ(cleared->status, 200);
  EXPECT_EQ(cleared->get_header_value("Content-Type"), "image/png");
  EXPECT_EQ(cleared->body.rfind("\x89PNG", 0), 0u);
  auto outside = Get(DocPath("cong-khai.pdf") + "/pages/3.png");
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 404);
}

TEST_F(ServeApiTest, TextLayerHitsAreMarkedOnThePage) {
  // "nghèo" on page 1, line 2, searched for without diacritics.
  const DrawnWord* found = nullptr;
  for (const auto& w : text_boxes_[0]) {
    if (w.text == "nghèo") found = &w;
  }
  ASSERT_NE(found, nullptr);
  const DrawnWord& word = *found;
  auto plain = Get(DocPath("cong-khai.pdf") + "/pages/1.png?dpi=100");
  auto marked = Get(DocPath("cong-khai.pdf") + "/pages/1.png?dpi=100&q=" + Encode("ngheo"));
  ASSERT_TRUE(plain && marked);
  ASSERT_EQ(marked->status, 200);
  EXPECT_EQ(YellowPixels(plain->body, word, 100), 0);
  EXPECT_GT(YellowPixels(marked->body, word, 100), 50);
  // A word that is not in the query stays unmarked.
  EXPECT_EQ(YellowPixels(marked->body, text_boxes_[0][0], 100), 0);
}

TEST_F(ServeApiTest, WordsAreMarkedWhereTheyStandTogetherAndSpelledAsTypedOnATextLayer) {
  const DrawnWord *dai = nullptr, *dai_radio = nullptr;
  for (const auto& w : text_boxes_[1]) {
    if (w.text == "đại") dai = &w;
    if (w.text == "Đài") dai_radio = &w;
  }
  ASSERT_TRUE(dai && dai_radio);
  // Words typed together are marked where they stand together, not wherever one of their
  // syllables is: "nha dai" marks "nhà đại", never "Đài" in "Đài tỉnh".
  auto run = Get(DocPath("cong-khai.pdf") + "/pages/2.png?dpi=100&q=" + Encode("nha dai"));
  ASSERT_TRUE(run);
  ASSERT_EQ(run->status, 200);
  EXPECT_GT(YellowPixels(run->body, *dai, 100), 50);
  EXPECT_EQ(YellowPixels(run->body, *dai_radio, 100), 0);
  auto exact = Get(DocPath("cong-khai.pdf") + "/pages/2.png?dpi=100&q=" + Encode("đại"));
  auto folded = Get(DocPath("cong-khai.pdf") + "/pages/2.png?dpi=100&q=dai");
  ASSERT_TRUE(exact && folded);
  EXPECT_GT(YellowPixels(exact->body, *dai, 100), 50);
  EXPECT_EQ(YellowPixels(exact->body, *dai_radio, 100), 0);
  EXPECT_GT(YellowPixels(folded->body, *dai, 100), 50);
  EXPECT_GT(YellowPixels(folded->body, *dai_radio, 100), 50);
}

TEST_F(ServeApiTest, OcrWordBoxesMarkHitsOnTheScan) {
  const DrawnWord* vi = nullptr;
  for (const auto& w : scan_boxes_) {
    if (w.text == "Vi") vi = &w;
  }
  ASSERT_NE(vi, nullptr);
  auto plain = Get(DocPath("scan.pdf") + "/pages/1.png?dpi=72");
  auto marked = Get(DocPath("scan.pdf") + "/pages/1.png?dpi=72&q=" + Encode("Vì"));
  ASSERT_TRUE(plain && marked);
  ASSERT_EQ(marked->status, 200);
  EXPECT_EQ(YellowPixels(plain->body, *vi, 72), 0);
  EXPECT_GT(YellowPixels(marked->body, *vi, 72), 20);
}

TEST_F(ServeApiTest, EveryViewOfASecretDocumentIsLogged) {
  const size_t before = LogLines().size();
  Get(DocPath("cong-khai.pdf"));
  Get(DocPath("cong-khai.pdf") + "/pages/1.png");
  Get(DocPath("mat.pdf") + "/pages/1.png");  // refused: nothing was seen
  EXPECT_EQ(LogLines().size(), before);

  Get(DocPath("mat.pdf") + "/pages/1.png?dpi=40", "thuthu", "mật khẩu");
  auto lines = LogLines();
  ASSERT_EQ(lines.size(), before + 1);
  json record = json::parse(lines.back());
  EXPECT_EQ(record["user"], "thuthu");
  EXPECT_EQ(record["document"], ids_["mat.pdf"]);
  EXPECT_EQ(record["page"], 1);
  EXPECT_EQ(record["endpoint"], "page");
  EXPECT_EQ(record["remote"], "127.0.0.1");

  GetJson("/api/search?q=" + Encode("kế hoạch"), 200, "lanhdao", "bí mật");
  lines = LogLines();
  ASSERT_EQ(lines.size(), before + 2);
  record = json::parse(lines.back());
  EXPECT_EQ(record["user"], "lanhdao");
  EXPECT_EQ(record["document"], ids_["toi-mat.pdf"]);
  EXPECT_TRUE(record["page"].is_null());
  EXPECT_EQ(record["endpoint"], "search");
  EXPECT_EQ(record["secrecy"], "tối mật");
}

TEST_F(ServeApiTest, ErrorsAreJsonWithTheRightStatus) {
  EXPECT_TRUE(GetJson("/api/search?q=" + Encode("\"quỹ vì"), 400).contains("error"));
  EXPECT_TRUE(GetJson("/api/search?q=ngheo&limit=abc", 400).contains("error"));
  EXPECT_TRUE(GetJson("/api/search?type=" + Encode("khong co loai nay"), 400).contains("error"));
  EXPECT_TRUE(GetJson("/api/search?from=2023-13", 400).contains("error"));
  EXPECT_TRUE(GetJson("/api/search", 400).contains("error"));
  EXPECT_TRUE(GetJson(DocPath("cong-khai.pdf") + "/pages/1.png?dpi=5000", 400).contains("error"));
  EXPECT_EQ(GetJson("/khong-co", 404)["status"], 404);
}

TEST_F(ServeApiTest, NumberFieldTakesEveryFormAndNamesThePartThatDidNotParse) {
  EXPECT_EQ(GetJson("/api/search?number=" + Encode("Số: 02-CP"), 200)["total"], 0);
  EXPECT_EQ(GetJson("/api/search?number=" + Encode("08/2004/QĐ-BNN/TY"), 200)["total"], 0);
  const std::string vi = GetJson("/api/search?number=" + Encode("5/luật"), 400)["error"];
  EXPECT_NE(vi.find("phần ký hiệu 'luật'"), std::string::npos) << vi;
  const std::string en = GetJson("/api/search?lang=en&q=" + Encode("so:\"15/QĐ-UBND ngày\""), 400)["error"];
  EXPECT_NE(en.find("'ngày' follows a complete number"), std::string::npos) << en;
}

TEST_F(ServeApiTest, WebPageIsServedWithEverythingItNeeds) {
  auto page = Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("lang=\"vi\""), std::string::npos);
  EXPECT_NE(page->body.find("/app.js"), std::string::npos);
  EXPECT_EQ(page->body.find("http://"), std::string::npos);  // nothing loaded from outside
  EXPECT_EQ(page->body.find("https://"), std::string::npos);
  for (const char* asset : {"/app.js", "/app.css"}) {
    auto res = Get(asset);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << asset;
    EXPECT_EQ(res->body.find("https://"), std::string::npos) << asset;
  }
  auto login = Get("/login");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 401);
  auto signed_in = Get("/login", "thuthu", "mật khẩu");
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in->status, 302);
}

// A real born-digital document (../shared/real-pdfs), indexed by luutru-index: the words of a
// query typed without diacritics are marked on the page image from the PDF's own text layer.
TEST(ServeRealPdfTest, MarksHitsOnARealBornDigitalPage) {
  LUUTRU_REQUIRE_SHARED(shared);
  const auto indexer = luutru::testing::BinaryDir() / "indexer/luutru-index";
  // A dependency of this test in CMake: missing, the build is broken (not a skip).
  ASSERT_TRUE(std::filesystem::exists(indexer)) << "luutru-index is not built (" << indexer << ")";
  const auto pdf = shared / "real-pdfs/qn_2025_11-TB-UBND_text.pdf";
  ASSERT_TRUE(std::filesystem::exists(pdf)) << pdf;
  luutru::testing::TempDir dir("serve-real");
  std::filesystem::create_directories(dir.path() / "in");
  std::filesystem::copy_file(pdf, dir.path() / "in/qn_2025_11-TB-UBND_text.pdf");
  const std::string db = (dir.path() / "db").string();
  const auto indexed = luutru::testing::RunCommand("'" + indexer.string() + "' --db '" + db + "' --ocr never '" +
                                                   (dir.path() / "in").string() + "' 2>&1");
  ASSERT_EQ(indexed.exit_code, 0) << indexed.out;

  const RunningServer server = StartServer({"--db", db, "--access-log", (dir.path() / "access.jsonl").string()});
  ASSERT_GT(server.port, 0);
  httplib::Client client("127.0.0.1", server.port);
  client.set_url_encode(false);
  client.set_read_timeout(30, 0);
  auto found = client.Get("/api/search?q=" + Encode("ke hoach dau tu"));
  ASSERT_TRUE(found);
  ASSERT_EQ(found->status, 200) << found->body;
  const json response = json::parse(found->body);
  ASSERT_EQ(response["total"], 1);
  const std::string id = response["results"][0]["id"];
  ASSERT_FALSE(response["results"][0]["pages"].empty());
  const int page = response["results"][0]["pages"][0];

  const std::string image = "/api/documents/" + Encode(id) + "/pages/" + std::to_string(page) + ".png?dpi=60";
  auto plain = client.Get(image);
  auto marked = client.Get(image + "&q=" + Encode("ke hoach dau tu"));
  StopServer(server);
  ASSERT_TRUE(plain && marked);
  ASSERT_EQ(marked->status, 200);
  const DrawnWord whole_page{"", 0, 0, 595, 842};
  const int before = YellowPixels(plain->body, whole_page, 60);
  const int after = YellowPixels(marked->body, whole_page, 60);
  // "Kế hoạch và Đầu tư" stands several times on the page: a few hundred marked pixels at 60 dpi.
  EXPECT_GT(after, before + 200) << "before " << before << ", after " << after;
}

}  // namespace
}  // namespace luutru::serve::testing

namespace luutru::serve::testing {
namespace {

// Pixels of the watermark's light red over white paper in a PNG.
int WatermarkPixels(const std::string& png) {
  cairo_surface_t* s = PngSurface(png);
  const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  const int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  int count = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      uint32_t px;
      std::memcpy(&px, data + y * stride + x * 4, 4);
      const int r = (px >> 16) & 255, g = (px >> 8) & 255, b = px & 255;
      if (r > 200 && r - g > 12 && r - b > 12 && std::abs(g - b) < 10) ++count;
    }
  }
  cairo_surface_destroy(s);
  return count;
}

TEST_F(ServeApiTest, PagesAboveThuongCarryAWatermarkAndOthersComeFromTheCache) {
  auto secret = Get(DocPath("mat.pdf") + "/pages/1.png?dpi=60", "thuthu", "mật khẩu");
  ASSERT_TRUE(secret);
  ASSERT_EQ(secret->status, 200);
  EXPECT_GT(WatermarkPixels(secret->body), 200);
  auto first = Get(DocPath("cong-khai.pdf") + "/pages/1.png?dpi=60&q=ngheo");
  auto again = Get(DocPath("cong-khai.pdf") + "/pages/1.png?dpi=60&q=ngheo");
  ASSERT_TRUE(first && again);
  EXPECT_EQ(WatermarkPixels(first->body), 0);
  EXPECT_EQ(first->body, again->body);
  // Another query marks other words: not the cached image.
  auto other = Get(DocPath("cong-khai.pdf") + "/pages/1.png?dpi=60&q=quy");
  ASSERT_TRUE(other);
  EXPECT_NE(other->body, first->body);
}

}  // namespace
}  // namespace luutru::serve::testing

namespace luutru::serve::testing {
namespace {

TEST_F(ServeApiTest, AUnitNumberTypedAloneFindsItsUnit) {
  for (const std::string code : {"345", "0345", "ĐVBQ 345", "dvbq 0345"}) {
    json r = GetJson("/api/search?unit=" + Encode(code), 200);
    EXPECT_EQ(r["total"], 2) << code;
  }
}

TEST_F(ServeApiTest, LogoutReplacesTheBrowsersCredentialsWithAnonymousOnes) {
  const size_t log_lines = LogLines().size();
  // The browser first sends the credentials it keeps: refused with a challenge, so that it
  // retries with the page's signed-out ones; not a failed login.
  auto kept = Get("/logout", "thuthu", "mật khẩu");
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->status, 401);
  EXPECT_EQ(kept->get_header_value("WWW-Authenticate").rfind("Basic", 0), 0u);
  auto none = Get("/logout");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  // The signed-out credentials: accepted, and the browser told to drop what it cached.
  auto out = Get("/logout", std::string(kSignedOutUser), "dang-xuat");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 200);
  EXPECT_TRUE(json::parse(out->body)["user"].is_null());
  EXPECT_EQ(out->get_header_value("Clear-Site-Data"), "\"cache\"");
  // Kept by the browser afterwards, they read as an anonymous reader: nothing secret, no failure.
  json me = GetJson("/api/whoami", 200, std::string(kSignedOutUser), "dang-xuat");
  EXPECT_TRUE(me["user"].is_null());
  EXPECT_EQ(me["clearance"], "thường");
  EXPECT_EQ(Files(GetJson("/api/search?q=" + Encode("vi nguoi ngheo"), 200, std::string(kSignedOutUser), "x")),
            (std::vector<std::string>{"cong-khai.pdf", "scan.pdf"}));
  EXPECT_EQ(LogLines().size(), log_lines);
  // Signing in again: /login asks the browser for a password instead of taking them.
  auto login = Get("/login", std::string(kSignedOutUser), "dang-xuat");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 401);
  EXPECT_EQ(login->get_header_value("WWW-Authenticate").rfind("Basic", 0), 0u);
  // The page offers the button.
  auto script = Get("/app.js");
  ASSERT_TRUE(script);
  EXPECT_NE(script->body.find("dang-xuat"), std::string::npos);
}

TEST_F(ServeApiTest, ANumberWithoutItsSymbolIsExplainedInTheFieldsWords) {
  const std::string vi = GetJson("/api/search?number=33", 400)["error"];
  EXPECT_NE(vi.find("«Số, ký hiệu»"), std::string::npos) << vi;
  EXPECT_NE(vi.find("33-TB/TU"), std::string::npos) << vi;
  EXPECT_NE(vi.find("ô từ khóa"), std::string::npos) << vi;
  EXPECT_EQ(vi.find("--"), std::string::npos) << vi;
  httplib::Client client("127.0.0.1", port_);
  auto en = client.Get("/api/search?number=33", {{"Accept-Language", "en-GB,en;q=0.9"}});
  ASSERT_TRUE(en);
  const std::string message = json::parse(en->body)["error"];
  EXPECT_NE(message.find("such as 33-TB/TU"), std::string::npos) << message;
}

TEST_F(ServeApiTest, AnEmptySearchSuggestsNothing) {
  for (const std::string q : {"", " ", "-", "\"\"", "()", "*"}) {
    auto res = Get("/api/search?q=" + Encode(q));
    ASSERT_TRUE(res) << q;
    json body = json::parse(res->body);
    EXPECT_FALSE(body.contains("suggestion") && !body["suggestion"].is_null()) << q << ": " << res->body;
    // An error that speaks of the page's fields, not of command-line flags.
    EXPECT_EQ(res->status, 400) << q;
    EXPECT_EQ(res->body.find("--"), std::string::npos) << q << ": " << res->body;
  }
}

TEST_F(ServeApiTest, AReversedDateRangeNamesThePagesFields) {
  json r = GetJson("/api/search?q=ngheo&from=2024&to=2020", 400);
  const std::string message = r["error"];
  EXPECT_NE(message.find("Từ năm"), std::string::npos) << message;
  EXPECT_EQ(message.find("--"), std::string::npos) << message;
}

}  // namespace
}  // namespace luutru::serve::testing
