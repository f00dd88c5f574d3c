#include "search/serve/reading_room.h"

#include <cctype>
#include <charconv>
#include <sstream>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "search/messages.h"
#include "search/output.h"
#include "search/query_parser.h"
#include "search/search_error.h"
#include "search/serve/document_file.h"
#include "search/serve/page_image.h"
#include "search/serve/pull_list.h"
#include "search/serve/reading_room_internal.h"
#include "search/serve/web_assets.h"

namespace luutru::serve {
// The helpers other files of the reading room share are declared in reading_room_internal.h.
namespace room {

using json = nlohmann::ordered_json;
using search::Lang;
using search::Tr;

constexpr double kDefaultDpi = 110;
constexpr double kMinDpi = 20;
constexpr double kMaxDpi = 200;
constexpr int kUnitListingLimit = 100000;
// The most documents a pull slip lists: a larger answer is refused rather than cut short.
constexpr int kPullListLimit = 5000;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void SendJsonText(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body, "application/json; charset=utf-8");
}

void SendJson(httplib::Response& res, int status, const json& body) { SendJsonText(res, status, Dump(body)); }

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, json{{"error", message}, {"status", status}});
}

Lang RequestLang(const httplib::Request& req) {
  if (req.has_param("lang")) return search::ChooseLang(req.get_param_value("lang"), nullptr);
  const std::string accept = req.get_header_value("Accept-Language");
  return accept.rfind("en", 0) == 0 ? Lang::kEn : Lang::kVi;
}

std::optional<std::string> Param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  std::string value = req.get_param_value(name);
  if (value.empty()) return std::nullopt;
  return value;
}

// A non-negative integer parameter; nullopt (and a 400 already sent) when it is not one.
std::optional<int> IntParam(const httplib::Request& req, httplib::Response& res, const char* name, int fallback,
                            Lang lang) {
  auto text = Param(req, name);
  if (!text) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < 0) {
    SendError(res, 400, std::string(Tr(lang, "Tham số không hợp lệ: ", "Invalid parameter: ")) + name + "=" + *text);
    return std::nullopt;
  }
  return value;
}

// The search's filters from the request's parameters (the same names on every route that searches).
search::SearchRequest FiltersOf(const httplib::Request& req, catalog::Secrecy clearance) {
  search::SearchRequest request;
  request.query = req.get_param_value("q");
  request.number = Param(req, "number");
  request.unit = Param(req, "unit");
  request.type = Param(req, "type");
  request.from = Param(req, "from");
  request.to = Param(req, "to");
  request.fonds = Param(req, "fonds");
  request.inventory = Param(req, "inventory");
  if (auto loose = Param(req, "loose")) request.loose = *loose == "1";
  request.clearance = clearance;
  return request;
}

json UnitCandidatesJson(const search::SearchError& e) {
  json out = json::array();
  for (const auto& c : e.candidates()) out.push_back(json{{"code", c.code}, {"title", c.title}, {"box", c.box}});
  return out;
}

// What the page's number field takes, in its words: examples of the form built on the number
// the reader typed (33 → 33-TB/TU, 33/QĐ-UBND), and where a number alone is searched.
std::string NumberFieldMessage(Lang lang, const search::SearchError& e) {
  const std::string& typed = e.detail();
  size_t digits = 0;
  while (digits < typed.size() && digits < 5 && std::isdigit(static_cast<unsigned char>(typed[digits]))) ++digits;
  const std::string n = digits ? typed.substr(0, digits) : "45";
  std::string out = std::string(Tr(lang, "«Số, ký hiệu» cần cả số và ký hiệu của văn bản, như ",
                                   "\"Số, ký hiệu\" takes a document's number and symbol, such as ")) +
                    n + "-TB/TU, " + n + "/QĐ-UBND " + std::string(Tr(lang, "hoặc ", "or ")) + n + "/2020/NĐ-CP ('" +
                    typed + "': " + search::DescribeNumberProblem(lang, e.number_problem()) + ").";
  if (digits && digits == typed.size()) {
    out += std::string(Tr(lang, " Để tìm văn bản số ", " To find documents numbered ")) + n +
           std::string(Tr(lang, " mà không rõ ký hiệu, hãy gõ ", " without their symbol, type ")) + n +
           std::string(Tr(lang, " vào ô từ khóa: kết quả có cả văn bản chứa số ấy ở chỗ khác.",
                          " in the search box: the answer also holds documents with that number elsewhere."));
  }
  return out;
}

