// The web page in a real browser: headless Chromium (Debian's chromium package) loads the page
// from luutru-serve, runs its script and the DOM it builds is checked. scripts/setup-deps.sh
// installs Chromium; outside CI the test skips when it is absent, in CI (CI=true) it fails.
// LUUTRU_CHROMIUM names the browser binary.
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "tests/serve/serve_fixture.h"

namespace luutru::serve::testing {
namespace {

std::string FindChromium() {
  if (const char* env = std::getenv("LUUTRU_CHROMIUM"); env && *env) return env;
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    const auto found = luutru::testing::RunCommand(std::string("command -v ") + name + " 2>/dev/null");
    if (found.exit_code == 0 && !found.out.empty()) return found.out.substr(0, found.out.find('\n'));
  }
  return {};
}

class ServeBrowserTest : public ServeFixture {
 protected:
  void SetUp() override {
    ServeFixture::SetUp();
    if (HasFatalFailure()) return;
    chromium_ = FindChromium();
    if (chromium_.empty()) {
      const char* ci = std::getenv("CI");
      if (ci && std::string(ci) == "true")
        FAIL() << "CI must run the browser tests: scripts/setup-deps.sh installs chromium";
      GTEST_SKIP() << "no Chromium installed (apt-get install chromium); set LUUTRU_CHROMIUM";
    }
    profile_ = std::make_unique<luutru::testing::TempDir>("serve-chromium");
  }

  // The DOM after the page's script has run, in a narrow window (a phone or a split screen).
  std::string Dom(const std::string& fragment) {
    const std::string url = "http://127.0.0.1:" + std::to_string(port_) + "/" + fragment;
    const std::string command = "'" + chromium_ + "' --headless --no-sandbox --disable-gpu --no-first-run " +
                                "--user-data-dir='" + profile_->path().string() + "' --window-size=360,800 " +
                                "--virtual-time-budget=10000 --dump-dom '" + url + "' 2>/dev/null";
    const auto result = luutru::testing::RunCommand(command);
    EXPECT_EQ(result.exit_code, 0) << command;
    return result.out;
  }

  std::string chromium_;
  std::unique_ptr<luutru::testing::TempDir> profile_;
};

TEST_F(ServeBrowserTest, SearchWithoutDiacriticsShowsResultsWithSnippetsAndThumbnails) {
  const std::string dom = Dom("#tim?q=" + Encode("vi nguoi ngheo"));
  EXPECT_NE(dom.find("Tìm thấy 2 văn bản"), std::string::npos) << dom;
  EXPECT_NE(dom.find("Kết luận về quỹ Vì người nghèo"), std::string::npos);
  EXPECT_NE(dom.find("45-TB/TU"), std::string::npos);
  EXPECT_NE(dom.find("<mark>"), std::string::npos);                      // the snippet's hits
  EXPECT_NE(dom.find("/pages/1.png?dpi=40&amp;q="), std::string::npos);  // a thumbnail of a matched page
  EXPECT_NE(dom.find("Hộp: <b>12</b>"), std::string::npos);
  EXPECT_EQ(dom.find("Về nhân sự quỹ"), std::string::npos);  // the mật document is absent
}

TEST_F(ServeBrowserTest, PullListGroupsByUnitWithPrintAndCsv) {
  const std::string dom = Dom("#tim?q=" + Encode("vi nguoi ngheo") + "&group=unit");
  EXPECT_NE(dom.find("Phiếu lấy hồ sơ"), std::string::npos) << dom;
  EXPECT_NE(dom.find("Phông 12 / Mục lục 01 / ĐVBQ 0345"), std::string::npos);
  EXPECT_NE(dom.find("format=csv"), std::string::npos);
  EXPECT_NE(dom.find("In phiếu lấy hồ sơ"), std::string::npos);
}

TEST_F(ServeBrowserTest, UnitViewListsItsDocumentsInOrder) {
  const std::string dom = Dom("#hoso/" + Encode("ĐVBQ 345"));
  const size_t first = dom.find("Kết luận về quỹ Vì người nghèo");
  const size_t second = dom.find("Nghị quyết về giảm nghèo");
  ASSERT_NE(first, std::string::npos) << dom;
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_NE(dom.find("Hộp: <b>12</b>"), std::string::npos);
}

TEST_F(ServeBrowserTest, DocumentViewShowsEveryPageImageWithTheQuery) {
  const std::string dom = Dom("#vanban/" + Encode(ids_["cong-khai.pdf"]) + "?q=ngheo");
  EXPECT_NE(dom.find("id=\"trang-1\""), std::string::npos) << dom;
  EXPECT_NE(dom.find("id=\"trang-2\""), std::string::npos);
  EXPECT_NE(dom.find("/pages/2.png?dpi=110&amp;q=ngheo"), std::string::npos);
  EXPECT_NE(dom.find("lớp chữ của PDF"), std::string::npos);
}

TEST_F(ServeBrowserTest, HiddenDocumentShowsOnlyAnError) {
  const std::string dom = Dom("#vanban/" + Encode(ids_["mat.pdf"]));
  EXPECT_NE(dom.find("role=\"alert\""), std::string::npos) << dom;
  EXPECT_EQ(dom.find("Về nhân sự quỹ"), std::string::npos);
}

}  // namespace
}  // namespace luutru::serve::testing
