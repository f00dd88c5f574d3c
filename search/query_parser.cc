#include "search/query_parser.h"

#include <array>
#include <cctype>
#include <optional>
#include <utility>

namespace luutru::search {
namespace {

struct FieldAlias {
  std::string_view name;
  QueryField field;
};

constexpr std::array<FieldAlias, 10> kFieldAliases = {{
    {"so", QueryField::kNumber},
    {"number", QueryField::kNumber},
    {"loai", QueryField::kType},
    {"type", QueryField::kType},
    {"nam", QueryField::kYear},
    {"year", QueryField::kYear},
    {"hoso", QueryField::kUnit},
    {"unit", QueryField::kUnit},
    {"coquan", QueryField::kIssuer},
    {"issuer", QueryField::kIssuer},
}};

// Typographic quotes are quotes too: text pasted from a word processor has them.
constexpr std::string_view kLeftQuote = "\xE2\x80\x9C";   // U+201C
constexpr std::string_view kRightQuote = "\xE2\x80\x9D";  // U+201D

struct Lexeme {
  enum class Kind { kOpen, kClose, kWord, kPhrase, kField, kOr, kAnd, kNot, kMinus };
  Kind kind;
  size_t offset;
  std::string text;
  QueryField field = QueryField::kNumber;
  size_t text_offset = 0;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

class Lexer {
 public:
  explicit Lexer(std::string_view q) : q_(q) {}

  std::vector<Lexeme> Run() {
    std::vector<Lexeme> out;
    while (true) {
      while (i_ < q_.size() && IsSpace(q_[i_])) ++i_;
      if (i_ >= q_.size()) break;
      const size_t start = i_;
      const char c = q_[i_];
      if (c == '(') {
        out.push_back({Lexeme::Kind::kOpen, start, {}});
        ++i_;
      } else if (c == ')') {
        out.push_back({Lexeme::Kind::kClose, start, {}});
        ++i_;
      } else if (QuoteAt(i_)) {
        size_t text_offset = 0;
        std::string text = ReadQuoted(&text_offset);
        Lexeme lex{Lexeme::Kind::kPhrase, start, std::move(text)};
        lex.text_offset = text_offset;
        out.push_back(std::move(lex));
      } else if ((c == '-' || c == '+') && i_ + 1 < q_.size() && !IsSpace(q_[i_ + 1]) && q_[i_ + 1] != ')' &&
                 q_[i_ + 1] != '-' && q_[i_ + 1] != '+') {
        if (c == '-') out.push_back({Lexeme::Kind::kMinus, start, {}});
        ++i_;  // '+' only says "required", which every word already is
      } else {
        ReadWordOrField(out);
      }
    }
    return out;
  }

 private:
  // Length of the quote character at `pos`, 0 if none.
  size_t QuoteAt(size_t pos) const {
    if (q_[pos] == '"') return 1;
    std::string_view rest = q_.substr(pos);
    if (rest.starts_with(kLeftQuote) || rest.starts_with(kRightQuote)) return 3;
    return 0;
  }

  std::string ReadQuoted(size_t* text_offset) {
    const size_t open = i_;
    i_ += QuoteAt(i_);
    const size_t begin = i_;
    *text_offset = begin;
    while (i_ < q_.size() && !QuoteAt(i_)) ++i_;
    if (i_ >= q_.size()) throw QuerySyntaxError(QuerySyntaxError::Problem::kUnclosedQuote, open);
    std::string text(q_.substr(begin, i_ - begin));
    i_ += QuoteAt(i_);
    return text;
  }

