// The query language of luutru-search, parsed into a tree (no Xapian here).
//
//   words            all of them must occur (the default operator is AND: archivists want every
//                    word they typed); diacritics are optional
//   "a phrase"       the words next to each other, in this order
//   a OR b           either
//   -word, NOT word  must not occur
//   ( ... )          grouping
//   so:/number:  loai:/type:  nam:/year:  hoso:/unit:  coquan:/issuer:
//                    field filters; a value with spaces is quoted: loai:"chỉ thị", hoso:"ĐVBQ 345"
//
// OR, AND and NOT are operators only in capitals; "or" is a word. A field name that is not one of
// the above ("10:30") is text. Errors throw QuerySyntaxError with the byte offset of the problem.
#ifndef LUUTRU_SEARCH_QUERY_PARSER_H_
#define LUUTRU_SEARCH_QUERY_PARSER_H_

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace luutru::search {

// Field filters a query may name.
enum class QueryField {
  kNumber,  // so: / number:   the document's number and notation (số và ký hiệu)
  kType,    // loai: / type:   tên loại văn bản
  kYear,    // nam: / year:    YYYY or YYYY..YYYY
  kUnit,    // hoso: / unit:   storage unit (hồ sơ, đơn vị bảo quản) code
  kIssuer,  // coquan: / issuer: issuing body (cơ quan ban hành)
};

// The field's name as the user may type it in Vietnamese ("so") and in English ("number").
std::string_view QueryFieldName(QueryField field);

struct QueryNode {
  enum class Kind {
    kAnd,     // children, all required
    kOr,      // children, any
    kNot,     // one child, excluded
    kText,    // text: one unquoted run of characters; several words in it form a phrase
    kPhrase,  // text: the inside of "..."
    kField,   // field + text (the value, unquoted)
  };
  Kind kind = Kind::kAnd;
  std::string text;
  size_t text_offset = 0;  // byte offset of `text` in the query (kText, kPhrase, kField)
  QueryField field = QueryField::kNumber;
  std::vector<QueryNode> children;
  bool after_and = false;  // an explicit AND stands before it: it starts a new concept
};

class QuerySyntaxError : public std::runtime_error {
 public:
  enum class Problem {
    kUnclosedQuote,    // "abc
    kUnclosedParen,    // (abc
    kUnexpectedParen,  // abc)
    kMissingOperand,   // abc OR, NOT, -
    kEmptyFieldValue,  // so: with nothing after it
  };
  QuerySyntaxError(Problem problem, size_t offset);
  Problem problem() const { return problem_; }
  size_t offset() const { return offset_; }

 private:
  Problem problem_;
  size_t offset_;
};

// Parses `query`. An empty or blank query gives an empty kAnd node.
QueryNode ParseQuery(std::string_view query);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_QUERY_PARSER_H_
