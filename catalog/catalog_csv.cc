#include "catalog/catalog_csv.h"

#include <csv.h>
#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "tokenizers/normalize.h"

namespace luutru::catalog {
namespace {

std::string Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Rows as libcsv hands them over, field by field.
struct RowCollector {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> current;
};

void OnField(void* data, size_t len, void* collector) {
  auto* c = static_cast<RowCollector*>(collector);
  c->current.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
}

void OnRowEnd(int, void* collector) {
  auto* c = static_cast<RowCollector*>(collector);
  c->rows.push_back(std::move(c->current));
  c->current.clear();
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

std::string HexDigest(const std::string& bytes) {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

}  // namespace

Catalog Catalog::Load(const std::filesystem::path& csv_path) {
  const std::string where = csv_path.string();
  std::ifstream in(csv_path, std::ios::binary);
  if (!in) throw CatalogError(where + ": cannot be read");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string bytes = buffer.str();

  Catalog catalog;
  catalog.folder_ = csv_path.parent_path();
  catalog.digest_ = HexDigest(bytes);
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);

  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    throw CatalogError(where + ": out of memory");
  }
  RowCollector collector;
  const size_t parsed = csv_parse(&parser, bytes.data(), bytes.size(), OnField, OnRowEnd, &collector);
  const bool ok = parsed == bytes.size() && csv_fini(&parser, OnField, OnRowEnd, &collector) == 0;
  const std::string csv_error_text = csv_strerror(csv_error(&parser));
  csv_free(&parser);
  if (!ok) {
    throw CatalogError(where + ": not valid CSV after row " + std::to_string(collector.rows.size()) +
                       " (" + csv_error_text + ")");
  }
  if (collector.rows.empty()) throw CatalogError(where + ": empty, a header row is required");

  // Header: column names in any order, compared in lower case.
  std::map<std::string, size_t> column;
  const auto& header = collector.rows.front();
  for (size_t i = 0; i < header.size(); ++i) column[tokenizers::ExactForm(Trim(header[i]))] = i;
  if (!column.count("file")) throw CatalogError(where + ": the header has no 'file' column");

  for (size_t r = 1; r < collector.rows.size(); ++r) {
    const auto& row = collector.rows[r];
    const std::string at = where + ": row " + std::to_string(r + 1);
    auto cell = [&](const char* name) -> std::string {
      auto it = column.find(name);
      if (it == column.end() || it->second >= row.size()) return "";
      return tokenizers::NormalizeText(Trim(row[it->second]));
    };
    if (row.size() == 1 && Trim(row[0]).empty()) continue;  // a blank line
    CatalogEntry e;
    e.order = static_cast<int64_t>(catalog.size_);
    e.file = NormalizeFile(cell("file"));
    if (e.file.empty()) throw CatalogError(at + ": 'file' is empty");
    if (std::string v = cell("page_range"); !v.empty()) {
      e.pages = ParsePageRange(v);
      if (!e.pages) throw CatalogError(at + ": page_range '" + v + "' is not like 3-7");
    }
    e.unit = StorageUnit{cell("unit_code"), cell("unit_title"), cell("fonds"), cell("inventory"),
                         cell("box")};
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
    auto& entries = catalog.by_file_[e.file];
    if (e.pages) {
      for (const auto& other : entries) {
        if (!other.pages || (other.pages->first <= e.pages->second && e.pages->first <= other.pages->second)) {
          throw CatalogError(at + ": pages of '" + e.file + "' overlap an earlier row");
        }
      }
    } else if (!entries.empty()) {
      throw CatalogError(at + ": '" + e.file + "' has several rows but this one has no page_range");
    }
    entries.push_back(std::move(e));
    ++catalog.size_;
  }
  return catalog;
}

const std::vector<CatalogEntry>& Catalog::EntriesFor(const std::string& file) const {
  static const std::vector<CatalogEntry> kNone;
  auto it = by_file_.find(file);
  return it == by_file_.end() ? kNone : it->second;
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
