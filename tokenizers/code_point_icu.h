// What ICU says of one code point, for the normalization tables: the tables for the code points
// Vietnamese text is made of are computed from these when the library is built
// (gen_code_point_tables), and text beyond them asks ICU at run time.
#ifndef LUUTRU_TOKENIZERS_CODE_POINT_ICU_H_
#define LUUTRU_TOKENIZERS_CODE_POINT_ICU_H_

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <string>

namespace luutru::tokenizers::internal {

// The answer needs the general (string) path of ICU.
constexpr char32_t kComplex = 0xFFFFFFFF;

// ICU's Normalizer2 singletons (ICU owns and caches them).
const icu::Normalizer2& Nfc();
const icu::Normalizer2& Nfd();

icu::UnicodeString ToIcu(const std::u32string& text);
std::u32string FromIcu(const icu::UnicodeString& text);

// CodePointClassBits (code_point_tables.h) of `c`: letter, mark, decimal digit.
uint8_t ClassBitsByIcu(char32_t c);
// NFC_QC=Yes and canonical combining class 0: NFC leaves it alone whatever surrounds it.
bool NfcInertByIcu(char32_t c);
// Full case folding when it gives one code point, else kComplex.
char32_t FoldByIcu(char32_t c);
// `c` without its marks (NFD, marks dropped, NFC again), đ -> d; `c` itself when it has none;
// nothing for a mark.
std::u32string UnmarkByIcu(char32_t c);

}  // namespace luutru::tokenizers::internal

#endif  // LUUTRU_TOKENIZERS_CODE_POINT_ICU_H_
