// The reading room (phòng đọc): the HTTP routes of luutru-serve over the shared search library.
//
// JSON answers are the objects of `luutru-search --format json` (search/output.h), so the web and
// the command line answer identically. Every route authenticates the caller (users.h) and passes
// the caller's clearance to the search library, which enforces it: a document above it is absent
// everywhere (results, totals, groups, unit listings, document metadata, page images), and asking
// for it by id answers 404, as for a document that does not exist. Views of documents classified
// mật or higher are written to the access log first.
//
// Routes:
//   GET /                      the web page (Vietnamese); /app.js, /app.css its script and style
//   GET /login                 asks the browser for a user name and password (HTTP Basic)
//   GET /logout                with the signed-out credentials (users.h): the browser forgets
//                              the reader's; 401 with a challenge to anything else
//   GET /api/whoami            {"user", "clearance"}
//   GET /api/search            q, number, unit, type, from, to, group=unit, sort, limit, offset,
//                              format=json|csv
//   GET /api/units/{code}      a storage unit and its documents in catalog order
//   GET /api/documents/{id}    one document: metadata, and each page's text source and text
//   GET /api/documents/{id}/pages/{n}.png?q=&dpi=   the page with the query's words marked
//   GET /api/pull-list         the search's filters, format=json|csv: every unit of the answer in
//                              store order with every matching document (pull_list.h)
//   GET /api/browse            fonds → inventories → units (browse.h); fonds=, inventory=
//   GET /api/documents/{id}/file   the document's PDF file
//   POST /api/requests, GET /api/requests, GET|POST /api/requests/{n}[/items|/handover|/return|/slip],
//   GET /api/requests-report   retrieval requests (requests_store.h), for readers with khai-thac
//   GET /review, GET /api/review   documents with a field to check, for readers with khai-thac
//                              (review_page.cc)
//   GET /healthz               {"status": "ok", "documents": N}, N the documents the caller may see
// Documents are named by `file`, relative to the archive root; `path` (where the file lies on the
// server) is null in every answer. Every answer carries SecurityHeaders(); JSON, CSV and images
// carry Cache-Control: no-store.
// Errors are {"error": message, "status": code}.
#ifndef LUUTRU_SEARCH_SERVE_READING_ROOM_H_
#define LUUTRU_SEARCH_SERVE_READING_ROOM_H_

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <semaphore>
#include <string>
#include <thread>
#include <vector>

#include "search/messages.h"
#include "search/searcher.h"
#include "search/serve/access_log.h"
#include "search/serve/browse.h"
#include "search/serve/guarded_server.h"
#include "search/serve/login_throttle.h"
#include "search/serve/render_cache.h"
#include "search/serve/requests_store.h"
#include "search/serve/users.h"

namespace luutru::serve {

// Searchers for concurrent requests: a Searcher is not thread-safe, so each request borrows one.
// A searcher older than `max_age` is reopened before it is lent, so a running server sees what
// the indexer committed since.
class SearcherPool {
 public:
  SearcherPool(std::vector<std::string> paths, std::chrono::seconds max_age);

  class Lease {
   public:
    Lease(SearcherPool* pool, std::unique_ptr<search::Searcher> searcher, std::chrono::steady_clock::time_point opened);
    Lease(Lease&&) = default;
    ~Lease();
    const search::Searcher& operator*() const { return *searcher_; }
    const search::Searcher* operator->() const { return searcher_.get(); }

   private:
    struct Return {
      SearcherPool* pool;
      std::chrono::steady_clock::time_point opened;
    };
    Return return_;
    std::unique_ptr<search::Searcher> searcher_;
  };

  // Throws search::SearchError(kDatabase) when a database cannot be opened.
  Lease Acquire();

