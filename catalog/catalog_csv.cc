#include "catalog/catalog_csv.h"

#include <csv.h>
#include <xxhash.h>

#include <unicode/utf8.h>

#include <sys/stat.h>
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>

#include "catalog/bounded_line.h"
#include "catalog/sqlite_statement.h"
#include "tokenizers/normalize.h"

namespace luutru::catalog {
namespace {

std::string Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Rows as libcsv hands them over, field by field, each given to `on_row` as it ends.
struct RowCollector {
  std::vector<std::string> current;
  int64_t line = 0;      // the line being fed, from 1
  int64_t row_line = 0;  // the line the current row starts on
  std::function<void(std::vector<std::string>&, int64_t)> on_row;
};

void OnField(void* data, size_t len, void* collector) {
  auto* c = static_cast<RowCollector*>(collector);
  const char* bytes = data ? static_cast<const char*>(data) : "";
  const size_t n = data ? len : 0;
  if (c->current.empty()) {
    // A quoted field may hold line breaks: the row started that many lines before this one.
    c->row_line = c->line - static_cast<int64_t>(std::count(bytes, bytes + n, '\n'));
  }
  c->current.emplace_back(bytes, n);
}

void OnRowEnd(int, void* collector) {
  auto* c = static_cast<RowCollector*>(collector);
  if (c->current.empty()) c->row_line = c->line;
  c->on_row(c->current, c->row_line);
  c->current.clear();
}

// The offset in `line` of the first byte that does not start a well-formed UTF-8 sequence, or
// npos.
size_t FirstNonUtf8(std::string_view line) {
  const auto n = static_cast<int32_t>(line.size());
  for (int32_t i = 0; i < n;) {
    if (static_cast<unsigned char>(line[static_cast<size_t>(i)]) < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(line.data(), i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

// "3-7" -> {3, 7}; also a single page "4".
std::optional<std::pair<int, int>> ParsePageRange(std::string_view s) {
  auto parse = [](std::string_view t, int& out) {
    std::string v = Trim(t);
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    return !v.empty() && ec == std::errc() && p == v.data() + v.size() && out >= 1;
  };
  int a = 0, b = 0;
  const size_t dash = s.find('-');
  if (dash == std::string_view::npos) {
    if (!parse(s, a)) return std::nullopt;
    return std::make_pair(a, a);
  }
  if (!parse(s.substr(0, dash), a) || !parse(s.substr(dash + 1), b) || b < a) return std::nullopt;
  return std::make_pair(a, b);
}

std::string NormalizeFile(std::string file) {
  std::replace(file.begin(), file.end(), '\\', '/');
  while (file.rfind("./", 0) == 0) file.erase(0, 2);
  return file;
}

}  // namespace

const std::vector<std::string>& CatalogColumns() {
  static const std::vector<std::string> kColumns = {"file",      "page_range", "unit_code",  "unit_title", "fonds",
                                                    "inventory", "box",        "doc_number", "doc_date",   "doc_type",
                                                    "issuer",    "title",      "secrecy",    "urgency"};
  return kColumns;
}

namespace {

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Applies the header row: which column holds what; warnings for the columns not known.
std::map<std::string, size_t> ReadHeader(const std::vector<std::string>& header, const std::string& where,
                                         std::vector<std::string>& warnings) {
  std::map<std::string, size_t> column;
  std::vector<std::string> unknown, named;
  const auto& known = CatalogColumns();
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = tokenizers::ExactForm(Trim(header[i]));
    named.push_back(name);
    if (std::find(known.begin(), known.end(), name) != known.end()) {
      column.emplace(name, i);
    } else if (!name.empty()) {
      unknown.push_back("'" + name + "'");
    }
  }
  if (!column.count("file")) {
    throw CatalogError(where + ": the header has no 'file' column (it has: " + Join(named) +
                       "; the catalog columns are: " + Join(known) + ")");
  }
  if (!unknown.empty()) {
    // A misspelt column leaves every value under it unused: name the columns it may have meant.
    std::vector<std::string> absent;
    for (const std::string& k : known) {
      if (!column.count(k)) absent.push_back(k);
    }
    warnings.push_back(where + ": column" + (unknown.size() > 1 ? "s " : " ") + Join(unknown) +
                       (unknown.size() > 1 ? " are" : " is") + " not a catalog column and not read" +
                       (absent.empty() ? "" : "; columns absent from this header: " + Join(absent)) +
                       "; the catalog columns are: " + Join(known));
  }
  return column;
}

// A row (its lines, when a quoted cell holds line breaks) longer than this is refused: a row with
// a long title is a few KB.
constexpr size_t kMaxCatalogRowBytes = 1 << 20;
// Cells holding U+FFFD named one by one; the rest are counted.
constexpr int64_t kShownReplacedCells = 10;

// The rows' table. Journal and sync are off: the database lives and dies with one Catalog.
// The page cache is bounded (16 MiB); beyond it pages go to the file.
constexpr const char* kRowsSchema = R"sql(
PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
PRAGMA temp_store=FILE;
PRAGMA cache_size=-16384;
CREATE TABLE rows (
  ord INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  first_page INTEGER, last_page INTEGER,
  unit_code TEXT NOT NULL, unit_title TEXT NOT NULL, fonds TEXT NOT NULL, inventory TEXT NOT NULL,
  box TEXT NOT NULL,
  number TEXT, date INTEGER, type TEXT, issuer TEXT, title TEXT, secrecy INTEGER, urgency INTEGER);
CREATE INDEX rows_by_file ON rows(file);
)sql";

[[noreturn]] void RowsFailed(sqlite3* db, const std::string& where) {
  throw CatalogError(where + ": its rows cannot be kept in the temporary folder (" +
                     (db ? sqlite3_errmsg(db) : "out of memory") + ")");
}

// A private database in a temporary file ("" as its name): SQLite removes the file as soon as it
// is opened, so nothing is left behind whatever ends the process.
std::shared_ptr<sqlite3> OpenRows(const std::string& where) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2("", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::shared_ptr<sqlite3> rows(db, sqlite3_close);
  if (rc != SQLITE_OK || sqlite3_exec(db, kRowsSchema, nullptr, nullptr, nullptr) != SQLITE_OK) {
    RowsFailed(db, where);
  }
  return rows;
}

std::optional<int64_t> PageOf(const CatalogEntry& e, bool last) {
  if (!e.pages) return std::nullopt;
  return last ? e.pages->second : e.pages->first;
}

std::optional<int64_t> DateOf(const CatalogEntry& e) {
  if (!e.meta.date) return std::nullopt;
  return int64_t{e.meta.date->year} * 10000 + e.meta.date->month * 100 + e.meta.date->day;
}

void InsertRow(SqliteStatement& insert, const CatalogEntry& e) {
  const DocumentMetadata& m = e.meta;
  insert.Reset();
  insert.Bind(1, e.order)
      .Bind(2, e.file)
      .Bind(3, e.line)
      .BindOrNull(4, PageOf(e, false))
      .BindOrNull(5, PageOf(e, true));
  insert.Bind(6, e.unit.code)
      .Bind(7, e.unit.title)
      .Bind(8, e.unit.fonds)
      .Bind(9, e.unit.inventory)
      .Bind(10, e.unit.box);
  insert.BindOrNull(11, m.number).BindOrNull(12, DateOf(e)).BindOrNull(13, m.type).BindOrNull(14, m.issuer);
  insert.BindOrNull(15, m.title);
  insert.BindOrNull(16, m.secrecy ? std::optional<int64_t>(static_cast<int64_t>(*m.secrecy)) : std::nullopt);
  insert.BindOrNull(17, m.urgency ? std::optional<int64_t>(static_cast<int64_t>(*m.urgency)) : std::nullopt);
}

CatalogEntry ReadRow(const SqliteStatement& row) {
  CatalogEntry e;
  e.order = row.Int(0);
  e.file = row.Text(1);
  e.line = row.Int(2);
  if (auto first = row.OptInt(3)) e.pages = std::make_pair(static_cast<int>(*first), static_cast<int>(row.Int(4)));
  e.unit = StorageUnit{row.Text(5), row.Text(6), row.Text(7), row.Text(8), row.Text(9)};
  e.meta.number = row.OptText(10);
  if (auto d = row.OptInt(11)) {
    e.meta.date =
        PartialDate{static_cast<int>(*d / 10000), static_cast<int>(*d / 100 % 100), static_cast<int>(*d % 100)};
  }
  e.meta.type = row.OptText(12);
  e.meta.issuer = row.OptText(13);
  e.meta.title = row.OptText(14);
  if (auto v = row.OptInt(15)) e.meta.secrecy = static_cast<Secrecy>(*v);
  if (auto v = row.OptInt(16)) e.meta.urgency = static_cast<Urgency>(*v);
  return e;
}

}  // namespace

Catalog Catalog::Load(const std::filesystem::path& csv_path) {
  const std::string where = csv_path.string();
  // A pipe is read like a file; a folder or a device is a mistake, and /dev/zero would never end.
  struct stat st;
  if (stat(csv_path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    throw CatalogError(where + ": is a folder, not a catalog CSV file");
  }
  if (stat(csv_path.c_str(), &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode))) {
    throw CatalogError(where + ": is a device or socket, not a catalog CSV file");
  }
  std::ifstream in(csv_path, std::ios::binary);
  if (!in) throw CatalogError(where + ": cannot be read");

  Catalog catalog;
  catalog.path_ = csv_path;
  catalog.folder_ = csv_path.parent_path();
  catalog.rows_ = OpenRows(where);
  sqlite3* rows = catalog.rows_.get();
  SqliteStatement same_file(rows, "SELECT first_page, last_page FROM rows WHERE file = ?");
  SqliteStatement insert(rows, "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!same_file.ok() || !insert.ok() || sqlite3_exec(rows, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
    RowsFailed(rows, where);
  }
  XXH3_state_t* digest = XXH3_createState();
  XXH3_128bits_reset(digest);
  csv_parser parser;
  if (!digest || csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    XXH3_freeState(digest);
    throw CatalogError(where + ": out of memory");
  }

  std::map<std::string, size_t> column;
  bool have_header = false;
  int64_t replaced = 0;  // cells holding U+FFFD
  RowCollector collector;
  collector.on_row = [&](std::vector<std::string>& row, int64_t line) {
    if (!have_header) {
      column = ReadHeader(row, where, catalog.warnings_);
      have_header = true;
      return;
    }
    const std::string at = where + ": line " + std::to_string(line);
    auto cell = [&](const char* name) -> std::string {
      auto it = column.find(name);
      if (it == column.end() || it->second >= row.size()) return "";
      return tokenizers::NormalizeText(Trim(row[it->second]));
    };
    if (row.size() == 1 && Trim(row[0]).empty()) return;  // a blank line
    // U+FFFD is what an earlier conversion left of a byte it could not read ("�VBQ 0321"
    // for "ĐVBQ 0321"): the value is kept, and the archivist told where to check it.
    for (const auto& [name, index] : column) {
      if (index >= row.size() || row[index].find("\xEF\xBF\xBD") == std::string::npos) continue;
      if (++replaced <= kShownReplacedCells) {
        catalog.warnings_.push_back(at + ": " + name + " '" + Trim(row[index]) +
                                    "' holds U+FFFD, the mark of a character lost in an earlier conversion; check it "
                                    "against the original");
      }
    }
    CatalogEntry e;
    e.order = static_cast<int64_t>(catalog.size_);
    e.line = line;
    e.file = NormalizeFile(cell("file"));
    if (e.file.empty()) throw CatalogError(at + ": 'file' is empty");
    if (std::string v = cell("page_range"); !v.empty()) {
      e.pages = ParsePageRange(v);
      if (!e.pages) throw CatalogError(at + ": page_range '" + v + "' is not like 3-7");
    }
    e.unit = StorageUnit{cell("unit_code"), cell("unit_title"), cell("fonds"), cell("inventory"), cell("box")};
    if (std::string v = cell("doc_number"); !v.empty()) e.meta.number = v;
    if (std::string v = cell("doc_date"); !v.empty()) {
      e.meta.date = ParsePartialDate(v);
      if (!e.meta.date) {
        throw CatalogError(at + ": doc_date '" + v + "' is not a date (YYYY, YYYY-MM, YYYY-MM-DD)");
      }
    }
    if (std::string v = cell("doc_type"); !v.empty()) {
      auto type = FindDocumentType(v);
      if (!type) throw CatalogError(at + ": doc_type '" + v + "' is not a known document type");
      e.meta.type = type->name;
    }
    if (std::string v = cell("issuer"); !v.empty()) e.meta.issuer = v;
    if (std::string v = cell("title"); !v.empty()) e.meta.title = v;
    if (std::string v = cell("secrecy"); !v.empty()) {
      e.meta.secrecy = ParseSecrecy(v);
      if (!e.meta.secrecy) {
        throw CatalogError(at + ": secrecy '" + v + "' is not thường, mật, tối mật or tuyệt mật");
      }
    }
    if (std::string v = cell("urgency"); !v.empty()) {
      e.meta.urgency = ParseUrgency(v);
      if (!e.meta.urgency) {
        throw CatalogError(at + ": urgency '" + v + "' is not khẩn, thượng khẩn or hỏa tốc");
      }
    }
    same_file.Reset();
    same_file.Bind(1, e.file);
    int rc;
    while ((rc = same_file.Step()) == SQLITE_ROW) {
      if (!e.pages) throw CatalogError(at + ": '" + e.file + "' has several rows but this one has no page_range");
      const std::optional<int64_t> first = same_file.OptInt(0);
      if (!first || (*first <= e.pages->second && e.pages->first <= same_file.Int(1))) {
        throw CatalogError(at + ": pages of '" + e.file + "' overlap an earlier row");
      }
    }
    if (rc != SQLITE_DONE) RowsFailed(rows, where);
    InsertRow(insert, e);
    if (insert.Step() != SQLITE_DONE) RowsFailed(rows, where);
    ++catalog.size_;
  };

  // Line by line: a line is where a byte that is not UTF-8 is reported, and libcsv's state
  // carries a quoted field across lines.
  std::string line;
  bool ok = true;
  bool newline = false;
  int64_t held_from = 1;  // the line a row not ended yet starts on
  try {
    while (ok) {
      const LineRead read = ReadLine(in, line, kMaxCatalogRowBytes, &newline);
      if (read == LineRead::kEnd) break;
      ++collector.line;
      if (read == LineRead::kTooLong) {
        throw CatalogError(where + ": line " + std::to_string(collector.line) + " is longer than the limit of " +
                           std::to_string(kMaxCatalogRowBytes) + " bytes a row; is the file a catalog CSV?");
      }
      if (newline) line += '\n';
      XXH3_128bits_update(digest, line.data(), line.size());
      if (collector.line == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      if (const size_t bad = FirstNonUtf8(line); bad != std::string::npos) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(line[bad])));
        throw CatalogError(where + ": line " + std::to_string(collector.line) + ", byte " + std::to_string(bad + 1) +
                           " (" + byte +
                           "): the file is not UTF-8. A catalog saved by an old office tool is often "
                           "TCVN3 (ABC) or Windows-1258: convert it, e.g. iconv -f WINDOWS-1258 -t UTF-8 "
                           "(for TCVN3: -f TCVN5712-1), and check a few names before indexing");
      }
      ok = csv_parse(&parser, line.data(), line.size(), OnField, OnRowEnd, &collector) == line.size();
      // What a row not ended yet holds: its cells so far and the one libcsv is reading.
      size_t held = parser.entry_pos;
      for (const std::string& cell : collector.current) held += cell.size();
      if (held == 0) {
        held_from = collector.line + 1;
      } else if (held > kMaxCatalogRowBytes) {
        throw CatalogError(where + ": line " + std::to_string(held_from) + ": the row that starts here runs over " +
                           std::to_string(kMaxCatalogRowBytes) + " bytes (a quote left open?)");
      }
    }
    ok = ok && csv_fini(&parser, OnField, OnRowEnd, &collector) == 0;
  } catch (...) {
    csv_free(&parser);
    XXH3_freeState(digest);
    throw;
  }
  const std::string csv_error_text = csv_strerror(csv_error(&parser));
  csv_free(&parser);
  const XXH128_hash_t h = XXH3_128bits_digest(digest);
  XXH3_freeState(digest);
  char hex[40];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  catalog.digest_ = hex;
  if (!ok) {
    throw CatalogError(where + ": not valid CSV at line " + std::to_string(collector.line) + " (" + csv_error_text +
                       ")");
  }
  if (!have_header) throw CatalogError(where + ": empty, a header row is required");
  if (replaced > kShownReplacedCells) {
    catalog.warnings_.push_back(where + ": " + std::to_string(replaced - kShownReplacedCells) +
                                " more cells hold U+FFFD");
  }
  if (sqlite3_exec(rows, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) RowsFailed(rows, where);
  return catalog;
}

void Catalog::ForEachFile(const std::function<void(const std::string& file, int64_t first_line)>& visit) const {
  // The index holds (file, ord): files come in byte order, each one's first row first.
  SqliteStatement files(rows_.get(), "SELECT file, line FROM rows ORDER BY file, ord");
  if (!files.ok()) RowsFailed(rows_.get(), path_.string());
  std::string previous;
  bool first = true;
  int rc;
  while ((rc = files.Step()) == SQLITE_ROW) {
    std::string file = files.Text(0);
    if (!first && file == previous) continue;
    first = false;
    visit(file, files.Int(1));
    previous = std::move(file);
  }
  if (rc != SQLITE_DONE) RowsFailed(rows_.get(), path_.string());
}

std::vector<CatalogEntry> Catalog::EntriesFor(const std::string& file) const {
  SqliteStatement select(rows_.get(), "SELECT * FROM rows WHERE file = ? ORDER BY ord");
  if (!select.ok()) RowsFailed(rows_.get(), path_.string());
  select.Bind(1, file);
  std::vector<CatalogEntry> entries;
  int rc;
  while ((rc = select.Step()) == SQLITE_ROW) entries.push_back(ReadRow(select));
  if (rc != SQLITE_DONE) RowsFailed(rows_.get(), path_.string());
  return entries;
}

void ApplyCatalogEntry(const CatalogEntry& entry, ArchiveDocument& doc) {
  auto set = [](std::string& field, const std::string& value) {
    if (!value.empty()) field = value;
  };
  set(doc.unit.code, entry.unit.code);
  set(doc.unit.title, entry.unit.title);
  set(doc.unit.fonds, entry.unit.fonds);
  set(doc.unit.inventory, entry.unit.inventory);
  set(doc.unit.box, entry.unit.box);
  const DocumentMetadata& m = entry.meta;
  // What the archivist typed is the document's number and date: read, whatever OCR made of them.
  if (m.number) {
    doc.meta.number = m.number;
    doc.meta.number_confidence = FieldConfidence::kRead;
  }
  if (m.date) {
    doc.meta.date = m.date;
    doc.meta.date_confidence = FieldConfidence::kRead;
    doc.meta.date_checked_by.clear();
  }
  if (m.type) doc.meta.type = m.type;
  if (m.issuer) doc.meta.issuer = m.issuer;
  if (m.title) doc.meta.title = m.title;
  if (m.secrecy) doc.meta.secrecy = m.secrecy;
  if (m.urgency) doc.meta.urgency = m.urgency;
  doc.catalog_order = entry.order;
}

}  // namespace luutru::catalog
