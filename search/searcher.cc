#include "search/searcher.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "search/hit_pages.h"
#include "search/issuer_names.h"
#include "search/number_lookup.h"
#include "search/review.h"
#include "search/search_error.h"
#include "search/snippet.h"
#include "tokenizers/normalize.h"
#include "tokenizers/notation.h"

namespace luutru::search {
namespace {

namespace schema = catalog::schema;

// Totals past this many matches are counted by a second, unranked run (AnswerTier); only the
// highest clearance, for which nothing is hidden, gets Xapian's estimate instead.
constexpr Xapian::doccount kCheckAtLeast = 1000;
constexpr int kDocumentsPerUnit = 3;
// Spelling candidates are ranked by how many visible documents hold them, counted up to this many.
constexpr Xapian::doccount kSpellingCountCap = 1000;

// Counts the units among the documents a match considers: each distinct unit key once, and each
// document with no key as a unit of its own, as collapsing counts them. A hash set, where
// Xapian's ValueCountMatchSpy keeps a count per key in an ordered map: counting a pull list's
// units is most of its time. A remote shard's server cannot build this spy (get_mset throws
// Xapian::UnimplementedError); ValueCountMatchSpy, which xapian-tcpsrv knows, serves there.
class UnitCounter : public Xapian::MatchSpy {
 public:
  explicit UnitCounter(Xapian::doccount expected) { keys_.reserve(expected); }
  void operator()(const Xapian::Document& doc, double /*weight*/) override {
    std::string key = doc.get_value(schema::kSlotUnit);
    if (key.empty()) {
      ++unkeyed_;
    } else {
      keys_.insert(std::move(key));
    }
  }
  uint64_t units() const { return keys_.size() + unkeyed_; }

 private:
  std::unordered_set<std::string> keys_;
  uint64_t unkeyed_ = 0;
};

Xapian::Query AndAll(const Xapian::Query& base, const std::vector<Xapian::Query>& filters) {
  if (filters.empty()) return base;
  Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
  if (base.empty()) return filter;
  return Xapian::Query(Xapian::Query::OP_FILTER, base, filter);
}

catalog::PartialDate ParseDateOption(const std::string& text) {
  auto date = catalog::ParsePartialDate(text);
  if (!date) throw SearchError(SearchError::Kind::kBadDate, text);
  return *date;
}

// Period overlap: a document dated to a month or a year matches when its period meets the range.
// Undated documents have no date values and never match a value range.
Xapian::Query FromFilter(const std::string& from) {
  return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDateLast, ParseDateOption(from).FirstDay());
}

Xapian::Query ToFilter(const std::string& to) {
  return Xapian::Query(Xapian::Query::OP_AND,
                       Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDateFirst, ParseDateOption(to).LastDay()),
                       Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDateFirst, std::string("0")));
}

// Throws SearchError(kEmptyDateRange) when the range from..to holds no day.
void CheckDateRange(const std::string& from, const std::string& to) {
  if (ParseDateOption(from).FirstDay() > ParseDateOption(to).LastDay()) {
    throw SearchError(SearchError::Kind::kEmptyDateRange, from + ".." + to);
  }
}

