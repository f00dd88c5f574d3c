// The stored record: what a search hit is presented from without reading the PDF (the document's
// fields, its pages' texts, where each page starts among the term positions), and its versions.
// The indexer writes version 4; every older version still reads, so an index written by an
// older indexer answers without being rebuilt.
//
// Byte layout. Numbers are little-endian. u32: 4 bytes. i64: 8 bytes, the low u32 then the high.
// block: a u32 length, then that many bytes. opt-block: u32 0 (absent), or u32 1 then a block.
// opt-i64: u32 0 (absent), or u32 1 then an i64. box: block text, then x0 y0 x1 y1, each a u32
// holding the bits of a float. boxes: u32 count, then that many boxes.
//
// The record (version 2; versions 3 and 4 hold it compressed):
//   "\x01luutru2"                     8 bytes
//   block file, block path            ArchiveDocument::file, ::path
//   i64 first_page, i64 last_page
//   block ×5                          unit code, title, fonds, inventory, box
//   metadata ×2                       the fields in use (meta), then those read from the text
//                                     (extracted), each: opt-block number, opt-block date
//                                     (PartialDate::ToString), opt-block type, opt-block issuer,
//                                     opt-block title, opt-i64 secrecy, opt-i64 urgency
//   i64 catalog_order
//   u32 n, then n × u32               the first term position of each page
//   u32 pages, then per page:         block source (TextSourceName), i64 the bits of the double
//                                     ocr_confidence, block text, boxes (none since version 4:
//                                     they are in their own value slot)
//   [block field tail]                in records written since fields carry a confidence: JSON
//                                     {"meta": {...}, "extracted": {...}, "digits": [per page
//                                     null or HeaderDigitsToJson]}, each metadata's
//                                     "number_confidence", "date_confidence", "date_checked_by"
//   nothing after
//
// Where each version lives:
//   4  value slot kSlotRecord: "\x02luutru4", u32 the record's size, then the record as one LZ4
//      block (written today; Xapian deflates document data but never values, and LZ4 decodes
//      without building tables)
//   3  document data: the record in one Zstandard frame (starts 28 B5 2F FD)
//   2  document data: the record as it is
//   1  document data: one JSON object {"v": 1, "file", "path", "first_page", "last_page", "unit",
//      "meta", "extracted", "order", "pages": [{"text", "source", "confidence", "words"}], "starts"}
// Word boxes (versions 2 to 4), value slot kSlotWordBoxes: u32 the number of pages, then each
// page's boxes; no value when no page has any. Version 1 keeps them in its pages.
#ifndef LUUTRU_CATALOG_RECORD_CODEC_H_
#define LUUTRU_CATALOG_RECORD_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.h"

namespace luutru::catalog::schema {

// Stored with the document so search can present it without reading the PDF.
struct StoredDocument {
  ArchiveDocument doc;
  // page_start_positions[i] is the first term position of doc.pages[i]: maps a matched position
  // to the page it is on.
  std::vector<uint32_t> page_start_positions;
};

// The kSlotRecord value of `doc` (version 4), its pages starting at `page_starts`. The word
// boxes are not in it (EncodeWordBoxes).
std::string EncodeRecord(const ArchiveDocument& doc, const std::vector<uint32_t>& page_starts);
// The kSlotWordBoxes value of `doc`; empty when no page has word boxes.
std::string EncodeWordBoxes(const ArchiveDocument& doc);

// Reads a record of any version: `record` is the kSlotRecord value (version 4) or empty, then
// `data` is the document data (versions 3 to 1). `word_boxes`, the kSlotWordBoxes value or empty,
// fills the pages' boxes of versions 2 to 4. Throws std::runtime_error on bytes it did not write.
StoredDocument DecodeRecord(std::string_view record, std::string_view data, std::string_view word_boxes);

}  // namespace luutru::catalog::schema

#endif  // LUUTRU_CATALOG_RECORD_CODEC_H_
