// Searcher::AnswerByConcepts: an answer found by its word pairs, whose concepts of three words
// or more are checked to chain only where it counts (search/concept_check.h); and
// Searcher::CountWordsTier, the words tier counted without positions.
#include <cmath>
#include <map>

#include "search/concept_check.h"
#include "search/searcher.h"

namespace luutru::search {
namespace {

// Candidates whose chains are checked for the total. Below it the total is exact; above it, an
// estimate from these (a candidate holds every pair of its concepts, so nearly all chain).
constexpr Xapian::doccount kChainsChecked = 200;
// Documents holding every word counted exactly; beyond, their share outside the answer
// estimates the words tier.
constexpr Xapian::doccount kWordsSampled = 200;

// The last document of an unranked match (its documents are in document order).
Xapian::docid LastDocument(const Xapian::MSet& mset) {
  Xapian::docid last = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) last = std::max(last, *it);
  return last;
}

// How many documents of `mset` come no later than `last`.
Xapian::doccount UpTo(const Xapian::MSet& mset, Xapian::docid last) {
  Xapian::doccount n = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) n += *it <= last;
  return n;
}

}  // namespace

Searcher::TierTotal Searcher::AnswerByConcepts(const Xapian::Query& full, const Xapian::Query& candidates,
                                               const std::vector<MatchSequence>& checks,
                                               const std::vector<MatchSequence>& sequences, Run run,
                                               Xapian::doccount offset, Xapian::doccount limit, int first_rank,
                                               catalog::Secrecy clearance, SearchResponse& response) const {
  std::map<Xapian::docid, bool> whole;
  auto holds = [&](Xapian::docid did) {
    auto [it, fresh] = whole.try_emplace(did, false);
    if (fresh) it->second = HoldsWhole(db_, did, checks);
    return it->second;
  };

  // The total. Unranked, Xapian walks the candidates in document order and stops at the
  // kChainsChecked-th whose concepts chain (checked by its own phrase test, which reuses its
  // position cursors); fewer means it walked them all.
  TierTotal out;
  Run count = Run::Unranked(kChainsChecked, kChainsChecked);
  const Xapian::MSet chained = Execute(full, clearance, count);
  if (chained.size() < kChainsChecked) {
    out.total = chained.size();
  } else {
    // The candidates up to the last of them tell the share of candidates that chain.
    count.max_items = 2 * kChainsChecked;
    count.check_at_least = std::max(run.check_at_least, count.max_items);
    const Xapian::MSet found = Execute(candidates, clearance, count);
    const Xapian::doccount up_to_last = UpTo(found, LastDocument(chained));
    if (up_to_last == found.size() && found.size() < count.max_items) {
      out.total = chained.size();  // no candidate after the last that chains
    } else {
      out.candidates = Total(found, candidates, clearance, count).total;
      out.total = static_cast<uint64_t>(std::llround(static_cast<double>(*out.candidates) * chained.size() /
                                                     std::max<Xapian::doccount>(up_to_last, chained.size())));
      out.total = std::max<uint64_t>(out.total, chained.size());
      out.estimate = true;
    }
  }

  // The page: candidates in rank order, each checked, until the page is full.
  std::vector<Xapian::MSetIterator> items;
  std::vector<int> ranks;
  const Xapian::doccount wanted = offset + limit;
  if (limit > 0 && (out.estimate || out.total > offset)) {
    for (Xapian::doccount fetch = wanted + limit;; fetch *= 2) {
      run.first = 0;
      run.max_items = fetch;
      run.check_at_least = 0;
      const Xapian::MSet mset = Execute(candidates, clearance, run);
      items.clear();
      ranks.clear();
      Xapian::doccount kept = 0;
      auto page_full = [&] { return kept == wanted || (!out.estimate && kept == out.total); };
      bool stopped = false;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (page_full()) {
          stopped = true;
          break;
        }
        if (!holds(*it)) continue;
        if (kept++ < offset) continue;
        ranks.push_back(first_rank + static_cast<int>(items.size()));
        items.push_back(it);
      }
      if (!stopped && mset.size() < fetch) {
        out.total = kept;  // every candidate was checked
        out.estimate = false;
        break;
      }
      if (page_full()) {
        if (out.estimate) out.total = std::max<uint64_t>(out.total, kept);
        break;
      }
    }
  }
  for (DocumentHit& hit : MakeHits(items, ranks, sequences)) {
    hit.match = MatchTier::kPhrase;
    response.documents.push_back(std::move(hit));
  }
  return out;
}

Searcher::TierTotal Searcher::CountWordsTier(const Xapian::Query& every_word, const Xapian::Query& candidates,
                                             bool chains_checked, const TierTotal& answer,
                                             catalog::Secrecy clearance) const {
  // Every document of the answer holds every word of it (a concept standing whole holds its
  // words), so the tier is the difference.
  TierTotal out;
  Run count = Run::Unranked(kWordsSampled, kWordsSampled);
  const Xapian::MSet all = Execute(every_word, clearance, count);
  const TierTotal holders = Total(all, every_word, clearance, count);
  const uint64_t holding = holders.total;
  if (!holders.estimate && !answer.estimate) {
    out.total = holding - std::min(holding, answer.total);
    return out;
  }
  // The first documents holding every word, in document order, and the candidates among them
  // (candidates hold every word: those up to the last of them are at most as many). Candidates
  // whose concepts do not chain are of the tier too.
  const Xapian::MSet first_candidates = Execute(candidates, clearance, count);
  const Xapian::doccount in_candidates = UpTo(first_candidates, LastDocument(all));
  const double apart = all.empty() ? 0.0
                                   : static_cast<double>(all.size() - std::min(all.size(), in_candidates)) /
                                         static_cast<double>(all.size());
  // The answer counted its candidates when its total is an estimate; else they are counted here.
  const uint64_t candidates_held = !chains_checked     ? 0
                                   : answer.candidates ? *answer.candidates
                                                       : Total(first_candidates, candidates, clearance, count).total;
  const uint64_t unchained = candidates_held - std::min<uint64_t>(candidates_held, answer.total);
  out.total = static_cast<uint64_t>(std::llround(static_cast<double>(holding) * apart)) + unchained;
  out.estimate = true;
  return out;
}

}  // namespace luutru::search
