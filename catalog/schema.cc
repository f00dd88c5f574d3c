// The index schema: terms and values of a document; its stored record is in record_codec.cc.
#include "catalog/schema.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "catalog/record_codec.h"
#include "tokenizers/normalize.h"
#include "tokenizers/notation.h"
#include "tokenizers/tokenizer.h"

namespace luutru::catalog::schema {
namespace {

using tokenizers::TokenKind;

// Title words weigh more than body words: a request usually names the subject.
constexpr Xapian::termcount kTitleWdf = 5;

// A longer boolean value cannot be a useful filter.
void AddBoolean(Xapian::Document& xdoc, std::string_view prefix, std::string_view value) {
  if (value.empty() || prefix.size() + value.size() > kMaxTermBytes) return;
  xdoc.add_boolean_term(PrefixedTerm(prefix, value));
}

void AddTerm(Xapian::Document& xdoc, const std::string& term, Xapian::termcount wdf = 1) {
  if (term.size() > kMaxTermBytes) return;
  xdoc.add_term(term, wdf);
}

void AddPosting(Xapian::Document& xdoc, const std::string& term, Xapian::termpos pos) {
  if (term.size() > kMaxTermBytes) return;
  xdoc.add_posting(term, pos);
}

// Field words (title, issuer) as non-positional terms.
void AddFieldWords(Xapian::Document& xdoc, std::string_view text, std::string_view exact_prefix,
                   std::string_view folded_prefix, Xapian::termcount wdf) {
  for (const auto& t : tokenizers::Tokenize(text)) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
    if (!exact_prefix.empty()) AddTerm(xdoc, PrefixedTerm(exact_prefix, t.exact), wdf);
    AddTerm(xdoc, PrefixedTerm(folded_prefix, t.folded), wdf);
  }
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

std::string PrefixedTerm(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + value.size());
  term += prefix;
  term += value;
  return term;
}

std::string IdTerm(std::string_view id) { return PrefixedTerm(kId, id); }
std::string IdTerm(const ArchiveDocument& doc) { return IdTerm(doc.Id()); }
std::string FileTerm(std::string_view file) { return PrefixedTerm(kFile, file); }
std::string WordPairTerm(std::string_view first, std::string_view second) {
  std::string term = PrefixedTerm(kWordPair, first);
  term += ' ';
  term += second;
  return term;
}

std::string NumberCandidatePrefix(std::string_view key) {
  const size_t digits = key.find_first_not_of("0123456789");
  std::string term = PrefixedTerm(kNumberCandidate, key.substr(digits == std::string_view::npos ? key.size() : digits));
  term += '#';
  return term;
}

std::optional<std::string> NumberCandidateTerm(std::string_view number) {
  // "?/BC-UBND": a number stands in for the unread digits so that the printed part parses.
  const bool unread = number.starts_with("?");
  const auto key = tokenizers::NotationKey(unread ? "1" + std::string(number.substr(1)) : std::string(number));
  if (!key) return std::nullopt;
  const size_t digits = key->find_first_not_of("0123456789");
  if (digits == 0 || digits == std::string::npos) return std::nullopt;
  return NumberCandidatePrefix(*key) + (unread ? std::string() : key->substr(0, digits));
}

std::string ReviewTerm(std::string_view field) { return PrefixedTerm(kReview, field); }

size_t PrintedPageNumberBytes(const ArchiveDocument& doc, size_t index) {
  if (index == 0 || index >= doc.pages.size()) return 0;
  const std::string_view text = doc.pages[index].text;
  const size_t line_end = std::min(text.find('\n'), text.size());
  const std::string_view line = text.substr(0, line_end);
  // "2", " - 2 - ": digits, with spaces and dashes around them only.
  const size_t digits = line.find_first_of("0123456789");
  if (digits == std::string_view::npos) return 0;
  const size_t digits_end = std::min(line.find_first_not_of("0123456789", digits), line.size());
  auto only_dashes = [](std::string_view part) { return part.find_first_not_of(" \t-") == std::string_view::npos; };
  if (!only_dashes(line.substr(0, digits)) || !only_dashes(line.substr(digits_end))) return 0;
  const std::string_view number = line.substr(digits, digits_end - digits);
  const std::string in_document = std::to_string(index + 1);
  const std::string in_file = std::to_string(static_cast<size_t>(doc.first_page) + index);
  if (number != in_document && number != in_file) return 0;
  return std::min(line_end + 1, text.size());
}

Xapian::Document BuildIndexDocument(const ArchiveDocument& doc) {
  Xapian::Document xdoc;
  std::vector<uint32_t> starts;
  Xapian::termpos base = 0;  // the last position of the pages before
  std::string previous;      // the folded word at position previous_pos
  Xapian::termpos previous_pos = 0;
  for (size_t index = 0; index < doc.pages.size(); ++index) {
    const Page& page = doc.pages[index];
    starts.push_back(base + 1);
    Xapian::termpos last = base;
    const std::string_view text = std::string_view(page.text).substr(PrintedPageNumberBytes(doc, index));
    for (const auto& t : tokenizers::Tokenize(text)) {
      const Xapian::termpos pos = base + t.position;
      last = std::max(last, pos);
      switch (t.kind) {
        case TokenKind::kWord:
        case TokenKind::kNumber:
          AddPosting(xdoc, t.exact, pos);
          AddPosting(xdoc, PrefixedTerm(kFolded, t.folded), pos);
          if (!previous.empty() && pos == previous_pos + 1) AddTerm(xdoc, WordPairTerm(previous, t.folded));
          previous = t.folded;
          previous_pos = pos;
          break;
        case TokenKind::kNotation: AddTerm(xdoc, PrefixedTerm(kTextNotation, t.folded)); break;
        case TokenKind::kDate: AddTerm(xdoc, PrefixedTerm(kTextDate, t.exact)); break;
      }
    }
    // No gap between pages: a run of words goes on across a page break (and its pair term with
    // it), as a reader reads it. Documents are apart, each a Xapian document of its own.
    base = last;
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
  const bool number_sure = !m.number_confidence || *m.number_confidence == FieldConfidence::kRead;
  if (m.number) {
    if (!m.number->starts_with("?")) {
      if (auto key = tokenizers::NotationKey(*m.number)) AddBoolean(xdoc, kNumber, *key);
    }
    if (!number_sure) {
      if (auto term = NumberCandidateTerm(*m.number); term && term->size() <= kMaxTermBytes)
        xdoc.add_boolean_term(*term);
    }
  }
  // What an archivist should look at: fields read with doubt, or not read at all.
  if (!m.number || !number_sure) xdoc.add_boolean_term(ReviewTerm("number"));
  if (!m.date || (m.date_confidence && *m.date_confidence != FieldConfidence::kRead)) {
    xdoc.add_boolean_term(ReviewTerm("date"));
  }
  if (!m.type) xdoc.add_boolean_term(ReviewTerm("type"));
  if (!m.issuer) xdoc.add_boolean_term(ReviewTerm("issuer"));
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

  xdoc.add_value(kSlotRecord, EncodeRecord(doc, starts));
  if (std::string boxes = EncodeWordBoxes(doc); !boxes.empty()) xdoc.add_value(kSlotWordBoxes, boxes);
  return xdoc;
}

StoredDocument ReadStoredDocument(const Xapian::Document& xdoc, bool word_boxes) {
  const std::string record = xdoc.get_value(kSlotRecord);
  return DecodeRecord(record, record.empty() ? xdoc.get_data() : std::string(),
                      word_boxes ? xdoc.get_value(kSlotWordBoxes) : std::string());
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
    allowed.emplace_back(PrefixedTerm(kSecrecy, std::to_string(level)));
  }
  return Xapian::Query(Xapian::Query::OP_OR, allowed.begin(), allowed.end());
}

}  // namespace luutru::catalog::schema
