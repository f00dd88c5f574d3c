#include "tokenizers/code_point_icu.h"

#include <unicode/uchar.h>

#include <cstdlib>

#include "tokenizers/code_point_tables.h"

namespace luutru::tokenizers::internal {

namespace {

const icu::Normalizer2& Instance(const icu::Normalizer2* (*get)(UErrorCode&)) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = get(status);
  if (U_FAILURE(status)) std::abort();
  return *n;
}

}  // namespace

const icu::Normalizer2& Nfc() {
  static const icu::Normalizer2& nfc = Instance(icu::Normalizer2::getNFCInstance);
  return nfc;
}

const icu::Normalizer2& Nfd() {
  static const icu::Normalizer2& nfd = Instance(icu::Normalizer2::getNFDInstance);
  return nfd;
}

icu::UnicodeString ToIcu(const std::u32string& text) {
  return icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()),
                                       static_cast<int32_t>(text.size()));
}

std::u32string FromIcu(const icu::UnicodeString& text) {
  std::u32string out;
  out.reserve(static_cast<size_t>(text.length()));
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

uint8_t ClassBitsByIcu(char32_t c) {
  const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
  return static_cast<uint8_t>(((mask & U_GC_L_MASK) ? kLetterBit : 0) | ((mask & U_GC_M_MASK) ? kMarkBit : 0) |
                              ((mask & U_GC_ND_MASK) ? kDigitBit : 0));
}

bool NfcInertByIcu(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  return u_getIntPropertyValue(u, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(u) == 0;
}

char32_t FoldByIcu(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  if (!u_hasBinaryProperty(u, UCHAR_CHANGES_WHEN_CASEFOLDED)) return c;
  icu::UnicodeString folded(u);
  folded.foldCase();
  return folded.countChar32() == 1 ? static_cast<char32_t>(folded.char32At(0)) : kComplex;
}

std::u32string UnmarkByIcu(char32_t c) {
  if (c == U'đ') return U"d";
  if (c == U'Đ') return U"D";
  if (c >= 0xD800 && c <= 0xDFFF) return std::u32string(1, c);
  icu::UnicodeString decomposition;
  if (!Nfd().getDecomposition(static_cast<UChar32>(c), decomposition) && !(ClassBitsByIcu(c) & kMarkBit))
    return std::u32string(1, c);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = Nfd().normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
  if (U_FAILURE(status)) return std::u32string(1, c);
  icu::UnicodeString kept;
  bool removed = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    if (ClassBitsByIcu(static_cast<char32_t>(d)) & kMarkBit) {
      removed = true;
    } else {
      kept.append(d);
    }
  }
  // Without a mark to remove the letter stays as it was (a Hangul syllable is not split).
  if (!removed) return std::u32string(1, c);
  icu::UnicodeString composed = Nfc().normalize(kept, status);
  return U_SUCCESS(status) ? FromIcu(composed) : std::u32string(1, c);
}

}  // namespace luutru::tokenizers::internal
