#include "tokenizers/code_point_tables.h"

#include <gtest/gtest.h>

#include "tokenizers/code_point_icu.h"
#include "tokenizers/text_internal.h"

#include <unicode/uchar.h>

namespace luutru::tokenizers::internal {
namespace {

// The tables are generated when the library is built; they must answer what ICU answers, for
// every code point they hold (a stale or truncated table would fail here).
TEST(CodePointTables, AgreeWithIcuForEveryCodePointTheyHold) {
  for (char32_t c = 0; c < kCodePointTableSize; ++c) {
    ASSERT_EQ(CodePointClass(c), ClassBitsByIcu(c)) << std::hex << static_cast<unsigned>(c);
    ASSERT_EQ(NfcInert(c), NfcInertByIcu(c)) << std::hex << static_cast<unsigned>(c);
    ASSERT_EQ(Fold(c), FoldByIcu(c)) << std::hex << static_cast<unsigned>(c);
    ASSERT_EQ(std::u32string(Unmarked(c)), UnmarkByIcu(c)) << std::hex << static_cast<unsigned>(c);
  }
}

// The vowel table is written out by hand, upper case included: it must be what ICU says, and
// must know every toned vowel in both cases and nothing else.
TEST(VowelTable, UpperCaseIsIcusAndEveryVowelIsFound) {
  int vowels = 0;
  for (char32_t c = 0; c < 0x1F00; ++c) {
    const VowelInfo v = VowelOf(c);
    if (v.base < 0) continue;
    ++vowels;
    ASSERT_EQ(ComposeVowel(v.base, v.tone, v.upper), c) << std::hex << static_cast<unsigned>(c);
    const char32_t lower = ComposeVowel(v.base, v.tone, false);
    EXPECT_EQ(ComposeVowel(v.base, v.tone, true), static_cast<char32_t>(u_toupper(static_cast<UChar32>(lower))))
        << std::hex << static_cast<unsigned>(lower);
  }
  EXPECT_EQ(vowels, int{kVowelCount} * int{kToneCount} * 2);
  EXPECT_EQ(VowelOf(U'Ữ').base, kUw);
  EXPECT_EQ(VowelOf(U'Ữ').tone, kTilde);
  EXPECT_TRUE(VowelOf(U'Ữ').upper);
  EXPECT_LT(VowelOf(U'đ').base, 0);
  EXPECT_LT(VowelOf(0x10000).base, 0);
}

TEST(CodePointTables, HoldTheVietnameseAnswers) {
  EXPECT_EQ(Unmarked(U'ặ'), U"a");
  EXPECT_EQ(Unmarked(U'Đ'), U"D");
  EXPECT_EQ(Unmarked(0x0301), U"");  // a combining acute accent is dropped
  EXPECT_EQ(Fold(U'Ữ'), U'ữ');
  EXPECT_TRUE(NfcInert(U'ế'));
  EXPECT_FALSE(NfcInert(0x0301));
  EXPECT_EQ(CodePointClass(U'ự'), kLetterBit);
  EXPECT_EQ(CodePointClass(0x0303), kMarkBit);  // combining tilde
  EXPECT_EQ(CodePointClass(U'7'), kDigitBit);
  EXPECT_EQ(CodePointClass(U'«'), 0);
}

}  // namespace
}  // namespace luutru::tokenizers::internal
