// ParseNotation and NotationKey: every spelling of one number gives one key.
#include "tokenizers/notation.h"

#include <gtest/gtest.h>

namespace luutru::tokenizers {
namespace {

TEST(NotationKey, SpellingsOfOneNumberShareAKey) {
  for (const char* text : {"Số: 05/CT-UBND", "5/CT-UBND", "05/CT-UBND", "05 / CT - UBND",
                           "Số 05/CT-UBND", "SỐ: 05/CT-UBND", "S6: 05/CT-UBND", "Sô 05/CT-UBND",
                           "So: 05/CT-UBND", "số 5/CT-UBND.", "  05/CT-UBND  "}) {
    EXPECT_EQ(NotationKey(text), "5/ct-ubnd") << text;
  }
  EXPECT_EQ(NotationKey("05/QÐ-UBND"), "5/qd-ubnd");  // Ð U+00D0
  EXPECT_EQ(NotationKey("05/QĐ-UBND"), "5/qd-ubnd");
  EXPECT_EQ(NotationKey("45-TB/TU"), "45-tb/tu");
  EXPECT_EQ(NotationKey("45 - TB/TU"), "45-tb/tu");
  EXPECT_EQ(NotationKey("Số 45-TB/TU"), "45-tb/tu");
  EXPECT_EQ(NotationKey("30/2020/NĐ-CP"), "30/2020/nd-cp");
  EXPECT_EQ(NotationKey("Số: 30/2020/NĐ-CP"), "30/2020/nd-cp");
  EXPECT_EQ(NotationKey("234-CV/BTGTU"), "234-cv/btgtu");
  EXPECT_EQ(NotationKey("14514-CV/VPTW"), "14514-cv/vptw");
  EXPECT_EQ(NotationKey("05/BNV-VP"), "5/bnv-vp");
  EXPECT_EQ(NotationKey("66-QĐi/TW"), "66-qdi/tw");
}

TEST(NotationKey, LowerCaseAsTypedInASearchField) {
  EXPECT_EQ(NotationKey("45-tb/tu"), "45-tb/tu");
  EXPECT_EQ(NotationKey("so 45 - tb/tu"), "45-tb/tu");
  EXPECT_EQ(NotationKey("5/ct-ubnd"), "5/ct-ubnd");
  EXPECT_EQ(NotationKey("15/qđ-ubnd"), "15/qd-ubnd");
  EXPECT_EQ(NotationKey("12/ubnd"), "12/ubnd");
  EXPECT_EQ(NotationKey("30/2020/nd-cp"), "30/2020/nd-cp");
}

TEST(ParseNotation, TextAndStyle) {
  auto state = ParseNotation("Số: 05 / CT - UBND");
  ASSERT_TRUE(state);
  EXPECT_EQ(state->text, "05/CT-UBND");
  EXPECT_EQ(state->key, "5/ct-ubnd");
  EXPECT_FALSE(state->party);

  auto eth = ParseNotation("15/QÐ-UBND");
  ASSERT_TRUE(eth);
  EXPECT_EQ(eth->text, "15/QĐ-UBND");

  auto party = ParseNotation("Số 45 - TB/TU");
  ASSERT_TRUE(party);
  EXPECT_EQ(party->text, "45-TB/TU");
  EXPECT_EQ(party->key, "45-tb/tu");
  EXPECT_TRUE(party->party);

  auto normative = ParseNotation("30/2020/NĐ-CP");
  ASSERT_TRUE(normative);
  EXPECT_EQ(normative->text, "30/2020/NĐ-CP");
  EXPECT_FALSE(normative->party);
}

TEST(ParseNotation, NotANotation) {
  for (const char* text :
       {"", "   ", "Số", "abc", "12/3/2023", "1/2", "45-TB", "TB/TU", "V/v", "Luật 5/ha",
        "15/QĐ-UBND và", "trang 5/10", "5/luật", "Số: 05", "ngày 05/CT-UBND", "x 05/CT-UBND",
        "05/CT-UBND/", "123456/QĐ-UBND"}) {
    EXPECT_FALSE(ParseNotation(text)) << text;
    EXPECT_FALSE(NotationKey(text)) << text;
  }
}

}  // namespace
}  // namespace luutru::tokenizers