// Edit distance with a cap: returns cap + 1 as soon as it must exceed it.
size_t EditDistance(std::string_view a, std::string_view b, size_t cap) {
  if (a.size() > b.size() + cap || b.size() > a.size() + cap) return cap + 1;
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

Searcher Searcher::Open(const std::vector<std::string>& paths) {
  Xapian::Database db;
  // Word pairs are used only when every database has them: an index written before they
  // existed (or a shard of one) would otherwise lose its phrase matches.
  bool word_pairs = true;
  for (const std::string& path : paths) {
    try {
      Xapian::Database shard(path);
      const std::string pairs(schema::kWordPair);
      word_pairs =
          word_pairs && (shard.get_doccount() == 0 || shard.allterms_begin(pairs) != shard.allterms_end(pairs));
      db.add_database(shard);
    } catch (const Xapian::Error& e) {
      // The context names a remote shard ("remote:tcp(host:port)") when that is what failed.
      std::string reason = e.get_msg().empty() ? e.get_type() : e.get_msg();
      if (!e.get_context().empty()) reason += " (" + e.get_context() + ")";
      throw SearchError(SearchError::Kind::kDatabase, path, reason);
    }
  }
  return Searcher(std::move(db), word_pairs);
}

namespace {

// The highest secrecy a document of `db` holds; tuyet-mat when the secrecy terms do not account
// for every document once (one without a level is hidden below tuyet-mat).
catalog::Secrecy HighestHeld(const Xapian::Database& db) {
  Xapian::doccount held = 0;
  int highest = static_cast<int>(catalog::Secrecy::kNormal);
  for (int level = highest; level <= static_cast<int>(catalog::Secrecy::kTopSecret); ++level) {
    const Xapian::doccount n = db.get_termfreq(schema::PrefixedTerm(schema::kSecrecy, std::to_string(level)));
    held += n;
    if (n > 0) highest = level;
  }
  return held == db.get_doccount() ? static_cast<catalog::Secrecy>(highest) : catalog::Secrecy::kTopSecret;
}

}  // namespace

Searcher::Searcher(Xapian::Database db, bool word_pairs)
    : db_(std::move(db)), word_pairs_(word_pairs), highest_held_(HighestHeld(db_)) {}

Xapian::MSet Searcher::Execute(const Xapian::Query& query, catalog::Secrecy clearance, const Run& run) const {
  Xapian::Enquire enquire(db_);
  // A reader who may see every document of the archive needs no filter: four posting lists fewer.
  enquire.set_query(clearance >= highest_held_
                        ? query
                        : Xapian::Query(Xapian::Query::OP_FILTER, query, schema::ClearanceFilter(clearance)));
  // Single-slot sorts: the remote backend (xapian-tcpsrv shards) has no KeyMaker.
  switch (run.sort) {
    case SortOrder::kRelevance:
      // Equal weights (a number lookup's documents of one tier) in date order.
      if (run.ties_by_date) enquire.set_sort_by_relevance_then_value(schema::kSlotSortDate, false);
      break;
    case SortOrder::kDate:  // undated after every date
      enquire.set_sort_by_value_then_relevance(schema::kSlotSortDate, false);
      break;
    case SortOrder::kDateDescending:  // undated ("") last when reversed
      enquire.set_sort_by_value_then_relevance(schema::kSlotSortDateDesc, true);
      break;
    case SortOrder::kDefault:  // catalog order
      enquire.set_sort_by_value_then_relevance(schema::kSlotOrder, false);
      break;
  }
  if (run.unranked) enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (run.coordinate) enquire.set_weighting_scheme(Xapian::CoordWeight());
  if (run.collapse_max > 0) enquire.set_collapse_key(schema::kSlotUnit, run.collapse_max);
  if (run.spy != nullptr) enquire.add_matchspy(run.spy);
  return enquire.get_mset(run.first, run.max_items, run.check_at_least);
}

bool Searcher::AnyVisible(const Xapian::Query& query, catalog::Secrecy clearance) const {
  // Unranked, Xapian stops at the first match instead of ranking them all.
  return !Execute(query, clearance, Run::Unranked(1, 0)).empty();
}

uint64_t Searcher::CountVisible(const Xapian::Query& query, catalog::Secrecy clearance) const {
  return Execute(query, clearance, Run::Unranked(0, db_.get_doccount())).get_matches_estimated();
}

Searcher::TierTotal Searcher::Total(const Xapian::MSet& mset, const Xapian::Query& query, catalog::Secrecy clearance,
                                    const Run& run) const {
  TierTotal out;
  out.total = mset.get_matches_estimated();
  out.estimate = mset.get_matches_lower_bound() != mset.get_matches_upper_bound();
  if (!out.estimate || clearance == catalog::Secrecy::kTopSecret) return out;
  // Xapian's estimate follows the statistics of every document, hidden ones included: the
  // visible matches are counted instead, which is the total an archive without the others gives.
  out.estimate = false;
  if (run.collapse_max == 0) {
    out.total = CountVisible(query, clearance);
    return out;
  }
  // Units: every visible match's unit key seen once, without keeping a result per unit.
  Run every = Run::Unranked(0, db_.get_doccount());
  try {
    UnitCounter counter(mset.get_matches_upper_bound());
    every.spy = &counter;
    Execute(query, clearance, every);
    out.total = counter.units();
    return out;
  } catch (const Xapian::UnimplementedError&) {
    // A remote shard: counted below by the spy its server knows.
  }
  Xapian::ValueCountMatchSpy units(schema::kSlotUnit);
  every.spy = &units;
  Execute(query, clearance, every);
  Xapian::doccount keyed = 0;
  out.total = 0;
  for (auto it = units.values_begin(); it != units.values_end(); ++it) {
    ++out.total;
    keyed += it.get_termfreq();
  }
  out.total += units.get_total() - keyed;
  return out;
}

std::vector<std::string> Searcher::ResolveUnit(std::string_view code, catalog::Secrecy clearance) const {
  const std::string key = catalog::UnitKey(code);
  if (key.empty()) return {};
  auto visible = [&](const std::string& k) {
    return AnyVisible(Xapian::Query(schema::PrefixedTerm(schema::kUnit, k)), clearance);
  };
  if (db_.term_exists(schema::PrefixedTerm(schema::kUnit, key)) && visible(key)) return {key};
  std::vector<std::string> matches;
  const std::string prefix(schema::kUnit);
  // The code names the units whose key ends with its parts, whole parts compared; its last part
  // may be a bare number ("399", "0399"), as an archivist types a unit's number alone, naming
  // the unit whose last part is that number after its letters ("dvbq399").
  auto parts = [](std::string_view k) {
    std::vector<std::string_view> out;
    for (size_t start = 0;;) {
      const size_t slash = k.find('/', start);
      out.push_back(k.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
      if (slash == std::string_view::npos) return out;
      start = slash + 1;
    }
  };
  const std::vector<std::string_view> typed = parts(key);
  const bool bare_number = typed.back().find_first_not_of("0123456789") == std::string_view::npos;
  auto names = [&](std::string_view candidate) {
    const std::vector<std::string_view> have = parts(candidate);
    if (have.size() < typed.size()) return false;
    const size_t skip = have.size() - typed.size();
    for (size_t i = 0; i + 1 < typed.size(); ++i) {
      if (have[skip + i] != typed[i]) return false;
    }
    std::string_view last = have.back();
    if (last == typed.back()) return have.size() > typed.size();  // the whole key was checked first
    if (!bare_number) return false;
    const size_t digits = last.find_first_of("0123456789");
    return digits != std::string_view::npos && digits > 0 && last.substr(digits) == typed.back();
  };
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
    const std::string candidate = (*it).substr(prefix.size());
    if (names(candidate) && visible(candidate)) matches.push_back(candidate);
  }
  if (matches.size() > 1) {
    std::vector<UnitCandidate> candidates;
    for (const std::string& k : matches) {
      Run run;
      run.max_items = 1;
      Xapian::MSet mset = Execute(Xapian::Query(schema::PrefixedTerm(schema::kUnit, k)), clearance, run);
      const auto stored = schema::ReadStoredDocument(mset.begin().get_document());
      candidates.push_back(UnitCandidate{stored.doc.unit.code, stored.doc.unit.title, stored.doc.unit.box});
    }
    throw SearchError(SearchError::Kind::kAmbiguousUnit, std::string(code), {}, std::move(candidates));
  }
  return matches;
}

Searcher::NumberLookup Searcher::ResolveNumber(const std::string& key, catalog::Secrecy clearance) const {
  auto visible = [&](const Xapian::Query& q) { return AnyVisible(q, clearance); };
  const Xapian::Query exact(NumberTerm(key));
  const bool found = visible(exact);
  // Only OCR misreads a number that is also found as typed.
  const Xapian::Query read_by_ocr = ReadByOcr();
  auto restrict = [&](Xapian::Query q) { return found ? Xapian::Query(Xapian::Query::OP_FILTER, q, read_by_ocr) : q; };
  NumberLookup lookup;
  std::vector<Xapian::Query> alternatives;
  if (found) alternatives.push_back(exact);
  // The leading number is what the archivist knows for sure; a misread digit would name another
  // document. Only the printed part ("/ttr-ubnd") may differ, by one character; the misread
  // digits are number_lookup.h's.
  const auto [digits, rest] = SplitNumber(key);
  if (!digits.empty() && !rest.empty()) {
    const std::string prefix = NumberTerm(digits);
    for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
      const std::string term = *it;  // the iterator yields a temporary
      const std::string_view candidate = std::string_view(term).substr(prefix.size());
      if (candidate.empty() || (candidate[0] >= '0' && candidate[0] <= '9')) continue;  // 460/...
      if (EditDistance(rest, candidate, 1) != 1) continue;
      const Xapian::Query near = restrict(Xapian::Query(term));
      if (!visible(near)) continue;
      alternatives.push_back(near);
      lookup.near.push_back(term.substr(schema::kNumber.size()));
    }
  }
  // As in UnitFilter: the bare prefix is never a term, so no number matches nothing.
  lookup.query = alternatives.empty() ? Xapian::Query(std::string(schema::kNumber))
                                      : Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  return lookup;
}

