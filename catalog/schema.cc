#include "catalog/schema.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "tokenizers/normalize.h"
#include "tokenizers/notation.h"
#include "tokenizers/tokenizer.h"

namespace luutru::catalog::schema {
namespace {

using nlohmann::json;
using tokenizers::TokenKind;

// Title words weigh more than body words: a request usually names the subject.
constexpr Xapian::termcount kTitleWdf = 5;

std::string Cat(std::string_view prefix, std::string_view value) {
  std::string s(prefix);
  s += value;
  return s;
}

void AddBoolean(Xapian::Document& xdoc, std::string_view prefix, std::string_view value) {
  // Xapian terms are limited to 245 bytes; a longer boolean value cannot be a useful filter.
  if (value.empty() || prefix.size() + value.size() > 240) return;
  xdoc.add_boolean_term(Cat(prefix, value));
}

void AddTerm(Xapian::Document& xdoc, const std::string& term, Xapian::termcount wdf = 1) {
  if (term.size() > 240) return;
  xdoc.add_term(term, wdf);
}

void AddPosting(Xapian::Document& xdoc, const std::string& term, Xapian::termpos pos) {
  if (term.size() > 240) return;
  xdoc.add_posting(term, pos);
}

// Field words (title, issuer) as non-positional terms.
void AddFieldWords(Xapian::Document& xdoc, std::string_view text, std::string_view exact_prefix,
                   std::string_view folded_prefix, Xapian::termcount wdf) {
  for (const auto& t : tokenizers::Tokenize(text)) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
    if (!exact_prefix.empty()) AddTerm(xdoc, Cat(exact_prefix, t.exact), wdf);
    AddTerm(xdoc, Cat(folded_prefix, t.folded), wdf);
  }
}

json OptString(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json MetaToJson(const DocumentMetadata& m) {
  return json{
      {"number", OptString(m.number)},
      {"date", m.date ? json(m.date->ToString()) : json(nullptr)},
      {"type", OptString(m.type)},
      {"issuer", OptString(m.issuer)},
      {"title", OptString(m.title)},
      {"secrecy", m.secrecy ? json(static_cast<int>(*m.secrecy)) : json(nullptr)},
      {"urgency", m.urgency ? json(static_cast<int>(*m.urgency)) : json(nullptr)},
  };
}

std::optional<std::string> GetOptString(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

DocumentMetadata MetaFromJson(const json& j) {
  DocumentMetadata m;
  m.number = GetOptString(j, "number");
  if (auto d = GetOptString(j, "date")) m.date = ParsePartialDate(*d);
  m.type = GetOptString(j, "type");
  m.issuer = GetOptString(j, "issuer");
  m.title = GetOptString(j, "title");
  if (auto it = j.find("secrecy"); it != j.end() && !it->is_null()) {
    m.secrecy = static_cast<Secrecy>(it->get<int>());
  }
  if (auto it = j.find("urgency"); it != j.end() && !it->is_null()) {
    m.urgency = static_cast<Urgency>(it->get<int>());
  }
  return m;
}

std::string OrderValue(const ArchiveDocument& doc) {
  char head[32];
  // Catalogued documents first, in row order; the rest by file name and page.
  std::snprintf(head, sizeof head, "%012lld",
                static_cast<long long>(doc.catalog_order < 0 ? 999999999999LL : doc.catalog_order));
  char page[16];
  std::snprintf(page, sizeof page, "%08d", doc.first_page);
  return std::string(head) + '\x1f' + doc.file + '\x1f' + page;
}

}  // namespace

std::string IdTerm(std::string_view id) { return Cat(kId, id); }
std::string IdTerm(const ArchiveDocument& doc) { return IdTerm(doc.Id()); }
std::string FileTerm(std::string_view file) { return Cat(kFile, file); }

Xapian::Document BuildIndexDocument(const ArchiveDocument& doc) {
  Xapian::Document xdoc;
  json pages = json::array();
  json starts = json::array();
  Xapian::termpos base = 0;
  for (const Page& page : doc.pages) {
    starts.push_back(base + 1);
    Xapian::termpos last = base;
    for (const auto& t : tokenizers::Tokenize(page.text)) {
      const Xapian::termpos pos = base + t.position;
      last = std::max(last, pos);
      switch (t.kind) {
        case TokenKind::kWord:
        case TokenKind::kNumber:
          AddPosting(xdoc, t.exact, pos);
          AddPosting(xdoc, Cat(kFolded, t.folded), pos);
          break;
        case TokenKind::kNotation:
          AddTerm(xdoc, Cat(kTextNotation, t.folded));
          break;
        case TokenKind::kDate:
          AddTerm(xdoc, Cat(kTextDate, t.exact));
          break;
      }
    }
    // A gap between pages keeps a phrase from running across a page break.
    base = last + 2;
    json p{{"text", page.text}, {"source", std::string(TextSourceName(page.source))}};
    if (page.ocr_confidence >= 0) p["confidence"] = page.ocr_confidence;
    if (!page.words.empty()) {
      // Compact: [text, x0, y0, x1, y1] per word.
      json words = json::array();
      for (const WordBox& w : page.words) words.push_back(json::array({w.text, w.x0, w.y0, w.x1, w.y1}));
      p["words"] = std::move(words);
    }
    pages.push_back(std::move(p));
    AddBoolean(xdoc, kSource, TextSourceName(page.source));
  }

  const DocumentMetadata& m = doc.meta;
  if (m.title) AddFieldWords(xdoc, *m.title, kTitle, kTitleFolded, kTitleWdf);
  if (m.issuer) AddFieldWords(xdoc, *m.issuer, "", kIssuer, 1);

  AddBoolean(xdoc, kId, doc.Id());
  AddBoolean(xdoc, kFile, doc.file);
  const std::string unit_key = UnitKey(doc.unit.code);
  AddBoolean(xdoc, kUnit, unit_key);
  AddBoolean(xdoc, kFonds, UnitKey(doc.unit.fonds));
  AddBoolean(xdoc, kInventory, UnitKey(doc.unit.inventory));
  AddBoolean(xdoc, kBox, UnitKey(doc.unit.box));
  if (m.type) AddBoolean(xdoc, kType, TypeKey(*m.type));
  if (m.date) AddBoolean(xdoc, kYear, std::to_string(m.date->year));
  if (m.number) {
    if (auto key = tokenizers::NotationKey(*m.number)) AddBoolean(xdoc, kNumber, *key);
  }
  const Secrecy secrecy = EffectiveSecrecy(m.secrecy);
  AddBoolean(xdoc, kSecrecy, std::to_string(static_cast<int>(secrecy)));
  if (m.urgency) AddBoolean(xdoc, kUrgency, std::to_string(static_cast<int>(*m.urgency)));

  if (m.date) {
    xdoc.add_value(kSlotDateFirst, m.date->FirstDay());
    xdoc.add_value(kSlotDateLast, m.date->LastDay());
  }
  xdoc.add_value(kSlotUnit, unit_key);
  const std::string order = OrderValue(doc);
  xdoc.add_value(kSlotOrder, order);
  xdoc.add_value(kSlotSortDate, (m.date ? m.date->FirstDay() : std::string("~")) + '\x1e' + order);
  xdoc.add_value(kSlotSortDateDesc, (m.date ? m.date->LastDay() : std::string()) + '\x1e' + order);
  xdoc.add_value(kSlotSecrecy, std::to_string(static_cast<int>(secrecy)));

  json data{
      {"v", 1},
      {"file", doc.file},
      {"path", doc.path},
      {"first_page", doc.first_page},
      {"last_page", doc.last_page},
      {"unit",
       {{"code", doc.unit.code},
        {"title", doc.unit.title},
        {"fonds", doc.unit.fonds},
        {"inventory", doc.unit.inventory},
        {"box", doc.unit.box}}},
      {"meta", MetaToJson(doc.meta)},
      {"extracted", MetaToJson(doc.extracted)},
      {"order", doc.catalog_order},
      {"pages", std::move(pages)},
      {"starts", std::move(starts)},
  };
  xdoc.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
  return xdoc;
}

StoredDocument ReadStoredDocument(const Xapian::Document& xdoc) {
  StoredDocument out;
  try {
    const json data = json::parse(xdoc.get_data());
    if (data.value("v", 0) != 1) throw std::runtime_error("unknown stored-data version");
    ArchiveDocument& doc = out.doc;
    doc.file = data.at("file").get<std::string>();
    doc.path = data.at("path").get<std::string>();
    doc.first_page = data.at("first_page").get<int>();
    doc.last_page = data.at("last_page").get<int>();
    const json& u = data.at("unit");
    doc.unit = StorageUnit{u.at("code").get<std::string>(), u.at("title").get<std::string>(),
                           u.at("fonds").get<std::string>(), u.at("inventory").get<std::string>(),
                           u.at("box").get<std::string>()};
    doc.meta = MetaFromJson(data.at("meta"));
    doc.extracted = MetaFromJson(data.at("extracted"));
    doc.catalog_order = data.at("order").get<int64_t>();
    for (const json& p : data.at("pages")) {
      Page page;
      page.text = p.at("text").get<std::string>();
      page.source = ParseTextSource(p.at("source").get<std::string>()).value_or(TextSource::kNone);
      page.ocr_confidence = p.value("confidence", -1.0);
      if (auto w = p.find("words"); w != p.end()) {
        for (const json& box : *w) {
          page.words.push_back(WordBox{box.at(0).get<std::string>(), box.at(1).get<float>(),
                                       box.at(2).get<float>(), box.at(3).get<float>(),
                                       box.at(4).get<float>()});
        }
      }
      doc.pages.push_back(std::move(page));
    }
    out.page_start_positions = data.at("starts").get<std::vector<uint32_t>>();
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("stored document data is not luutru's: ") + e.what());
  }
  return out;
}

int PageOfPosition(const StoredDocument& stored, uint32_t pos) {
  const auto& starts = stored.page_start_positions;
  auto it = std::upper_bound(starts.begin(), starts.end(), pos);
  const int index = it == starts.begin() ? 0 : static_cast<int>(it - starts.begin()) - 1;
  return stored.doc.first_page + index;
}

Xapian::Query ClearanceFilter(Secrecy clearance) {
  std::vector<Xapian::Query> allowed;
  for (int level = 0; level <= static_cast<int>(clearance); ++level) {
    allowed.emplace_back(Cat(kSecrecy, std::to_string(level)));
  }
  return Xapian::Query(Xapian::Query::OP_OR, allowed.begin(), allowed.end());
}

}  // namespace luutru::catalog::schema
