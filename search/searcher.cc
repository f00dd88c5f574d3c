#include "search/searcher.h"

#include <algorithm>
#include <map>
#include <set>

#include "search/hit_pages.h"
#include "search/number_lookup.h"
#include "search/review.h"
#include "search/search_error.h"
#include "search/snippet.h"
#include "tokenizers/normalize.h"
#include "tokenizers/notation.h"

namespace luutru::search {
namespace {

namespace schema = catalog::schema;

// Totals are exact up to this many matches, estimated beyond (total_is_estimate).
constexpr Xapian::doccount kCheckAtLeast = 1000;
constexpr int kDocumentsPerUnit = 3;

std::string Cat(std::string_view prefix, std::string_view value) {
  std::string s(prefix);
  s += value;
  return s;
}

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
Xapian::Query DateFilter(const std::optional<std::string>& from, const std::optional<std::string>& to) {
  std::vector<Xapian::Query> parts;
  std::string first_day, last_day;
  if (from) {
    first_day = ParseDateOption(*from).FirstDay();
    parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kSlotDateLast, first_day);
  }
  if (to) {
    last_day = ParseDateOption(*to).LastDay();
    parts.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kSlotDateFirst, last_day);
    parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kSlotDateFirst, std::string("0"));
  }
  if (from && to && first_day > last_day) {
    throw SearchError(SearchError::Kind::kEmptyDateRange, *from + ".." + *to);
  }
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
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
      word_pairs = word_pairs && (shard.get_doccount() == 0 || shard.allterms_begin(pairs) != shard.allterms_end(pairs));
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

Xapian::MSet Searcher::Execute(const Xapian::Query& query, catalog::Secrecy clearance, const Run& run) const {
  Xapian::Enquire enquire(db_);
  // The highest clearance sees every document: no filter, and four posting lists fewer to open.
  enquire.set_query(clearance == catalog::Secrecy::kTopSecret
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
  if (run.collapse_max > 0) enquire.set_collapse_key(schema::kSlotUnit, run.collapse_max);
  return enquire.get_mset(run.first, run.max_items, run.check_at_least);
}

bool Searcher::AnyVisible(const Xapian::Query& query, catalog::Secrecy clearance) const {
  Run run;
  run.max_items = 1;
  return !Execute(query, clearance, run).empty();
}

uint64_t Searcher::CountVisible(const Xapian::Query& query, catalog::Secrecy clearance) const {
  Run run;
  run.check_at_least = db_.get_doccount();
  return Execute(query, clearance, run).get_matches_estimated();
}

std::vector<std::string> Searcher::ResolveUnit(std::string_view code, catalog::Secrecy clearance) const {
  const std::string key = catalog::UnitKey(code);
  if (key.empty()) return {};
  auto visible = [&](const std::string& k) { return AnyVisible(Xapian::Query(Cat(schema::kUnit, k)), clearance); };
  if (db_.term_exists(Cat(schema::kUnit, key)) && visible(key)) return {key};
  std::vector<std::string> matches;
  const std::string prefix(schema::kUnit);
  const std::string tail = "/" + key;
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
    const std::string candidate = (*it).substr(prefix.size());
    if (candidate.size() > tail.size() && candidate.ends_with(tail) && visible(candidate)) {
      matches.push_back(candidate);
    }
  }
  if (matches.size() > 1) {
    std::vector<UnitCandidate> candidates;
    for (const std::string& k : matches) {
      Run run;
      run.max_items = 1;
      Xapian::MSet mset = Execute(Xapian::Query(Cat(schema::kUnit, k)), clearance, run);
      const auto stored = schema::ReadStoredDocument(mset.begin().get_document());
      candidates.push_back(UnitCandidate{stored.doc.unit.code, stored.doc.unit.title, stored.doc.unit.box});
    }
    throw SearchError(SearchError::Kind::kAmbiguousUnit, std::string(code), {}, std::move(candidates));
  }
  return matches;
}

