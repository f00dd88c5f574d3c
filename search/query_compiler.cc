#include "search/query_compiler.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <utility>

#include "catalog/model.h"
#include "catalog/schema.h"
#include "search/search_error.h"
#include "tokenizers/notation.h"
#include "tokenizers/tokenizer.h"

namespace luutru::search {
namespace {

namespace schema = catalog::schema;
using tokenizers::Token;
using tokenizers::TokenKind;

// How much more an exact (marked) match weighs than a folded one.
constexpr double kExactBoost = 2.0;
// Title words are indexed again in their own short field (S, XFS), where every word is rare and
// so weighs a lot: scaled down, a title word adds to a match instead of outweighing the body.
// A word asks only the folded title field: the exact form already weighs in the body
// (kExactBoost), and each posting list opened costs a query process fresh memory.
constexpr double kTitleScale = 0.5;
// Weight given to a document whose own number is the notation typed: it ranks above documents
// that only cite it. Boolean terms carry no weight of their own, hence a fixed one.
constexpr double kOwnNumberWeight = 8.0;
// Weight, per word, of the words standing together as typed. A fixed weight, not the words' own:
// Vietnamese syllables are few and common ("Trương Công Định" is three of the commonest), so the
// words weigh almost nothing apiece while the phrase they make is rare and is what was asked for.
constexpr double kAdjacencyWeightPerWord = 5.0;

// A word, or a notation/date with the word tokens that spell it.
struct Item {
  Token token;
  std::vector<Token> parts;  // empty for a plain word or number
  bool compound() const { return token.kind == TokenKind::kNotation || token.kind == TokenKind::kDate; }
};

std::vector<Item> Items(std::string_view text) {
  std::vector<Item> items;
  for (Token& t : tokenizers::Tokenize(text)) {
    if (!items.empty() && items.back().compound() && t.begin >= items.back().token.begin &&
        t.end <= items.back().token.end && (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber)) {
      items.back().parts.push_back(std::move(t));
      continue;
    }
    items.push_back(Item{std::move(t), {}});
  }
  return items;
}

MatchWord ToMatchWord(const Token& t, size_t offset) {
  return MatchWord{t.exact, t.folded, t.exact != t.folded, offset + t.begin, offset + t.end};
}

Xapian::Query WordQuery(const MatchWord& w) {
  std::vector<Xapian::Query> alternatives;
  alternatives.emplace_back(schema::PrefixedTerm(schema::kFolded, w.folded));
  alternatives.emplace_back(kTitleScale, Xapian::Query(schema::PrefixedTerm(schema::kTitleFolded, w.folded)));
  if (w.marked) {
    alternatives.emplace_back(kExactBoost, Xapian::Query(w.exact));
  }
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query FoldedPhrase(const std::vector<MatchWord>& words) {
  std::vector<Xapian::Query> folded;
  for (const MatchWord& w : words) folded.emplace_back(schema::PrefixedTerm(schema::kFolded, w.folded));
  return Xapian::Query(Xapian::Query::OP_PHRASE, folded.begin(), folded.end(), words.size());
}

// The documents holding every pair of neighbours of `words`: all those where they stand
// together, and rarely one where the pairs are apart. Empty when a pair term is too long to index
// (the indexer leaves it out too).
Xapian::Query WordPairs(const std::vector<MatchWord>& words) {
  std::vector<Xapian::Query> pairs;
  for (size_t i = 1; i < words.size(); ++i) {
    std::string term = schema::WordPairTerm(words[i - 1].folded, words[i].folded);
    if (term.size() > schema::kMaxTermBytes) return Xapian::Query();
    pairs.emplace_back(std::move(term));
  }
  return Xapian::Query(Xapian::Query::OP_AND, pairs.begin(), pairs.end());
}

// The words standing together, folded: through their pairs when the index has them, without
// reading a position (a document holding every pair, but not in one row, is rare).
Xapian::Query Adjacent(const std::vector<MatchWord>& words, bool word_pairs) {
  Xapian::Query pairs = word_pairs ? WordPairs(words) : Xapian::Query();
  return pairs.empty() ? FoldedPhrase(words) : pairs;
}

// Exactly the documents where `words` (two or more) stand together, folded, as a boolean
// query. A pair term is a folded word followed by the next one on the same page, so for two
// words it is the phrase itself and no position is read. A longer run also needs its pairs to
// chain (pairs "a b" and "b c" may stand apart), which only positions tell: they are checked
// only in the documents holding every pair, since pairs are rare where syllables are not.
Xapian::Query StandingTogether(const std::vector<MatchWord>& words, bool word_pairs) {
  Xapian::Query pairs = word_pairs ? WordPairs(words) : Xapian::Query();
  if (pairs.empty()) return FoldedPhrase(words);
  if (words.size() == 2) return pairs;
  return Xapian::Query(Xapian::Query::OP_FILTER, pairs, FoldedPhrase(words));
}

// A concept: its words where they stand together. Ranked by the words' weights, an exact
// (marked) word weighing kExactBoost times its folded form. Without pairs, positions are read
// for both spellings, and a document weighs the exact words only where they stand together as
// typed; with pairs only the folded run is checked, and the exact words weigh wherever they are
// in the document (a document that keeps its marks keeps them throughout; OCR drops them
// throughout).
// `positions` false: a run of three words or more is matched by its pairs alone, and the
// caller checks that they chain (CompiledQuery::checks).
Xapian::Query PhraseQuery(const std::vector<MatchWord>& words, bool word_pairs, bool positions = true) {
  if (words.size() == 1) return WordQuery(words.front());
  std::vector<Xapian::Query> exact, folded;
  bool marked = false;
  for (const MatchWord& w : words) {
    exact.emplace_back(w.exact);
    folded.emplace_back(schema::PrefixedTerm(schema::kFolded, w.folded));
    marked = marked || w.marked;
  }
  Xapian::Query pairs = word_pairs ? WordPairs(words) : Xapian::Query();
  if (pairs.empty()) {
    Xapian::Query folded_phrase = FoldedPhrase(words);
    if (!marked) return folded_phrase;
    Xapian::Query exact_phrase(Xapian::Query::OP_PHRASE, exact.begin(), exact.end(), words.size());
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(kExactBoost, exact_phrase), folded_phrase);
  }
  Xapian::Query weight(Xapian::Query::OP_AND, folded.begin(), folded.end());
  if (marked) {
    weight =
        Xapian::Query(Xapian::Query::OP_OR, weight,
                      Xapian::Query(kExactBoost, Xapian::Query(Xapian::Query::OP_AND, exact.begin(), exact.end())));
  }
  // The pairs (and chains) decide which documents match; the words weigh. (An AND_MAYBE of the
  // pairs, weightless, and the words matched other documents in the sanitizer build's runs of
  // the tier tests: left out.)
  return Xapian::Query(Xapian::Query::OP_FILTER, weight, positions ? StandingTogether(words, word_pairs) : pairs);
}

enum class PartKind { kEmpty, kFilter, kWeighted };

struct Part {
  PartKind kind = PartKind::kEmpty;
  Xapian::Query query;  // the answer: concepts where they stand whole
  Xapian::Query loose;  // the words tier: the words of each run anywhere (ranked by adjacency)
};

Part Same(PartKind kind, const Xapian::Query& query) { return Part{kind, query, query}; }

// Whether punctuation that ends a concept (a comma or a semicolon) stands in `text` before its
// first word (`before`) or after its last one.
bool ConceptBreak(std::string_view text, const Item& item, bool before) {
  const std::string_view side = before ? text.substr(0, item.token.begin) : text.substr(item.token.end);
  return side.find_first_of(",;") != std::string_view::npos;
}

// Cuts a run of words into concepts (see CompiledQuery): the whole run when some visible
// document holds it, else the cut at the weakest pair whose two sides both cut into held
// concepts of two words or more. Each held check is one query; a long run is given a budget.
class Segmenter {
 public:
  Segmenter(const std::vector<MatchWord>& run, const Resolvers& resolvers) : run_(run), resolvers_(resolvers) {}

