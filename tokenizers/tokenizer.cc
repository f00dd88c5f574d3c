#include "tokenizers/tokenizer.h"

#include <optional>

#include "tokenizers/pieces.h"

namespace luutru::tokenizers {

std::vector<Token> Tokenize(std::string_view text) {
  internal::PieceText t(text);
  const auto& pieces = t.pieces();
  std::vector<Token> tokens;
  tokens.reserve(pieces.size() + pieces.size() / 8);
  size_t compound_free_from = 0;  // pieces inside a compound do not start another one
  for (size_t i = 0; i < pieces.size(); ++i) {
    const auto position = static_cast<uint32_t>(i + 1);
    if (i >= compound_free_from) {
      TokenKind kind = TokenKind::kDate;
      std::optional<internal::Compound> c = internal::MatchDate(t, i);
      if (!c) {
        kind = TokenKind::kNotation;
        c = internal::MatchNotation(t, i);
      }
      if (c) {
        tokens.push_back(Token{kind, std::move(c->exact), std::move(c->folded), position,
                               t.ByteOffset(pieces[c->first].cp_begin),
                               t.ByteOffset(pieces[c->last].cp_end)});
        compound_free_from = c->last + 1;
      }
    }
    const internal::Piece& p = pieces[i];
    tokens.push_back(Token{p.number ? TokenKind::kNumber : TokenKind::kWord, p.exact, p.folded,
                           position, t.ByteOffset(p.cp_begin), t.ByteOffset(p.cp_end)});
  }
  return tokens;
}

}  // namespace luutru::tokenizers
