// How sure the number and date of a document are, and what the header's handwritten digits add.
//
// A text layer is what the office typed: its number and date are read. On a scan the office
// usually wrote the number and the day by hand into the printed form, where page OCR misreads
// them as clean but wrong digits ("22" for "23"). The digits read where the form leaves room for
// them (header_digits.h) settle those fields: a reading most renderings agree on is read, a
// reading only some give is doubtful, and where none is had only what is printed stays (the
// notation's letters "?/BC-UBND", the month and year). A wrong number is never shown as read.
//
// The e-signature stamp ("Thời gian ký: 05.02.2025 15:35:18") and an incoming stamp ("ĐẾN … Ngày:
// 06/02/2025") check the date, never replace it: a document is issued on or before it is signed
// and received. A date after either is doubtful; a doubtful day equal to a signing a few days
// later at most is confirmed by it. date_checked_by says which was used.
#ifndef LUUTRU_INDEXER_HEADER_CONFIDENCE_H_
#define LUUTRU_INDEXER_HEADER_CONFIDENCE_H_

#include <optional>
#include <string_view>

#include "catalog/model.h"

namespace luutru::indexer {

// Sets meta.number, meta.date and their confidences from what the text of `page` gave (`meta`, as
// ExtractHeaderMetadata read it, and `notation_rest`, the printed notation after the number) and
// the page's header digits.
void SettleNumberAndDate(const catalog::Page& page, std::string_view notation_rest, catalog::DocumentMetadata& meta);

// The signing date of an e-signature stamp on the page ("Thời gian ký: 24/01/2025 14:23:43"),
// and the date of an incoming stamp ("ĐẾN … Ngày: 06/02/2025"); nullopt when there is none.
std::optional<catalog::PartialDate> SigningDate(std::string_view page_text);
std::optional<catalog::PartialDate> IncomingDate(std::string_view page_text);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_HEADER_CONFIDENCE_H_