std::string_view MatchTierName(MatchTier tier) { return tier == MatchTier::kPhrase ? "phrase" : "words"; }

Resolvers Searcher::LookupsFor(catalog::Secrecy clearance, std::vector<std::string>* near_numbers) const {
  Resolvers r;
  r.word_pairs = word_pairs_;
  r.any_visible = [this, clearance](const Xapian::Query& q) { return AnyVisible(q, clearance); };
  r.count_up_to = [this, clearance](const Xapian::Query& q, Xapian::doccount cap) {
    // Checked up to `cap`, the lower bound is exact below it and at least `cap` above.
    return std::min(Execute(q, clearance, Run::Unranked(0, cap)).get_matches_lower_bound(), cap);
  };
  r.unit = [this, clearance](std::string_view code) { return ResolveUnit(code, clearance); };
  r.number = [this, clearance, near_numbers](const std::string& key) {
    NumberLookup lookup = ResolveNumber(key, clearance);
    if (near_numbers) near_numbers->insert(near_numbers->end(), lookup.near.begin(), lookup.near.end());
    return lookup.query;
  };
  return r;
}

std::vector<MatchSequence> Searcher::Concepts(std::string_view query, catalog::Secrecy clearance) const {
  try {
    return CompileQuery(ParseQuery(query), LookupsFor(clearance)).sequences;
  } catch (const std::exception&) {
    return {};  // a malformed query or field value: the page is shown unmarked, not refused
  }
}

