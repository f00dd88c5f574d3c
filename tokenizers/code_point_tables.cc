#include "tokenizers/code_point_tables.h"

#include <cstdint>

#include "tokenizers/code_point_icu.h"

namespace luutru::tokenizers::internal {
namespace {

#include "code_point_tables.inc"

}  // namespace

uint8_t CodePointClass(char32_t c) { return c < kCodePointTableSize ? kClassTable[c] : ClassBitsByIcu(c); }
bool NfcInert(char32_t c) { return c < kCodePointTableSize ? kNfcInertTable[c] : NfcInertByIcu(c); }
char32_t Fold(char32_t c) { return kFoldTable[c]; }
std::u32string_view Unmarked(char32_t c) {
  const uint32_t entry = kUnmarkedIndex[c];
  return std::u32string_view(kUnmarkedPool + (entry >> 4), entry & 0xF);
}

}  // namespace luutru::tokenizers::internal
