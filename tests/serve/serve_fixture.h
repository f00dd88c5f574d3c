// A running luutru-serve over a small archive with real PDFs drawn by cairo (born-digital pages
// and an image-only "scan" with OCR word boxes), and readers of each clearance: mật (thuthu),
// tối mật (lanhdao) and a Bearer-token robot (mật). Shared by the API and browser tests; the
// server is started once per test program (once per test under ctest).
#ifndef LUUTRU_TESTS_SERVE_SERVE_FIXTURE_H_
#define LUUTRU_TESTS_SERVE_SERVE_FIXTURE_H_

#include <cairo-pdf.h>
#include <cairo.h>
#include <crypt.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "catalog/model.h"
#include "catalog/schema.h"
#include "search/output.h"
#include "search/searcher.h"
#include "search/serve/users.h"
#include "tests/serve/loopback.h"
#include "tests/test_support.h"

extern char** environ;

namespace luutru::serve::testing {

using catalog::ArchiveDocument;
using catalog::Secrecy;
using catalog::TextSource;
using nlohmann::json;

constexpr double kPageWidth = 595, kPageHeight = 842;  // A4 in points
constexpr int kLineHeight = 24;

// Where a word was drawn on a page, in points from the top left.
struct DrawnWord {
  std::string text;
  double x0, y0, x1, y1;
};

// Draws `lines` from the top of a page and returns the box of every word.
inline std::vector<DrawnWord> DrawLines(cairo_t* cr, const std::vector<std::string>& lines) {
  std::vector<DrawnWord> words;
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 16);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_font_extents_t fe;
  cairo_font_extents(cr, &fe);
  double y = 90;
  for (const std::string& line : lines) {
    double x = 72;
    size_t start = 0;
    while (start <= line.size()) {
      size_t end = line.find(' ', start);
      if (end == std::string::npos) end = line.size();
      const std::string word = line.substr(start, end - start);
      if (!word.empty()) {
        cairo_text_extents_t te;
        cairo_text_extents(cr, word.c_str(), &te);
        cairo_move_to(cr, x, y);
        cairo_show_text(cr, word.c_str());
        words.push_back(DrawnWord{word, x, y - fe.ascent, x + te.x_advance, y + fe.descent});
        cairo_text_extents_t space;
        cairo_text_extents(cr, " ", &space);
        x += te.x_advance + space.x_advance;
      }
      start = end + 1;
    }
    y += kLineHeight;
  }
  return words;
}

// A born-digital PDF: one page per entry, with a text layer. Returns the word boxes per page.
inline std::vector<std::vector<DrawnWord>> MakeTextPdf(const std::string& path,
                                                       const std::vector<std::vector<std::string>>& pages) {
  std::vector<std::vector<DrawnWord>> boxes;
  cairo_surface_t* pdf = cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight);
  cairo_t* cr = cairo_create(pdf);
  for (const auto& lines : pages) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    boxes.push_back(DrawLines(cr, lines));
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  cairo_surface_destroy(pdf);
  return boxes;
}

// A "scanned" PDF: the page is one raster image of the text, with no text layer.
inline std::vector<DrawnWord> MakeScanPdf(const std::string& path, const std::vector<std::string>& lines) {
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(kPageWidth) * 2,
                                                      static_cast<int>(kPageHeight) * 2);
  cairo_t* icr = cairo_create(image);
  cairo_set_source_rgb(icr, 0.97, 0.96, 0.92);  // paper
  cairo_paint(icr);
  cairo_scale(icr, 2, 2);
  std::vector<DrawnWord> words = DrawLines(icr, lines);
  cairo_destroy(icr);
  cairo_surface_t* pdf = cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight);
  cairo_t* cr = cairo_create(pdf);
  cairo_scale(cr, 0.5, 0.5);
  cairo_set_source_surface(cr, image, 0, 0);
  cairo_paint(cr);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  cairo_surface_destroy(pdf);
  cairo_surface_destroy(image);
  return words;
}

inline std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