  void ReadWordOrField(std::vector<Lexeme>& out) {
    const size_t start = i_;
    while (i_ < q_.size() && !IsSpace(q_[i_]) && q_[i_] != '(' && q_[i_] != ')' && !QuoteAt(i_) && q_[i_] != ':') {
      ++i_;
    }
    std::string_view head = q_.substr(start, i_ - start);
    if (i_ < q_.size() && q_[i_] == ':') {
      if (auto field = FieldNamed(head)) {
        ++i_;  // ':'
        std::string value;
        size_t value_offset = i_;
        if (i_ < q_.size() && QuoteAt(i_)) {
          value = ReadQuoted(&value_offset);
        } else {
          const size_t vbegin = i_;
          while (i_ < q_.size() && !IsSpace(q_[i_]) && q_[i_] != '(' && q_[i_] != ')') ++i_;
          value = std::string(q_.substr(vbegin, i_ - vbegin));
        }
        size_t first = value.find_first_not_of(" \t");
        if (first == std::string::npos) {
          throw QuerySyntaxError(QuerySyntaxError::Problem::kEmptyFieldValue, start);
        }
        Lexeme lex{Lexeme::Kind::kField, start, std::move(value)};
        lex.field = *field;
        lex.text_offset = value_offset;
        out.push_back(std::move(lex));
        return;
      }
      // Not a field: the colon belongs to the word ("10:30").
      while (i_ < q_.size() && !IsSpace(q_[i_]) && q_[i_] != '(' && q_[i_] != ')' && !QuoteAt(i_)) {
        ++i_;
      }
    }
    std::string text(q_.substr(start, i_ - start));
    Lexeme::Kind kind = Lexeme::Kind::kWord;
    if (text == "OR") kind = Lexeme::Kind::kOr;
    if (text == "AND") kind = Lexeme::Kind::kAnd;
    if (text == "NOT") kind = Lexeme::Kind::kNot;
    Lexeme lex{kind, start, std::move(text)};
    lex.text_offset = start;
    out.push_back(std::move(lex));
  }

  static std::optional<QueryField> FieldNamed(std::string_view name) {
    std::string lower;
    for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    for (const auto& alias : kFieldAliases) {
      if (alias.name == lower) return alias.field;
    }
    return std::nullopt;
  }

  std::string_view q_;
  size_t i_ = 0;
};

class Parser {
 public:
  Parser(std::vector<Lexeme> lexemes, size_t end) : lex_(std::move(lexemes)), end_(end) {}

  QueryNode Run() {
    QueryNode node = ParseOr();
    if (pos_ < lex_.size()) {
      // Only a stray ')' stops ParseOr before the end.
      throw QuerySyntaxError(QuerySyntaxError::Problem::kUnexpectedParen, lex_[pos_].offset);
    }
    return node;
  }

 private:
  bool AtEnd() const { return pos_ >= lex_.size(); }
  const Lexeme& Peek() const { return lex_[pos_]; }
  size_t Offset() const { return AtEnd() ? end_ : Peek().offset; }

  static QueryNode Group(QueryNode::Kind kind, std::vector<QueryNode> children) {
    if (children.size() == 1) return std::move(children.front());
    QueryNode node;
    node.kind = kind;
    node.children = std::move(children);
    return node;
  }

  QueryNode ParseOr() {
    std::vector<QueryNode> alternatives;
    alternatives.push_back(ParseAnd());
    while (!AtEnd() && Peek().kind == Lexeme::Kind::kOr) {
      ++pos_;
      alternatives.push_back(ParseAnd());
    }
    return Group(QueryNode::Kind::kOr, std::move(alternatives));
  }

  bool StartsOperand() const {
    if (AtEnd()) return false;
    switch (Peek().kind) {
      case Lexeme::Kind::kClose:
      case Lexeme::Kind::kOr:
      case Lexeme::Kind::kAnd: return false;
      default: return true;
    }
  }

