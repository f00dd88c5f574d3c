// The search library behind luutru-search and luutru-serve: one request in, one answer out.
//
// A Searcher holds one or more Xapian databases searched as one. Search() parses the query,
// applies the filters, ranks or sorts, groups by storage unit on request, and finds the pages and
// snippets of each hit. Clearance is enforced in exactly one place, Searcher::Execute(): every
// Xapian query of this file, including the totals, the unit listings and lookups, the counts per
// unit and the spelling checks, is run through it, so a document above the reader's clearance
// cannot appear or be counted anywhere.
//
// A Searcher is not thread-safe (a Xapian::Database is not); give each thread its own.
#ifndef LUUTRU_SEARCH_SEARCHER_H_
#define LUUTRU_SEARCH_SEARCHER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "catalog/model.h"
#include "catalog/schema.h"
#include "search/query_compiler.h"

namespace luutru::search {

enum class SortOrder {
  kDefault,  // relevance when words were searched; catalog order for a unit listing; else date
  kRelevance,
  kDate,  // oldest first, undated last
  kDateDescending,
};

struct SearchRequest {
  std::string query;                     // the query language of query_parser.h; may be empty
  std::optional<std::string> unit;       // --unit: storage unit code, however typed
  std::optional<std::string> number;     // --number: số và ký hiệu
  std::optional<std::string> type;       // --type: name or abbreviation
  std::optional<std::string> fonds;      // phông, however typed ("Phông 12", "phong 12")
  std::optional<std::string> inventory;  // mục lục, however typed
  std::optional<std::string> from;       // --from / --to: YYYY, YYYY-MM or YYYY-MM-DD
  std::optional<std::string> to;
  bool group_by_unit = false;
  // --loose: the words tier (documents holding every word only apart) is shown after the
  // answer; it is shown anyway when the answer is empty.
  bool loose = false;
  // --review: only documents with a field to check (review.h), each hit saying which.
  bool review = false;
  SortOrder sort = SortOrder::kDefault;
  catalog::Secrecy clearance = catalog::Secrecy::kNormal;
  int limit = 10;  // documents, or units when grouped
  int offset = 0;
};

// Which tier a result is in: the answer (every concept where it stands whole) or the words
// tier (every word, some only apart).
enum class MatchTier { kPhrase, kWords };
std::string_view MatchTierName(MatchTier tier);  // "phrase", "words"

struct DocumentHit {
  MatchTier match = MatchTier::kPhrase;
  int rank = 0;   // from offset + 1 (within its unit when grouped)
  int score = 0;  // relevance percentage
  std::string id;
  catalog::ArchiveDocument doc;        // in a search answer its pages carry no text (FindDocument's do)
  std::vector<int> pages;              // where the words matched, from the start of the file
  std::optional<std::string> snippet;  // matched words marked « »; nullopt without words
  // With --number: "number" when the document was read as it, "candidate" when its digits are
  // doubtful or unread, or its number is one OCR confusion away (number_lookup.h).
  std::optional<std::string> number_match;
  // With --review: the fields to check, "number", "date", "type", "issuer" (review.h).
  std::vector<std::string> review;
};

struct UnitHit {
  MatchTier match = MatchTier::kPhrase;  // kWords: the unit's documents of the words tier
  int rank = 0;
  std::string key;  // catalog::UnitKey
  catalog::StorageUnit unit;
  uint64_t matching_documents = 0;     // exact
  std::vector<DocumentHit> documents;  // the best 3
};

// A storage unit as the catalogue lists it for one reader: only the documents that reader may
// see are counted, so a unit holding only hidden documents is absent.
struct UnitSummary {
  std::string key;  // catalog::UnitKey
  catalog::StorageUnit unit;
  uint64_t documents = 0;
  uint64_t pages = 0;
  std::optional<catalog::PartialDate> earliest;  // the earliest dated document's date
  std::optional<catalog::PartialDate> latest;    // the latest dated document's date
  uint64_t undated = 0;                          // documents whose date is unknown
};

// Why a search found nothing, where the database can tell.
struct ZeroResultHelp {
  std::optional<std::string> suggestion;      // the query with misspelt words corrected
  std::vector<std::string> blocking_filters;  // filters that alone removed every result: "--type", "nam:2019"
  bool unit_not_found = false;                // --unit named no storage unit (this reader may see)
  std::string unit_code;                      // the --unit code, as typed
};

struct SearchResponse {
  std::string query;
  bool grouped = false;
  uint64_t total = 0;  // documents that answer, or their units when grouped
  // Xapian's estimate past 1,000 matches, only at the highest clearance (tuyet-mat), which
  // sees every document; below it every total is counted (non-interference).
  bool total_is_estimate = false;
  // Documents (units when grouped) of the words tier only: every word, not every concept
  // whole. 0 when the query has no run of two words or more.
  uint64_t total_loose = 0;
  bool total_loose_is_estimate = false;
  bool loose_shown = false;  // the results go on with the words tier (--loose, or no answer)
  // The answer's results first, then, when loose_shown, those of the words tier; ranks run on.
  std::vector<DocumentHit> documents;  // when not grouped
  std::vector<UnitHit> units;          // when grouped
  ZeroResultHelp help;                 // filled when total is 0
  // Near numbers a --number or so: lookup also matched (Searcher::ResolveNumber): numbers OCR
  // may have misread it as. Empty when the lookup matched the number as typed only.
  std::vector<std::string> near_numbers;
};

class Searcher {
 public:
  // Opens every path and searches them as one. Throws SearchError(kDatabase) naming the path
  // that cannot be opened.
  static Searcher Open(const std::vector<std::string>& paths);
  // `word_pairs`: every document of `db` carries its word pairs (catalog::schema::kWordPair),
  // as an index written by this version does; Open() finds out.
  explicit Searcher(Xapian::Database db, bool word_pairs = false);

