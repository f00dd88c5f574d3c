#include "search/serve/requests_store.h"

#include <sqlite3.h>

#include <ctime>

#include "catalog/sqlite_statement.h"

namespace luutru::serve {
namespace {

using Statement = catalog::SqliteStatement;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS requests (
  id INTEGER PRIMARY KEY,
  requester TEXT NOT NULL,
  organisation TEXT NOT NULL,
  purpose TEXT NOT NULL,
  request_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS requests_by_date ON requests(request_date);
CREATE TABLE IF NOT EXISTS request_items (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES requests(id),
  kind TEXT NOT NULL CHECK (kind IN ('unit', 'document')),
  ref TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  handed_over_at TEXT, handed_over_by TEXT,
  returned_at TEXT, returned_by TEXT,
  UNIQUE (request_id, kind, ref));
CREATE TABLE IF NOT EXISTS request_history (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES requests(id),
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL);
)sql";

}  // namespace

std::string_view ItemKindName(ItemKind kind) { return kind == ItemKind::kUnit ? "unit" : "document"; }

std::string NowUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

RequestsStore::RequestsStore(const std::string& path) : path_(path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw RequestsStoreError(path + ": " + reason);
  }
  sqlite3_busy_timeout(db_, 5000);
  Exec("PRAGMA journal_mode=WAL");
  Exec("PRAGMA foreign_keys=ON");
  Exec(kSchema);
}

RequestsStore::~RequestsStore() { sqlite3_close(db_); }

void RequestsStore::Fail(const std::string& what) {
  throw RequestsStoreError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

void RequestsStore::Exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string reason = error ? error : "unknown error";
    sqlite3_free(error);
    throw RequestsStoreError(path_ + ": " + reason);
  }
}

void RequestsStore::Log(int64_t id, const std::string& user, const std::string& action, const std::string& detail) {
  Statement st(db_, "INSERT INTO request_history(request_id, at, user, action, detail) VALUES (?, ?, ?, ?, ?)");
  if (!st.ok()) Fail("history");
  st.Bind(1, id).Bind(2, NowUtc()).Bind(3, user).Bind(4, action).Bind(5, detail);
  if (st.Step() != SQLITE_DONE) Fail("history");
}

