// Retrieval requests (yêu cầu khai thác) kept in SQLite: who asked, from which organisation, for
// what purpose and on what date; which storage units and documents the request holds; when each
// was handed over and returned, and by whom. Every change is a row of the request's history with
// the user who made it.
//
// The store keeps references (a unit's catalog::UnitKey, a document's id), not catalog data: the
// reading room resolves them at the reader's clearance each time it shows or counts a request, so
// an item above the reader's clearance is neither shown nor counted. Thread-safe (one connection
// behind a mutex). Errors are RequestsStoreError values naming the database and the reason.
#ifndef LUUTRU_SEARCH_SERVE_REQUESTS_STORE_H_
#define LUUTRU_SEARCH_SERVE_REQUESTS_STORE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace luutru::serve {

class RequestsStoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class ItemKind { kUnit, kDocument };

struct RequestItem {
  int64_t id = 0;
  ItemKind kind = ItemKind::kDocument;
  std::string ref;  // UnitKey for a unit, ArchiveDocument::Id() for a document
  std::string added_at, added_by;
  std::optional<std::string> handed_over_at, handed_over_by;
  std::optional<std::string> returned_at, returned_by;
};

struct RequestChange {
  std::string at, user, action, detail;  // action: created, added, handed_over, returned
};

struct NewRequest {
  std::string requester;     // người yêu cầu
  std::string organisation;  // cơ quan, đơn vị
  std::string purpose;       // mục đích khai thác
  std::string date;          // YYYY-MM-DD, the day it was asked
};

struct RetrievalRequest {
  int64_t id = 0;
  NewRequest fields;
  std::string created_at, created_by;
  std::vector<RequestItem> items;      // in the order they were added
  std::vector<RequestChange> history;  // oldest first
};

class RequestsStore {
 public:
  // Opens or creates the database at `path`. Throws RequestsStoreError.
  explicit RequestsStore(const std::string& path);
  ~RequestsStore();
  RequestsStore(const RequestsStore&) = delete;
  RequestsStore& operator=(const RequestsStore&) = delete;

  // The new request's number. `fields.date` must be YYYY-MM-DD (checked by the caller).
  int64_t Create(const NewRequest& fields, const std::string& user);
  std::optional<RetrievalRequest> Get(int64_t id);
  // Requests asked on dates from..to (inclusive, YYYY-MM-DD; empty: unbounded), newest first.
  std::vector<RetrievalRequest> List(const std::string& from, const std::string& to);
  // Adds the items the request does not hold yet; returns how many were added.
  int AddItems(int64_t id, const std::vector<std::pair<ItemKind, std::string>>& items, const std::string& user);
  // Marks the items (all the request's items when `item_ids` is empty) handed over / returned,
  // skipping those already so (returned needs handed over first); returns how many changed.
  int MarkHandedOver(int64_t id, const std::vector<int64_t>& item_ids, const std::string& user);
  int MarkReturned(int64_t id, const std::vector<int64_t>& item_ids, const std::string& user);

 private:
  int Mark(int64_t id, const std::vector<int64_t>& item_ids, const std::string& user, bool returned);
  void Exec(const char* sql);
  void Log(int64_t id, const std::string& user, const std::string& action, const std::string& detail);
  [[noreturn]] void Fail(const std::string& what);

  std::string path_;
  sqlite3* db_ = nullptr;
  std::mutex mutex_;
};

std::string_view ItemKindName(ItemKind kind);  // "unit", "document"

// The current time, as stored: "YYYY-MM-DDTHH:MM:SSZ" (UTC).
std::string NowUtc();

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_REQUESTS_STORE_H_
