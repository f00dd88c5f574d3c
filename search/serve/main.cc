// luutru-serve: the reading-room server. See reading_room.h for the routes, users.h for the
// users file and access_log.h for the access log.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/config_file.h"
#include "cli/program_info.h"
#include "search/messages.h"
#include "search/search_error.h"
#include "search/serve/reading_room.h"

namespace po = boost::program_options;
using luutru::search::Lang;
using luutru::search::Tr;

namespace {

constexpr int kUsageError = 2;

const char* kHelpVi =
    "Cách dùng: luutru-serve --listen 127.0.0.1:8080 --db DIR [--db DIR ...] [--users FILE]\n"
    "                        [--access-log FILE]\n\n"
    "Phòng đọc: trang web tiếng Việt và API JSON (cùng đối tượng như luutru-search --format json):\n"
    "  GET /api/search?q=&number=&unit=&type=&from=&to=&group=unit&loose=1&sort=&limit=&offset=&format=json|csv\n"
    "  GET /api/units/{mã hồ sơ}   GET /api/documents/{id}   GET /api/documents/{id}/pages/{n}.png?q=\n"
    "  GET /healthz\n\n"
    "Tệp người dùng (--users): mỗi dòng 'tên  mức  thông-tin-xác-thực  [quyền]' (quyền khai-thac: giữ yêu cầu khai thác), '#' mở đầu chú thích.\n"
    "  mức: thuong | mat | toi-mat | tuyet-mat\n"
    "  thông tin xác thực: một chuỗi băm crypt(3) ($y$..., $6$...; tạo bằng `mkpasswd -m yescrypt`)\n"
    "  cho HTTP Basic, hoặc token:<sha256 hex của mã> cho 'Authorization: Bearer <mã>'\n"
    "  (tạo bằng `printf %s MA | sha256sum`). Không đăng nhập: mức thuong. Sai mật khẩu: 401.\n"
    "  Văn bản trên mức của người đọc không xuất hiện ở bất kỳ đâu (404 khi hỏi trực tiếp).\n\n"
    "Sổ truy cập (--access-log, mặc định '-' = stderr): mỗi lần xem văn bản mật trở lên ghi một\n"
    "dòng JSON: time, user, document, page, endpoint, secrecy, remote.\n\n";

const char* kHelpEn =
    "Usage: luutru-serve --listen 127.0.0.1:8080 --db DIR [--db DIR ...] [--users FILE]\n"
    "                    [--access-log FILE]\n\n"
    "The reading room: a Vietnamese web page and a JSON API (the objects of luutru-search --format json):\n"
    "  GET /api/search?q=&number=&unit=&type=&from=&to=&group=unit&loose=1&sort=&limit=&offset=&format=json|csv\n"
    "  GET /api/units/{unit code}   GET /api/documents/{id}   GET /api/documents/{id}/pages/{n}.png?q=\n"
    "  GET /healthz\n\n"
    "Users file (--users): one line per user, 'name  clearance  credential  [rights]' (right khai-thac: keeps retrieval requests); '#' starts a comment.\n"
    "  clearance: thuong | mat | toi-mat | tuyet-mat\n"
    "  credential: a crypt(3) hash ($y$..., $6$...; make one with `mkpasswd -m yescrypt`) for HTTP\n"
    "  Basic, or token:<sha256 hex of the token> for 'Authorization: Bearer <token>'\n"
    "  (`printf %s TOKEN | sha256sum`). No credentials: clearance thuong. Wrong ones: 401.\n"
    "  A document above the reader's clearance appears nowhere (404 when asked for directly).\n\n"
    "Access log (--access-log, default '-' = standard error): every view of a document classified\n"
    "mật or higher appends one JSON line: time, user, document, page, endpoint, secrecy, remote.\n\n";

bool ParseListen(const std::string& text, std::string& host, int& port) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string p = text.substr(colon + 1);
  auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), port);
  return ec == std::errc() && end == p.data() + p.size() && port >= 0 && port <= 65535;
}

}  // namespace