DocumentHit Searcher::MakeHit(const Xapian::MSetIterator& it, const std::vector<MatchSequence>& sequences,
                              int rank) const {
  DocumentHit hit;
  hit.rank = rank;
  hit.score = it.get_percent();
  schema::StoredDocument stored = schema::ReadStoredDocument(it.get_document(), /*word_boxes=*/false);
  const DocumentMatches matches = LocateSequences(db_, *it, sequences);
  hit.pages = HitPages(stored, matches);
  hit.snippet = MakeSnippetAt(stored.doc, SnippetAnchors(stored, matches, hit.pages), sequences);
  hit.doc = std::move(stored.doc);
  for (catalog::Page& page : hit.doc.pages) std::string().swap(page.text);
  hit.id = hit.doc.Id();
  return hit;
}

std::vector<DocumentHit> Searcher::MakeHits(const std::vector<Xapian::MSetIterator>& items,
                                            const std::vector<int>& ranks,
                                            const std::vector<MatchSequence>& sequences) const {
  // Records are kept in document order, so neighbours share the index blocks a read brings in
  // (search/README.md, "Hits made in document order").
  std::vector<size_t> by_document(items.size());
  for (size_t i = 0; i < items.size(); ++i) by_document[i] = i;
  std::sort(by_document.begin(), by_document.end(), [&](size_t a, size_t b) { return *items[a] < *items[b]; });
  std::vector<DocumentHit> hits(items.size());
  for (size_t i : by_document) hits[i] = MakeHit(items[i], sequences, ranks[i]);
  return hits;
}

