#include "search/query_parser.h"

#include <gtest/gtest.h>

namespace luutru::search {
namespace {

using Kind = QueryNode::Kind;

// A compact rendering of the tree: AND(a,b), OR(...), NOT(x), "phrase", so:value.
std::string Show(const QueryNode& n) {
  switch (n.kind) {
    case Kind::kText: return n.text;
    case Kind::kPhrase: return "\"" + n.text + "\"";
    case Kind::kField: return std::string(QueryFieldName(n.field)) + ":" + n.text;
    case Kind::kNot: return "NOT(" + Show(n.children[0]) + ")";
    case Kind::kAnd:
    case Kind::kOr: {
      std::string out = n.kind == Kind::kAnd ? "AND(" : "OR(";
      for (size_t i = 0; i < n.children.size(); ++i) out += (i ? "," : "") + Show(n.children[i]);
      return out + ")";
    }
  }
  return "?";
}

TEST(QueryParser, WordsAreAndedByDefault) {
  EXPECT_EQ(Show(ParseQuery("quỹ vì người nghèo")), "AND(quỹ,vì,người,nghèo)");
  EXPECT_EQ(Show(ParseQuery("a AND b")), "AND(a,b)");
  EXPECT_EQ(Show(ParseQuery("")), "AND()");
  EXPECT_EQ(Show(ParseQuery("   ")), "AND()");
}

TEST(QueryParser, OrBindsLooserThanAnd) {
  EXPECT_EQ(Show(ParseQuery("a b OR c")), "OR(AND(a,b),c)");
  EXPECT_EQ(Show(ParseQuery("a (b OR c)")), "AND(a,OR(b,c))");
  EXPECT_EQ(Show(ParseQuery("a or b")), "AND(a,or,b)") << "operators only in capitals";
}

TEST(QueryParser, NegationAndPhrases) {
  EXPECT_EQ(Show(ParseQuery("a -b NOT c")), "AND(a,NOT(b),NOT(c))");
  EXPECT_EQ(Show(ParseQuery("\"nhà đại đoàn kết\" -\"hộ nghèo\"")), "AND(\"nhà đại đoàn kết\",NOT(\"hộ nghèo\"))");
  EXPECT_EQ(Show(ParseQuery("“Vì người nghèo”")), "\"Vì người nghèo\"") << "typographic quotes";
  EXPECT_EQ(Show(ParseQuery("45-TB/TU")), "45-TB/TU") << "a hyphen inside a word is not a minus";
  EXPECT_EQ(Show(ParseQuery("a - b")), "AND(a,-,b)");
}

TEST(QueryParser, FieldsWithPlainAndQuotedValues) {
  EXPECT_EQ(Show(ParseQuery("so:45-TB/TU")), "so:45-TB/TU");
  EXPECT_EQ(Show(ParseQuery("number:45-TB/TU loai:\"chỉ thị\"")), "AND(so:45-TB/TU,loai:chỉ thị)");
  EXPECT_EQ(Show(ParseQuery("hoso:\"ĐVBQ 345\" nam:2023 coquan:\"Tỉnh ủy\"")),
            "AND(hoso:ĐVBQ 345,nam:2023,coquan:Tỉnh ủy)");
  EXPECT_EQ(Show(ParseQuery("TYPE:CT year:2020..2023 unit:x issuer:y")), "AND(loai:CT,nam:2020..2023,hoso:x,coquan:y)");
  EXPECT_EQ(Show(ParseQuery("10:30")), "10:30") << "an unknown field name is text";
  EXPECT_EQ(Show(ParseQuery("-loai:CT")), "NOT(loai:CT)");
}

TEST(QueryParser, TextOffsetsPointIntoTheQuery) {
  const std::string q = "abc \"def ghi\" so:\"x y\"";
  const QueryNode n = ParseQuery(q);
  ASSERT_EQ(n.children.size(), 3u);
  EXPECT_EQ(q.substr(n.children[0].text_offset, 3), "abc");
  EXPECT_EQ(q.substr(n.children[1].text_offset, 7), "def ghi");
  EXPECT_EQ(q.substr(n.children[2].text_offset, 3), "x y");
}

void ExpectError(const std::string& q, QuerySyntaxError::Problem problem, size_t offset) {
  try {
    ParseQuery(q);
    ADD_FAILURE() << "no error for " << q;
  } catch (const QuerySyntaxError& e) {
    EXPECT_EQ(e.problem(), problem) << q;
    EXPECT_EQ(e.offset(), offset) << q;
  }
}

TEST(QueryParser, SyntaxErrorsSayWhatAndWhere) {
  using P = QuerySyntaxError::Problem;
  ExpectError("a \"b c", P::kUnclosedQuote, 2);
  ExpectError("(a b", P::kUnclosedParen, 0);
  ExpectError("a b)", P::kUnexpectedParen, 3);
  ExpectError("a OR", P::kMissingOperand, 4);
  ExpectError("OR a", P::kMissingOperand, 0);
  ExpectError("a NOT", P::kMissingOperand, 5);
  ExpectError("a AND OR b", P::kMissingOperand, 6);
  ExpectError("so: x", P::kEmptyFieldValue, 0);
  ExpectError("loai:\"\"", P::kEmptyFieldValue, 0);
}

}  // namespace
}  // namespace luutru::search
