// Searcher::FindDocument: one document by id, through the clearance check of Execute().
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

}  // namespace luutru::search