Searcher::TierTotal Searcher::AnswerTier(const Xapian::Query& full, const std::vector<MatchSequence>& sequences,
                                         MatchTier tier, Run run, Xapian::doccount offset, Xapian::doccount limit,
                                         int first_rank, catalog::Secrecy clearance, SearchResponse& response) const {
  TierTotal out;
  if (!response.grouped) {
    run.first = offset;
    run.max_items = limit;
    run.check_at_least = std::max<Xapian::doccount>(kCheckAtLeast, offset + limit);
    Xapian::MSet mset = Execute(full, clearance, run);
    out = Total(mset, full, clearance, run);
    std::vector<Xapian::MSetIterator> items;
    std::vector<int> ranks;
    items.reserve(mset.size());
    ranks.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      ranks.push_back(first_rank + static_cast<int>(items.size()));
      items.push_back(it);
    }
    for (DocumentHit& hit : MakeHits(items, ranks, sequences)) {
      hit.match = tier;
      response.documents.push_back(std::move(hit));
    }
    return out;
  }
  // Units: one item per unit, counted as the ungrouped total is (Total). Unranked, Xapian stops
  // after kCheckAtLeast matches instead of ranking them all.
  Run count_run = Run::Unranked(kCheckAtLeast, kCheckAtLeast);
  count_run.collapse_max = 1;
  out = Total(Execute(full, clearance, count_run), full, clearance, count_run);
  if (limit == 0) return out;
  // The units on this page with their best documents: at most 3 per unit, in rank order, so
  // 3 * (offset + limit) items hold every unit up to the page's last.
  run.collapse_max = kDocumentsPerUnit;
  run.max_items = kDocumentsPerUnit * (offset + limit);
  Xapian::MSet mset = Execute(full, clearance, run);
  std::vector<std::string> order;
  std::map<std::string, std::vector<Xapian::MSetIterator>> members;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const std::string key = it.get_collapse_key();
    auto& list = members[key];
    if (list.empty()) order.push_back(key);
    list.push_back(it);
  }
  // Every hit on the page is made in one pass, then dealt to its unit.
  std::vector<Xapian::MSetIterator> items;
  std::vector<int> ranks;
  const size_t first_unit = response.units.size();
  for (size_t u = offset; u < order.size() && u < offset + limit; ++u) {
    UnitHit unit;
    unit.match = tier;
    unit.rank = first_rank + static_cast<int>(u - offset);
    unit.key = order[u];
    unit.matching_documents = CountVisible(
        Xapian::Query(Xapian::Query::OP_FILTER, full, Xapian::Query(schema::PrefixedTerm(schema::kUnit, unit.key))),
        clearance);
    int rank = 0;
    for (const auto& it : members[unit.key]) {
      items.push_back(it);
      ranks.push_back(++rank);
    }
    response.units.push_back(std::move(unit));
  }
  std::vector<DocumentHit> hits = MakeHits(items, ranks, sequences);
  auto next = hits.begin();
  for (size_t u = first_unit; u < response.units.size(); ++u) {
    UnitHit& unit = response.units[u];
    const auto end = next + static_cast<std::ptrdiff_t>(members[unit.key].size());
    unit.documents.assign(std::make_move_iterator(next), std::make_move_iterator(end));
    next = end;
    for (DocumentHit& hit : unit.documents) hit.match = tier;
    unit.unit = unit.documents.front().doc.unit;  // a unit on the page has at least one member
  }
  return out;
}

SearchResponse Searcher::Search(const SearchRequest& request) const {
  SearchResponse response;
  response.query = request.query;
  response.grouped = request.group_by_unit;
  const QueryNode root = ParseQuery(request.query);
  const CompiledQuery compiled = CompileQuery(root, LookupsFor(request.clearance, &response.near_numbers));
  const RequestFilters filters = Filters(request, response);
  if (compiled.query.empty() && filters.named.empty()) {
    throw SearchError(SearchError::Kind::kEmptyRequest, request.query);
  }
  FindDocuments(request, compiled, filters, response);
  MarkHits(request, filters, response);
  if (response.total == 0) ExplainEmpty(request, root, compiled, filters, response);
  return response;
}

std::vector<Xapian::Query> Searcher::RequestFilters::Queries() const {
  std::vector<Xapian::Query> out;
  for (const auto& f : named) out.push_back(f.second);
  return out;
}