void Guarded(const httplib::Request& req, httplib::Response& res, const std::function<void(Lang)>& body) {
  const Lang lang = RequestLang(req);
  try {
    body(lang);
  } catch (const search::QuerySyntaxError& e) {
    SendError(res, 400, search::DescribeError(lang, e, req.get_param_value("q")));
  } catch (const search::SearchError& e) {
    if (e.kind() == search::SearchError::Kind::kDatabase) {
      // The message would name the database's path on the server.
      SendError(res, 503,
                std::string(Tr(lang, "Cơ sở dữ liệu tạm thời không mở được; hãy thử lại sau.",
                               "The database cannot be opened now; try again later.")));
    } else if (e.kind() == search::SearchError::Kind::kEmptyDateRange) {
      // The page's fields, not the command line's flags.
      SendError(res, 400, std::string(Tr(lang, "«Từ năm» sau «Đến năm»: ", "\"From\" is after \"To\": ")) + e.detail());
    } else if (e.kind() == search::SearchError::Kind::kBadNumber && e.detail() == req.get_param_value("number")) {
      SendError(res, 400, NumberFieldMessage(lang, e));
    } else if (e.kind() == search::SearchError::Kind::kEmptyRequest) {
      SendError(res, 400,
                std::string(Tr(lang,
                               "Không có gì để tìm: hãy nhập từ khóa hoặc chọn một bộ lọc (Loại văn bản, "
                               "Từ năm, Đến năm, Số, ký hiệu, Hồ sơ, Phông, Mục lục).",
                               "Nothing to search for: type words or choose a filter (type, from, to, "
                               "number, unit, fonds, inventory).")));
    } else if (e.kind() == search::SearchError::Kind::kAmbiguousUnit) {
      SendJson(res, 400,
               json{{"error", search::DescribeError(lang, e)}, {"status", 400}, {"candidates", UnitCandidatesJson(e)}});
    } else {
      SendError(res, 400, search::DescribeError(lang, e));
    }
  } catch (const Xapian::Error& e) {
    SendError(res, 500, std::string(Tr(lang, "Lỗi cơ sở dữ liệu: ", "Database error: ")) + e.get_type());
  } catch (const PageImageError& e) {
    SendError(res, 500, std::string(Tr(lang, "Không hiển thị được trang: ", "The page cannot be shown: ")) + e.what());
  } catch (const std::exception& e) {
    SendError(res, 500, e.what());
  }
}

// The reading room names a file by its path relative to the archive root (`file`): where the
// archive lies on the server is no reader's business.
void HidePath(search::DocumentHit& hit) { std::string().swap(hit.doc.path); }

void HidePaths(search::SearchResponse& response) {
  for (auto& hit : response.documents) HidePath(hit);
  for (auto& unit : response.units) {
    for (auto& hit : unit.documents) HidePath(hit);
  }
}

// A parameter longer than `max_bytes`: a 400 naming it is sent, and true returned.
bool TooLong(const httplib::Request& req, httplib::Response& res, const char* name, size_t max_bytes, Lang lang) {
  if (req.get_param_value(name).size() <= max_bytes) return false;
  SendError(res, 400,
            std::string(Tr(lang, "Tham số ", "Parameter ")) + name +
                std::string(Tr(lang, " quá dài: tối đa ", " is too long: at most ")) + std::to_string(max_bytes) +
                std::string(Tr(lang, " byte.", " bytes.")));
  return true;
}

size_t CountWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Refuses (400, true) a request whose search words or other parameters pass the limits.
bool OverLimits(const httplib::Request& req, httplib::Response& res, const RequestLimits& limits, Lang lang) {
  if (TooLong(req, res, "q", limits.max_query_bytes, lang)) return true;
  for (const char* name : {"number", "unit", "type", "from", "to", "fonds", "inventory", "loose", "group", "sort",
                           "limit", "offset", "format"}) {
    if (TooLong(req, res, name, limits.max_parameter_bytes, lang)) return true;
  }
  if (const size_t words = CountWords(req.get_param_value("q")); words > limits.max_query_words) {
    SendError(res, 400,
              std::string(Tr(lang, "Câu tìm có ", "The query has ")) + std::to_string(words) +
                  std::string(Tr(lang, " từ; tối đa ", " words; at most ")) + std::to_string(limits.max_query_words) +
                  ".");
    return true;
  }
  return false;
}