  std::vector<std::vector<MatchWord>> Concepts() {
    std::vector<std::pair<size_t, size_t>> parts;
    if (!Cut(0, run_.size(), parts)) parts = {{0, run_.size()}};
    std::vector<std::vector<MatchWord>> out;
    for (const auto& [begin, end] : parts)
      out.emplace_back(run_.begin() + static_cast<long>(begin), run_.begin() + static_cast<long>(end));
    return out;
  }

 private:
  static constexpr int kBudget = 48;                // held checks for one run
  static constexpr Xapian::doccount kPairCap = 50;  // pairs are told apart up to this many documents

  bool Held(size_t begin, size_t end) {
    const auto key = std::make_pair(begin, end);
    if (auto it = held_.find(key); it != held_.end()) return it->second;
    if (budget_-- <= 0) return false;
    const std::vector<MatchWord> words(run_.begin() + static_cast<long>(begin), run_.begin() + static_cast<long>(end));
    return held_[key] = resolvers_.any_visible(StandingTogether(words, resolvers_.word_pairs));
  }

  // How many visible documents hold words k-1 and k together, up to kPairCap.
  Xapian::doccount PairCount(size_t k) {
    if (auto it = pair_counts_.find(k); it != pair_counts_.end()) return it->second;
    const std::vector<MatchWord> pair{run_[k - 1], run_[k]};
    const Xapian::doccount count =
        resolvers_.count_up_to ? resolvers_.count_up_to(StandingTogether(pair, resolvers_.word_pairs), kPairCap) : 0;
    return pair_counts_[k] = count;
  }

