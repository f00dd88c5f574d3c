// ParseNotation and NotationKey: every spelling of one number gives one key.
#include "tokenizers/notation.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace luutru::tokenizers {
namespace {

TEST(NotationKey, SpellingsOfOneNumberShareAKey) {
  for (const char* text :
       {"Số: 05/CT-UBND", "5/CT-UBND", "05/CT-UBND", "05 / CT - UBND", "Số 05/CT-UBND", "SỐ: 05/CT-UBND",
        "S6: 05/CT-UBND", "Sô 05/CT-UBND", "So: 05/CT-UBND", "số 5/CT-UBND.", "  05/CT-UBND  "}) {
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
  for (const char* text : {"",
                           "   ",
                           "Số",
                           "abc",
                           "12/3/2023",
                           "1/2",
                           "TB/TU",
                           "V/v",
                           "Luật 5/ha",
                           "15/QĐ-UBND và",
                           "trang 5/10",
                           "5/luật",
                           "Số: 05",
                           "ngày 05/CT-UBND",
                           "x 05/CT-UBND",
                           "05/CT-UBND/",
                           "123456/QĐ-UBND",
                           "Điều 5-7",
                           "5-7",
                           "COVID-19",
                           "H5N1",
                           "QH15",
                           "0912-345-678",
                           "2020-2025",
                           "12-A",
                           "3-5 ngày",
                           "10/2004/QĐ. UB",
                           "12.3.2023",
                           "F0/F1"}) {
    EXPECT_FALSE(ParseNotation(text)) << text;
    EXPECT_FALSE(NotationKey(text)) << text;
  }
}

// The forms of older archives and of offices' own suffixes, each with its parts.
TEST(NotationKey, OlderAndOfficeForms) {
  const std::pair<const char*, const char*> cases[] = {
      // The government's dash form before 1997: number, hyphen, office (and type).
      {"02-CP", "2-cp"},
      {"07-TTg", "7-ttg"},
      {"03-HĐBT", "3-hdbt"},
      {"224-NĐ", "224-nd"},
      {"10-NV", "10-nv"},
      {"113-CT", "113-ct"},
      {"160-LCT", "160-lct"},
      {"120-BYT-TC3", "120-byt-tc3"},
      {"1050-BYT-QĐ", "1050-byt-qd"},
      {"273-BYT/NĐ", "273-byt/nd"},
      {"40-L/CTN", "40-l/ctn"},
      // A letter after the number.
      {"276a/QĐ-UBDT", "276a/qd-ubdt"},
      {"55a/2013/QĐ-TTg", "55a/2013/qd-ttg"},
      // Dotted and slashed suffixes.
      {"10/2004/QĐ.UB", "10/2004/qd.ub"},
      {"1125/QĐ-UBND.HC", "1125/qd-ubnd.hc"},
      {"09/QĐ-UBTDTT-TT.II", "9/qd-ubtdtt-tt.ii"},
      {"08/2004/QĐ-BNN/TY", "8/2004/qd-bnn/ty"},
      {"14/1999/QĐ-BNN/KHCN", "14/1999/qd-bnn/khcn"},
      {"140/1999/QĐ.UBNDT", "140/1999/qd.ubndt"},
      {"41/2002/QĐ/UBBT", "41/2002/qd/ubbt"},
      // A sub-number where a year stands.
      {"748/3/QĐ-QLD", "748/3/qd-qld"},
      // Digits glued to a group.
      {"71/2020/QH14", "71/2020/qh14"},
      {"67/QĐ-BCĐAIG3", "67/qd-bcdaig3"},
  };
  for (const auto& [text, key] : cases) {
    EXPECT_EQ(NotationKey(text), key) << text;
    // With today's tolerance: "Số", spaces around the first separators, Ð for Đ, QD for QĐ,
    // leading zeros, lower case.
    EXPECT_EQ(NotationKey(std::string("Số: ") + text), key) << text;
    EXPECT_EQ(NotationKey("0" + std::string(text)), key) << text;
    std::string eth = text;
    for (size_t at; (at = eth.find("Đ")) != std::string::npos;) eth.replace(at, 2, "\xC3\x90");
    EXPECT_EQ(NotationKey(eth), key) << text;
    std::string plain = text;
    for (size_t at; (at = plain.find("Đ")) != std::string::npos;) plain.replace(at, 2, "D");
    EXPECT_EQ(NotationKey(plain), key) << text;
  }
  EXPECT_EQ(NotationKey("02 - CP"), "2-cp");
  EXPECT_EQ(NotationKey("so 02-cp"), "2-cp");
  EXPECT_EQ(NotationKey("10/2004/qđ.ub"), "10/2004/qd.ub");
  EXPECT_EQ(NotationKey("08/2004/qd-bnn/ty"), "8/2004/qd-bnn/ty");
  EXPECT_EQ(NotationKey("276A/QĐ-UBDT"), "276a/qd-ubdt");
  // Typed alone, a number and an office code is the older form's shape, whatever the code.
  EXPECT_EQ(NotationKey("45-TB"), "45-tb");
  auto older = ParseNotation("Số: 1050 - BYT-QÐ");
  ASSERT_TRUE(older);
  EXPECT_EQ(older->text, "1050-BYT-QĐ");
  EXPECT_FALSE(older->party);
}

// What a reader is told about a form that is not a notation: the part that did not parse.
TEST(ParseNotation, SaysWhichPartDidNotParse) {
  using Part = NotationProblem::Part;
  const struct {
    const char* text;
    Part part;
    const char* shown;
  } cases[] = {
      {"", Part::kNumber, ""},
      {"Số", Part::kNumber, ""},
      {"ngày 05/CT-UBND", Part::kNumber, "ngày"},
      {"123456/QĐ-UBND", Part::kNumber, "123456"},
      {"Số: 05", Part::kSeparator, ""},
      {"05 CT-UBND", Part::kSeparator, "CT"},
      {"1/2", Part::kYear, "2"},
      {"5/20201/QĐ-UBND", Part::kYear, "20201"},
      {"5/luật", Part::kSymbol, "luật"},
      {"12-A", Part::kSymbol, "A"},
      {"05/", Part::kSymbol, ""},
      {"30/2020/", Part::kSymbol, ""},
      {"15/QĐ-UBND và", Part::kTrailing, "và"},
      {"05/CT-UBND/", Part::kTrailing, "/"},
  };
  for (const auto& c : cases) {
    NotationProblem problem;
    EXPECT_FALSE(ParseNotation(c.text, &problem)) << c.text;
    EXPECT_EQ(problem.part, c.part) << c.text;
    EXPECT_EQ(problem.text, c.shown) << c.text;
  }
}

}  // namespace
}  // namespace luutru::tokenizers
