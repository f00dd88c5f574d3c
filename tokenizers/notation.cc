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

// The text from code point `begin` to `end`, trimmed of white space, as UTF-8.
std::string Written(const internal::PieceText& t, size_t begin, size_t end) {
  std::u32string_view all(t.text());
  while (begin < end && internal::IsSpace(all[begin])) ++begin;
  while (end > begin && internal::IsSpace(all[end - 1])) --end;
  return internal::EncodeUtf8(all.substr(begin, end - begin));
}

}  // namespace

std::optional<Notation> ParseNotation(std::string_view text, NotationProblem* problem) {
  using Part = NotationProblem::Part;
  internal::PieceText t(text);
  const auto& ps = t.pieces();
  const size_t end = t.text().size();
  // The part that did not parse: from `begin` to the end of the piece it stopped at.
  auto fail = [&](Part part, size_t begin, size_t piece) -> std::optional<Notation> {
    if (problem) {
      problem->part = part;
      problem->text = Written(t, begin, piece < ps.size() ? ps[piece].cp_end : end);
    }
    return std::nullopt;
  };
  if (ps.empty()) return fail(Part::kNumber, 0, 0);
  if (!IsOnly(std::u32string_view(t.text()).substr(0, ps[0].cp_begin), U"")) return fail(Part::kNumber, 0, 0);
  size_t first = NumberPrefixLength(t);
  if (first > 0 && first >= ps.size()) return fail(Part::kNumber, end, ps.size());
  if (first > 0 && !IsOnly(t.GapAfter(first - 1), U":.")) return fail(Part::kNumber, ps[first - 1].cp_end, first);
  internal::NotationStop stop;
  std::optional<internal::Compound> c = internal::MatchNotation(t, first, /*whole_text=*/true, &stop);
  if (!c) {
    // A missing separator or symbol shows what stands in its place: the gap, else the next piece.
    size_t begin = stop.piece < ps.size() ? ps[stop.piece].cp_begin : end;
    if (stop.piece > 0 && stop.part != Part::kNumber && stop.part != Part::kYear) {
      std::string gap = Written(t, ps[stop.piece - 1].cp_end, begin);
      if (!gap.empty() && gap != "/" && gap != "-") begin = ps[stop.piece - 1].cp_end;
    }
    return fail(stop.part, begin, stop.piece);
  }
  if (c->last + 1 != ps.size() || !IsOnly(t.GapAfter(c->last), U".,;:)")) {
    if (problem) {
      problem->part = Part::kTrailing;
      problem->text = Written(t, ps[c->last].cp_end, end);
    }
    return std::nullopt;
  }
  return Notation{std::move(c->text), std::move(c->folded), c->party};
}

std::optional<std::string> NotationKey(std::string_view text) {
  std::optional<Notation> n = ParseNotation(text);
  if (!n) return std::nullopt;
  return std::move(n->key);
}

}  // namespace luutru::tokenizers