json PagesJson(const catalog::ArchiveDocument& doc) {
  json pages = json::array();
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const catalog::Page& p = doc.pages[i];
    pages.push_back(json{
        {"page", doc.first_page + static_cast<int>(i)},
        {"source", std::string(catalog::TextSourceName(p.source))},
        {"ocr_confidence", p.ocr_confidence >= 0 ? json(p.ocr_confidence) : json(nullptr)},
        {"text", p.text},
    });
  }
  return pages;
}

json UnitJson(const catalog::StorageUnit& unit) {
  auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  return json{{"code", opt(unit.code)},
              {"title", opt(unit.title)},
              {"box", opt(unit.box)},
              {"fonds", opt(unit.fonds)},
              {"inventory", opt(unit.inventory)}};
}

}  // namespace room

using namespace room;

// --- SearcherPool ---------------------------------------------------------------------------

SearcherPool::SearcherPool(std::vector<std::string> paths, std::chrono::seconds max_age)
    : paths_(std::move(paths)), max_age_(max_age) {}

SearcherPool::Lease::Lease(SearcherPool* pool, std::unique_ptr<search::Searcher> searcher,
                           std::chrono::steady_clock::time_point opened)
    : return_{pool, opened}, searcher_(std::move(searcher)) {}

SearcherPool::Lease::~Lease() {
  if (!searcher_) return;
  std::lock_guard<std::mutex> lock(return_.pool->mutex_);
  return_.pool->idle_.push_back(Idle{std::move(searcher_), return_.opened});
}

SearcherPool::Lease SearcherPool::Acquire() {
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    while (!idle_.empty()) {
      Idle idle = std::move(idle_.back());
      idle_.pop_back();
      if (now - idle.opened <= max_age_) return Lease(this, std::move(idle.searcher), idle.opened);
    }
  }
  return Lease(this, std::make_unique<search::Searcher>(search::Searcher::Open(paths_)), now);
}

// --- ReadingRoom ----------------------------------------------------------------------------

ReadingRoom::ReadingRoom(ReadingRoomOptions options)
    : options_(std::move(options)),
      pool_(options_.databases, std::chrono::seconds(30)),
      log_(options_.access_log),
      catalogue_([this](catalog::Secrecy clearance) { return pool_.Acquire()->Units(clearance); },
                 std::chrono::seconds(30)),
      throttle_(options_.limits.failed_logins, options_.limits.failed_login_window) {
  if (!options_.requests.empty()) requests_ = std::make_unique<RequestsStore>(options_.requests);
  pool_.Acquire();  // fails now, naming the database, rather than at the first request
}

bool ReadingRoom::ReopenLog() { return log_.Reopen(); }

std::optional<Reader> ReadingRoom::Authenticate(const httplib::Request& req, httplib::Response& res,
                                                const char* refusal_vi, const char* refusal_en) {
  const std::string authorization = req.get_header_value("Authorization");
  const Lang lang = RequestLang(req);
  if (!authorization.empty() && !Users::IsSignedOut(authorization)) {
    if (const auto wait = throttle_.Wait(req.remote_addr); wait.count() > 0) {
      res.set_header("Retry-After", std::to_string(wait.count()));
      SendError(res, 429,
                std::string(Tr(lang, "Quá nhiều lần đăng nhập sai từ địa chỉ này; hãy thử lại sau ",
                               "Too many failed logins from this address; try again in ")) +
                    std::to_string(wait.count()) + std::string(Tr(lang, " giây.", " seconds.")));
      return std::nullopt;
    }
  }
  auto reader = options_.users.Authenticate(authorization);
  if (!reader) {
    throttle_.Failed(req.remote_addr);
    AccessRecord record;
    record.user = Users::ClaimedName(authorization);
    record.endpoint = "login-failed";
    record.secrecy = std::nullopt;
    record.remote = req.remote_addr;
    log_.Record(record);  // the refusal stands whether or not it could be logged
    res.set_header("WWW-Authenticate", "Basic realm=\"luutru\", charset=\"UTF-8\"");
    SendError(res, 401, std::string(Tr(lang, refusal_vi, refusal_en)));
  }
  return reader;
}

