// RankedNumberLookup and NumberMatch.
#include "search/number_lookup.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "catalog/schema.h"
#include "tokenizers/notation.h"

namespace luutru::search {
namespace {

namespace schema = catalog::schema;

// Tiers of the lookup; a document in several adds them, which keeps the order.
constexpr double kReadAsTyped = 1000;
constexpr double kDoubtfulAsTyped = 500;  // also a candidate: 500 + its fit
constexpr double kCandidate = 100;        // same printed part, digits doubtful or unread: up to 100 + 60
constexpr double kConfusionAway = 60;
constexpr double kNear = 20;

// Digits handwriting and OCR mix up.
bool Confusable(char a, char b) {
  static constexpr const char* kPairs[] = {"17", "38", "56", "68", "08", "06", "49",
                                           "27", "14", "89", "23", "35", "05", "09"};
  for (const char* p : kPairs) {
    if ((a == p[0] && b == p[1]) || (a == p[1] && b == p[0])) return true;
  }
  return false;
}

// The cost of reading `typed` as `read`: a look-alike digit or a lost one 1 (a line of
// handwriting is read short far more often than long), another digit or an added one 2.
int DigitDistance(std::string_view typed, std::string_view read) {
  std::vector<int> prev(read.size() + 1), cur(read.size() + 1);
  for (size_t j = 0; j <= read.size(); ++j) prev[j] = static_cast<int>(2 * j);
  for (size_t i = 1; i <= typed.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= read.size(); ++j) {
      const char a = typed[i - 1], b = read[j - 1];
      const int swap = a == b ? 0 : Confusable(a, b) ? 1 : 2;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 2, prev[j - 1] + swap});
    }
    std::swap(prev, cur);
  }
  return prev[read.size()];
}

Xapian::Query Weighted(double weight, const Xapian::Query& q) {
  auto* fixed = new Xapian::FixedWeightPostingSource(weight);
  return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()), q);
}

std::string WithoutLeadingZeros(std::string digits) {
  const size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? "0" : digits.substr(first);
}

}  // namespace

std::string NumberTerm(std::string_view key) { return schema::PrefixedTerm(schema::kNumber, key); }

NumberParts SplitNumber(std::string_view key) {
  const size_t split = std::min(key.find_first_not_of("0123456789"), key.size());
  return NumberParts{std::string(key.substr(0, split)), std::string(key.substr(split))};
}

Xapian::Query ReadByOcr() {
  return Xapian::Query(schema::PrefixedTerm(schema::kSource, catalog::TextSourceName(catalog::TextSource::kOcr)));
}

RankedLookup RankedNumberLookup(const Xapian::Database& db, const std::string& key, const Xapian::Query& also) {
  std::vector<Xapian::Query> tiers;
  bool candidates = false;
  const Xapian::Query read_by_ocr = ReadByOcr();
  const auto [digits, rest] = SplitNumber(key);
  const std::string exact = NumberTerm(key);

  // Read as typed: a document whose number is a candidate term was read with doubt.
  if (db.term_exists(exact)) {
    const std::optional<std::string> doubtful = schema::NumberCandidateTerm(key);
    tiers.push_back(Weighted(kReadAsTyped, doubtful ? Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(exact),
                                                                    Xapian::Query(*doubtful))
                                                    : Xapian::Query(exact)));
    if (doubtful && db.term_exists(*doubtful)) candidates = true;
    if (doubtful)
      tiers.push_back(Weighted(kDoubtfulAsTyped,
                               Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(exact), Xapian::Query(*doubtful))));
  }
  if (!digits.empty() && !rest.empty()) {
    // Candidates: the same printed part, digits doubtful (closer ones first) or unread.
    const std::string prefix = schema::NumberCandidatePrefix(key);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
      const std::string term = *it;
      const std::string read = term.substr(prefix.size());
      const double fit =
          read.empty() ? 35
                       : std::max(0, 60 - 15 * DigitDistance(WithoutLeadingZeros(digits), WithoutLeadingZeros(read)));
      tiers.push_back(Weighted(kCandidate + fit, Xapian::Query(term)));
      candidates = true;
    }
    // Read as a number one confusion away: a look-alike digit, one lost, one added.
    std::vector<std::string> variants;
    for (size_t i = 0; i < digits.size(); ++i) {
      for (char c = '0'; c <= '9'; ++c) {
        if (Confusable(digits[i], c)) variants.push_back(digits.substr(0, i) + c + digits.substr(i + 1));
      }
      if (digits.size() > 1) variants.push_back(digits.substr(0, i) + digits.substr(i + 1));
    }
    for (size_t i = 0; i <= digits.size(); ++i) {
      for (char c = '0'; c <= '9'; ++c) variants.push_back(digits.substr(0, i) + c + digits.substr(i));
    }
    std::sort(variants.begin(), variants.end());
    variants.erase(std::unique(variants.begin(), variants.end()), variants.end());
    for (const std::string& v : variants) {
      const std::string term = NumberTerm(WithoutLeadingZeros(v) + rest);
      if (v.empty() || term == exact || !db.term_exists(term)) continue;
      tiers.push_back(
          Weighted(kConfusionAway, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term), read_by_ocr)));
      candidates = true;
    }
  }
  if (!candidates) return RankedLookup{also, false};
  if (!also.empty()) tiers.push_back(Weighted(kNear, also));
  return RankedLookup{Xapian::Query(Xapian::Query::OP_OR, tiers.begin(), tiers.end()), true};
}

std::string NumberMatch(const catalog::DocumentMetadata& meta, std::string_view key) {
  const bool read = !meta.number_confidence || *meta.number_confidence == catalog::FieldConfidence::kRead;
  if (read && meta.number && tokenizers::NotationKey(*meta.number) == key) return "number";
  return "candidate";
}

}  // namespace luutru::search
