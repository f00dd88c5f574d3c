// Normalization answers for the code points Vietnamese text is made of (everything below
// U+2000), computed from ICU when the library is built (gen_code_point_tables): the common case
// asks ICU nothing, and a one-query search does not load ICU's normalization data.
#ifndef LUUTRU_TOKENIZERS_CODE_POINT_TABLES_H_
#define LUUTRU_TOKENIZERS_CODE_POINT_TABLES_H_

#include <cstdint>
#include <string_view>

namespace luutru::tokenizers::internal {

constexpr char32_t kCodePointTableSize = 0x2000;

// General-category bits of CodePointClass: the tokenizer asks them of every character.
enum CodePointClassBits : uint8_t { kLetterBit = 1, kMarkBit = 2, kDigitBit = 4 };

// See code_point_icu.h for what they answer. These two answer any code point (beyond the tables,
// through ICU):
uint8_t CodePointClass(char32_t c);
bool NfcInert(char32_t c);
// These take c < kCodePointTableSize; beyond, their callers take ICU's string paths.
char32_t Fold(char32_t c);  // kComplex when folding needs ICU's string path
std::u32string_view Unmarked(char32_t c);

}  // namespace luutru::tokenizers::internal

#endif  // LUUTRU_TOKENIZERS_CODE_POINT_TABLES_H_
