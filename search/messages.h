// Human text of luutru-search in Vietnamese (the default) and English.
//
// English is chosen by `--lang en` or a LANG that starts with "en"; JSON field names are English
// whatever the language.
#ifndef LUUTRU_SEARCH_MESSAGES_H_
#define LUUTRU_SEARCH_MESSAGES_H_

#include <string>
#include <string_view>

#include "cli/language.h"
#include "search/query_parser.h"
#include "search/search_error.h"

namespace luutru::search {

using cli::Lang;

// The language from --lang (if given, "vi" or "en") or else from the LANG value (may be null).
Lang ChooseLang(std::string_view option, const char* lang_env);

// Picks the text for `lang`.
inline std::string_view Tr(Lang lang, std::string_view vi, std::string_view en) { return lang == Lang::kEn ? en : vi; }

// One paragraph explaining the error, naming what was wrong.
std::string DescribeError(Lang lang, const SearchError& error);
std::string DescribeError(Lang lang, const QuerySyntaxError& error, std::string_view query);
// Which part of a document number did not parse ("thiếu phần ký hiệu").
std::string DescribeNumberProblem(Lang lang, const tokenizers::NotationProblem& problem);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_MESSAGES_H_
