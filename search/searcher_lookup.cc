// Searcher::FindDocument: one document by id, through the clearance check of Execute(); and
// Searcher::Concepts, the concepts of a query for a page image's marks.
#include "search/searcher.h"

namespace luutru::search {

std::optional<DocumentHit> Searcher::FindDocument(std::string_view id, catalog::Secrecy clearance) const {
  if (id.empty()) return std::nullopt;
  Run run;
  run.max_items = 1;
  Xapian::MSet mset = Execute(Xapian::Query(catalog::schema::IdTerm(id)), clearance, run);
  if (mset.empty()) return std::nullopt;
  DocumentHit hit;
  hit.rank = 1;
  hit.score = 100;
  hit.doc = catalog::schema::ReadStoredDocument(mset.begin().get_document()).doc;
  hit.id = hit.doc.Id();
  return hit;
}

std::vector<MatchSequence> Searcher::Concepts(std::string_view query, catalog::Secrecy clearance) const {
  try {
    return CompileQuery(ParseQuery(query), LookupsFor(clearance)).sequences;
  } catch (const std::exception&) {
    return {};  // a malformed query or field value: the page is shown unmarked, not refused
  }
}

}  // namespace luutru::search
