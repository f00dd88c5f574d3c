// The summary (trích yếu) of an OCR'd first page, read from where its words lie.
//
// A received document bears the incoming stamp ("CÔNG VĂN ĐẾN", "Số:", "Ngày:", "Chuyển:") or a
// registry's mark, often beside the summary. OCR reads the stamp and the summary as one line, and
// the text alone cannot tell one from the other. Under a type heading the summary is centred on
// the heading (Decree 30/2020, appendix I), and a stamp beside it is not: that sets them apart.
#ifndef LUUTRU_INDEXER_CENTERED_SUMMARY_H_
#define LUUTRU_INDEXER_CENTERED_SUMMARY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.h"

namespace luutru::indexer {

// `words` are the OCR words of the page in reading order, `type_name` the document's type
// ("Chỉ thị") and `text_summary` the summary ExtractHeaderMetadata read from the page's text,
// which knows where the body begins. Below the first line that holds the type's name and nothing
// else, each line's longest run of words centred on that heading is the summary's part of the
// line; the summary ends at a line with no such run or with a run the text's summary does not
// hold. Returns those runs, joined, when they leave out words beside them; nullopt when there is
// no such heading, no run under it, or nothing left out (the text's summary then stands: a line
// that is not centred because OCR lost a word must not cut a clean summary short).
std::optional<std::string> CenteredSummary(const std::vector<catalog::WordBox>& words, std::string_view type_name,
                                           std::string_view text_summary);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_CENTERED_SUMMARY_H_