inline catalog::StorageUnit Unit(const std::string& number, const std::string& box, const std::string& title) {
  catalog::StorageUnit u;
  u.code = "Phông 12 / Mục lục 01 / ĐVBQ " + number;
  u.title = title;
  u.fonds = "Phông 12";
  u.inventory = "Mục lục 01";
  u.box = box;
  return u;
}

inline std::string Hash(const std::string& password) {
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  crypt_gensalt_rn("$y$", 0, nullptr, 0, salt, sizeof salt);
  crypt_data data{};
  return crypt_r(password.c_str(), salt, &data);
}

// The image of PNG bytes (the caller destroys it).
inline cairo_surface_t* PngSurface(const std::string& png) {
  struct Reader {
    const std::string* data;
    size_t pos = 0;
  } reader{&png};
  cairo_surface_t* s = cairo_image_surface_create_from_png_stream(
      [](void* closure, unsigned char* out, unsigned int length) {
        auto* r = static_cast<Reader*>(closure);
        if (r->pos + length > r->data->size()) return CAIRO_STATUS_READ_ERROR;
        std::memcpy(out, r->data->data() + r->pos, length);
        r->pos += length;
        return CAIRO_STATUS_SUCCESS;
      },
      &reader);
  EXPECT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
  cairo_surface_flush(s);
  return s;
}

// Counts highlight pixels (the translucent yellow over white paper) inside `box` (points) of a PNG
// rendered at `dpi`.
inline int YellowPixels(const std::string& png, const DrawnWord& box, double dpi) {
  cairo_surface_t* s = PngSurface(png);
  cairo_surface_flush(s);
  const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  const int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const double k = dpi / 72.0;
  int count = 0;
  for (int y = std::max(0, int(box.y0 * k)); y < std::min(h, int(box.y1 * k)); ++y) {
    for (int x = std::max(0, int(box.x0 * k)); x < std::min(w, int(box.x1 * k)); ++x) {
      uint32_t px;
      std::memcpy(&px, data + y * stride + x * 4, 4);
      const int r = (px >> 16) & 255, g = (px >> 8) & 255, b = px & 255;
      if (r > 200 && g > 170 && b < 150) ++count;
    }
  }
  cairo_surface_destroy(s);
  return count;
}

// The lines of a text file (the access log).
inline std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

// A luutru-serve process on a free loopback port; port 0 when it did not start.
struct RunningServer {
  pid_t pid = 0;
  int port = 0;
};

