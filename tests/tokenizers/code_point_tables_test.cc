#include "tokenizers/code_point_tables.h"

#include <gtest/gtest.h>

#include "tokenizers/code_point_icu.h"

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
