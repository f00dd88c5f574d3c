// ParseJsonlDocument.
#include "indexer/jsonl_input.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "catalog/catalog_csv.h"
#include "indexer/assemble.h"
#include "indexer/extract.h"
#include "indexer/header_metadata.h"
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

}  // namespace

catalog::ArchiveDocument ParseJsonlDocument(std::string_view line) {
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
  doc.path = doc.file;
  auto pages = j.find("pages");
  if (pages == j.end() || !pages->is_array()) throw std::runtime_error("\"pages\" is not a list");
  for (const auto& p : *pages) {
    if (!p.is_string()) throw std::runtime_error("a page is not a string");
    doc.pages.push_back(AnalyzeTextLayer(p.get<std::string>(), false));
  }
  if (doc.pages.empty()) {
    catalog::Page empty;
    empty.source = catalog::TextSource::kNone;
    doc.pages.push_back(std::move(empty));
  }

  doc.first_page = 1;
  if (auto pr = j.find("page_range"); pr != j.end() && !pr->is_null()) {
    if (pr->is_array() && pr->size() == 2 && (*pr)[0].is_number_integer()) {
      doc.first_page = (*pr)[0].get<int>();
    } else if (pr->is_string()) {
      doc.first_page = std::atoi(pr->get<std::string>().c_str());
    } else {
      throw std::runtime_error("\"page_range\" is neither \"A-B\" nor [A, B]");
    }
    if (doc.first_page < 1) throw std::runtime_error("\"page_range\" does not start at a page");
  }
  doc.last_page = doc.first_page + static_cast<int>(doc.pages.size()) - 1;

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