  QueryNode ParseAnd() {
    std::vector<QueryNode> parts;
    if (!StartsOperand()) {
      // "OR b", "a OR", "AND b": an operator with nothing on one side. "()" is fine.
      if (!AtEnd() && Peek().kind == Lexeme::Kind::kClose && pos_ > 0 && lex_[pos_ - 1].kind == Lexeme::Kind::kOpen) {
        return QueryNode{};
      }
      if (AtEnd() && lex_.empty()) return QueryNode{};
      throw QuerySyntaxError(QuerySyntaxError::Problem::kMissingOperand, Offset());
    }
    bool after_and = false;
    while (StartsOperand()) {
      parts.push_back(ParseUnary());
      parts.back().after_and = after_and;
      after_and = false;
      if (!AtEnd() && Peek().kind == Lexeme::Kind::kAnd) {
        ++pos_;
        after_and = true;
        if (!StartsOperand()) throw QuerySyntaxError(QuerySyntaxError::Problem::kMissingOperand, Offset());
      }
    }
    return Group(QueryNode::Kind::kAnd, std::move(parts));
  }

  QueryNode ParseUnary() {
    const Lexeme& lex = Peek();
    if (lex.kind == Lexeme::Kind::kMinus || lex.kind == Lexeme::Kind::kNot) {
      ++pos_;
      if (!StartsOperand()) throw QuerySyntaxError(QuerySyntaxError::Problem::kMissingOperand, Offset());
      QueryNode node;
      node.kind = QueryNode::Kind::kNot;
      node.children.push_back(ParseUnary());
      return node;
    }
    return ParsePrimary();
  }

  QueryNode ParsePrimary() {
    const Lexeme& lex = lex_[pos_++];
    QueryNode node;
    switch (lex.kind) {
      case Lexeme::Kind::kOpen: {
        if (!AtEnd() && Peek().kind == Lexeme::Kind::kClose) {
          ++pos_;
          return QueryNode{};
        }
        node = ParseOr();
        if (AtEnd() || Peek().kind != Lexeme::Kind::kClose) {
          throw QuerySyntaxError(QuerySyntaxError::Problem::kUnclosedParen, lex.offset);
        }
        ++pos_;
        return node;
      }
      case Lexeme::Kind::kPhrase:
        node.kind = QueryNode::Kind::kPhrase;
        node.text = lex.text;
        node.text_offset = lex.text_offset;
        return node;
      case Lexeme::Kind::kField:
        node.kind = QueryNode::Kind::kField;
        node.field = lex.field;
        node.text = lex.text;
        node.text_offset = lex.text_offset;
        return node;
      default:
        node.kind = QueryNode::Kind::kText;
        node.text = lex.text;
        node.text_offset = lex.text_offset;
        return node;
    }
  }

  std::vector<Lexeme> lex_;
  size_t end_;
  size_t pos_ = 0;
};

const char* ProblemText(QuerySyntaxError::Problem p) {
  switch (p) {
    case QuerySyntaxError::Problem::kUnclosedQuote: return "unclosed quote";
    case QuerySyntaxError::Problem::kUnclosedParen: return "unclosed parenthesis";
    case QuerySyntaxError::Problem::kUnexpectedParen: return "unexpected ')'";
    case QuerySyntaxError::Problem::kMissingOperand: return "operator without a word";
    case QuerySyntaxError::Problem::kEmptyFieldValue: return "field without a value";
  }
  return "syntax error";
}

}  // namespace

QuerySyntaxError::QuerySyntaxError(Problem problem, size_t offset)
    : std::runtime_error(std::string(ProblemText(problem)) + " at byte " + std::to_string(offset)),
      problem_(problem),
      offset_(offset) {}

std::string_view QueryFieldName(QueryField field) {
  switch (field) {
    case QueryField::kNumber: return "so";
    case QueryField::kType: return "loai";
    case QueryField::kYear: return "nam";
    case QueryField::kUnit: return "hoso";
    case QueryField::kIssuer: return "coquan";
  }
  return "";
}

QueryNode ParseQuery(std::string_view query) { return Parser(Lexer(query).Run(), query.size()).Run(); }

}  // namespace luutru::search
