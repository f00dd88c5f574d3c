// The index schema: how an ArchiveDocument becomes a Xapian document and back.
//
// The indexer writes with BuildIndexDocument() and the search reads with ReadStoredDocument() and
// builds its queries from the prefixes and slots below, so the two cannot disagree. Text is
// analyzed by tokenizers::Tokenize() on both sides.
#ifndef LUUTRU_CATALOG_SCHEMA_H_
#define LUUTRU_CATALOG_SCHEMA_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "catalog/model.h"
#include "catalog/record_codec.h"

namespace luutru::catalog::schema {

// Xapian refuses terms over 245 bytes; a term longer than this is not indexed, and a query term
// longer than this cannot match.
inline constexpr size_t kMaxTermBytes = 240;

// `prefix` then `value`: every prefixed term of the schema, on both sides.
std::string PrefixedTerm(std::string_view prefix, std::string_view value);

// Free text, positional (phrases work on both). Exact words carry no prefix.
inline constexpr std::string_view kFolded = "XF";        // folded words: "dang"
inline constexpr std::string_view kTitle = "S";          // exact words of the title (trích yếu)
inline constexpr std::string_view kTitleFolded = "XFS";  // folded words of the title
inline constexpr std::string_view kIssuer = "XCQ";       // folded words of the issuer (coquan:)
// Two folded words standing one after the other in the text, "XWdang uy": a phrase or a run of
// typed words is found among the documents holding its pairs, instead of checking the positions
// of common syllables in every document that holds them all (most documents, in Vietnamese).
inline constexpr std::string_view kWordPair = "XW";  // not "XP": XPHONG terms start with it
// Dates found in the text, "D2023-03-12", and notations cited in the text, "XN45-tb/tu".
inline constexpr std::string_view kTextDate = "D";
inline constexpr std::string_view kTextNotation = "XN";

// Boolean filter terms.
inline constexpr std::string_view kId = "Q";           // ArchiveDocument::Id()
inline constexpr std::string_view kFile = "XFILE";     // relative file: all documents of a PDF
inline constexpr std::string_view kUnit = "XU";        // UnitKey(unit.code)
inline constexpr std::string_view kFonds = "XPHONG";   // UnitKey(fonds)
inline constexpr std::string_view kInventory = "XML";  // UnitKey(inventory)
inline constexpr std::string_view kBox = "XHOP";       // UnitKey(box)
inline constexpr std::string_view kType = "XLOAI";     // TypeKey(type name): "thongbao"
inline constexpr std::string_view kYear = "XNAM";      // "2023"
inline constexpr std::string_view kNumber = "XKH";     // NotationKey of the document's number
// A number whose digits are doubtful or unread, by its printed part first: NumberCandidateTerm.
inline constexpr std::string_view kNumberCandidate = "XKHL";
// A field of the document that is doubtful or unknown, for the review list: "XXEMnumber",
// "XXEMdate", "XXEMtype", "XXEMissuer" (ReviewTerm).
inline constexpr std::string_view kReview = "XXEM";
inline constexpr std::string_view kSecrecy = "XMAT";   // "0".."3", EffectiveSecrecy
inline constexpr std::string_view kUrgency = "XKHAN";  // "1".."3"
inline constexpr std::string_view kSource = "XSRC";    // "text", "legacy", "ocr" per page kind

// Value slots.
inline constexpr Xapian::valueno kSlotDateFirst = 0;  // PartialDate::FirstDay(), "" if unknown
inline constexpr Xapian::valueno kSlotDateLast = 1;   // PartialDate::LastDay(), "" if unknown
inline constexpr Xapian::valueno kSlotUnit = 2;       // UnitKey(unit.code): the collapse key
inline constexpr Xapian::valueno kSlotOrder = 3;      // sorts a unit's documents in catalog order
inline constexpr Xapian::valueno kSlotSecrecy = 4;    // EffectiveSecrecy as "0".."3"
// Whole sort keys in one slot each, since the remote backend cannot sort with a KeyMaker:
// oldest first with undated last, and newest first (undated last when reversed).
inline constexpr Xapian::valueno kSlotSortDate = 5;      // FirstDay or "~", then the order key
inline constexpr Xapian::valueno kSlotSortDateDesc = 6;  // LastDay or "", then the order key
// The OCR word boxes of the pages, kept out of the stored data: a search hit reads its text
// without them (they are most of an OCR page's bytes); the reading room reads them to mark words.
inline constexpr Xapian::valueno kSlotWordBoxes = 7;
// The stored record a hit is presented from (ReadStoredDocument), compressed. In a value since
// Xapian would deflate it as document data, and inflating cost more than reading it.
inline constexpr Xapian::valueno kSlotRecord = 8;

// The complete Xapian document for `doc`: terms, values and stored data.
Xapian::Document BuildIndexDocument(const ArchiveDocument& doc);

// How many leading bytes of page `index` of `doc` its printed page number takes: a first line
// holding only the page's number, counted in the document or in the file ("2", "- 2 -"), on any
// page but the document's first; 0 when there is none. Those bytes are not indexed: word
// positions run on from one page to the next, so a run of words cut by a page break is found
// whole, and a page's words are counted from the end of its page number (search snippets).
size_t PrintedPageNumberBytes(const ArchiveDocument& doc, size_t index);

// The kWordPair term of two folded words.
std::string WordPairTerm(std::string_view first, std::string_view second);

// The kNumberCandidate term of a number whose digits are not sure: the printed part's key, '#',
// then the digits as read ("XKHL/bc-ubnd#23"), or none when unread ("XKHL/bc-ubnd#", from
// "?/BC-UBND"). The prefix "XKHL/bc-ubnd#" lists every candidate of one printed notation.
// nullopt for a number without a printed part.
std::optional<std::string> NumberCandidateTerm(std::string_view number);
// The term prefix of the candidates of the notation key `key` ("23/bc-ubnd" -> "XKHL/bc-ubnd#").
std::string NumberCandidatePrefix(std::string_view key);
std::string ReviewTerm(std::string_view field);

// The unique term of a document (kId + Id()), for replace_document().
std::string IdTerm(const ArchiveDocument& doc);
std::string IdTerm(std::string_view id);
std::string FileTerm(std::string_view file);

// Reads back the record BuildIndexDocument stored, of any version (record_codec.h). Throws
// std::runtime_error on data it did not write. With `word_boxes` false the pages come without
// their OCR word boxes, which are then not read.
StoredDocument ReadStoredDocument(const Xapian::Document& xdoc, bool word_boxes = true);

// The page (1-based, counted from the start of the file) that holds term position `pos`.
int PageOfPosition(const StoredDocument& stored, uint32_t pos);

// A boolean query that keeps only documents a reader with `clearance` may see: unknown secrecy
// counts as mật. Every search path applies it.
Xapian::Query ClearanceFilter(Secrecy clearance);

}  // namespace luutru::catalog::schema

#endif  // LUUTRU_CATALOG_SCHEMA_H_