bool ReadingRoom::LogViews(const Reader& reader, const httplib::Request& req, const search::DocumentHit& hit,
                           std::optional<int> page, const char* endpoint) {
  if (!AccessLog::MustLog(hit.doc.meta.secrecy)) return true;
  AccessRecord record;
  record.user = reader.name;
  record.document_id = hit.id;
  record.page = page;
  record.endpoint = endpoint;
  record.secrecy = catalog::EffectiveSecrecy(hit.doc.meta.secrecy);
  record.remote = req.remote_addr;
  return log_.Record(record);
}

void ReadingRoom::Mount(httplib::Server& server) {
  server.set_default_headers(SecurityHeaders());
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.headers.erase("Content-Security-Policy");  // the page's own replaces the default
    res.set_header("Content-Security-Policy", "default-src 'self'; img-src 'self' blob:; frame-ancestors 'none'");
    res.set_content(std::string(IndexHtml()), "text/html; charset=utf-8");
  });
  server.Get("/app.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(AppJs()), "text/javascript; charset=utf-8");
  });
  server.Get("/app.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(AppCss()), "text/css; charset=utf-8");
  });
  server.Get("/desk.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(DeskJs()), "text/javascript; charset=utf-8");
  });
  server.Get("/desk.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(DeskCss()), "text/css; charset=utf-8");
  });
  server.Get("/login", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string authorization = req.get_header_value("Authorization");
    if (authorization.empty() || Users::IsSignedOut(authorization)) {
      res.set_header("WWW-Authenticate", "Basic realm=\"luutru\", charset=\"UTF-8\"");
      SendError(res, 401, std::string(Tr(RequestLang(req), "Cần đăng nhập.", "Please sign in.")));
      return;
    }
    auto reader = Authenticate(req, res, "Cần đăng nhập.", "Please sign in.");
    if (!reader) return;
    res.set_redirect("/");
  });
  // Logout (the page's script, with the signed-out credentials, users.h): a browser first sends
  // the credentials it keeps and replaces them with the script's only when those are refused
  // with a challenge, so anything else is refused (not as a failed login); the signed-out
  // credentials are the anonymous reader, and the browser's cache of the site's answers is cleared.
  server.Get("/logout", [](const httplib::Request& req, httplib::Response& res) {
    const Lang lang = RequestLang(req);
    if (!Users::IsSignedOut(req.get_header_value("Authorization"))) {
      res.set_header("WWW-Authenticate", "Basic realm=\"luutru\", charset=\"UTF-8\"");
      SendError(res, 401,
                std::string(Tr(lang, "Đăng xuất bằng nút «Đăng xuất» của trang.",
                               "Sign out with the page's \"Sign out\" button.")));
      return;
    }
    res.set_header("Clear-Site-Data", "\"cache\"");
    SendJson(res, 200,
             json{{"user", nullptr},
                  {"clearance", catalog::SecrecyName(catalog::Secrecy::kNormal)},
                  {"may_keep_requests", false}});
  });
  server.Get("/api/whoami", [this](const httplib::Request& req, httplib::Response& res) {
    auto reader = Authenticate(req, res);
    if (!reader) return;
    SendJson(res, 200,
             json{{"user", reader->name.empty() ? json(nullptr) : json(reader->name)},
                  {"clearance", catalog::SecrecyName(reader->clearance)},
                  {"may_keep_requests", reader->keeps_requests && requests_ != nullptr}});
  });
  server.Get("/healthz", [this](const httplib::Request& req, httplib::Response& res) { Health(req, res); });
  server.Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) { Search(req, res); });
  server.Get(R"(/api/units/(.+))", [this](const httplib::Request& req, httplib::Response& res) { Unit(req, res); });
  MountRequests(server);
  MountReview(server);
  server.Get("/api/pull-list",
             [this](const httplib::Request& req, httplib::Response& res) { PullListRoute(req, res); });
  server.Get("/api/browse", [this](const httplib::Request& req, httplib::Response& res) { Browse(req, res); });
  server.Get(R"(/api/documents/(.+)/file)",
             [this](const httplib::Request& req, httplib::Response& res) { DocumentFile(req, res); });
  server.Get(R"(/api/documents/(.+)/pages/(\d+)\.png)",
             [this](const httplib::Request& req, httplib::Response& res) { PageImage(req, res); });
  server.Get(R"(/api/documents/(.+))",
             [this](const httplib::Request& req, httplib::Response& res) { Document(req, res); });
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a route already answered with its own JSON error
    const Lang lang = RequestLang(req);
    SendError(res, res.status,
              res.status == 404 ? std::string(Tr(lang, "Không có trang này.", "Not found."))
                                : "HTTP " + std::to_string(res.status));
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string message = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      message = e.what();
    } catch (...) {
    }
    SendError(res, 500, message);
  });
}

