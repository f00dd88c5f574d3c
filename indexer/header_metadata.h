// Reads a document's metadata from the header zone of its first page.
//
// Vietnamese office documents put their metadata in fixed places (Decree 30/2020 appendix I for
// state bodies, Guidance 36-HD/VPTW for the Party): issuing body top left, national or Party motto
// top right, "Số: 15/QĐ-UBND" or "Số 45-TB/TU" under the issuer, "Thái Bình, ngày 12 tháng 3 năm
// 2023" under the motto, then the type in capitals and the summary (or "V/v ..." for a công văn),
// and secrecy or urgency stamps. The extractor tolerates OCR noise and returns an empty field for
// what it cannot read: a number or a day written by hand is unknown, never guessed.
#ifndef LUUTRU_INDEXER_HEADER_METADATA_H_
#define LUUTRU_INDEXER_HEADER_METADATA_H_

#include <string_view>

#include "catalog/model.h"

namespace luutru::indexer {

// `page_text` is the text of page 1, normalized (tokenizers::NormalizeText), lines separated by
// '\n', from a text layer or from OCR. Left and right header blocks may come one after the other
// or side by side on the same lines.
catalog::DocumentMetadata ExtractHeaderMetadata(std::string_view page_text);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_HEADER_METADATA_H_
