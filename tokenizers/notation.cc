#include "tokenizers/notation.h"

#include "tokenizers/pieces.h"
#include "tokenizers/text_internal.h"

namespace luutru::tokenizers {
namespace {

// White space and the punctuation that may close a notation in running text.
bool IsOnly(std::u32string_view gap, std::u32string_view allowed) {
  for (char32_t c : gap) {
    if (!internal::IsSpace(c) && allowed.find(c) == std::u32string_view::npos) return false;
  }
  return true;
}

// "Số", "Sô", "So" (OCR drops marks) and "S6"/"S0" (OCR reads ố as a digit). Returns the number
// of pieces the prefix takes.
size_t NumberPrefixLength(const internal::PieceText& t) {
  const auto& ps = t.pieces();
  if (ps.empty() || ps[0].number) return 0;
  if (ps[0].folded == "so") return 1;
  if (ps[0].folded == "s" && ps.size() > 1 && ps[1].number && t.GapAfter(0).empty() &&
      (ps[1].exact == "6" || ps[1].exact == "0")) {
    return 2;
  }
  return 0;
}

}  // namespace

std::optional<Notation> ParseNotation(std::string_view text) {
  internal::PieceText t(text);
  const auto& ps = t.pieces();
  if (ps.empty()) return std::nullopt;
  if (!IsOnly(std::u32string_view(t.text()).substr(0, ps[0].cp_begin), U"")) return std::nullopt;
  size_t first = NumberPrefixLength(t);
  if (first > 0 && (first >= ps.size() || !IsOnly(t.GapAfter(first - 1), U":."))) return std::nullopt;
  std::optional<internal::Compound> c = internal::MatchNotation(t, first, /*whole_text=*/true);
  if (!c || c->last + 1 != ps.size() || !IsOnly(t.GapAfter(c->last), U".,;:)")) return std::nullopt;
  return Notation{std::move(c->text), std::move(c->folded), c->party};
}

std::optional<std::string> NotationKey(std::string_view text) {
  std::optional<Notation> n = ParseNotation(text);
  if (!n) return std::nullopt;
  return std::move(n->key);
}

}  // namespace luutru::tokenizers