  // Appends to `parts` the concepts of run_[begin, end); false when it cannot be cut into held
  // concepts of two words or more. Each stretch of the run is decided once.
  bool Cut(size_t begin, size_t end, std::vector<std::pair<size_t, size_t>>& parts) {
    const auto key = std::make_pair(begin, end);
    auto it = cuts_.find(key);
    if (it == cuts_.end()) it = cuts_.emplace(key, Decide(begin, end)).first;
    if (!it->second) return false;
    parts.insert(parts.end(), it->second->begin(), it->second->end());
    return true;
  }

  std::optional<std::vector<std::pair<size_t, size_t>>> Decide(size_t begin, size_t end) {
    if (Held(begin, end)) return std::vector<std::pair<size_t, size_t>>{{begin, end}};
    if (end - begin < 4 || budget_ <= 0) return std::nullopt;
    std::vector<std::pair<Xapian::doccount, size_t>> cuts;
    for (size_t k = begin + 2; k + 2 <= end; ++k) cuts.emplace_back(PairCount(k), k);
    std::sort(cuts.begin(), cuts.end());
    for (const auto& [count, k] : cuts) {
      std::vector<std::pair<size_t, size_t>> parts;
      if (Cut(begin, k, parts) && Cut(k, end, parts)) return parts;
      if (budget_ <= 0) break;
    }
    return std::nullopt;
  }

  const std::vector<MatchWord>& run_;
  const Resolvers& resolvers_;
  std::map<std::pair<size_t, size_t>, bool> held_;
  std::map<std::pair<size_t, size_t>, std::optional<std::vector<std::pair<size_t, size_t>>>> cuts_;
  std::map<size_t, Xapian::doccount> pair_counts_;
  int budget_ = kBudget;
};

class Compiler {
 public:
  Compiler(const Resolvers& resolvers, int without_field) : resolvers_(resolvers), without_field_(without_field) {}