// Starts the program with `options` (after --listen 127.0.0.1:0) and waits for it to say
// "listening on 127.0.0.1:PORT".
inline RunningServer StartServer(const std::vector<std::string>& options) {
  RunningServer server;
  const std::string program = (luutru::testing::BinaryDir() / "search/serve/luutru-serve").string();
  std::vector<std::string> args = {program, "--listen", "127.0.0.1:0"};
  args.insert(args.end(), options.begin(), options.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int out[2];
  if (pipe(out) != 0) return server;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  const int spawned = posix_spawn(&server.pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (spawned != 0) {
    close(out[0]);
    ADD_FAILURE() << "cannot start " << program;
    server.pid = 0;
    return server;
  }
  std::string line;
  pollfd pfd{out[0], POLLIN, 0};
  while (line.find('\n') == std::string::npos && poll(&pfd, 1, 20000) > 0) {
    char buf[256];
    const ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<size_t>(n));
  }
  close(out[0]);
  const std::string prefix = "listening on 127.0.0.1:";
  if (line.rfind(prefix, 0) != 0) {
    ADD_FAILURE() << "luutru-serve said: " << line;
    return server;
  }
  server.port = std::stoi(line.substr(prefix.size()));
  return server;
}

inline void StopServer(const RunningServer& server) {
  if (server.pid <= 0) return;
  kill(server.pid, SIGTERM);
  int status;
  waitpid(server.pid, &status, 0);
}

// A suite's archive served: `docs` written to a new database `root`/db, the lines of `users` to
// `root`/users.tsv, and luutru-serve started over them with its access log at
// `root`/access.jsonl and `options` added. The server's port is 0 when it did not start.
struct ServedArchive {
  std::string db_path, log_path;
  std::map<std::string, std::string> ids;  // ArchiveDocument::Id() by file
  RunningServer server;
};
inline ServedArchive ServeArchive(const std::filesystem::path& root, const std::vector<ArchiveDocument>& docs,
                                  const std::vector<std::string>& users, const std::vector<std::string>& options = {}) {
  ServedArchive served;
  served.db_path = (root / "db").string();
  {
    Xapian::WritableDatabase db(served.db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& d : docs) {
      db.replace_document(catalog::schema::IdTerm(d), catalog::schema::BuildIndexDocument(d));
      served.ids[d.file] = d.Id();
    }
    db.commit();
  }
  const std::string users_path = (root / "users.tsv").string();
  std::ofstream users_file(users_path);
  for (const std::string& line : users) users_file << line << "\n";
  users_file.close();
  served.log_path = (root / "access.jsonl").string();
  std::vector<std::string> args = {"--db", served.db_path, "--users", users_path, "--access-log", served.log_path};
  args.insert(args.end(), options.begin(), options.end());
  served.server = StartServer(args);
  return served;
}

// A client of the server on `port`, as `user` when one is given.
inline httplib::Client ServerClient(int port, const std::string& user = "", const std::string& password = "") {
  httplib::Client client("127.0.0.1", port);
  client.set_url_encode(false);
  client.set_read_timeout(30, 0);
  if (!user.empty()) client.set_basic_auth(user, password);
  return client;
}

// The life of a suite over one served archive. Derived::Serve(root) writes its archive under
// `root`, a new temporary folder named Derived::kFolder, and starts luutru-serve over it
// (ServeArchive); the server runs for the whole suite and stops after its last test. Each test
// fails at once when the server did not start. The statics are per Derived (one suite, one server).
template <typename Derived>
class ServedSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new luutru::testing::TempDir(Derived::kFolder);
    const ServedArchive served = Derived::Serve(dir_->path());
    db_path_ = served.db_path;
    log_path_ = served.log_path;
    ids_ = served.ids;
    server_ = served.server;
    port_ = served.server.port;
  }
  static void TearDownTestSuite() {
    StopServer(server_);
    server_ = RunningServer{};
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (port_ == 0) FAIL() << "luutru-serve did not start";
  }

  httplib::Client Client(const std::string& user = "", const std::string& password = "") const {
    return ServerClient(port_, user, password);
  }
  httplib::Result Get(const std::string& path, const std::string& user = "", const std::string& password = "") {
    return Client(user, password).Get(path);
  }
  static std::vector<std::string> LogLines() { return ReadLines(log_path_); }

  static inline luutru::testing::TempDir* dir_ = nullptr;
  static inline std::string db_path_, log_path_;
  static inline std::map<std::string, std::string> ids_;  // ArchiveDocument::Id() by file
  static inline RunningServer server_;
  static inline int port_ = 0;
};