void ReadingRoom::Health(const httplib::Request& req, httplib::Response& res) {
  auto reader = Authenticate(req, res);
  if (!reader) return;
  Guarded(req, res, [&](Lang) {
    auto searcher = pool_.Acquire();
    // The documents this reader may see: hidden ones are not counted, even here.
    SendJson(res, 200, json{{"status", "ok"}, {"documents", searcher->CountDocuments(reader->clearance)}});
  });
}

void ReadingRoom::Search(const httplib::Request& req, httplib::Response& res) {
  auto reader = Authenticate(req, res);
  if (!reader) return;
  Guarded(req, res, [&](Lang lang) {
    if (OverLimits(req, res, options_.limits, lang)) return;
    search::SearchRequest request = FiltersOf(req, reader->clearance);
    if (auto group = Param(req, "group")) {
      if (*group != "unit") {
        SendError(res, 400, std::string(Tr(lang, "group chỉ nhận 'unit'", "group takes only 'unit'")));
        return;
      }
      request.group_by_unit = true;
    }
    if (auto sort = Param(req, "sort")) {
      if (*sort == "relevance")
        request.sort = search::SortOrder::kRelevance;
      else if (*sort == "date")
        request.sort = search::SortOrder::kDate;
      else if (*sort == "-date")
        request.sort = search::SortOrder::kDateDescending;
      else {
        SendError(res, 400, std::string(Tr(lang, "sort không hợp lệ: ", "invalid sort: ")) + *sort);
        return;
      }
    }
    const auto limit = IntParam(req, res, "limit", 10, lang);
    if (!limit) return;
    const auto offset = IntParam(req, res, "offset", 0, lang);
    if (!offset) return;
    if (*limit > options_.max_results) {
      SendError(res, 400,
                std::string(Tr(lang, "limit tối đa là ", "limit is at most ")) + std::to_string(options_.max_results));
      return;
    }
    if (*offset > options_.limits.max_offset) {
      SendError(res, 400,
                std::string(Tr(lang, "offset tối đa là ", "offset is at most ")) +
                    std::to_string(options_.limits.max_offset));
      return;
    }
    request.limit = *limit;
    request.offset = *offset;
    const std::string format = Param(req, "format").value_or("json");
    if (format != "json" && format != "csv") {
      SendError(res, 400, std::string(Tr(lang, "format không hợp lệ: ", "invalid format: ")) + format);
      return;
    }

    search::SearchResponse response;
    {
      auto searcher = pool_.Acquire();
      response = searcher->Search(request);
    }
    HidePaths(response);
    auto log_hits = [&](const std::vector<search::DocumentHit>& hits) {
      for (const auto& hit : hits) {
        if (!LogViews(*reader, req, hit, std::nullopt, "search")) return false;
      }
      return true;
    };
    bool logged = log_hits(response.documents);
    for (const auto& unit : response.units) logged = logged && log_hits(unit.documents);
    if (!logged) {
      SendError(res, 500, AccessLog::CannotRecordText(lang));
      return;
    }
    if (format == "csv") {
      std::ostringstream csv;
      search::WriteCsv(csv, response, lang);
      res.set_header("Content-Disposition", "attachment; filename=\"luutru.csv\"");
      res.set_header("Cache-Control", "no-store");
      // A byte-order mark so spreadsheet programs read the Vietnamese as UTF-8.
      res.set_content("\xEF\xBB\xBF" + csv.str(), "text/csv; charset=utf-8");
      return;
    }
    SendJsonText(res, 200, search::ToJsonText(response));
  });
}

