#include "search/messages.h"

#include <algorithm>

#include "catalog/model.h"

namespace luutru::search {

Lang ChooseLang(std::string_view option, const char* lang_env) {
  if (!option.empty()) return option.starts_with("en") ? Lang::kEn : Lang::kVi;
  if (lang_env && std::string_view(lang_env).starts_with("en")) return Lang::kEn;
  return Lang::kVi;
}

std::string DescribeNumberProblem(Lang lang, const tokenizers::NotationProblem& problem) {
  using Part = tokenizers::NotationProblem::Part;
  const std::string quoted = "'" + problem.text + "'";
  const bool missing = problem.text.empty();
  switch (problem.part) {
    case Part::kNumber:
      return missing ? std::string(Tr(lang, "thiếu số ở đầu", "no number at the start"))
                     : std::string(Tr(lang, "phần số ", "the number ")) + quoted +
                           std::string(
                               Tr(lang, " không phải 1 đến 5 chữ số đứng đầu", " is not 1 to 5 digits at the start"));
    case Part::kSeparator:
      return missing ? std::string(Tr(lang, "sau số thiếu '/' hoặc '-' và ký hiệu",
                                      "the number is not followed by '/' or '-' and a symbol"))
                     : std::string(Tr(lang, "sau số cần '/' hoặc '-', không phải ",
                                      "the number must be followed by '/' or '-', not ")) +
                           quoted;
    case Part::kYear:
      return quoted + std::string(Tr(lang, " sau '/' không phải năm (4 chữ số) có '/' theo sau",
                                     " after '/' is not a year (four digits) followed by '/'"));
    case Part::kSymbol:
      return missing ? std::string(Tr(lang, "thiếu phần ký hiệu", "the symbol is missing"))
                     : std::string(Tr(lang, "phần ký hiệu ", "the symbol part ")) + quoted +
                           std::string(Tr(lang, " không phải chữ viết tắt (như QĐ, UBND, CP)",
                                          " is not an abbreviation (such as QĐ, UBND, CP)"));
    case Part::kTrailing:
      return std::string(Tr(lang, "thừa ", "")) + quoted +
             std::string(Tr(lang, " sau số và ký hiệu", " follows a complete number"));
  }
  return {};
}

std::string DescribeError(Lang lang, const SearchError& error) {
  const std::string& d = error.detail();
  std::string out;
  switch (error.kind()) {
    case SearchError::Kind::kDatabase:
      out = std::string(Tr(lang, "không mở được cơ sở dữ liệu ", "cannot open the database ")) + "'" + d + "'";
      if (!error.reason().empty()) out += ": " + error.reason();
      return out;
    case SearchError::Kind::kBadNumber:
      return std::string(Tr(lang, "không phải số và ký hiệu văn bản: ", "not a document number: ")) + "'" + d +
             "': " + DescribeNumberProblem(lang, error.number_problem()) + " " +
             std::string(Tr(lang, "(ví dụ 45-TB/TU, 15/QĐ-UBND, 30/2020/NĐ-CP, 02-CP)",
                            "(for example 45-TB/TU, 15/QĐ-UBND, 30/2020/NĐ-CP, 02-CP)"));
    case SearchError::Kind::kUnknownType: {
      out = std::string(Tr(lang, "không biết loại văn bản ", "unknown document type ")) + "'" + d + "'; " +
            std::string(Tr(lang, "các loại: ", "known types: "));
      bool first = true;
      for (const auto& t : catalog::AllDocumentTypes()) {
        if (!first) out += ", ";
        first = false;
        out += t.name + " (" + t.code + ")";
      }
      return out;
    }
    case SearchError::Kind::kBadDate:
      return std::string(Tr(lang, "ngày không hợp lệ: ", "invalid date: ")) + "'" + d + "' " +
             std::string(Tr(lang, "(dùng YYYY, YYYY-MM hoặc YYYY-MM-DD)", "(use YYYY, YYYY-MM or YYYY-MM-DD)"));
    case SearchError::Kind::kBadYear:
      return std::string(Tr(lang, "năm không hợp lệ: ", "invalid year: ")) + "'" + d + "' " +
             std::string(Tr(lang, "(dùng YYYY hoặc YYYY..YYYY)", "(use YYYY or YYYY..YYYY)"));
    case SearchError::Kind::kEmptyDateRange:
      return std::string(Tr(lang, "--from sau --to: ", "--from is after --to: ")) + d;
    case SearchError::Kind::kAmbiguousUnit:
      out =
          std::string(Tr(lang, "mã hồ sơ ", "unit code ")) + "'" + d + "' " +
          std::string(Tr(
              lang, "khớp với nhiều hồ sơ; hãy ghi đầy đủ mã:", "matches several storage units; give the full code:"));
      for (const auto& c : error.candidates()) {
        out += "\n  " + c.code;
        if (!c.box.empty()) out += std::string(Tr(lang, " (hộp ", " (box ")) + c.box + ")";
        if (!c.title.empty()) out += " — " + c.title;
      }
      return out;
    case SearchError::Kind::kEmptyRequest:
      return std::string(Tr(lang,
                            "không có gì để tìm: hãy nhập từ khóa hoặc một bộ lọc "
                            "(--unit, --number, --type, --from, --to)",
                            "nothing to search for: give words or a filter "
                            "(--unit, --number, --type, --from, --to)"));
    case SearchError::Kind::kQueryTooLarge:
      return std::string(Tr(lang, "yêu cầu tìm quá lớn: cần ", "the search is too large: it needs ")) + error.detail() +
             std::string(Tr(lang, " thuật ngữ, tối đa ", " terms, at most ")) + error.reason() +
             std::string(Tr(lang, "; hãy bớt từ hoặc bộ lọc", "; use fewer words or filters"));
  }
  return error.what();
}

std::string DescribeError(Lang lang, const QuerySyntaxError& error, std::string_view query) {
  std::string_view what;
  switch (error.problem()) {
    case QuerySyntaxError::Problem::kUnclosedQuote: what = Tr(lang, "thiếu dấu \" đóng", "unclosed quote"); break;
    case QuerySyntaxError::Problem::kUnclosedParen: what = Tr(lang, "thiếu dấu ) đóng", "unclosed parenthesis"); break;
    case QuerySyntaxError::Problem::kUnexpectedParen: what = Tr(lang, "dấu ) thừa", "unexpected ')'"); break;
    case QuerySyntaxError::Problem::kMissingOperand:
      what = Tr(lang, "toán tử (OR, AND, NOT, -) thiếu từ đi kèm", "operator (OR, AND, NOT, -) without a word");
      break;
    case QuerySyntaxError::Problem::kEmptyFieldValue:
      what = Tr(lang, "trường lọc thiếu giá trị (ví dụ so:45-TB/TU)", "field without a value (e.g. so:45-TB/TU)");
      break;
  }
  std::string out = std::string(Tr(lang, "lỗi cú pháp truy vấn: ", "query syntax error: ")) + std::string(what);
  const size_t at = std::min(error.offset(), query.size());
  out += "\n  " + std::string(query) + "\n  ";
  // Point at the problem: one space per character before it (close enough for a terminal).
  for (size_t i = 0; i < at; ++i) {
    if ((static_cast<unsigned char>(query[i]) & 0xC0) != 0x80) out.push_back(' ');
  }
  out += "^";
  return out;
}

}  // namespace luutru::search
