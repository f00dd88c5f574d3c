// The review page of the reading room (/review, /api/review): documents whose number, date,
// type or issuer is doubtful or unknown, with the image of their header page, for readers with
// the khai-thac right only, and never a document above the reader's clearance.
#include "tests/serve/serve_fixture.h"

namespace luutru::serve::testing {
namespace {

class ServeReviewTest : public ServedSuite<ServeReviewTest> {
 public:
  static constexpr const char* kFolder = "serve-review";
  static ServedArchive Serve(const std::filesystem::path& root) {
    const std::string archive = (root / "archive").string();
    std::filesystem::create_directories(archive);
    const auto unit = Unit("0501", "20", "Hồ sơ văn bản của UBND tỉnh năm 2025");
    auto scan = [&](const std::string& file, Secrecy secrecy, std::optional<std::string> number,
                    std::optional<catalog::FieldConfidence> confidence, int64_t order) {
      const std::vector<std::string> lines = {"ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Số: 23/BC-UBND", "BÁO CÁO"};
      MakeScanPdf(archive + "/" + file, lines);
      ArchiveDocument d;
      d.file = file;
      d.path = archive + "/" + file;
      d.unit = unit;
      d.meta.number = number;
      d.meta.number_confidence = confidence;
      d.meta.date = catalog::PartialDate{2025, 2, 5};
      d.meta.date_confidence = catalog::FieldConfidence::kRead;
      d.meta.type = "Báo cáo";
      d.meta.issuer = "Ủy ban nhân dân tỉnh Quảng Ngãi";
      d.meta.title = "Báo cáo tình hình";
      d.meta.secrecy = secrecy;
      d.extracted = d.meta;
      d.first_page = d.last_page = 1;
      d.pages.push_back(catalog::Page{Join(lines), TextSource::kOcr, 80.0, {}});
      d.catalog_order = order;
      return d;
    };
    const std::vector<ArchiveDocument> docs = {
        scan("doubtful.pdf", Secrecy::kNormal, "22/BC-UBND", catalog::FieldConfidence::kDoubtful, 1),
        scan("read.pdf", Secrecy::kNormal, "23/BC-UBND", catalog::FieldConfidence::kRead, 2),
        scan("secret-unread.pdf", Secrecy::kSecret, "?/BC-UBND", catalog::FieldConfidence::kPartial, 3),
    };
    return ServeArchive(root, docs,
                        {"# name clearance credential rights", "luutru mat " + Hash("kho") + " khai-thac",
                         "bandoc mat " + Hash("doc"), "lanhdao toi-mat " + Hash("bi mat") + " khai-thac"});
  }

 protected:
  static std::vector<std::string> Files(const json& body) {
    std::vector<std::string> files;
    for (const auto& d : body["documents"]) files.push_back(d["file"]);
    std::sort(files.begin(), files.end());
    return files;
  }
};

TEST_F(ServeReviewTest, OnlyReadersWithTheRightSeeTheList) {
  auto res = Get("/api/review", "bandoc", "doc");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403) << res->body;
  res = Get("/api/review", "luutru", "sai");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
}

TEST_F(ServeReviewTest, ListsDoubtfulFieldsWithTheHeaderImage) {
  auto res = Get("/api/review", "luutru", "kho");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json body = json::parse(res->body);
  EXPECT_EQ(Files(body), std::vector<std::string>{"doubtful.pdf"}) << "read fields are not listed; the secret "
                                                                      "document is above this reader's clearance";
  EXPECT_EQ(body["total"], 1);
  const json& d = body["documents"][0];
  EXPECT_EQ(d["number"], "22/BC-UBND");
  EXPECT_EQ(d["number_confidence"], "doubtful");
  EXPECT_EQ(d["review"], json::array({"number"}));
  const std::string image = d["header_image"];
  EXPECT_EQ(image, "/api/documents/" + Encode(ids_["doubtful.pdf"]) + "/pages/1.png");
  auto png = Get(image + "?dpi=40", "luutru", "kho");
  ASSERT_TRUE(png);
  EXPECT_EQ(png->status, 200);
  EXPECT_EQ(png->body.substr(1, 3), "PNG");

  res = Get("/api/review", "lanhdao", "bi mat");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(Files(json::parse(res->body)), (std::vector<std::string>{"doubtful.pdf", "secret-unread.pdf"}));
}

TEST_F(ServeReviewTest, ThePageIsServed) {
  auto res = Get("/review", "luutru", "kho");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("/review.js"), std::string::npos);
  res = Get("/review.js", "luutru", "kho");
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("/api/review"), std::string::npos);
}

}  // namespace
}  // namespace luutru::serve::testing