  CompiledQuery Run(const QueryNode& root) {
    Part part = Compile(root, false);
    CompiledQuery out;
    if (part.kind != PartKind::kEmpty) {
      out.candidates = part.query;
      out.query = part.query;
      if (!checks_.empty()) {
        // Every checked concept is required, so its position check may stand at the top.
        std::vector<Xapian::Query> chained;
        for (const MatchSequence& check : checks_)
          chained.push_back(StandingTogether(check.words, resolvers_.word_pairs));
        out.query = Xapian::Query(Xapian::Query::OP_FILTER, part.query,
                                  Xapian::Query(Xapian::Query::OP_AND, chained.begin(), chained.end()));
      }
      if (tiers_) out.loose = part.loose;
    }
    out.checks = std::move(checks_);
    out.sequences = std::move(sequences_);
    if (tiers_)
      out.loose_sequences = std::move(loose_sequences_);
    else
      out.loose_sequences = out.sequences;
    out.fields = std::move(fields_);
    return out;
  }

 private:
  Part Compile(const QueryNode& node, bool negated) {
    switch (node.kind) {
      case QueryNode::Kind::kAnd: return CompileAnd(node, negated);
      case QueryNode::Kind::kOr: {
        Optional optional(*this);
        return CompileOr(node, negated);
      }
      case QueryNode::Kind::kNot: {
        Optional optional(*this);
        Part inner = Compile(node.children.front(), !negated);
        if (inner.kind == PartKind::kEmpty) return inner;
        return Same(PartKind::kFilter, Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, inner.query));
      }
      case QueryNode::Kind::kText: return CompileText(node, negated, /*phrase=*/false);
      case QueryNode::Kind::kPhrase: return CompileText(node, negated, /*phrase=*/true);
      case QueryNode::Kind::kField: return CompileField(node, negated);
    }
    return {};
  }

