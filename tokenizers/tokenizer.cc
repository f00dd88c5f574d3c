#include "tokenizers/tokenizer.h"

#include <optional>

#include "tokenizers/pieces.h"

namespace luutru::tokenizers {
namespace {

// The word or number token of piece `i`, taking its forms.
Token PieceToken(internal::Piece& p, size_t i) {
  return Token{p.number ? TokenKind::kNumber : TokenKind::kWord,
               std::move(p.exact),
               std::move(p.folded),
               static_cast<uint32_t>(i + 1),
               p.byte_begin,
               p.byte_end};
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  internal::PieceText t(text);
  std::vector<internal::Piece>& pieces = t.mutable_pieces();
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
        tokens.push_back(Token{kind, std::move(c->exact), std::move(c->folded), position, pieces[c->first].byte_begin,
                               pieces[c->last].byte_end});
        compound_free_from = c->last + 1;
      }
    }
    // Compounds starting here have been read; later ones only look at this piece's code points.
    tokens.push_back(PieceToken(pieces[i], i));
  }
  return tokens;
}

std::vector<Token> TokenizeWords(std::string_view text) {
  internal::PieceText t(text, /*remember_spellings=*/true);
  std::vector<internal::Piece>& pieces = t.mutable_pieces();
  std::vector<Token> tokens;
  tokens.reserve(pieces.size());
  for (size_t i = 0; i < pieces.size(); ++i) tokens.push_back(PieceToken(pieces[i], i));
  return tokens;
}

}  // namespace luutru::tokenizers
