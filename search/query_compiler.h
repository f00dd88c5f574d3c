// Turns a parsed query into a Xapian query over the index schema (catalog/schema.h), and keeps
// the words it searched for so that pages and snippets can be found afterwards.
//
// Every word goes through tokenizers::Tokenize(), the analyzer the indexer uses. A word typed
// without marks searches the folded field ("dang uy" finds "Đảng ủy"); a word with marks searches
// both, the exact form weighing more, so "Vì người nghèo" ranks exact matches first and still finds
// a scan that reads "Vi người nghèo". Field filters (so:, loai:, nam:, hoso:, coquan:) are boolean:
// they narrow the result without changing its order. Clearance is NOT applied here (see searcher.h).
#ifndef LUUTRU_SEARCH_QUERY_COMPILER_H_
#define LUUTRU_SEARCH_QUERY_COMPILER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "search/query_parser.h"

namespace luutru::search {

// One word the user searched for.
struct MatchWord {
  std::string exact;   // tokenizers ExactForm
  std::string folded;  // tokenizers FoldedForm
  bool marked;         // typed with diacritics: exact != folded
  size_t query_begin;  // its bytes in the query string, for a spelling suggestion
  size_t query_end;
};

// Words that must stand next to each other: one word, or a phrase.
struct MatchSequence {
  std::vector<MatchWord> words;
};

// Whether each sequence is the first with its folded words: a word or phrase typed twice is
// looked for, and counted, once (hit pages, snippet anchors).
std::vector<bool> FirstOfTheirWords(const std::vector<MatchSequence>& sequences);

// A run of words typed one after another (not quoted, not split by a comma, a semicolon, an
// operator, a parenthesis or a field) is one request for those words in that order: a concept.
// A run that no document the reader may see holds whole is cut into concepts of two words or
// more, each held whole by some document, where its neighbouring words stand together least
// often (the fewest documents holding that pair); a run that cannot be cut so stays whole.
struct CompiledQuery {
  // The answer: every concept where it stands whole. Empty (Xapian::Query()) when the query
  // neither searches words nor filters.
  Xapian::Query query;
  // The answer without reading a position: `query` is exactly the documents of `candidates`
  // in which every concept of `checks` stands whole (catalog::schema word pairs tell the rest:
  // two words stand together where their pair term is). The same weights as `query`.
  Xapian::Query candidates;
  // Concepts of three words or more that every answer holds whole, whose pairs `candidates`
  // requires but whose chain it does not check (pairs "a b" and "b c" may stand apart). Empty
  // when `candidates` is `query`.
  std::vector<MatchSequence> checks;
  // The words tier: the same request with every word of a run required anywhere in the
  // document, ranked higher where they stand together. Empty when the query has no run of two
  // words or more (then it would be `query` itself).
  Xapian::Query loose;
  // Concepts searched for, outside NOT: their pages are reported and marked in snippets.
  std::vector<MatchSequence> sequences;
  // The same for a document of the words tier: each word of a run on its own.
  std::vector<MatchSequence> loose_sequences;
  // The field filters of the query as typed ("loai:CT"), in order: a search that finds nothing
  // names the one that emptied it.
  std::vector<std::string> fields;
  bool HasWords() const { return !sequences.empty(); }
};

// Resolves a storage-unit code as typed to the unit keys (catalog::UnitKey) it names in the
// index; empty when none. May throw SearchError (an ambiguous code).
using UnitResolver = std::function<std::vector<std::string>(std::string_view code)>;

// Resolves a notation key (tokenizers::NotationKey) to the query a number lookup runs: the
// document number itself, with the numbers OCR may have misread it as (Searcher::ResolveNumber).
using NumberResolver = std::function<Xapian::Query(const std::string& key)>;

// How field values that name things in the index are looked up. An empty NumberResolver matches
// numbers exactly.
struct Resolvers {
  UnitResolver unit;
  NumberResolver number;
  // Every document of the index carries its word pairs (catalog::schema::kWordPair): phrases and
  // runs of typed words are then looked for among the documents holding their pairs.
  bool word_pairs = false;
  // Whether a document the reader may see matches a query. Without it runs are never cut.
  std::function<bool(const Xapian::Query&)> any_visible;
  // How many documents the reader may see match a query, counted up to `cap` (at most `cap`).
  std::function<Xapian::doccount(const Xapian::Query&, Xapian::doccount cap)> count_up_to;
};

// Throws SearchError for a field value that cannot be understood (so:abc, loai:xyz, nam:20x).
// `without_field` >= 0 leaves out that field filter (an index into CompiledQuery::fields).
CompiledQuery CompileQuery(const QueryNode& root, const Resolvers& resolvers, int without_field = -1);

// The boolean filters behind --number, --type and the year of nam:, shared with the field
// prefixes so both spell the same terms. Each throws SearchError on a value it cannot read.
// NumberFilter is the query `resolve` gives for the notation's key (the key alone without it).
Xapian::Query NumberFilter(std::string_view notation, const NumberResolver& resolve = {});
Xapian::Query TypeFilter(std::string_view type_name_or_code);
Xapian::Query YearFilter(std::string_view year_or_range);
Xapian::Query UnitFilter(const std::vector<std::string>& unit_keys);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_QUERY_COMPILER_H_