Searcher::RequestFilters Searcher::Filters(const SearchRequest& request, SearchResponse& response) const {
  const catalog::Secrecy clearance = request.clearance;
  RequestFilters filters;
  auto& named = filters.named;
  if (request.unit) {
    std::vector<std::string> keys = ResolveUnit(*request.unit, clearance);
    filters.unit_not_found = keys.empty();
    named.emplace_back("--unit", UnitFilter(keys));
  }
  if (request.number) {
    const Xapian::Query as_typed = NumberFilter(*request.number, LookupsFor(clearance, &response.near_numbers).number);
    filters.number_key = tokenizers::NotationKey(*request.number);
    // Ranked by fit when it is all that was asked (a filter, so boolean, beside words).
    const RankedLookup ranked = RankedNumberLookup(db_, *filters.number_key, as_typed);
    named.emplace_back("--number", ranked.query);
  }
  if (request.review) named.emplace_back("--review", ReviewFilter());
  if (request.type) named.emplace_back("--type", TypeFilter(*request.type));
  if (request.fonds)
    named.emplace_back("--fonds",
                       Xapian::Query(schema::PrefixedTerm(schema::kFonds, catalog::UnitKey(*request.fonds))));
  if (request.inventory) {
    named.emplace_back("--inventory",
                       Xapian::Query(schema::PrefixedTerm(schema::kInventory, catalog::UnitKey(*request.inventory))));
  }
  if (request.from) named.emplace_back("--from", FromFilter(*request.from));
  if (request.to) named.emplace_back("--to", ToFilter(*request.to));
  if (request.from && request.to) CheckDateRange(*request.from, *request.to);
  return filters;
}

void Searcher::FindDocuments(const SearchRequest& request, const CompiledQuery& compiled, const RequestFilters& filters,
                             SearchResponse& response) const {
  const catalog::Secrecy clearance = request.clearance;
  const std::vector<Xapian::Query> filter_queries = filters.Queries();
  const Xapian::Query full = AndAll(compiled.query, filter_queries);
  // The work of a match grows with the posting lists it reads: one a term.
  const size_t terms = static_cast<size_t>(std::distance(full.get_unique_terms_begin(), full.get_unique_terms_end()));
  if (terms > kMaxQueryTerms) {
    throw SearchError(SearchError::Kind::kQueryTooLarge, std::to_string(terms), std::to_string(kMaxQueryTerms));
  }

  Run run;
  run.sort = request.sort;
  if (request.sort == SortOrder::kDefault) {
    // No words to rank by: a unit listing is in catalog order, anything else by date.
    // A number alone: by how well each document fits it, then by date.
    run.sort = compiled.HasWords() || filters.number_key ? SortOrder::kRelevance
               : request.unit                            ? SortOrder::kDefault
                                                         : SortOrder::kDate;
    run.ties_by_date = !compiled.HasWords() && filters.number_key;
  }
  const Xapian::doccount limit = static_cast<Xapian::doccount>(std::max(request.limit, 0));
  const Xapian::doccount offset = static_cast<Xapian::doccount>(std::max(request.offset, 0));

  // Concepts of three words or more are found by their pairs and checked to chain where it
  // counts, not in every candidate (AnswerByConcepts); a pull list checks every one.
  const bool by_pairs = !compiled.checks.empty() && !response.grouped;
  const Xapian::Query candidates = by_pairs ? AndAll(compiled.candidates, filter_queries) : full;
  Run counted = run;
  counted.check_at_least = kCheckAtLeast;
  const TierTotal answer = by_pairs ? AnswerByConcepts(full, candidates, compiled.checks, compiled.sequences, counted,
                                                       offset, limit, static_cast<int>(offset) + 1, clearance, response)
                                    : AnswerTier(full, compiled.sequences, MatchTier::kPhrase, run, offset, limit,
                                                 static_cast<int>(offset) + 1, clearance, response);
  response.total = answer.total;
  response.total_is_estimate = answer.estimate;
  if (!compiled.loose.empty()) {
    // The words tier: every word of the request, not every concept whole. Counted always,
    // shown after the answer only when asked or when there is no answer.
    const Xapian::Query every_word = AndAll(compiled.loose, filter_queries);
    const Xapian::Query loose =
        answer.total == 0 && !answer.estimate ? every_word : Xapian::Query(Xapian::Query::OP_AND_NOT, every_word, full);
    response.loose_shown = request.loose || response.total == 0;
    const size_t shown = request.group_by_unit ? response.units.size() : response.documents.size();
    const Xapian::doccount loose_offset =
        offset > response.total ? offset - static_cast<Xapian::doccount>(response.total) : 0;
    const Xapian::doccount loose_limit = response.loose_shown && shown < limit && offset + limit > response.total
                                             ? limit - static_cast<Xapian::doccount>(shown)
                                             : 0;
    TierTotal words;
    if (loose_limit == 0 && !request.group_by_unit) {
      words = CountWordsTier(every_word, candidates, by_pairs, answer, clearance);
    } else {
      words = AnswerTier(loose, compiled.loose_sequences, MatchTier::kWords, run, loose_offset, loose_limit,
                         static_cast<int>(response.total + loose_offset) + 1, clearance, response);
    }
    response.total_loose = words.total;
    response.total_loose_is_estimate = words.estimate;
  }
}

