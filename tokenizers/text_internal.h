// Internal building blocks shared by the tokenizers library; not part of its public API.
//
// The public functions work on UTF-8; inside, text is handled as a sequence of code points so
// that tone placement and look-alike repairs can look at neighbouring letters. Every function
// here is pure and thread-safe (code point classes come from code_point_tables.h, generated at
// build time; other tables are built once, on first use).
#ifndef LUUTRU_TOKENIZERS_TEXT_INTERNAL_H_
#define LUUTRU_TOKENIZERS_TEXT_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace luutru::tokenizers::internal {

constexpr char32_t kReplacement = 0xFFFD;

// UTF-8 -> code points; every ill-formed sequence (overlong, surrogate, truncated, > U+10FFFF)
// becomes one U+FFFD. `offsets`, when given, receives the byte offset of each code point plus a
// final entry equal to utf8.size().
std::u32string DecodeUtf8(std::string_view utf8, std::vector<size_t>* offsets = nullptr);
// The code point at byte `at` (< utf8.size()) and the number of bytes it takes (at least 1).
char32_t DecodeMultiByte(std::string_view utf8, size_t at, size_t* length);
inline char32_t DecodeOne(std::string_view utf8, size_t at, size_t* length) {
  auto b = static_cast<unsigned char>(utf8[at]);
  if (b < 0x80) {
    *length = 1;
    return b;
  }
  return DecodeMultiByte(utf8, at, length);
}
void AppendUtf8(char32_t c, std::string* out);
std::string EncodeUtf8(std::u32string_view text);

// Character classes used for word boundaries: ICU general categories L*, M*, Nd. ASCII is
// answered inline: these run for every character of every page.
bool IsLetterSlow(char32_t c);
bool IsMarkSlow(char32_t c);
bool IsDecimalDigitSlow(char32_t c);
inline bool IsLetter(char32_t c) { return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : IsLetterSlow(c); }
inline bool IsMark(char32_t c) { return c >= 0x300 && IsMarkSlow(c); }
inline bool IsDecimalDigit(char32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : IsDecimalDigitSlow(c); }
int DigitValue(char32_t c);  // 0..9 for a decimal digit
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsSpace(char32_t c);

// The twelve Vietnamese vowel letters and the five tones. Each precomposed vowel is a
// (base, tone, capital) triple; Compose builds it back.
enum VowelBase : int8_t { kA, kAw, kAa, kE, kEe, kI, kO, kOo, kOw, kU, kUw, kY, kVowelCount };
enum Tone : int8_t { kLevel, kGrave, kAcute, kHook, kTilde, kDot, kToneCount };  // ngang huyền sắc hỏi ngã nặng
struct VowelInfo {
  int8_t base = -1;  // VowelBase, or -1 when the code point is not a Vietnamese vowel
  int8_t tone = 0;
  bool upper = false;
};
VowelInfo VowelOf(char32_t c);
char32_t ComposeVowel(int base, int tone, bool upper);

// The steps of NormalizeText, in place, on code points:
// NFC, look-alike repair (Ð -> Đ, word-initial ð -> đ), one tone-placement style.
void NormalizeInPlace(std::u32string* text);
// NormalizeInPlace, then full case folding (the exact form).
void ExactInPlace(std::u32string* text);
// The folded form of an exact form: marks removed, đ -> d. Appends UTF-8 to `out`.
void AppendFolded(std::u32string_view exact, std::string* out);

// Whether the lower-case, NFC `syllable` (letters only) is a well-formed Vietnamese syllable:
// onset, vowel nucleus, coda and at most one tone. Used to tell legacy-encoded text from
// genuine text; it accepts some syllables that no dictionary has, never rejects real ones.
bool IsVietnameseSyllable(std::u32string_view syllable);

}  // namespace luutru::tokenizers::internal

#endif  // LUUTRU_TOKENIZERS_TEXT_INTERNAL_H_
