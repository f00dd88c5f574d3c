// An archivist's day in a real browser: headless Chromium driven over WebDriver (Debian's
// chromium and chromium-driver, installed by scripts/setup-deps.sh) through the reading room
// page: search → pull slip → retrieval request → hand over → return → report, and the printed
// slip (Chromium's own PDF print) holding every unit in store order. Outside CI the test skips
// when Chromium or its driver is absent; in CI (CI=true) their absence fails it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poppler-document.h>
#include <poppler-page.h>
#include <sys/socket.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include <gtest/gtest.h>

#include "tests/serve/archive_fixture.h"

namespace luutru::serve::testing {
namespace {

std::string Which(const std::string& name) {
  const auto found = luutru::testing::RunCommand("command -v " + name + " 2>/dev/null");
  return found.exit_code == 0 && !found.out.empty() ? found.out.substr(0, found.out.find('\n')) : std::string();
}

int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

std::string DecodeBase64(const std::string& in) {
  std::string out;
  int val = 0, bits = -8;
  for (unsigned char c : in) {
    const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char* p = std::strchr(k, c);
    if (!p || c == 0) continue;
    val = (val << 6) + static_cast<int>(p - k);
    bits += 6;
    if (bits >= 0) {
      out += static_cast<char>((val >> bits) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

class ServeDayTest : public ArchiveFixture {
 protected:
  void SetUp() override {
    ArchiveFixture::SetUp();
    if (HasFatalFailure()) return;
    const std::string chromium = std::getenv("LUUTRU_CHROMIUM") ? std::getenv("LUUTRU_CHROMIUM") : Which("chromium");
    const std::string driver = Which("chromedriver");
    if (chromium.empty() || driver.empty()) {
      const char* ci = std::getenv("CI");
      if (ci && std::string(ci) == "true")
        FAIL() << "CI must run the browser tests: bash scripts/setup-deps.sh installs chromium and chromium-driver";
      GTEST_SKIP() << "no chromium or chromedriver (apt-get install chromium chromium-driver)";
    }
    profile_ = std::make_unique<luutru::testing::TempDir>("serve-day-chromium");
    driver_port_ = FreePort();
    std::string port_arg = "--port=" + std::to_string(driver_port_);
    std::vector<char*> argv = {const_cast<char*>(driver.c_str()), port_arg.data(), nullptr};
    ASSERT_EQ(posix_spawn(&driver_pid_, driver.c_str(), nullptr, nullptr, argv.data(), environ), 0);
    for (int i = 0; i < 100; ++i) {
      httplib::Client c("127.0.0.1", driver_port_);
      if (auto r = c.Get("/status"); r && r->status == 200) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    json caps = {{"capabilities",
                  {{"alwaysMatch",
                    {{"goog:chromeOptions",
                      {{"binary", chromium},
                       {"args",
                        {"--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         "--user-data-dir=" + profile_->path().string(), "--window-size=1200,900"}}}}}}}}};
    json session = Driver("POST", "/session", caps);
    ASSERT_TRUE(session["value"].contains("sessionId")) << session.dump();
    session_ = session["value"]["sessionId"];
    // The archivist signs in: every request of the page carries their credentials.
    Driver("POST", Session("/goog/cdp/execute"), {{"cmd", "Network.enable"}, {"params", json::object()}});
    Driver("POST", Session("/goog/cdp/execute"),
           json{{"cmd", "Network.setExtraHTTPHeaders"},
                {"params",
                 json{{"headers", json{{"Authorization",
                                        httplib::make_basic_authentication_header("thuthu", "mật khẩu").second}}}}}});
  }

  void TearDown() override {
    if (!session_.empty()) Driver("DELETE", "/session/" + session_, nullptr);
    if (driver_pid_ > 0) {
      kill(driver_pid_, SIGTERM);
      int status;
      waitpid(driver_pid_, &status, 0);
    }
  }

  json Driver(const std::string& method, const std::string& path, const json& body) {
    httplib::Client c("127.0.0.1", driver_port_);
    c.set_read_timeout(60, 0);
    httplib::Result r = method == "POST"     ? c.Post(path, body.dump(), "application/json")
                        : method == "DELETE" ? c.Delete(path)
                                             : c.Get(path);
    if (!r) return json();
    return json::parse(r->body, nullptr, false);
  }
  std::string Session(const std::string& rest) { return "/session/" + session_ + rest; }

  void Go(const std::string& fragment) {
    Driver("POST", Session("/url"), {{"url", "http://127.0.0.1:" + std::to_string(port_) + "/" + fragment}});
  }
  json Run(const std::string& script, const json& args = json::array()) {
    return Driver("POST", Session("/execute/sync"), {{"script", script}, {"args", args}})["value"];
  }
  // Waits up to 15 s for `selector` to exist; false (and a failure naming it) if it never does.
  bool WaitFor(const std::string& selector) {
    for (int i = 0; i < 150; ++i) {
      if (Run("return !!document.querySelector(arguments[0]);", {selector}) == true) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "never appeared: " << selector << "\n"
                  << Run("return document.body.innerHTML;").dump().substr(0, 2000);
    return false;
  }
  bool WaitForText(const std::string& selector, const std::string& text) {
    for (int i = 0; i < 150; ++i) {
      if (Run("const e = document.querySelector(arguments[0]); return !!e && e.textContent.includes(arguments[1]);",
              {selector, text}) == true) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << selector << " never read " << text;
    return false;
  }
  void Click(const std::string& selector) { Run("document.querySelector(arguments[0]).click();", {selector}); }
  void Fill(const std::string& selector, const std::string& value) {
    Run("document.querySelector(arguments[0]).value = arguments[1];", {selector, value});
  }
  std::vector<std::string> SlipCodes() {
    json codes = Run("return [...document.querySelectorAll('table.slip tbody.unit > tr')].map((r) => r.dataset.code);");
    return codes.is_array() ? codes.get<std::vector<std::string>>() : std::vector<std::string>{};
  }

  static std::vector<std::string> StoreOrderAtMat() {
    std::vector<GeneratedUnit> all = units_;
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.place < b.place; });
    std::vector<std::string> codes;
    for (const auto& g : all) codes.push_back(g.unit.code);
    return codes;
  }

  std::unique_ptr<luutru::testing::TempDir> profile_;
  int driver_port_ = 0;
  pid_t driver_pid_ = 0;
  std::string session_;
};

TEST_F(ServeDayTest, SearchPullSlipRequestHandOverReturnReport) {
  const std::vector<std::string> expected = StoreOrderAtMat();
  ASSERT_GE(expected.size(), 50u);
  const std::string query = "q=" + Encode("ngân sách");

  // Search, grouped by unit: the slip button counts every unit, not one page of them.
  Go("#tim?" + query + "&group=unit");
  ASSERT_TRUE(WaitFor("#phieu"));
  EXPECT_TRUE(WaitForText("#phieu", "(" + std::to_string(expected.size()) + " hồ sơ)"));

  // The pull slip: every unit in store order, headed by the request, the time and the reader.
  Click("#phieu");
  ASSERT_TRUE(WaitFor("table.slip"));
  EXPECT_EQ(SlipCodes(), expected);
  EXPECT_TRUE(WaitForText("#phieu-nguoi", "thuthu"));
  EXPECT_TRUE(WaitFor("#muc-dich"));
  Fill("#muc-dich", "Biên soạn lịch sử ngành tài chính");
  // Printed on A4 by Chromium itself: every unit's code, in store order, in the PDF's text.
  json printed =
      Driver("POST", Session("/print"), {{"page", {{"width", 21.0}, {"height", 29.7}}}, {"background", false}});
  const std::string pdf = DecodeBase64(printed["value"].is_string() ? printed["value"].get<std::string>() : "");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  ASSERT_TRUE(doc) << printed.dump().substr(0, 300);
  std::string text;
  for (int i = 0; i < doc->pages(); ++i) {
    auto bytes = std::unique_ptr<poppler::page>(doc->create_page(i))->text().to_utf8();
    text.append(bytes.begin(), bytes.end());
    text += '\n';
  }
  EXPECT_GT(doc->pages(), 1);
  size_t at = 0;
  for (const std::string& code : expected) {
    // Spaces and line breaks of the layout may differ; the code's last part is unique per inventory.
    const size_t found = text.find(code.substr(code.rfind("ĐVBQ")), at);
    ASSERT_NE(found, std::string::npos) << "missing or out of order on the printed slip: " << code;
    at = found;
  }
  EXPECT_NE(text.find("PHIẾU LẤY HỒ SƠ"), std::string::npos);

  // A retrieval request.
  Go("#yeucau");
  ASSERT_TRUE(WaitFor("#yc-moi"));
  Fill("#yc-nguoi", "Trần Thị B");
  Fill("#yc-coquan", "Sở Tài chính");
  Fill("#yc-mucdich", "Biên soạn lịch sử ngành tài chính");
  Click("#yc-tao");
  ASSERT_TRUE(WaitFor("#yc-id"));
  const std::string id = Run("return document.querySelector('#yc-id').textContent;");
  EXPECT_TRUE(WaitForText("#yc-tinh-trang", "Chưa giao"));

  // The whole slip goes into the request.
  Go("#phieu?" + query);
  ASSERT_TRUE(WaitFor("#them-vao"));
  Fill("#yc-so", id);
  Run("document.querySelector('#them-vao').requestSubmit();");
  ASSERT_TRUE(WaitFor("#yc-muc"));
  EXPECT_TRUE(WaitForText("main", std::to_string(expected.size()) + " hồ sơ"));
  EXPECT_EQ(Run("return document.querySelectorAll('#yc-muc tbody tr').length;"), expected.size());

  // Handed over, then returned: each step shows, and the history names the archivist.
  Click("#yc-giao");
  EXPECT_TRUE(WaitForText("#yc-tinh-trang", "Đã giao"));
  Click("#yc-tra");
  EXPECT_TRUE(WaitForText("#yc-tinh-trang", "Đã trả đủ"));
  EXPECT_TRUE(WaitForText("#yc-nhat-ky", "thuthu · Nhận lại"));

  // The request's own slip, in store order.
  Go("#yeucau/" + id + "/phieu");
  ASSERT_TRUE(WaitFor("table.slip"));
  EXPECT_EQ(SlipCodes(), expected);
  EXPECT_TRUE(WaitForText(".slip-meta", "Trần Thị B"));

  // The period report counts it.
  Go("#baocao?period=year");
  ASSERT_TRUE(WaitFor("#bao-cao tfoot"));
  json cells = Run("return [...document.querySelectorAll('#bao-cao tfoot td')].map((c) => c.textContent);");
  ASSERT_EQ(cells.size(), 5u);
  EXPECT_GE(std::stoi(cells[1].get<std::string>()), 1);
  EXPECT_GE(std::stoi(cells[4].get<std::string>()), static_cast<int>(expected.size()));

  // The home page lists the fonds, 3 before 12.
  Go("");
  ASSERT_TRUE(WaitFor("details.fonds"));
  json fonds = Run("return [...document.querySelectorAll('details.fonds > summary b')].map((b) => b.textContent);");
  EXPECT_EQ(fonds, json({"Phông 3", "Phông 12"}));
}

TEST_F(ServeDayTest, TheRoughEdgesAreGone) {
  // A number without its symbol: what the field takes, in its words.
  Go("#tim?number=33");
  ASSERT_TRUE(WaitForText("main .error", "«Số, ký hiệu» cần cả số và ký hiệu"));
  EXPECT_TRUE(WaitForText("main .error", "33-TB/TU"));
  // A reversed date range names the page's fields, not command-line flags.
  Go("#tim?q=" + Encode("ngân sách") + "&from=2024&to=2020");
  ASSERT_TRUE(WaitForText("main .error", "«Từ năm» sau «Đến năm»"));
  EXPECT_EQ(Run("return document.querySelector('main').textContent.includes('--');"), false);

  // A unit number that fits several units: each offered as a link to it.
  Go("#tim?unit=7");
  ASSERT_TRUE(WaitFor("ul.candidates a"));
  EXPECT_EQ(Run("return document.querySelectorAll('ul.candidates a').length;"), 4);

  // Numbered pages and a results-per-page choice; a filter applies as soon as it changes.
  Go("#tim?q=" + Encode("ngân sách") + "&per=10");
  ASSERT_TRUE(WaitFor("nav.pager"));
  EXPECT_TRUE(WaitForText("nav.pager a[aria-current=page]", "1"));
  Click("nav.pager a[href*='offset=10']");
  ASSERT_TRUE(WaitForText("nav.pager a[aria-current=page]", "2"));
  Run("const s = document.querySelector('#tim [name=sort]'); s.value = 'date'; "
      "s.dispatchEvent(new Event('change', {bubbles: true}));");
  for (int i = 0; i < 50 && Run("return location.hash.includes('sort=date');") != true; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(Run("return location.hash.includes('sort=date');"), true);
  // Thumbnails at 160 px; a box already written "Hộp N" is not written "Hộp Hộp N".
  ASSERT_TRUE(WaitFor(".thumbs img"));
  EXPECT_EQ(Run("return getComputedStyle(document.querySelector('.thumbs img')).width;"), "160px");
  Go("#tim?fonds=" + Encode("Phông 12") + "&group=unit&per=50");
  ASSERT_TRUE(WaitFor("table.responsive"));
  EXPECT_EQ(Run("return document.querySelector('main').textContent.includes('Hộp Hộp');"), false);

  // A document: download, zoom and rotate.
  Go("#vanban/" + Encode(bound_public_));
  ASSERT_TRUE(WaitFor("#tai-pdf"));
  EXPECT_EQ(Run("const x = new XMLHttpRequest(); x.open('GET', document.querySelector('#tai-pdf').href, false); "
                "x.send(); return x.status + ' ' + x.getResponseHeader('Content-Type');"),
            "200 application/pdf");
  Click("#trang-1 .zoom [data-act=in]");
  EXPECT_EQ(Run("return document.querySelector('#trang-1 img').style.width;"), "150%");
  Click("#trang-1 .zoom [data-act=rot]");
  EXPECT_EQ(Run("return document.querySelector('#trang-1 img').style.transform;"), "rotate(90deg)");
}

TEST_F(ServeDayTest, SignOutLeavesTheBrowserAGuest) {
  // Signed in as a browser does it: the credentials given once in answer to /login's challenge
  // (here by a script, as the password dialog would), kept by the browser and sent with every
  // request of the page from then on; not the test's own header.
  Driver("POST", Session("/goog/cdp/execute"),
         json{{"cmd", "Network.setExtraHTTPHeaders"}, {"params", json{{"headers", json::object()}}}});
  Go("#duyet");
  ASSERT_TRUE(WaitForText("#nguoi-dung", "Khách"));
  Run("const x = new XMLHttpRequest(); x.open('GET', '/login', false, 'luutru1', 'so-luu-tru-1'); x.send();");
  Run("location.reload();");
  ASSERT_TRUE(WaitForText("#nguoi-dung", "luutru1"));
  EXPECT_TRUE(WaitFor("#dang-xuat"));
  EXPECT_EQ(Run("return document.querySelector('#nav-yeucau').hidden;"), false);
  Click("#dang-xuat");
  EXPECT_TRUE(WaitForText("#nguoi-dung", "Khách"));
  EXPECT_EQ(Run("return document.querySelector('#nav-yeucau').hidden;"), true);
  // The browser now keeps the signed-out credentials: a new page load is a guest's too.
  Run("location.reload();");
  ASSERT_TRUE(WaitFor("details.fonds"));
  EXPECT_TRUE(WaitForText("#nguoi-dung", "Khách"));
  EXPECT_EQ(Run("const x = new XMLHttpRequest(); x.open('GET', '/api/whoami', false); x.send(); "
                "return JSON.parse(x.responseText).user;"),
            nullptr);
  EXPECT_FALSE(Run("return !!document.querySelector('#dang-xuat');") == true);
}

}  // namespace
}  // namespace luutru::serve::testing