int64_t RequestsStore::Create(const NewRequest& f, const std::string& user) {
  std::lock_guard<std::mutex> lock(mutex_);
  Exec("BEGIN IMMEDIATE");
  try {
    Statement st(db_,
                 "INSERT INTO requests(requester, organisation, purpose, request_date, created_at, created_by) "
                 "VALUES (?, ?, ?, ?, ?, ?)");
    if (!st.ok()) Fail("create");
    st.Bind(1, f.requester).Bind(2, f.organisation).Bind(3, f.purpose).Bind(4, f.date).Bind(5, NowUtc()).Bind(6, user);
    if (st.Step() != SQLITE_DONE) Fail("create");
    const int64_t id = sqlite3_last_insert_rowid(db_);
    Log(id, user, "created", f.requester + " — " + f.organisation + " — " + f.purpose);
    Exec("COMMIT");
    return id;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::optional<RetrievalRequest> RequestsStore::Get(int64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(
      db_, "SELECT requester, organisation, purpose, request_date, created_at, created_by FROM requests WHERE id = ?");
  if (!st.ok()) Fail("read");
  st.Bind(1, id);
  if (st.Step() != SQLITE_ROW) return std::nullopt;
  RetrievalRequest r;
  r.id = id;
  r.fields = NewRequest{st.Text(0), st.Text(1), st.Text(2), st.Text(3)};
  r.created_at = st.Text(4);
  r.created_by = st.Text(5);
  Statement items(db_,
                  "SELECT id, kind, ref, added_at, added_by, handed_over_at, handed_over_by, returned_at, returned_by "
                  "FROM request_items WHERE request_id = ? ORDER BY id");
  if (!items.ok()) Fail("read");
  items.Bind(1, id);
  while (items.Step() == SQLITE_ROW) {
    RequestItem item;
    item.id = items.Int(0);
    item.kind = items.Text(1) == "unit" ? ItemKind::kUnit : ItemKind::kDocument;
    item.ref = items.Text(2);
    item.added_at = items.Text(3);
    item.added_by = items.Text(4);
    item.handed_over_at = items.OptText(5);
    item.handed_over_by = items.OptText(6);
    item.returned_at = items.OptText(7);
    item.returned_by = items.OptText(8);
    r.items.push_back(std::move(item));
  }
  Statement history(db_, "SELECT at, user, action, detail FROM request_history WHERE request_id = ? ORDER BY id");
  if (!history.ok()) Fail("read");
  history.Bind(1, id);
  while (history.Step() == SQLITE_ROW) {
    r.history.push_back(RequestChange{history.Text(0), history.Text(1), history.Text(2), history.Text(3)});
  }
  return r;
}

std::vector<RetrievalRequest> RequestsStore::List(const std::string& from, const std::string& to) {
  std::vector<int64_t> ids;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement st(db_,
                 "SELECT id FROM requests WHERE (?1 = '' OR request_date >= ?1) AND (?2 = '' OR request_date <= ?2) "
                 "ORDER BY request_date DESC, id DESC");
    if (!st.ok()) Fail("list");
    st.Bind(1, from).Bind(2, to);
    while (st.Step() == SQLITE_ROW) ids.push_back(st.Int(0));
  }
  std::vector<RetrievalRequest> out;
  for (int64_t id : ids) {
    if (auto r = Get(id)) out.push_back(std::move(*r));
  }
  return out;
}

int RequestsStore::AddItems(int64_t id, const std::vector<std::pair<ItemKind, std::string>>& items,
                            const std::string& user) {
  std::lock_guard<std::mutex> lock(mutex_);
  Exec("BEGIN IMMEDIATE");
  try {
    int added = 0;
    const std::string now = NowUtc();
    for (const auto& [kind, ref] : items) {
      Statement st(
          db_, "INSERT OR IGNORE INTO request_items(request_id, kind, ref, added_at, added_by) VALUES (?, ?, ?, ?, ?)");
      if (!st.ok()) Fail("add");
      st.Bind(1, id).Bind(2, std::string(ItemKindName(kind))).Bind(3, ref).Bind(4, now).Bind(5, user);
      if (st.Step() != SQLITE_DONE) Fail("add");
      if (sqlite3_changes(db_) > 0) {
        ++added;
        Log(id, user, "added", std::string(ItemKindName(kind)) + " " + ref);
      }
    }
    Exec("COMMIT");
    return added;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

int RequestsStore::MarkHandedOver(int64_t id, const std::vector<int64_t>& item_ids, const std::string& user) {
  return Mark(id, item_ids, user, false);
}

int RequestsStore::MarkReturned(int64_t id, const std::vector<int64_t>& item_ids, const std::string& user) {
  return Mark(id, item_ids, user, true);
}

int RequestsStore::Mark(int64_t id, const std::vector<int64_t>& item_ids, const std::string& user, bool returned) {
  std::lock_guard<std::mutex> lock(mutex_);
  const char* sql =
      returned
          ? "UPDATE request_items SET returned_at = ?1, returned_by = ?2 WHERE request_id = ?3 AND (?4 = 0 OR id = ?4) "
            "AND handed_over_at IS NOT NULL AND returned_at IS NULL RETURNING kind, ref"
          : "UPDATE request_items SET handed_over_at = ?1, handed_over_by = ?2 WHERE request_id = ?3 "
            "AND (?4 = 0 OR id = ?4) AND handed_over_at IS NULL RETURNING kind, ref";
  Exec("BEGIN IMMEDIATE");
  try {
    int changed = 0;
    const std::string now = NowUtc();
    std::vector<int64_t> which = item_ids.empty() ? std::vector<int64_t>{0} : item_ids;
    for (int64_t item : which) {
      Statement st(db_, sql);
      if (!st.ok()) Fail("mark");
      st.Bind(1, now).Bind(2, user).Bind(3, id).Bind(4, item);
      std::vector<std::string> marked;
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) marked.push_back(st.Text(0) + " " + st.Text(1));
      if (rc != SQLITE_DONE) Fail("mark");
      for (const auto& m : marked) Log(id, user, returned ? "returned" : "handed_over", m);
      changed += static_cast<int>(marked.size());
    }
    Exec("COMMIT");
    return changed;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace luutru::serve