Searcher::NumberLookup Searcher::ResolveNumber(const std::string& key, catalog::Secrecy clearance) const {
  auto visible = [&](const Xapian::Query& q) { return AnyVisible(q, clearance); };
  const Xapian::Query exact(Cat(schema::kNumber, key));
  const bool found = visible(exact);
  // Only OCR misreads a number that is also found as typed.
  const Xapian::Query read_by_ocr(Cat(schema::kSource, catalog::TextSourceName(catalog::TextSource::kOcr)));
  auto restrict = [&](Xapian::Query q) { return found ? Xapian::Query(Xapian::Query::OP_FILTER, q, read_by_ocr) : q; };
  NumberLookup lookup;
  std::vector<Xapian::Query> alternatives;
  if (found) alternatives.push_back(exact);
  // The leading number is what the archivist knows for sure; a misread digit would name another
  // document. Only the rest ("/ttr-ubnd") may differ, by one character.
  const size_t digits = key.find_first_not_of("0123456789");
  if (digits != 0 && digits != std::string::npos) {
    const std::string prefix = Cat(schema::kNumber, key.substr(0, digits));
    const std::string_view rest = std::string_view(key).substr(digits);
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

Resolvers Searcher::LookupsFor(catalog::Secrecy clearance, std::vector<std::string>* near_numbers) const {
  Resolvers r;
  r.word_pairs = word_pairs_;
  r.unit = [this, clearance](std::string_view code) { return ResolveUnit(code, clearance); };
  r.number = [this, clearance, near_numbers](const std::string& key) {
    NumberLookup lookup = ResolveNumber(key, clearance);
    if (near_numbers) near_numbers->insert(near_numbers->end(), lookup.near.begin(), lookup.near.end());
    return lookup.query;
  };
  return r;
}

DocumentHit Searcher::MakeHit(const Xapian::MSetIterator& it, const CompiledQuery& compiled, int rank) const {
  DocumentHit hit;
  hit.rank = rank;
  hit.score = it.get_percent();
  schema::StoredDocument stored = schema::ReadStoredDocument(it.get_document(), /*word_boxes=*/false);
  const DocumentMatches matches = LocateSequences(db_, *it, compiled.sequences);
  hit.pages = HitPages(stored, matches);
  hit.snippet = MakeSnippetAt(stored.doc, SnippetAnchors(stored, matches, hit.pages), compiled.sequences);
  hit.doc = std::move(stored.doc);
  for (catalog::Page& page : hit.doc.pages) std::string().swap(page.text);
  hit.id = hit.doc.Id();
  return hit;
}

std::vector<DocumentHit> Searcher::MakeHits(const std::vector<Xapian::MSetIterator>& items,
                                            const std::vector<int>& ranks, const CompiledQuery& compiled) const {
  // Records are kept in document order, so neighbours share the index blocks a read brings in
  // (one-off, 100 hits: 101 block reads of records instead of 153 in rank order).
  std::vector<size_t> by_document(items.size());
  for (size_t i = 0; i < items.size(); ++i) by_document[i] = i;
  std::sort(by_document.begin(), by_document.end(), [&](size_t a, size_t b) { return *items[a] < *items[b]; });
  std::vector<DocumentHit> hits(items.size());
  for (size_t i : by_document) hits[i] = MakeHit(items[i], compiled, ranks[i]);
  return hits;
}

SearchResponse Searcher::Search(const SearchRequest& request) const {
  const catalog::Secrecy clearance = request.clearance;
  SearchResponse response;
  response.query = request.query;
  response.grouped = request.group_by_unit;

  const QueryNode root = ParseQuery(request.query);
  const CompiledQuery compiled =
      CompileQuery(root, LookupsFor(clearance, &response.near_numbers));

  // The option filters, by name, so that a search with no result can say which one emptied it.
  std::vector<std::pair<std::string, Xapian::Query>> filters;
  bool unit_not_found = false;
  if (request.unit) {
    std::vector<std::string> keys = ResolveUnit(*request.unit, clearance);
    unit_not_found = keys.empty();
    filters.emplace_back("--unit", UnitFilter(keys));
  }
  std::optional<std::string> number_key;
  if (request.number) {
    const Xapian::Query as_typed =
        NumberFilter(*request.number, LookupsFor(clearance, &response.near_numbers).number);
    number_key = tokenizers::NotationKey(*request.number);
    // Ranked by fit when it is all that was asked (a filter, so boolean, beside words).
    const RankedLookup ranked = RankedNumberLookup(db_, *number_key, as_typed);
    filters.emplace_back("--number", ranked.query);
  }
  if (request.review) filters.emplace_back("--review", ReviewFilter());
  if (request.type) filters.emplace_back("--type", TypeFilter(*request.type));
  if (request.from) filters.emplace_back("--from", DateFilter(request.from, std::nullopt));
  if (request.to) filters.emplace_back("--to", DateFilter(std::nullopt, request.to));
  if (request.from && request.to) DateFilter(request.from, request.to);  // checks from <= to
  if (compiled.query.empty() && filters.empty()) {
    throw SearchError(SearchError::Kind::kEmptyRequest, request.query);
  }
  std::vector<Xapian::Query> filter_queries;
  for (const auto& f : filters) filter_queries.push_back(f.second);
  const Xapian::Query full = AndAll(compiled.query, filter_queries);

  Run run;
  run.sort = request.sort;
  if (request.sort == SortOrder::kDefault) {
    // No words to rank by: a unit listing is in catalog order, anything else by date.
    // A number alone: by how well each document fits it, then by date.
    run.sort = compiled.HasWords() || number_key ? SortOrder::kRelevance
               : request.unit                  ? SortOrder::kDefault
                                               : SortOrder::kDate;
    run.ties_by_date = !compiled.HasWords() && number_key;
  }
  const Xapian::doccount limit = static_cast<Xapian::doccount>(std::max(request.limit, 0));
  const Xapian::doccount offset = static_cast<Xapian::doccount>(std::max(request.offset, 0));

  if (!request.group_by_unit) {
    run.first = offset;
    run.max_items = limit;
    run.check_at_least = std::max<Xapian::doccount>(kCheckAtLeast, offset + limit);
    Xapian::MSet mset = Execute(full, clearance, run);
    response.total = mset.get_matches_estimated();
    response.total_is_estimate = mset.get_matches_lower_bound() != mset.get_matches_upper_bound();
    std::vector<Xapian::MSetIterator> items;
    std::vector<int> ranks;
    items.reserve(mset.size());
    ranks.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      items.push_back(it);
      ranks.push_back(static_cast<int>(offset + items.size()));
    }
    response.documents = MakeHits(items, ranks, compiled);
  } else {
    // Units: one item per unit. Xapian counts them exactly when it sees every match (at most
    // about kCheckAtLeast documents) and estimates beyond, as for the ungrouped total: counting
    // every unit of a very common word would read the unit of every match in the archive.
    // Unranked, Xapian stops after kCheckAtLeast matches instead of ranking them all.
    Run count_run;
    count_run.unranked = true;
    count_run.collapse_max = 1;
    count_run.max_items = kCheckAtLeast;
    count_run.check_at_least = kCheckAtLeast;
    const Xapian::MSet units = Execute(full, clearance, count_run);
    response.total = units.get_matches_estimated();
    response.total_is_estimate = units.get_matches_lower_bound() != units.get_matches_upper_bound();
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
    for (size_t u = offset; u < order.size() && u < offset + limit; ++u) {
      UnitHit unit;
      unit.rank = static_cast<int>(u) + 1;
      unit.key = order[u];
      unit.matching_documents =
          CountVisible(Xapian::Query(Xapian::Query::OP_FILTER, full, Xapian::Query(Cat(schema::kUnit, unit.key))),
                       clearance);
      int rank = 0;
      for (const auto& it : members[unit.key]) {
        items.push_back(it);
        ranks.push_back(++rank);
      }
      response.units.push_back(std::move(unit));
    }
    std::vector<DocumentHit> hits = MakeHits(items, ranks, compiled);
    auto next = hits.begin();
    for (UnitHit& unit : response.units) {
      const auto end = next + static_cast<std::ptrdiff_t>(members[unit.key].size());
      unit.documents.assign(std::make_move_iterator(next), std::make_move_iterator(end));
      next = end;
      unit.unit = unit.documents.front().doc.unit;  // a unit on the page has at least one member
    }
  }

  if (request.review) {
    for (DocumentHit& hit : response.documents) hit.review = FieldsToReview(hit.doc.meta);
    for (UnitHit& unit : response.units) {
      for (DocumentHit& hit : unit.documents) hit.review = FieldsToReview(hit.doc.meta);
    }
  }
  if (number_key) {
    for (DocumentHit& hit : response.documents) hit.number_match = NumberMatch(hit.doc.meta, *number_key);
    for (UnitHit& unit : response.units) {
      for (DocumentHit& hit : unit.documents) hit.number_match = NumberMatch(hit.doc.meta, *number_key);
    }
  }

  if (response.total == 0) {
    response.help.unit_not_found = unit_not_found;
    if (request.unit) response.help.unit_code = *request.unit;
    if (filters.size() > 0 && !unit_not_found) {
      for (size_t i = 0; i < filters.size(); ++i) {
        std::vector<Xapian::Query> others;
        for (size_t j = 0; j < filters.size(); ++j) {
          if (j != i) others.push_back(filters[j].second);
        }
        if (compiled.query.empty() && others.empty()) continue;
        if (CountVisible(AndAll(compiled.query, others), clearance) > 0) {
          response.help.blocking_filters.push_back(filters[i].first);
        }
      }
    }
    for (size_t k = 0; k < compiled.fields.size() && !unit_not_found; ++k) {
      const CompiledQuery without =
          CompileQuery(root, LookupsFor(clearance), static_cast<int>(k));
      if (without.query.empty() && filter_queries.empty()) continue;
      if (CountVisible(AndAll(without.query, filter_queries), clearance) > 0) {
        response.help.blocking_filters.push_back(compiled.fields[k]);
      }
    }
    if (compiled.HasWords()) {
      response.help.suggestion = Suggest(request, compiled, AndAll(Xapian::Query(), filter_queries));
    }
  }
  return response;
}

std::string Searcher::SpellingFor(const std::string& folded) const {
  std::string suggestion;
  try {
    suggestion = db_.get_spelling_suggestion(folded);
  } catch (const Xapian::Error&) {
    // Remote databases keep no spelling data.
  }
  if (!suggestion.empty()) return tokenizers::FoldedForm(suggestion);
  // No spelling data: the nearest folded word of the index, the most frequent among equals.
  // Vietnamese has a few thousand syllables, so the folded vocabulary is small.
  const size_t cap = folded.size() <= 4 ? 1 : 2;
  const std::string prefix(schema::kFolded);
  size_t best_distance = cap + 1;
  Xapian::doccount best_freq = 0;
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
    const std::string term = *it;  // the iterator yields a temporary
    const std::string_view word = std::string_view(term).substr(prefix.size());
    // Longer prefixes begin with this one (XFS title words, XFILE files); folded words are lower case.
    if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') continue;
    const size_t d = EditDistance(folded, word, cap);
    if (d == 0 || d > best_distance) continue;
    if (d < best_distance || it.get_termfreq() > best_freq) {
      best_distance = d;
      best_freq = it.get_termfreq();
      suggestion = std::string(word);
    }
  }
  return suggestion;
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
    if (db_.term_exists(Cat(schema::kFolded, w->folded))) continue;
    const std::string replacement = SpellingFor(w->folded);
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
    if (CountVisible(AndAll(again.query, f), request.clearance) == 0) return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return corrected;
}

}  // namespace luutru::search