int main(int argc, char** argv) {
  std::string lang_option;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--lang") lang_option = argv[i + 1];
  }
  const Lang lang = luutru::search::ChooseLang(lang_option, std::getenv("LANG"));

  po::options_description options(std::string(Tr(lang, "Tùy chọn", "Options")));
  options.add_options()("help,h", Tr(lang, "hiện hướng dẫn này", "show this help").data())(
      "listen", po::value<std::string>()->default_value("127.0.0.1:8080"),
      Tr(lang, "địa chỉ:cổng (cổng 0: chọn cổng trống)", "host:port (port 0: any free port)").data())(
      "db", po::value<std::vector<std::string>>()->composing(),
      Tr(lang, "cơ sở dữ liệu (lặp lại để tìm nhiều cơ sở dữ liệu như một)",
         "database directory (repeat to search several as one)")
          .data())("users", po::value<std::string>(),
                   Tr(lang, "tệp người dùng (xem trên)", "users file (see above)").data())(
      "access-log", po::value<std::string>()->default_value("-"),
      Tr(lang, "sổ truy cập văn bản mật (JSON lines)", "access log of secret documents (JSON lines)").data())(
      "requests", po::value<std::string>(),
      Tr(lang, "tệp SQLite lưu yêu cầu khai thác (tạo nếu chưa có)",
         "SQLite file keeping retrieval requests (created if absent)")
          .data())("threads", po::value<int>()->default_value(64),
                   Tr(lang, "số luồng phục vụ (mỗi kết nối đang mở giữ một luồng)",
                      "worker threads (each open connection holds one)")
                       .data())("lang", po::value<std::string>(), "vi | en");
  luutru::cli::AddCommonOptions(options, lang == Lang::kEn, true);
  po::variables_map vm;
  auto usage = [&](const std::string& problem) {
    std::cerr << "luutru-serve: " << problem << "\n\n" << (lang == Lang::kEn ? kHelpEn : kHelpVi) << options;
    return kUsageError;
  };
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    if (vm.count("version")) {
      std::cout << luutru::cli::VersionText("luutru-serve");
      return 0;
    }
    const std::string config_error =
        vm.count("help") ? "" : luutru::cli::StoreConfigFile(options, "serve", {}, lang == Lang::kEn, vm);
    if (!config_error.empty()) {
      std::cerr << "luutru-serve: " << config_error << '\n';
      return kUsageError;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    return usage(e.what());
  }
  if (vm.count("help")) {
    std::cout << (lang == Lang::kEn ? kHelpEn : kHelpVi) << options;
    return 0;
  }
  if (!vm.count("db")) return usage(std::string(Tr(lang, "thiếu --db", "--db is required")));
  std::string host;
  int port = 0;
  if (!ParseListen(vm["listen"].as<std::string>(), host, port)) {
    return usage(std::string(Tr(lang, "--listen không hợp lệ: ", "invalid --listen: ")) +
                 vm["listen"].as<std::string>());
  }
  const int threads = vm["threads"].as<int>();
  if (threads < 1 || threads > 1024)
    return usage(std::string(Tr(lang, "--threads từ 1 đến 1024", "--threads is 1 to 1024")));

  // SIGHUP reopens the access log (log rotation). It is blocked here, before any thread starts,
  // so every thread inherits the mask and only the waiting thread below receives it.
  sigset_t hangup;
  sigemptyset(&hangup);
  sigaddset(&hangup, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &hangup, nullptr);

  luutru::serve::ReadingRoomOptions room_options;
  room_options.databases = vm["db"].as<std::vector<std::string>>();
  room_options.access_log = vm["access-log"].as<std::string>();
  if (vm.count("requests")) room_options.requests = vm["requests"].as<std::string>();
  std::unique_ptr<luutru::serve::ReadingRoom> room;
  try {
    if (vm.count("users")) room_options.users = luutru::serve::Users::Load(vm["users"].as<std::string>());
    room = std::make_unique<luutru::serve::ReadingRoom>(std::move(room_options));
  } catch (const luutru::search::SearchError& e) {
    std::cerr << "luutru-serve: " << luutru::search::DescribeError(lang, e) << '\n';
    return kUsageError;
  } catch (const std::exception& e) {
    std::cerr << "luutru-serve: " << e.what() << '\n';
    return kUsageError;
  }

  luutru::serve::GuardedServer server{luutru::serve::ConnectionLimits{}};
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  room->Mount(server);
  int bound = port;
  if (port == 0) {
    bound = server.bind_to_any_port(host);
  } else if (!server.bind_to_port(host, port)) {
    bound = -1;
  }
  if (bound <= 0) {
    std::cerr << "luutru-serve: " << Tr(lang, "không mở được cổng ", "cannot listen on ") << host << ':' << port
              << '\n';
    return kUsageError;
  }
  std::thread([&room, hangup, lang] {
    for (;;) {
      int signal = 0;
      if (sigwait(&hangup, &signal) != 0) continue;
      if (!room->ReopenLog()) {
        std::cerr << "luutru-serve: " << Tr(lang, "không mở lại được sổ truy cập", "cannot reopen the access log")
                  << '\n';
      }
    }
  }).detach();
  std::cout << "listening on " << host << ':' << bound << std::endl;
  return server.Listen() ? 0 : 1;
}
