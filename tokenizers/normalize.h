// Vietnamese text normalization: the forms under which text is stored, indexed and searched.
//
// All functions take UTF-8 (invalid sequences become U+FFFD) and return valid UTF-8 in NFC.
// They are pure and thread-safe.
#ifndef LUUTRU_TOKENIZERS_NORMALIZE_H_
#define LUUTRU_TOKENIZERS_NORMALIZE_H_

#include <string>
#include <string_view>

namespace luutru::tokenizers {

// NFC; look-alike repair (U+00D0 "Ð" -> U+0110 "Đ", U+00F0 -> U+0111 inside Vietnamese words);
// one tone-placement style, the older one of Decree 30 ("hoà" -> "hòa", "khoẻ" -> "khỏe",
// "thuỷ" -> "thủy"), changed only for the open clusters oa, oe, uy with no final consonant and
// not after q. Letter case is kept. This is the text users see.
std::string NormalizeText(std::string_view utf8);

// Only the look-alike repair of NormalizeText: U+00D0 "Ð" -> U+0110 "Đ" everywhere, U+00F0 "ð" ->
// U+0111 "đ" at the start of a word before a vowel (Vietnamese has no eth; an Icelandic word never
// starts with ð). Nothing else changes: no NFC, no tone style, case kept. For text read as it
// stands, such as a notation ("15/QÐ-UBND" -> "15/QĐ-UBND").
std::string RepairLookAlikes(std::string_view utf8);

// The exact form of a word: NormalizeText, then full case folding. "HOÀ" -> "hòa".
std::string ExactForm(std::string_view utf8);

// The folded form: ExactForm with every mark removed and đ -> d. "Đảng ủy" -> "dang uy".
std::string FoldedForm(std::string_view utf8);

}  // namespace luutru::tokenizers

#endif  // LUUTRU_TOKENIZERS_NORMALIZE_H_