 private:
  struct Idle {
    std::unique_ptr<search::Searcher> searcher;
    std::chrono::steady_clock::time_point opened;
  };
  std::vector<std::string> paths_;
  std::chrono::seconds max_age_;
  std::mutex mutex_;
  std::vector<Idle> idle_;
};

// What one request may ask for; a request beyond is refused with a 400 saying which limit.
// With Searcher::kMaxQueryTerms they bound the work of one search.
struct RequestLimits {
  size_t max_query_bytes = 512;      // q
  size_t max_query_words = 32;       // q, words between spaces
  size_t max_parameter_bytes = 256;  // every other parameter, and a unit code in the path
  int max_offset = 10000;
  size_t failed_logins = 10;  // per client address within the window, then 429
  std::chrono::seconds failed_login_window{600};
};

struct ReadingRoomOptions {
  std::vector<std::string> databases;
  Users users;
  std::string access_log = "-";
  int max_results = 1000;  // the largest limit a search may ask for
  std::string requests;    // the retrieval requests' SQLite file; empty: none are kept
  RequestLimits limits;
};

class ReadingRoom {
 public:
  // Opens every database once to fail early. Throws search::SearchError, std::runtime_error.
  explicit ReadingRoom(ReadingRoomOptions options);

  // Installs the routes and the security headers (SecurityHeaders()) on `server`.
  void Mount(httplib::Server& server);

  // Reopens the access log after rotation (SIGHUP); false when its path cannot be opened.
  bool ReopenLog();

 private:
  // The reader of the request's credentials; else a 401 (saying `refusal`) or, for an address
  // that failed too often, a 429 is sent and nullopt returned. Failures are logged and counted.
  std::optional<Reader> Authenticate(const httplib::Request& req, httplib::Response& res,
                                     const char* refusal_vi = "Sai tên người dùng, mật khẩu hoặc mã truy cập.",
                                     const char* refusal_en = "Wrong user name, password or token.");
  void Search(const httplib::Request& req, httplib::Response& res);
  void Unit(const httplib::Request& req, httplib::Response& res);
  void Document(const httplib::Request& req, httplib::Response& res);
  void PageImage(const httplib::Request& req, httplib::Response& res);
  void Health(const httplib::Request& req, httplib::Response& res);
  void PullListRoute(const httplib::Request& req, httplib::Response& res);
  void Browse(const httplib::Request& req, httplib::Response& res);
  void DocumentFile(const httplib::Request& req, httplib::Response& res);
  // Retrieval requests (reading_room_requests.cc).
  struct ShownRequest;
  void MountRequests(httplib::Server& server);
  // The review page and its list, for readers with khai-thac (review_page.cc).
  void MountReview(httplib::Server& server);
  // False (an error sent) unless the caller authenticates and has the khai-thac right.
  bool MayKeepRequests(const httplib::Request& req, httplib::Response& res, Reader& reader);
  ShownRequest ShowRequest(const RetrievalRequest& request, const Reader& reader);
  // The document of route match 1 that `reader` may see, its view logged; nullopt when an error
  // (404, or 500 when the view could not be logged) has been sent.
  std::optional<search::DocumentHit> ShownDocument(const httplib::Request& req, httplib::Response& res,
                                                   const Reader& reader, search::Lang lang, const char* endpoint);
  // False when a view of a secret document could not be logged (the caller must not show it).
  bool LogViews(const Reader& reader, const httplib::Request& req, const search::DocumentHit& hit,
                std::optional<int> page, const char* endpoint);

  ReadingRoomOptions options_;
  SearcherPool pool_;
  AccessLog log_;
  UnitCatalogue catalogue_;
  std::unique_ptr<RequestsStore> requests_;  // null when no requests are kept
  RenderCache renders_{64 << 20};            // 64 MB of page images without a watermark
  LoginThrottle throttle_;
  // Pages rendered at once: one a core (at least 2), so a result page's thumbnails render in
  // parallel while memory stays bounded (a page at 200 dpi is about 15 MB).
  std::counting_semaphore<> render_slots_{std::max<std::ptrdiff_t>(2, std::thread::hardware_concurrency())};
};

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_READING_ROOM_H_