  Part CompileAnd(const QueryNode& node, bool negated) {
    std::vector<Xapian::Query> weighted, loose_weighted, filters, excluded;
    // In the words tier, words typed one after another rank higher where they also stand one
    // after another in the text.
    std::vector<Xapian::Query> adjacency;
    std::vector<MatchWord> run;
    auto end_run = [&] {
      if (run.empty()) return;
      // A run of two or three words is never cut (no two concepts of two words or more), so
      // whether a document holds it need not be asked here.
      const std::vector<std::vector<MatchWord>> concepts = run.size() >= 4 && resolvers_.any_visible
                                                               ? Segmenter(run, resolvers_).Concepts()
                                                               : std::vector<std::vector<MatchWord>>{run};
      for (const std::vector<MatchWord>& concept_words : concepts) {
        weighted.push_back(ConceptQuery(concept_words, negated));
        if (!negated) sequences_.push_back(MatchSequence{concept_words});
      }
      for (const MatchWord& w : run) {
        loose_weighted.push_back(WordQuery(w));
        if (!negated) loose_sequences_.push_back(MatchSequence{{w}});
      }
      if (run.size() >= 2) {
        if (!negated) tiers_ = true;
        auto* fixed = new Xapian::FixedWeightPostingSource(kAdjacencyWeightPerWord * static_cast<double>(run.size()));
        // Only whether the words stand together counts here (a filter carries no weight), and
        // the indexer puts a folded term at every exact word's position: the folded phrase
        // alone matches the same documents as PhraseQuery(). With word pairs no position is
        // checked at all; a document holding every pair, but not in one row, also gets the
        // bonus: rare, and the bonus only ranks.
        adjacency.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()),
                               Adjacent(run, resolvers_.word_pairs));
      }
      run.clear();
    };
    for (const QueryNode& child : node.children) {
      if (child.after_and) end_run();
      if (child.kind == QueryNode::Kind::kText) {
        const std::vector<Item> items = Items(child.text);
        if (items.size() == 1 && !items[0].compound()) {
          if (ConceptBreak(child.text, items[0], /*before=*/true)) end_run();
          run.push_back(ToMatchWord(items[0].token, child.text_offset));
          if (ConceptBreak(child.text, items[0], /*before=*/false)) end_run();
          continue;  // compiled with its run
        }
        end_run();
      } else if (child.kind != QueryNode::Kind::kField) {
        end_run();
      }
      if (child.kind == QueryNode::Kind::kNot) {
        Optional optional(*this);
        Part inner = Compile(child.children.front(), !negated);
        if (inner.kind != PartKind::kEmpty) excluded.push_back(inner.query);
        continue;
      }
      Part part = Compile(child, negated);
      if (part.kind == PartKind::kWeighted) {
        weighted.push_back(part.query);
        loose_weighted.push_back(part.loose);
      }
      if (part.kind == PartKind::kFilter) filters.push_back(part.query);
    }
    end_run();
    Part out;
    if (!weighted.empty()) {
      out.kind = PartKind::kWeighted;
      out.query = Xapian::Query(Xapian::Query::OP_AND, weighted.begin(), weighted.end());
      out.loose = Xapian::Query(Xapian::Query::OP_AND, loose_weighted.begin(), loose_weighted.end());
      if (!adjacency.empty() && !negated) {
        out.loose = Xapian::Query(Xapian::Query::OP_AND_MAYBE, out.loose,
                                  Xapian::Query(Xapian::Query::OP_OR, adjacency.begin(), adjacency.end()));
      }
      if (!filters.empty()) {
        const Xapian::Query all(Xapian::Query::OP_AND, filters.begin(), filters.end());
        out.query = Xapian::Query(Xapian::Query::OP_FILTER, out.query, all);
        out.loose = Xapian::Query(Xapian::Query::OP_FILTER, out.loose, all);
      }
    } else if (!filters.empty()) {
      out = Same(PartKind::kFilter, Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    }
    if (!excluded.empty()) {
      if (out.kind == PartKind::kEmpty) out = Same(PartKind::kFilter, Xapian::Query::MatchAll);
      // Both tiers leave out what the excluded concepts name where they stand whole.
      const Xapian::Query any(Xapian::Query::OP_OR, excluded.begin(), excluded.end());
      out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, out.query, any);
      out.loose = Xapian::Query(Xapian::Query::OP_AND_NOT, out.loose, any);
    }
    if (negated) out.loose = out.query;
    return out;
  }

  Part CompileOr(const QueryNode& node, bool negated) {
    std::vector<Xapian::Query> alternatives, loose;
    bool any_weighted = false;
    for (const QueryNode& child : node.children) {
      Part part = Compile(child, negated);
      if (part.kind == PartKind::kEmpty) continue;
      if (part.kind == PartKind::kWeighted) {
        any_weighted = true;
        alternatives.push_back(part.query);
        loose.push_back(part.loose);
      } else {
        alternatives.emplace_back(0.0, part.query);  // a filter inside OR adds no weight
        loose.emplace_back(0.0, part.loose);
      }
    }
    if (alternatives.empty()) return {};
    return Part{any_weighted ? PartKind::kWeighted : PartKind::kFilter,
                Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()),
                Xapian::Query(Xapian::Query::OP_OR, loose.begin(), loose.end())};
  }

  Part CompileText(const QueryNode& node, bool negated, bool phrase) {
    std::vector<Item> items = Items(node.text);
    std::vector<MatchWord> positional;  // word and number tokens, parts of compounds included
    bool has_compound = false;
    for (const Item& item : items) {
      if (item.compound()) {
        has_compound = true;
        for (const Token& p : item.parts) positional.push_back(ToMatchWord(p, node.text_offset));
      } else {
        positional.push_back(ToMatchWord(item.token, node.text_offset));
      }
    }
    if (items.empty()) return {};

    Xapian::Query query;
    if (phrase || !has_compound) {
      // A quoted phrase, or one unquoted run such as "TP.HCM": its words in order.
      if (positional.empty()) return {};
      query =
          phrase && has_compound ? PhraseQuery(positional, resolvers_.word_pairs) : ConceptQuery(positional, negated);
      if (!negated) Searched(MatchSequence{positional});
      if (phrase && has_compound) {
        // A notation or date inside a phrase also matches its indexed whole.
        std::vector<Xapian::Query> wholes{query};
        for (const Item& item : items) {
          if (item.compound() && items.size() == 1) wholes.push_back(CompoundTermQuery(item));
        }
        query = Xapian::Query(Xapian::Query::OP_OR, wholes.begin(), wholes.end());
      }
      return Same(PartKind::kWeighted, query);
    }
    // An unquoted run holding a notation or a date ("45-TB/TU", "12/03/2023"): each item is
    // required; a compound matches its whole term or its parts in order.
    std::vector<Xapian::Query> required;
    for (const Item& item : items) {
      if (item.compound()) {
        std::vector<MatchWord> parts;
        for (const Token& p : item.parts) parts.push_back(ToMatchWord(p, node.text_offset));
        std::vector<Xapian::Query> alternatives{CompoundTermQuery(item)};
        if (!parts.empty()) {
          alternatives.push_back(PhraseQuery(parts, resolvers_.word_pairs));
          if (!negated) Searched(MatchSequence{parts});
        }
        required.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
      } else {
        MatchWord w = ToMatchWord(item.token, node.text_offset);
        required.push_back(WordQuery(w));
        if (!negated) Searched(MatchSequence{{w}});
      }
    }
    return Same(PartKind::kWeighted, Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end()));
  }

  static Xapian::Query CompoundTermQuery(const Item& item) {
    if (item.token.kind == TokenKind::kDate)
      return Xapian::Query(schema::PrefixedTerm(schema::kTextDate, item.token.exact));
    // The document's own number (weighted), or a notation cited in its text.
    auto* fixed = new Xapian::FixedWeightPostingSource(kOwnNumberWeight);
    Xapian::Query own(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()),
                      Xapian::Query(schema::PrefixedTerm(schema::kNumber, item.token.folded)));
    return Xapian::Query(Xapian::Query::OP_OR, own,
                         Xapian::Query(schema::PrefixedTerm(schema::kTextNotation, item.token.folded)));
  }

  Part CompileField(const QueryNode& node, bool /*negated*/) {
    const int index = static_cast<int>(fields_.size());
    const std::string& value = node.text;
    fields_.push_back(std::string(QueryFieldName(node.field)) + ":" +
                      (value.find(' ') == std::string::npos ? value : "\"" + value + "\""));
    if (index == without_field_) return {};
    switch (node.field) {
      case QueryField::kNumber: return Same(PartKind::kFilter, NumberFilter(node.text, resolvers_.number));
      case QueryField::kType: return Same(PartKind::kFilter, TypeFilter(node.text));
      case QueryField::kYear: return Same(PartKind::kFilter, YearFilter(node.text));
      case QueryField::kUnit: return Same(PartKind::kFilter, UnitFilter(resolvers_.unit(node.text)));
      case QueryField::kIssuer: {
        std::vector<Xapian::Query> words;
        for (const Token& t : tokenizers::Tokenize(node.text)) {
          if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) {
            words.emplace_back(schema::PrefixedTerm(schema::kIssuer, t.folded));
          }
        }
        if (words.empty()) return {};
        return Same(PartKind::kFilter, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
      }
    }
    return {};
  }

  // Marks the concepts compiled while it lives as optional (inside OR or NOT): a document may
  // answer without them, so their position check cannot be taken out of the query.
  struct Optional {
    explicit Optional(Compiler& c) : compiler(c) { ++compiler.optional_; }
    ~Optional() { --compiler.optional_; }
    Compiler& compiler;
  };

  // A concept. One the answer requires, of three words or more, is matched here by its pairs
  // alone; the check that they chain is kept apart (CompiledQuery::checks).
  Xapian::Query ConceptQuery(const std::vector<MatchWord>& words, bool negated) {
    const bool checked =
        optional_ == 0 && !negated && words.size() >= 3 && resolvers_.word_pairs && !WordPairs(words).empty();
    if (!checked) return PhraseQuery(words, resolvers_.word_pairs);
    checks_.push_back(MatchSequence{words});
    return PhraseQuery(words, resolvers_.word_pairs, /*positions=*/false);
  }

  // A sequence searched for in both tiers.
  void Searched(MatchSequence sequence) {
    loose_sequences_.push_back(sequence);
    sequences_.push_back(std::move(sequence));
  }

  const Resolvers& resolvers_;
  const int without_field_;
  std::vector<MatchSequence> sequences_;
  std::vector<MatchSequence> loose_sequences_;
  bool tiers_ = false;  // a run of two words or more was searched: the words tier differs
  int optional_ = 0;    // depth inside OR and NOT
  std::vector<MatchSequence> checks_;
  std::vector<std::string> fields_;
};