void ReadingRoom::Unit(const httplib::Request& req, httplib::Response& res) {
  auto reader = Authenticate(req, res);
  if (!reader) return;
  Guarded(req, res, [&](Lang lang) {
    search::SearchRequest request;
    if (req.matches[1].length() > static_cast<std::ptrdiff_t>(options_.limits.max_parameter_bytes)) {
      SendError(res, 404, std::string(Tr(lang, "Không có hồ sơ mang mã này.", "No storage unit has this code.")));
      return;
    }
    request.unit = req.matches[1].str();
    request.clearance = reader->clearance;
    request.limit = kUnitListingLimit;
    search::SearchResponse response;
    {
      auto searcher = pool_.Acquire();
      response = searcher->Search(request);
    }
    HidePaths(response);
    if (response.documents.empty()) {
      SendError(
          res, 404,
          std::string(Tr(lang, "Không có hồ sơ mang mã '", "No storage unit has the code '")) + *request.unit + "'.");
      return;
    }
    json documents = json::array();
    for (const auto& hit : response.documents) {
      if (!LogViews(*reader, req, hit, std::nullopt, "unit")) {
        SendError(res, 500, AccessLog::CannotRecordText(lang));
        return;
      }
      documents.push_back(search::DocumentToJson(hit));
    }
    SendJson(res, 200,
             json{{"unit", UnitJson(response.documents.front().doc.unit)},
                  {"total", response.total},
                  {"documents", std::move(documents)}});
  });
}

std::optional<search::DocumentHit> ReadingRoom::ShownDocument(const httplib::Request& req, httplib::Response& res,
                                                              const Reader& reader, Lang lang, const char* endpoint) {
  const std::string id = req.matches[1].str();
  std::optional<search::DocumentHit> hit;
  {
    auto searcher = pool_.Acquire();
    hit = searcher->FindDocument(id, reader.clearance);
  }
  if (!hit) {
    SendError(res, 404, std::string(Tr(lang, "Không có văn bản ", "No document ")) + id);
    return std::nullopt;
  }
  if (!LogViews(reader, req, *hit, std::nullopt, endpoint)) {
    SendError(res, 500, AccessLog::CannotRecordText(lang));
    return std::nullopt;
  }
  return hit;
}

void ReadingRoom::Document(const httplib::Request& req, httplib::Response& res) {
  auto reader = Authenticate(req, res);
  if (!reader) return;
  Guarded(req, res, [&](Lang lang) {
    auto hit = ShownDocument(req, res, *reader, lang, "document");
    if (!hit) return;
    HidePath(*hit);
    json out = search::DocumentToJson(*hit);
    out.erase("rank");
    out.erase("score");
    out["unit"] = UnitJson(hit->doc.unit);
    out["page_sources"] = PagesJson(hit->doc);
    SendJson(res, 200, out);
  });
}

void ReadingRoom::PageImage(const httplib::Request& req, httplib::Response& res) {
  auto reader = Authenticate(req, res);
  if (!reader) return;
  Guarded(req, res, [&](Lang lang) {
    const std::string id = req.matches[1].str();
    int page = 0;
    const std::string page_text = req.matches[2].str();
    std::from_chars(page_text.data(), page_text.data() + page_text.size(), page);
    double dpi = kDefaultDpi;
    if (auto text = Param(req, "dpi")) {
      int value = 0;
      auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
      if (ec != std::errc() || end != text->data() + text->size() || value < kMinDpi || value > kMaxDpi) {
        SendError(res, 400, std::string(Tr(lang, "dpi phải từ 20 đến 200", "dpi must be 20 to 200")));
        return;
      }
      dpi = value;
    }
    std::optional<search::DocumentHit> hit;
    HighlightWords highlight = WordsToHighlight(req.get_param_value("q"));
    {
      auto searcher = pool_.Acquire();
      hit = searcher->FindDocument(id, reader->clearance);
      if (hit && !highlight.empty()) highlight.runs = searcher->Concepts(req.get_param_value("q"), reader->clearance);
    }
    // Same answer for a hidden document as for a missing one or a page outside it.
    if (!hit || page < hit->doc.first_page || page > hit->doc.last_page) {
      SendError(res, 404, std::string(Tr(lang, "Không có trang ", "No page ")) + page_text + " / " + id);
      return;
    }
    if (!LogViews(*reader, req, *hit, page, "page")) {
      SendError(res, 500, AccessLog::CannotRecordText(lang));
      return;
    }
    // A page above thường carries the reader and the time; only pages without one are cached.
    const bool marked = catalog::EffectiveSecrecy(hit->doc.meta.secrecy) != catalog::Secrecy::kNormal;
    // The marks follow the query's concepts, which are cut at the reader's clearance: the
    // clearance is part of the key, so no reader is sent marks cut for another.
    std::string key;
    if (!marked) {
      key = hit->id + '\x1f' + std::to_string(page) + '\x1f' + std::to_string(dpi) + '\x1f' +
            std::to_string(static_cast<int>(reader->clearance)) + '\x1f' + req.get_param_value("q");
      if (auto cached = renders_.Find(key)) {
        res.set_header("Cache-Control", "private, no-store");
        res.set_content(**cached, "image/png");
        return;
      }
    }
    std::string png;
    {
      render_slots_.acquire();
      struct Release {
        std::counting_semaphore<>& slots;
        ~Release() { slots.release(); }
      } release{render_slots_};
      png = RenderPagePng(
          hit->doc, page, dpi, highlight,
          marked ? (reader->name.empty() ? std::string("khách") : reader->name) + " · " + NowUtc() : std::string());
    }
    if (!marked) renders_.Put(key, std::make_shared<const std::string>(png));
    res.set_header("Cache-Control", "private, no-store");
    res.set_content(std::move(png), "image/png");
  });
}