class ServeFixture : public ServedSuite<ServeFixture> {
 public:
  static constexpr const char* kFolder = "serve-api";
  static ServedArchive Serve(const std::filesystem::path& root) {
    const std::string archive = (root / "archive").string();
    std::filesystem::create_directories(archive);
    const auto u345 = Unit("0345", "12", "Hồ sơ quỹ Vì người nghèo năm 2023");
    const auto u346 = Unit("0346", "13", "Hồ sơ tối mật về tổ chức cán bộ");

    std::vector<ArchiveDocument> docs;
    docs.reserve(8);  // `add` returns a pointer into it
    auto add = [&](const std::string& file, const catalog::StorageUnit& unit, std::optional<Secrecy> secrecy,
                   const std::string& number, const std::string& title, const std::vector<std::string>& texts,
                   TextSource source, int64_t order) {
      ArchiveDocument d;
      d.file = file;
      d.path = archive + "/" + file;
      d.unit = unit;
      d.meta.number = number;
      d.meta.date = catalog::PartialDate{2023, 3, static_cast<int>(order) + 10};
      d.meta.type = "Thông báo";
      d.meta.issuer = "Tỉnh ủy Thái Bình";
      d.meta.title = title;
      d.meta.secrecy = secrecy;
      d.extracted = d.meta;
      d.first_page = 1;
      d.last_page = static_cast<int>(texts.size());
      for (const auto& t : texts)
        d.pages.push_back(catalog::Page{t, source, source == TextSource::kOcr ? 82.0 : -1, {}});
      d.catalog_order = order;
      docs.push_back(d);
      return &docs.back();
    };

    const std::vector<std::vector<std::string>> public_pages = {
        {"THÔNG BÁO KẾT LUẬN", "về quỹ Vì người nghèo năm 2023"},
        {"Năm 2023 đã xây mới 419 nhà đại đoàn kết", "cho hộ nghèo trên địa bàn tỉnh; Đài tỉnh đưa tin."}};
    text_boxes_ = MakeTextPdf(archive + "/cong-khai.pdf", public_pages);
    add("cong-khai.pdf", u345, Secrecy::kNormal, "45-TB/TU", "Kết luận về quỹ Vì người nghèo",
        {Join(public_pages[0]), Join(public_pages[1])}, TextSource::kTextLayer, 1);

    const std::vector<std::vector<std::string>> secret_pages = {{"MẬT", "Nhân sự phụ trách quỹ Vì người nghèo"}};
    MakeTextPdf(archive + "/mat.pdf", secret_pages);
    add("mat.pdf", u345, Secrecy::kConfidential, "46-TB/TU", "Về nhân sự quỹ Vì người nghèo", {Join(secret_pages[0])},
        TextSource::kTextLayer, 2);

    const std::vector<std::string> scan_lines = {"NGHỊ QUYẾT", "về quỹ Vi người nghèo của tỉnh"};
    scan_boxes_ = MakeScanPdf(archive + "/scan.pdf", scan_lines);
    ArchiveDocument* scan = add("scan.pdf", u345, Secrecy::kNormal, "12-NQ/TU", "Nghị quyết về giảm nghèo",
                                {Join(scan_lines)}, TextSource::kOcr, 3);
    for (const auto& w : scan_boxes_) {
      scan->pages[0].words.push_back(catalog::WordBox{w.text, float(w.x0), float(w.y0), float(w.x1), float(w.y1)});
    }

    const std::vector<std::vector<std::string>> top_pages = {{"TỐI MẬT", "Kế hoạch quỹ Vì người nghèo"}};
    MakeTextPdf(archive + "/toi-mat.pdf", top_pages);
    add("toi-mat.pdf", u346, Secrecy::kSecret, "47-KH/TU", "Kế hoạch tối mật về quỹ Vì người nghèo",
        {Join(top_pages[0])}, TextSource::kTextLayer, 4);

    return ServeArchive(root, docs,
                        {"# name clearance credential", "thuthu mat " + Hash("mật khẩu"),
                         "lanhdao toi-mat " + Hash("bí mật"), "robot mat token:" + Sha256Hex("robot-token")},
                        {"--threads", "4"});
  }

 protected:
  json GetJson(const std::string& path, int expected_status, const std::string& user = "",
               const std::string& password = "") {
    auto res = Get(path, user, password);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, expected_status) << path << " " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type").rfind("application/json", 0), 0u) << path;
    return json::parse(res->body);
  }
  static std::vector<std::string> Files(const json& response) {
    std::vector<std::string> files;
    for (const auto& r : response["results"]) files.push_back(r["file"]);
    std::sort(files.begin(), files.end());
    return files;
  }
  static std::string DocPath(const std::string& file) { return "/api/documents/" + Encode(ids_[file]); }

  static inline std::vector<std::vector<DrawnWord>> text_boxes_;
  static inline std::vector<DrawnWord> scan_boxes_;
};

}  // namespace luutru::serve::testing

#endif  // LUUTRU_TESTS_SERVE_SERVE_FIXTURE_H_
