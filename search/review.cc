// ReviewFilter, FieldsToReview, ReviewFieldName.
#include "search/review.h"

#include "catalog/schema.h"

namespace luutru::search {
namespace {

constexpr const char* kFields[] = {"number", "date", "type", "issuer"};

bool Sure(const std::optional<catalog::FieldConfidence>& c) { return !c || *c == catalog::FieldConfidence::kRead; }

}  // namespace

Xapian::Query ReviewFilter() {
  std::vector<Xapian::Query> terms;
  for (const char* f : kFields) terms.emplace_back(catalog::schema::ReviewTerm(f));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::vector<std::string> FieldsToReview(const catalog::DocumentMetadata& meta) {
  std::vector<std::string> out;
  if (!meta.number || !Sure(meta.number_confidence)) out.push_back("number");
  if (!meta.date || !Sure(meta.date_confidence)) out.push_back("date");
  if (!meta.type) out.push_back("type");
  if (!meta.issuer) out.push_back("issuer");
  return out;
}

std::string ReviewFieldName(std::string_view field, bool english) {
  if (field == "number") return english ? "number" : "số";
  if (field == "date") return english ? "date" : "ngày";
  if (field == "type") return english ? "type" : "loại";
  return english ? "issuer" : "cơ quan ban hành";
}

}  // namespace luutru::search