void ReadingRoom::PullListRoute(const httplib::Request& req, httplib::Response& res) {
  auto reader = Authenticate(req, res);
  if (!reader) return;
  Guarded(req, res, [&](Lang lang) {
    if (OverLimits(req, res, options_.limits, lang)) return;
    search::SearchRequest request = FiltersOf(req, reader->clearance);
    request.limit = kPullListLimit;
    const std::string format = Param(req, "format").value_or("json");
    if (format != "json" && format != "csv") {
      SendError(res, 400, std::string(Tr(lang, "Định dạng không hợp lệ: ", "Invalid format: ")) + format);
      return;
    }
    search::SearchResponse response;
    {
      auto searcher = pool_.Acquire();
      response = searcher->Search(request);
    }
    // A pull slip holds the answer: documents that hold the words only apart (shown when the
    // answer is empty) go on it only when the reader asked for them (loose=1).
    if (!request.loose) {
      std::erase_if(response.documents,
                    [](const search::DocumentHit& hit) { return hit.match != search::MatchTier::kPhrase; });
    }
    if (response.total_is_estimate || response.total > response.documents.size()) {
      SendError(res, 400,
                std::string(Tr(lang, "Câu trả lời có hơn ", "The answer holds more than ")) +
                    std::to_string(kPullListLimit) +
                    std::string(Tr(lang, " văn bản; hãy thu hẹp tìm kiếm để in phiếu lấy hồ sơ.",
                                   " documents; narrow the search to print a pull slip.")));
      return;
    }
    for (const auto& hit : response.documents) {
      if (!LogViews(*reader, req, hit, std::nullopt, "pull-list")) {
        SendError(res, 500, AccessLog::CannotRecordText(lang));
        return;
      }
    }
    const auto units = catalogue_.Get(reader->clearance);
    const PullList list = BuildPullList(std::move(response.documents), *units);
    if (format == "csv") {
      std::ostringstream csv;
      WritePullListCsv(csv, list, lang);
      res.set_header("Content-Disposition", "attachment; filename=\"phieu-lay-ho-so.csv\"");
      res.set_header("Cache-Control", "no-store");
      res.set_content("\xEF\xBB\xBF" + csv.str(), "text/csv; charset=utf-8");
      return;
    }
    SendJson(res, 200, PullListToJson(list));
  });
}

void ReadingRoom::Browse(const httplib::Request& req, httplib::Response& res) {
  auto reader = Authenticate(req, res);
  if (!reader) return;
  Guarded(req, res, [&](Lang) {
    const auto units = catalogue_.Get(reader->clearance);
    SendJson(res, 200, BrowseToJson(*units, Param(req, "fonds"), Param(req, "inventory")));
  });
}

void ReadingRoom::DocumentFile(const httplib::Request& req, httplib::Response& res) {
  auto reader = Authenticate(req, res);
  if (!reader) return;
  Guarded(req, res, [&](Lang lang) {
    auto hit = ShownDocument(req, res, *reader, lang, "file");
    if (!hit) return;
    std::string pdf;
    try {
      pdf = DocumentPdf(hit->doc);
    } catch (const DocumentFileError& e) {
      SendError(
          res, 500,
          std::string(Tr(lang, "Không đọc được tệp của văn bản: ", "The document's file cannot be read: ")) + e.what());
      return;
    }
    res.set_header("Cache-Control", "private, no-store");
    res.set_header("Content-Disposition", "attachment; filename=\"" + DownloadName(hit->doc) + "\"");
    res.set_content(std::move(pdf), "application/pdf");
  });
}

}  // namespace luutru::serve
