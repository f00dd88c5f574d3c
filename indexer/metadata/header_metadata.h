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

// Fields come from the header zone only (the lines before the type heading), so a body citing
// "Chỉ thị số 07/CT-TTg ngày 12/3/2020" and an e-signature stamp's "Thời gian ký" never give the
// number or date. The issuer is written in normal capitalization ("Ủy ban nhân dân tỉnh Quảng
// Ngãi"); under a Party committee, its Ban Thường vụ or Ban Chấp hành issues as the committee
// ("Tỉnh ủy Thái Bình"), another department with it ("Ban Tuyên giáo Tỉnh ủy Quảng Ninh"). The
// type is the heading's ("THÔNG BÁO KẾT LUẬN" is a Thông báo), else "Công văn" for a "V/v" line,
// else the notation's abbreviation (a state notation without one is a công văn). Secrecy is
// kNormal when a header was read and bears no stamp, empty when nothing readable was found.
//
// `page_text` is the text of page 1, normalized (tokenizers::NormalizeText), lines separated by
// '\n', from a text layer or from OCR. Left and right header blocks may come one after the other
// or side by side on the same lines.
catalog::DocumentMetadata ExtractHeaderMetadata(std::string_view page_text);
// The same, also giving the printed notation after the number ("/QĐ-UBND") when a "Số" line
// was read, whether or not its digits were ("" otherwise).
catalog::DocumentMetadata ExtractHeaderMetadata(std::string_view page_text, std::string* notation_rest);

// The same from a page as the indexer holds it: on an OCR'd page, where the words lie also sets a
// stamp beside the summary apart from the summary (CenteredSummary), and the number and date are
// settled with the digits read from the header form and given a confidence
// (SettleNumberAndDate).
catalog::DocumentMetadata ExtractHeaderMetadata(const catalog::Page& page);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_HEADER_METADATA_H_