  // Answers `request` in four steps: Filters, FindDocuments, MarkHits, and ExplainEmpty when
  // nothing answers. Throws QuerySyntaxError on a malformed query, SearchError on a value or
  // request it cannot use (an unknown type, an ambiguous unit code ...), Xapian::Error on a
  // failing database.
  SearchResponse Search(const SearchRequest& request) const;

  // The storage-unit keys `code` names among the units visible at `clearance`: the unit whose
  // key equals UnitKey(code), else the units whose key ends with it as whole '/' parts. Throws
  // SearchError(kAmbiguousUnit) listing them when several do.
  std::vector<std::string> ResolveUnit(std::string_view code, catalog::Secrecy clearance) const;

  // A lookup of notation key `key` (tokenizers::NotationKey) for a reader at `clearance`. Near
  // numbers differ from `key` by one character after the leading number, as OCR misreads a type
  // code ("46/tir-ubnd" for "46/ttr-ubnd"). When a document this reader may see carries `key`,
  // the lookup is `key` and the near numbers of documents read by OCR (only OCR misreads);
  // otherwise the near numbers of any document (the number may also be mistyped). `near` gets
  // the near numbers the lookup matches in visible documents.
  struct NumberLookup {
    Xapian::Query query;
    std::vector<std::string> near;
  };
  NumberLookup ResolveNumber(const std::string& key, catalog::Secrecy clearance) const;

  // The concepts `query` is read as for a reader at `clearance` (CompiledQuery::sequences): the
  // runs a page image marks. Empty for a query that cannot be read or searches no words.
  std::vector<MatchSequence> Concepts(std::string_view query, catalog::Secrecy clearance) const;

  // The document with this id (ArchiveDocument::Id()) if `clearance` may see it, else nullopt:
  // a document above the reader's clearance is indistinguishable from one that does not exist.
  std::optional<DocumentHit> FindDocument(std::string_view id, catalog::Secrecy clearance) const;