bool ParseYear(std::string_view s, int& year) {
  if (s.size() != 4) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), year);
  return ec == std::errc() && p == s.data() + s.size() && year >= 1000;
}

}  // namespace

Xapian::Query NumberFilter(std::string_view notation, const NumberResolver& resolve) {
  tokenizers::NotationProblem problem;
  auto parsed = tokenizers::ParseNotation(notation, &problem);
  if (!parsed) throw SearchError(std::string(notation), std::move(problem));
  return resolve ? resolve(parsed->key) : Xapian::Query(schema::PrefixedTerm(schema::kNumber, parsed->key));
}

Xapian::Query TypeFilter(std::string_view type_name_or_code) {
  auto type = catalog::FindDocumentType(type_name_or_code);
  if (!type) throw SearchError(SearchError::Kind::kUnknownType, std::string(type_name_or_code));
  return Xapian::Query(schema::PrefixedTerm(schema::kType, catalog::TypeKey(type->name)));
}

Xapian::Query YearFilter(std::string_view year_or_range) {
  std::string_view first = year_or_range, last = year_or_range;
  if (size_t dots = year_or_range.find(".."); dots != std::string_view::npos) {
    first = year_or_range.substr(0, dots);
    last = year_or_range.substr(dots + 2);
  }
  int from = 0, to = 0;
  if (!ParseYear(first, from) || !ParseYear(last, to) || to < from || to - from > 500) {
    throw SearchError(SearchError::Kind::kBadYear, std::string(year_or_range));
  }
  std::vector<Xapian::Query> years;
  for (int y = from; y <= to; ++y) years.emplace_back(schema::PrefixedTerm(schema::kYear, std::to_string(y)));
  return Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end());
}

