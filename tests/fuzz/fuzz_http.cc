// The reading room from the network: any bytes sent as an HTTP request go through cpp-httplib's
// parsing, the routes, authentication, the parameters and the search library, over a small
// archive with a document of each clearance. Beyond not crashing, the answer must never name a
// document above the request's clearance (unless the request itself typed its name).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <httplib.h>
#include <xapian.h>

#include "catalog/model.h"
#include "catalog/schema.h"
#include "search/serve/reading_room.h"
#include "search/serve/users.h"

namespace {

using luutru::catalog::ArchiveDocument;
using luutru::catalog::Secrecy;

// A request from bytes, and the answer into a string.
class MemoryStream final : public httplib::Stream {
 public:
  explicit MemoryStream(std::string_view in) : in_(in) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, in_.size());
    std::memcpy(ptr, in_.data(), n);
    in_.remove_prefix(n);
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "192.0.2.1";
    port = 4242;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  std::string out;

 private:
  std::string_view in_;
};

class Harness : public httplib::Server {
 public:
  std::string Answer(std::string_view request) {
    MemoryStream stream(request);
    bool closed = false;
    process_request(stream, true, closed, nullptr);
    return stream.out;
  }
};

// The secret files' names: unlikely to be typed by chance.
constexpr const char* kSecretFile = "zq-mat-7f3a.pdf";
constexpr const char* kTopSecretFile = "zq-toimat-9c1e.pdf";

struct World {
  std::filesystem::path dir;
  std::unique_ptr<luutru::serve::ReadingRoom> room;
  Harness server;
};

// Removes the archive when the program ends (the World itself lives until then).
struct RemoveAtExit {
  std::filesystem::path dir;
  ~RemoveAtExit() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

World* MakeWorld() {
  auto* world = new World;
  world->dir = std::filesystem::temp_directory_path() / ("luutru-fuzz-http-" + std::to_string(getpid()));
  static RemoveAtExit cleanup{world->dir};
  std::filesystem::create_directories(world->dir);
  const std::string db_path = (world->dir / "db").string();
  {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    int order = 0;
    auto add = [&](const std::string& file, std::optional<Secrecy> secrecy, const std::string& number,
                   const std::string& text) {
      ArchiveDocument d;
      d.file = file;
      d.path = "/srv/archive/" + file;
      d.unit.code = "Phông 12 / Mục lục 01 / ĐVBQ 034" + std::to_string(order % 2);
      d.unit.box = "12";
      d.meta.number = number;
      d.meta.date = luutru::catalog::PartialDate{2023, 3, 10 + order};
      d.meta.type = "Thông báo";
      d.meta.title = text;
      d.meta.secrecy = secrecy;
      d.first_page = 1;
      d.last_page = 1;
      d.pages.push_back(luutru::catalog::Page{text, luutru::catalog::TextSource::kTextLayer, -1, {}});
      d.catalog_order = order++;
      db.replace_document(luutru::catalog::schema::IdTerm(d), luutru::catalog::schema::BuildIndexDocument(d));
    };
    add("cong-khai.pdf", Secrecy::kNormal, "45-TB/TU", "Kết luận về quỹ Vì người nghèo năm 2023, 928 hộ");
    add(kSecretFile, Secrecy::kConfidential, "46-TB/TU", "Nhân sự phụ trách quỹ Vì người nghèo, 929 hộ");
    add(kTopSecretFile, Secrecy::kSecret, "47-KH/TU", "Kế hoạch tối mật về quỹ Vì người nghèo");
    db.commit();
  }
  luutru::serve::ReadingRoomOptions options;
  options.databases = {db_path};
  options.access_log = "/dev/null";
  options.users = luutru::serve::Users::Parse("robot mat token:" + luutru::serve::Sha256Hex("robot-token") + "\n");
  world->room = std::make_unique<luutru::serve::ReadingRoom>(std::move(options));
  world->room->Mount(world->server);
  return world;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static World* world = MakeWorld();
  if (size > 16 * 1024) return 0;
  const std::string_view request(reinterpret_cast<const char*>(data), size);
  const std::string answer = world->server.Answer(request);
  // What the request typed, raw or percent-decoded, may come back in the answer (the query is
  // echoed): only what it did not type is a leak.
  const std::string decoded = httplib::detail::decode_url(std::string(request), true);
  auto typed = [&](std::string_view s) {
    return request.find(s) != std::string_view::npos || decoded.find(s) != std::string::npos;
  };
  auto leaked = [&](std::string_view s) { return answer.find(s) != std::string::npos && !typed(s); };
  // The token is the only credential: without it the reader is at most `thuong`, with it `mật`.
  const bool robot = typed("robot-token");
  if (leaked(kTopSecretFile)) std::abort();
  if (!robot && leaked(kSecretFile)) std::abort();
  if (leaked("/srv/archive")) std::abort();  // a server path
  return 0;
}