void Searcher::MarkHits(const SearchRequest& request, const RequestFilters& filters, SearchResponse& response) const {
  // Issuers read with noise shown as the archive names them (issuer_names.h).
  IssuerNames issuers([&](const Xapian::Query& q, Xapian::doccount max) {
    Run coordinate;
    coordinate.coordinate = true;
    coordinate.max_items = max;
    return Execute(q, request.clearance, coordinate);
  });
  auto known_issuer = [&](DocumentHit& hit) {
    if (!hit.doc.meta.issuer || hit.doc.meta.issuer != hit.doc.extracted.issuer) return;  // the catalog's wins
    // A text layer names its issuer as typed; only OCR misreads one.
    if (std::none_of(hit.doc.pages.begin(), hit.doc.pages.end(),
                     [](const catalog::Page& p) { return p.source == catalog::TextSource::kOcr; })) {
      return;
    }
    if (auto name = issuers.Known(*hit.doc.meta.issuer)) hit.doc.meta.issuer = std::move(name);
  };
  auto mark = [&](DocumentHit& hit) {
    known_issuer(hit);
    if (request.review) hit.review = FieldsToReview(hit.doc.meta);
    if (filters.number_key) hit.number_match = NumberMatch(hit.doc.meta, *filters.number_key);
  };
  for (DocumentHit& hit : response.documents) mark(hit);
  for (UnitHit& unit : response.units) {
    for (DocumentHit& hit : unit.documents) mark(hit);
  }
}

void Searcher::ExplainEmpty(const SearchRequest& request, const QueryNode& root, const CompiledQuery& compiled,
                            const RequestFilters& filters, SearchResponse& response) const {
  const catalog::Secrecy clearance = request.clearance;
  const auto& named = filters.named;
  const std::vector<Xapian::Query> filter_queries = filters.Queries();
  response.help.unit_not_found = filters.unit_not_found;
  if (request.unit) response.help.unit_code = *request.unit;
  // A filter blocks when the request without it answers (not said when the unit is not there).
  for (size_t i = 0; i < named.size() && !filters.unit_not_found; ++i) {
    std::vector<Xapian::Query> others;
    for (size_t j = 0; j < named.size(); ++j) {
      if (j != i) others.push_back(named[j].second);
    }
    if (compiled.query.empty() && others.empty()) continue;
    if (AnyVisible(AndAll(compiled.query, others), clearance)) {
      response.help.blocking_filters.push_back(named[i].first);
    }
  }
  // So does a field prefix of the query (nam:2019).
  for (size_t k = 0; k < compiled.fields.size() && !filters.unit_not_found; ++k) {
    const CompiledQuery without = CompileQuery(root, LookupsFor(clearance), static_cast<int>(k));
    if (without.query.empty() && filter_queries.empty()) continue;
    if (AnyVisible(AndAll(without.query, filter_queries), clearance)) {
      response.help.blocking_filters.push_back(compiled.fields[k]);
    }
  }
  if (compiled.HasWords()) {
    response.help.suggestion = Suggest(request, compiled, AndAll(Xapian::Query(), filter_queries));
  }
}

std::optional<DocumentHit> Searcher::FindDocument(std::string_view id, catalog::Secrecy clearance) const {
  if (id.empty()) return std::nullopt;
  Run run;
  run.max_items = 1;
  Xapian::MSet mset = Execute(Xapian::Query(schema::IdTerm(id)), clearance, run);
  if (mset.empty()) return std::nullopt;
  DocumentHit hit;
  hit.rank = 1;
  hit.score = 100;
  hit.doc = schema::ReadStoredDocument(mset.begin().get_document()).doc;
  hit.id = hit.doc.Id();
  return hit;
}

