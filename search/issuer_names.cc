// IssuerNames: a noisy issuer reading -> the name the archive knows.
#include "search/issuer_names.h"

#include <algorithm>
#include <vector>

#include "catalog/schema.h"
#include "tokenizers/normalize.h"
#include "tokenizers/tokenizer.h"

namespace luutru::search {
namespace {

namespace schema = catalog::schema;

// Documents read for the names they hold: the best matches of the reading's words.
constexpr Xapian::doccount kDocumentsRead = 64;
// Folded letters of debris a reading may carry after the name ("ctubnd", "cc").
constexpr int kTail = 8;

// The most letters a reading may differ from a known name (marks and spaces aside): one, two in
// a long name. Names of two bodies can be two apart ("Quảng Nam", "Quảng Ngãi").
int Limit(size_t letters) { return letters >= 40 ? 2 : 1; }

}  // namespace

std::string FoldedName(std::string_view name) {
  std::string out;
  for (const char c : tokenizers::FoldedForm(name)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

int NameDistance(std::string_view reading, std::string_view known, int tail, int limit) {
  // prev[j]: cost of matching reading[0..i) with known[0..j).
  std::vector<int> prev(known.size() + 1), cur(known.size() + 1);
  for (size_t j = 0; j <= known.size(); ++j) prev[j] = static_cast<int>(j);
  int best = known.size() <= static_cast<size_t>(tail) && reading.size() <= static_cast<size_t>(tail)
                 ? static_cast<int>(known.size())
                 : limit + 1;
  for (size_t i = 1; i <= reading.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= known.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (reading[i - 1] == known[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
    // The whole known name matched by reading[0..i), the rest of the reading debris.
    if (reading.size() - i <= static_cast<size_t>(tail)) best = std::min(best, prev[known.size()]);
  }
  return best <= limit ? best : -1;
}

std::optional<std::string> IssuerNames::Known(const std::string& reading) {
  if (const auto found = cache_.find(reading); found != cache_.end()) return found->second;
  std::optional<std::string>& answer = cache_[reading];
  const std::string folded = FoldedName(reading);
  std::vector<Xapian::Query> words;
  for (const tokenizers::Token& t : tokenizers::Tokenize(reading)) {
    if (t.kind == tokenizers::TokenKind::kWord || t.kind == tokenizers::TokenKind::kNumber) {
      words.emplace_back(std::string(schema::kIssuer) + t.folded);
    }
  }
  if (words.size() < 2 || folded.size() < 8) return answer;
  const Xapian::MSet mset = visible_(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()), kDocumentsRead);
  // Each name with how many documents carry it, and whether the catalog gives it.
  struct Seen {
    int documents = 0;
    bool catalog = false;
  };
  std::map<std::string, Seen> names;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const catalog::ArchiveDocument doc = schema::ReadStoredDocument(it.get_document(), false).doc;
    if (!doc.meta.issuer) continue;
    Seen& seen = names[*doc.meta.issuer];
    ++seen.documents;
    seen.catalog = seen.catalog || doc.meta.issuer != doc.extracted.issuer;
  }
  const int own = names.count(reading) ? names[reading].documents : 0;
  int best_distance = 0;
  int best_documents = 0;
  for (const auto& [name, seen] : names) {
    if (name == reading || (!seen.catalog && (seen.documents < 2 || seen.documents <= own))) continue;
    const std::string key = FoldedName(name);
    const int d = NameDistance(folded, key, kTail, Limit(key.size()));
    if (d < 0) continue;
    // The closest; among equals the catalog's, then the most frequent.
    const int documents = seen.catalog ? 1 << 20 : seen.documents;
    if (!answer || d < best_distance || (d == best_distance && documents > best_documents)) {
      answer = name;
      best_distance = d;
      best_documents = documents;
    }
  }
  return answer;
}

}  // namespace luutru::search