Xapian::Query UnitFilter(const std::vector<std::string>& unit_keys) {
  // The bare prefix is never a term: a query that matches nothing and, unlike
  // Xapian::Query::MatchNothing, is not mistaken for "no query".
  if (unit_keys.empty()) return Xapian::Query(std::string(schema::kUnit));
  std::vector<Xapian::Query> units;
  for (const std::string& key : unit_keys) units.emplace_back(schema::PrefixedTerm(schema::kUnit, key));
  return Xapian::Query(Xapian::Query::OP_OR, units.begin(), units.end());
}

std::vector<bool> FirstOfTheirWords(const std::vector<MatchSequence>& sequences) {
  auto same_words = [](const MatchSequence& a, const MatchSequence& b) {
    return std::equal(a.words.begin(), a.words.end(), b.words.begin(), b.words.end(),
                      [](const MatchWord& x, const MatchWord& y) { return x.folded == y.folded; });
  };
  std::vector<bool> first(sequences.size(), true);
  for (size_t s = 0; s < sequences.size(); ++s) {
    for (size_t t = 0; t < s && first[s]; ++t) first[s] = !same_words(sequences[s], sequences[t]);
  }
  return first;
}

CompiledQuery CompileQuery(const QueryNode& root, const Resolvers& resolvers, int without_field) {
  return Compiler(resolvers, without_field).Run(root);
}

}  // namespace luutru::search
