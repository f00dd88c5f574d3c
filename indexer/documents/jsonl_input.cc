// ParseJsonlDocument.
#include "indexer/documents/jsonl_input.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "catalog/catalog_csv.h"
#include "indexer/documents/assemble.h"
#include "indexer/documents/page_text.h"
#include "indexer/metadata/header_metadata.h"
#include "tokenizers/normalize.h"

namespace luutru::indexer {
namespace {

std::string Field(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return tokenizers::NormalizeText(it->get<std::string>());
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  throw std::runtime_error(std::string("\"") + name + "\" is not a string");
}

// True when `file` names a place inside the archive: relative, and never climbing above its start.
bool InsideArchive(std::string_view file) {
  if (file.empty() || file.front() == '/' || file.front() == '\\') return false;
  int depth = 0;
  size_t start = 0;
  while (start <= file.size()) {
    size_t end = file.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = file.size();
    const std::string_view part = file.substr(start, end - start);
    if (part == "..") {
      if (--depth < 0) return false;
    } else if (!part.empty() && part != ".") {
      ++depth;
    }
    start = end + 1;
  }
  return true;
}

// "7-8", "7" or [7, 8]: the first and last page, or an error naming what is wrong.
std::pair<int, int> PageRange(const nlohmann::json& pr) {
  long long first = 0, last = 0;
  if (pr.is_array() && pr.size() == 2 && pr[0].is_number_integer() && pr[1].is_number_integer()) {
    first = pr[0].get<long long>();
    last = pr[1].get<long long>();
  } else if (pr.is_string()) {
    const std::string v = pr.get<std::string>();
    const size_t dash = v.find('-');
    auto number = [&](const std::string& t, long long& out) {
      size_t used = 0;
      try {
        out = std::stoll(t, &used);
      } catch (const std::exception&) {
        return false;
      }
      return used == t.size();
    };
    const bool ok = dash == std::string::npos ? number(v, first) && (last = first, true)
                                              : number(v.substr(0, dash), first) && number(v.substr(dash + 1), last);
    if (!ok) throw std::runtime_error("\"page_range\" \"" + v + "\" is not like \"3-7\"");
  } else {
    throw std::runtime_error("\"page_range\" is neither \"A-B\" nor [A, B]");
  }
  const std::string shown = std::to_string(first) + "-" + std::to_string(last);
  if (first < 1 || first > 1000000000)
    throw std::runtime_error("\"page_range\" " + shown + " does not start at a page");
  if (last < first) throw std::runtime_error("\"page_range\" " + shown + " ends before it starts");
  if (last > 1000000000) throw std::runtime_error("\"page_range\" " + shown + " does not end at a page");
  return {static_cast<int>(first), static_cast<int>(last)};
}

}  // namespace

catalog::ArchiveDocument ParseJsonlDocument(std::string_view line, std::vector<int>* cut_pages) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("not valid JSON: ") + e.what());
  }
  if (!j.is_object()) throw std::runtime_error("not a JSON object");
  catalog::ArchiveDocument doc;
  doc.file = Field(j, "file");
  if (doc.file.empty()) throw std::runtime_error("no \"file\"");
  if (!InsideArchive(doc.file)) {
    throw std::runtime_error("\"file\" " + doc.file +
                             " leaves the archive (a path must be relative and stay inside it)");
  }
  doc.path = doc.file;
  auto pages = j.find("pages");
  if (pages == j.end() || !pages->is_array()) throw std::runtime_error("\"pages\" is not a list");
  for (const auto& p : *pages) {
    if (!p.is_string()) throw std::runtime_error("a page is not a string");
    doc.pages.push_back(AnalyzeTextLayer(p.get<std::string>(), false));
    if (CapPageText(doc.pages.back()) > 0 && cut_pages) cut_pages->push_back(static_cast<int>(doc.pages.size()));
  }
  if (doc.pages.empty()) {
    catalog::Page empty;
    empty.source = catalog::TextSource::kNone;
    doc.pages.push_back(std::move(empty));
  }

  doc.first_page = 1;
  doc.last_page = static_cast<int>(doc.pages.size());
  if (auto pr = j.find("page_range"); pr != j.end() && !pr->is_null()) {
    const auto [first, last] = PageRange(*pr);
    if (static_cast<size_t>(last - first) + 1 != doc.pages.size()) {
      throw std::runtime_error("\"page_range\" " + std::to_string(first) + "-" + std::to_string(last) + " holds " +
                               std::to_string(last - first + 1) + " pages, \"pages\" has " +
                               std::to_string(doc.pages.size()));
    }
    doc.first_page = first;
    doc.last_page = last;
  }

  doc.unit.code = Field(j, "unit_code");
  if (doc.unit.code.empty()) doc.unit = DefaultUnit(doc.file, "");  // as for a PDF without a row
  doc.extracted = ExtractHeaderMetadata(doc.pages.front().text);
  doc.meta = doc.extracted;

  catalog::CatalogEntry entry;
  entry.file = doc.file;
  entry.unit.code = doc.unit.code;
  entry.unit.title = Field(j, "unit_title");
  entry.unit.fonds = Field(j, "fonds");
  entry.unit.inventory = Field(j, "inventory");
  entry.unit.box = Field(j, "box");
  catalog::DocumentMetadata& m = entry.meta;
  if (auto v = Field(j, "doc_number"); !v.empty()) m.number = v;
  if (auto v = Field(j, "doc_date"); !v.empty()) {
    m.date = catalog::ParsePartialDate(v);
    if (!m.date) throw std::runtime_error("\"doc_date\" is not a date: " + v);
  }
  if (auto v = Field(j, "doc_type"); !v.empty()) {
    auto type = catalog::FindDocumentType(v);
    m.type = type ? type->name : v;
  }
  if (auto v = Field(j, "issuer"); !v.empty()) m.issuer = v;
  if (auto v = Field(j, "title"); !v.empty()) m.title = v;
  if (auto v = Field(j, "secrecy"); !v.empty()) {
    m.secrecy = catalog::ParseSecrecy(v);
    if (!m.secrecy) throw std::runtime_error("\"secrecy\" is not a secrecy level: " + v);
  }
  if (auto v = Field(j, "urgency"); !v.empty()) {
    m.urgency = catalog::ParseUrgency(v);
    if (!m.urgency) throw std::runtime_error("\"urgency\" is not an urgency level: " + v);
  }
  catalog::ApplyCatalogEntry(entry, doc);
  doc.catalog_order = -1;  // a JSONL line is not a catalog row
  return doc;
}

}  // namespace luutru::indexer