uint64_t Searcher::CountDocuments(catalog::Secrecy clearance) const {
  if (clearance == catalog::Secrecy::kTopSecret) return db_.get_doccount();
  return CountVisible(Xapian::Query::MatchAll, clearance);
}

Xapian::doccount Searcher::VisibleFrequency(const std::string& term, catalog::Secrecy clearance) const {
  if (clearance == catalog::Secrecy::kTopSecret) return db_.get_termfreq(term);
  // Exact below the cap; at or above it every such word counts as the cap, whatever else the
  // database holds, so the choice depends on the visible documents alone.
  return std::min(
      Execute(Xapian::Query(term), clearance, Run::Unranked(0, kSpellingCountCap)).get_matches_lower_bound(),
      kSpellingCountCap);
}

std::string Searcher::SpellingFor(const std::string& folded, catalog::Secrecy clearance) const {
  // Xapian's spelling data counts every document: only the clearance that sees them all may use it.
  if (clearance == catalog::Secrecy::kTopSecret) {
    std::string suggestion;
    try {
      suggestion = db_.get_spelling_suggestion(folded);
    } catch (const Xapian::Error&) {
      // Remote databases keep no spelling data.
    }
    if (!suggestion.empty()) return tokenizers::FoldedForm(suggestion);
  }
  // The nearest folded word that a visible document holds, the most frequent in visible documents
  // among equals, then the first in alphabetical order. Vietnamese has a few thousand syllables,
  // so the folded vocabulary is small.
  const size_t cap = folded.size() <= 4 ? 1 : 2;
  const std::string prefix(schema::kFolded);
  std::vector<std::vector<std::string>> by_distance(cap + 1);
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
    const std::string term = *it;  // the iterator yields a temporary
    const std::string_view word = std::string_view(term).substr(prefix.size());
    // Longer prefixes begin with this one (XFS title words, XFILE files); folded words are lower case.
    if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') continue;
    const size_t d = EditDistance(folded, word, cap);
    if (d == 0 || d > cap) continue;
    by_distance[d].push_back(term);
  }
  for (const auto& candidates : by_distance) {
    std::string best;
    Xapian::doccount best_freq = 0;
    for (const std::string& term : candidates) {  // alphabetical: allterms order
      const Xapian::doccount freq = VisibleFrequency(term, clearance);
      if (freq > best_freq) {
        best_freq = freq;
        best = term.substr(prefix.size());
      }
    }
    if (best_freq > 0) return best;
  }
  return {};
}

std::optional<std::string> Searcher::Suggest(const SearchRequest& request, const CompiledQuery& compiled,
                                             const Xapian::Query& filters) const {
  // Replace, from the end so offsets stay valid, every word the index does not know.
  std::vector<const MatchWord*> words;
  for (const auto& seq : compiled.sequences) {
    for (const auto& w : seq.words) words.push_back(&w);
  }
  std::sort(words.begin(), words.end(),
            [](const MatchWord* a, const MatchWord* b) { return a->query_begin > b->query_begin; });
  std::string corrected = request.query;
  bool changed = false;
  size_t last_begin = std::string::npos;
  for (const MatchWord* w : words) {
    if (w->query_begin == last_begin || w->query_end > corrected.size()) continue;
    last_begin = w->query_begin;
    // A word only hidden documents hold is unknown to this reader, as if they did not exist.
    if (AnyVisible(Xapian::Query(schema::PrefixedTerm(schema::kFolded, w->folded)), request.clearance)) continue;
    const std::string replacement = SpellingFor(w->folded, request.clearance);
    if (replacement.empty()) continue;
    corrected.replace(w->query_begin, w->query_end - w->query_begin, replacement);
    changed = true;
  }
  if (!changed) return std::nullopt;
  // Offer it only if it finds something this reader may see.
  try {
    const CompiledQuery again = CompileQuery(ParseQuery(corrected), LookupsFor(request.clearance));
    if (again.query.empty()) return std::nullopt;
    std::vector<Xapian::Query> f;
    if (!filters.empty()) f.push_back(filters);
    if (!AnyVisible(AndAll(again.query, f), request.clearance)) return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return corrected;
}

}  // namespace luutru::search