  // Every storage unit with a document `clearance` may see, in no particular order
  // (searcher_browse.cc). Reads every visible document's record once.
  std::vector<UnitSummary> Units(catalog::Secrecy clearance) const;
  // The number of documents `clearance` may see.
  uint64_t CountDocuments(catalog::Secrecy clearance) const;

  // The most distinct terms (posting lists) one search may read; more throws
  // SearchError(kQueryTooLarge). Bounds the work of a request, whatever its words.
  static constexpr size_t kMaxQueryTerms = 256;

  const Xapian::Database& database() const { return db_; }

 private:
  struct Run {
    SortOrder sort = SortOrder::kRelevance;  // kDefault here means catalog order
    int collapse_max = 0;                    // 0: no collapsing on the unit
    Xapian::doccount first = 0;
    Xapian::doccount max_items = 0;
    Xapian::doccount check_at_least = 0;
    bool unranked = false;            // only which documents match counts: no weights to compute
    bool ties_by_date = false;        // kRelevance: equal weights oldest first
    bool coordinate = false;          // weight = query terms a document holds (no collection statistics)
    Xapian::MatchSpy* spy = nullptr;  // shown every document the match considers
    // Which documents match, not how well: the first `items` in document order, Xapian
    // counting at least `at_least` matches (exactly when fewer).
    static Run Unranked(Xapian::doccount items, Xapian::doccount at_least) {
      Run run;
      run.unranked = true;
      run.max_items = items;
      run.check_at_least = at_least;
      return run;
    }
  };
  // THE one function that runs a query: it ANDs the clearance filter into every query (none at
  // the highest clearance, which sees every document).
  // `query` must not be empty (Xapian::Query() matches nothing here).
  Xapian::MSet Execute(const Xapian::Query& query, catalog::Secrecy clearance, const Run& run) const;
  // Whether a document matching `query` that `clearance` may see exists.
  bool AnyVisible(const Xapian::Query& query, catalog::Secrecy clearance) const;
  // Documents matching `query` that `clearance` may see, counted exactly.
  uint64_t CountVisible(const Xapian::Query& query, catalog::Secrecy clearance) const;
  // The total of `query`, of which `mset` is a bounded run made with `run`: exact when `mset`
  // saw every match; past that, Xapian's estimate at tuyet-mat, and below it every visible match
  // counted (units when `run` collapses them, each visible match's unit seen once): an estimate follows the
  // statistics of every document, and whether a total is one would tell that hidden ones exist.
  struct TierTotal {
    uint64_t total = 0;
    bool estimate = false;
    // AnswerByConcepts: the candidates' total when it counted them, for the words tier.
    std::optional<uint64_t> candidates;
  };
  TierTotal Total(const Xapian::MSet& mset, const Xapian::Query& query, catalog::Secrecy clearance,
                  const Run& run) const;
  // The resolvers CompileQuery needs; near numbers used go to `near_numbers` when given.
  Resolvers LookupsFor(catalog::Secrecy clearance, std::vector<std::string>* near_numbers = nullptr) const;
  // The hit of `it` at `rank`: pages, snippet and the document's catalog data, without its page
  // texts (a hit list carries its snippets, not whole texts; each hit's memory is reused by the next).
  DocumentHit MakeHit(const Xapian::MSetIterator& it, const std::vector<MatchSequence>& sequences, int rank) const;
  // The hits of `items`, in that order, with ranks `ranks` (one each), made in document order.
  std::vector<DocumentHit> MakeHits(const std::vector<Xapian::MSetIterator>& items, const std::vector<int>& ranks,
                                    const std::vector<MatchSequence>& sequences) const;
  // One tier of an answer: its total (documents, or units when grouped) and the results
  // offset..offset+limit of `query`, appended to `response` with `tier`, ranks from
  // `first_rank`. `sequences` are marked in the snippets.
  TierTotal AnswerTier(const Xapian::Query& query, const std::vector<MatchSequence>& sequences, MatchTier tier, Run run,
                       Xapian::doccount offset, Xapian::doccount limit, int first_rank, catalog::Secrecy clearance,
                       SearchResponse& response) const;
  // The option filters of a request (--unit, --number, --review, --type, --fonds, --inventory,
  // --from, --to), each by the name an empty answer blames it with.
  struct RequestFilters {
    std::vector<std::pair<std::string, Xapian::Query>> named;
    bool unit_not_found = false;            // --unit named no unit this reader may see
    std::optional<std::string> number_key;  // --number's notation key
    std::vector<Xapian::Query> Queries() const;
  };
  // Search's steps.
  // Filters: the request's option filters; throws SearchError on a value it cannot read or a
  // --from after --to; near numbers of --number go to `response`.
  RequestFilters Filters(const SearchRequest& request, SearchResponse& response) const;
  // FindDocuments: the answer tier and, when the query has runs, the words tier, each a total
  // and its page of results (documents, or units with their best documents when grouped).
  void FindDocuments(const SearchRequest& request, const CompiledQuery& compiled, const RequestFilters& filters,
                     SearchResponse& response) const;
  // MarkHits: each hit's fields to review (--review) and how it matched --number.
  void MarkHits(const SearchRequest& request, const RequestFilters& filters, SearchResponse& response) const;
  // ExplainEmpty: why nothing answered: an unknown unit, the filters and field prefixes that
  // alone emptied the answer, a spelling that would answer; counted at the reader's clearance.
  void ExplainEmpty(const SearchRequest& request, const QueryNode& root, const CompiledQuery& compiled,
                    const RequestFilters& filters, SearchResponse& response) const;
  // AnswerTier for an ungrouped answer whose `candidates` need `checks` (CompiledQuery): the
  // candidates ranked and counted without positions, the chains checked on the documents shown
  // and on a sample of at most kChainsChecked candidates for the total: exact when they are all
  // the candidates, else the sample's share of the candidates, an estimate. `run.check_at_least`
  // bounds the count of candidates as in AnswerTier.
  TierTotal AnswerByConcepts(const Xapian::Query& full, const Xapian::Query& candidates,
                             const std::vector<MatchSequence>& checks, const std::vector<MatchSequence>& sequences,
                             Run run, Xapian::doccount offset, Xapian::doccount limit, int first_rank,
                             catalog::Secrecy clearance, SearchResponse& response) const;
  // The words tier's total, counted without ranking or reading positions: documents of
  // `every_word` (the words tier's query, answer included) that are not in `answer`, whose
  // documents are those of `candidates` (whose concepts chain, when `chains_checked`; else
  // all of them). Exact when both counts are; otherwise from the first documents of
  // `every_word`, an estimate.
  TierTotal CountWordsTier(const Xapian::Query& every_word, const Xapian::Query& candidates, bool chains_checked,
                           const TierTotal& answer, catalog::Secrecy clearance) const;
  std::optional<std::string> Suggest(const SearchRequest& request, const CompiledQuery& compiled,
                                     const Xapian::Query& filters) const;
  // The correction of an unknown folded word, built from the documents `clearance` may see only:
  // a word only hidden documents hold is never offered, nor does it change which word is.
  std::string SpellingFor(const std::string& folded, catalog::Secrecy clearance) const;
  // Visible documents holding `term`, counted up to a cap (exactly below it).
  Xapian::doccount VisibleFrequency(const std::string& term, catalog::Secrecy clearance) const;

  Xapian::Database db_;
  bool word_pairs_ = false;
  // The highest secrecy a document of db_ holds (tuyet-mat when one holds no secrecy term): a
  // reader at or above it needs no clearance filter, which only ever changes how fast a match runs.
  catalog::Secrecy highest_held_ = catalog::Secrecy::kTopSecret;
};

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_SEARCHER_H_
