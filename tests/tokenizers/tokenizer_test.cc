// Tokenize: syllables, numbers, notations and dates, with positions and original byte offsets.
#include "tokenizers/tokenizer.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.h"
#include "tokenizers/normalize.h"

namespace luutru::tokenizers {
namespace {

std::string Nfd(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = icu::Normalizer2::getNFDInstance(status)->normalize(icu::UnicodeString::fromUTF8(s), status);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::vector<std::string> Exact(const std::vector<Token>& tokens, TokenKind kind) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    if (t.kind == kind) out.push_back(t.exact);
  }
  return out;
}

std::vector<std::string> Folded(const std::vector<Token>& tokens, TokenKind kind) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    if (t.kind == kind) out.push_back(t.folded);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(Tokenize, WordsExactAndFolded) {
  auto tokens = Tokenize("Đảng ủy HOÀ BÌNH, thuỷ lợi");
  EXPECT_EQ(Exact(tokens, TokenKind::kWord), (Strings{"đảng", "ủy", "hòa", "bình", "thủy", "lợi"}));
  EXPECT_EQ(Folded(tokens, TokenKind::kWord), (Strings{"dang", "uy", "hoa", "binh", "thuy", "loi"}));
  ASSERT_EQ(tokens.size(), 6u);
  for (size_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(tokens[i].position, i + 1);
}

TEST(Tokenize, OffsetsPointIntoTheOriginalText) {
  const std::string text = "  Hoà BÌNH,\tTHUỶ lợi";
  auto tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Hoà");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "BÌNH");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "THUỶ");
  EXPECT_EQ(tokens[2].exact, "thủy");
  EXPECT_EQ(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin), "lợi");
}

TEST(Tokenize, DecomposedInputGivesTheSameTermsAndOriginalOffsets) {
  const std::string nfc = "Nghị quyết của Ban Thường vụ Tỉnh ủy Hoà Bình";
  const std::string nfd = Nfd(nfc);
  ASSERT_NE(nfc, nfd);
  auto a = Tokenize(nfc);
  auto b = Tokenize(nfd);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].exact, b[i].exact);
    EXPECT_EQ(a[i].folded, b[i].folded);
    EXPECT_EQ(a[i].position, b[i].position);
    // The NFD slice, normalized, is the NFC word.
    EXPECT_EQ(NormalizeText(nfd.substr(b[i].begin, b[i].end - b[i].begin)),
              NormalizeText(nfc.substr(a[i].begin, a[i].end - a[i].begin)));
  }
}

TEST(Tokenize, NumbersDropLeadingZeros) {
  auto tokens = Tokenize("hộp 05, tờ 0, trang 120");
  EXPECT_EQ(Exact(tokens, TokenKind::kNumber), (Strings{"5", "0", "120"}));
}

TEST(Tokenize, LettersAndPunctuation) {
  auto tokens = Tokenize("\"Công tác văn phòng\" - (V/v: lưu trữ)... 9X");
  EXPECT_EQ(Exact(tokens, TokenKind::kWord), (Strings{"công", "tác", "văn", "phòng", "v", "v", "lưu", "trữ", "x"}));
  EXPECT_EQ(Exact(tokens, TokenKind::kNumber), (Strings{"9"}));
}

TEST(Tokenize, EmptyAndBlank) {
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize(" \n\t ,.;- ").empty());
}

struct NotationCase {
  const char* text;
  const char* exact;
  const char* key;
  const char* whole;  // the span of the notation in `text`
};

TEST(Tokenize, NotationsWholeAndByParts) {
  const NotationCase cases[] = {
      {"Thông báo số 45-TB/TU ngày", "45-tb/tu", "45-tb/tu", "45-TB/TU"},
      {"theo Quyết định 15/QĐ-UBND của", "15/qđ-ubnd", "15/qd-ubnd", "15/QĐ-UBND"},
      {"Nghị định 30/2020/NĐ-CP quy định", "30/2020/nđ-cp", "30/2020/nd-cp", "30/2020/NĐ-CP"},
      {"Công văn 05/BNV-VP gửi", "5/bnv-vp", "5/bnv-vp", "05/BNV-VP"},
      {"Kế hoạch 234-CV/BTGTU.", "234-cv/btgtu", "234-cv/btgtu", "234-CV/BTGTU"},
      {"Số 45 - TB/TU", "45-tb/tu", "45-tb/tu", "45 - TB/TU"},
      {"Số: 05 /CT-UBND", "5/ct-ubnd", "5/ct-ubnd", "05 /CT-UBND"},
      {"số 15/QÐ-UBND", "15/qđ-ubnd", "15/qd-ubnd", "15/QÐ-UBND"},
      {"Quy định 66-QĐi/TW", "66-qđi/tw", "66-qdi/tw", "66-QĐi/TW"},
      {"Tờ trình 12/TTr-UBND", "12/ttr-ubnd", "12/ttr-ubnd", "12/TTr-UBND"},
      {"Công văn 416-CV/ĐU", "416-cv/đu", "416-cv/du", "416-CV/ĐU"},
  };
  for (const NotationCase& c : cases) {
    const std::string text = c.text;
    auto tokens = Tokenize(text);
    const Token* notation = nullptr;
    size_t index = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind == TokenKind::kNotation) notation = &tokens[i], index = i;
    }
    ASSERT_NE(notation, nullptr) << text;
    EXPECT_EQ(notation->exact, c.exact) << text;
    EXPECT_EQ(notation->folded, c.key) << text;
    EXPECT_EQ(text.substr(notation->begin, notation->end - notation->begin), c.whole) << text;
    // Its first part follows it at the same position; the parts are tokens of their own.
    ASSERT_LT(index + 1, tokens.size());
    EXPECT_EQ(tokens[index + 1].kind, TokenKind::kNumber) << text;
    EXPECT_EQ(tokens[index + 1].position, notation->position) << text;
    EXPECT_EQ(tokens[index + 1].begin, notation->begin) << text;
  }
}

TEST(Tokenize, LowerCaseQueriesFindNotations) {
  // What users type in the search box.
  EXPECT_EQ(Folded(Tokenize("45-tb/tu"), TokenKind::kNotation), (Strings{"45-tb/tu"}));
  EXPECT_EQ(Folded(Tokenize("thong bao 45-tb/tu"), TokenKind::kNotation), (Strings{"45-tb/tu"}));
  EXPECT_EQ(Folded(Tokenize("15/qd-ubnd"), TokenKind::kNotation), (Strings{"15/qd-ubnd"}));
  EXPECT_EQ(Folded(Tokenize("30/2020/nđ-cp"), TokenKind::kNotation), (Strings{"30/2020/nd-cp"}));
  // Without the full shape, lower case is ordinary text.
  EXPECT_TRUE(Folded(Tokenize("5/ha"), TokenKind::kNotation).empty());
  EXPECT_TRUE(Folded(Tokenize("45 - tb/tu"), TokenKind::kNotation).empty());
}

TEST(Tokenize, NotationPartsAreSearchable) {
  auto tokens = Tokenize("Số 45-TB/TU");
  Strings all;
  for (const Token& t : tokens) all.push_back(t.folded);
  EXPECT_EQ(all, (Strings{"so", "45-tb/tu", "45", "tb", "tu"}));
  EXPECT_EQ(tokens[1].position, 2u);
  EXPECT_EQ(tokens[2].position, 2u);
  EXPECT_EQ(tokens[3].position, 3u);
  EXPECT_EQ(tokens[4].position, 4u);
}

TEST(Tokenize, NotEveryFractionIsANotation) {
  for (const char* text :
       {"1/2 diện tích", "giảm 3/4 số hộ", "50/ha", "trang 5/10", "F0/F1", "COVID-19", "tỷ lệ 45-50/100", "18/10",
        "khoảng 2-3/tháng", "Điều 5/luật", "ngày 12/3/2023", "45-TB", "TB/TU", "123456/QĐ-UBND", "45-Hà/Nội"}) {
    EXPECT_TRUE(Exact(Tokenize(text), TokenKind::kNotation).empty()) << text;
  }
}

TEST(Tokenize, OlderAndOfficeFormsInRunningText) {
  const std::pair<const char*, const char*> cases[] = {
      {"theo Nghị định 02-CP của", "2-cp"},
      {"Quyết định số 1050-BYT-QĐ ngày", "1050-byt-qđ"},
      {"Chỉ thị 113-CT ngày", "113-ct"},
      {"Số: 120-BYT-TC3", "120-byt-tc3"},
      {"THÔNG TƯ 10-NV", "10-nv"},
      {"Nghị định 273-BYT/NĐ", "273-byt/nđ"},
      {"Quyết định 276a/QĐ-UBDT của", "276a/qđ-ubdt"},
      {"Quyết định 10/2004/QĐ.UB ngày", "10/2004/qđ.ub"},
      {"theo 1125/QĐ-UBND.HC.", "1125/qđ-ubnd.hc"},
      {"số 09/QĐ-UBTDTT-TT.II", "9/qđ-ubtdtt-tt.ii"},
      {"Quyết định 08/2004/QĐ-BNN/TY về", "8/2004/qđ-bnn/ty"},
      {"Quyết định 748/3/QĐ-QLD", "748/3/qđ-qld"},
      {"gõ 10/2004/qđ.ub", "10/2004/qđ.ub"},
  };
  for (const auto& [text, exact] : cases) {
    EXPECT_EQ(Exact(Tokenize(text), TokenKind::kNotation), (Strings{exact})) << text;
  }
}

TEST(Tokenize, OrdinaryTextWithDashesStaysText) {
  // The older dash form has the shape of addresses, rooms, codes and ranges: in running text it
  // is a notation only when cited ("Nghị định 02-CP", "số 02-CP").
  for (const char* text :
       {"Điều 5-7", "khoản 2-3 Điều 5", "COVID-19", "H5N1", "QH15", "điện thoại 0912-345-678", "giai đoạn 2020-2025",
        "phòng 12-AB", "khu 5-CT1", "lô 3-A", "số 12-A", "số 5-7", "bệnh viện 108-BQP", "Nghị định 02 - cp", "02-CP",
        "nhóm F0-F1", "UBND.Do đó", "số 3-5 ngày"}) {
    EXPECT_TRUE(Exact(Tokenize(text), TokenKind::kNotation).empty()) << text;
  }
  // A full stop glued to a notation and a word in lower case ends it there.
  EXPECT_EQ(Exact(Tokenize("Quyết định 15/QĐ-UBND.Do đó"), TokenKind::kNotation), (Strings{"15/qđ-ubnd"}));
  EXPECT_EQ(Exact(Tokenize("Quyết định 15/QĐ-UBND. Sau đó"), TokenKind::kNotation), (Strings{"15/qđ-ubnd"}));
}

TEST(Tokenize, NotationDoesNotSwallowTheNextWord) {
  auto tokens = Tokenize("Số 45-TB/TU - Hà Nội");
  EXPECT_EQ(Exact(tokens, TokenKind::kNotation), (Strings{"45-tb/tu"}));
  auto more = Tokenize("15/QĐ-UBND ngày 12/3/2023");
  EXPECT_EQ(Exact(more, TokenKind::kNotation), (Strings{"15/qđ-ubnd"}));
  EXPECT_EQ(Exact(more, TokenKind::kDate), (Strings{"2023-03-12"}));
}

TEST(Tokenize, Dates) {
  const std::pair<const char*, const char*> cases[] = {
      {"Hà Nội, ngày 12 tháng 3 năm 2023", "2023-03-12"},
      {"Quảng Ninh, ngày 05 tháng 01 năm 2020", "2020-01-05"},
      {"NGÀY 12 THÁNG 3 NĂM 2023", "2023-03-12"},
      {"số 31-QĐ/TW, ngày 01-10-1997", "1997-10-01"},
      {"hạn chót 12/3/2023.", "2023-03-12"},
      {"ký 12.3.2023", "2023-03-12"},
      {"29/02/2024", "2024-02-29"},
      {"31/12/1999", "1999-12-31"},
  };
  for (const auto& [text, iso] : cases) {
    auto tokens = Tokenize(text);
    EXPECT_EQ(Exact(tokens, TokenKind::kDate), (Strings{iso})) << text;
    EXPECT_EQ(Folded(tokens, TokenKind::kDate), (Strings{iso})) << text;
  }
}

TEST(Tokenize, DateSharesThePositionOfItsFirstPart) {
  const std::string text = "Hà Nội, ngày 12 tháng 3 năm 2023";
  auto tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 9u);
  EXPECT_EQ(tokens[2].kind, TokenKind::kDate);
  EXPECT_EQ(tokens[2].position, 3u);
  EXPECT_EQ(tokens[3].exact, "ngày");
  EXPECT_EQ(tokens[3].position, 3u);
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "ngày 12 tháng 3 năm 2023");
  EXPECT_EQ(tokens[8].exact, "2023");
  EXPECT_EQ(tokens[8].position, 8u);
}

TEST(Tokenize, ImpossibleDatesAreNotDates) {
  for (const char* text :
       {"31/2/2023", "29/02/2023", "32/1/2020", "0/5/2020", "12/13/2023", "ngày 31 tháng 4 năm 2023", "ngày 12 tháng 3",
        "12/3/23", "12/3-2023", "1.2.3", "ngày ... tháng ... năm 2023", "12 / 3 / 2023", "123/4/2023"}) {
    EXPECT_TRUE(Exact(Tokenize(text), TokenKind::kDate).empty()) << text;
  }
}

// The real OCR page: no syllable may be lost, and each token's offsets point at its word.
TEST(Tokenize, RealOcrPageLosesNoSyllable) {
  LUUTRU_REQUIRE_SHARED(shared);
  std::ifstream in(shared / "000_69e6df0436166d8b.txt", std::ios::binary);
  ASSERT_TRUE(in) << "cannot read the OCR page";
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = NormalizeText(buffer.str());

  // Letter runs of the NFC text, found independently with ICU's own character classes.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  std::vector<std::string> runs;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    if (!u_isalpha(c)) {
      i = u.moveIndex32(i, 1);
      continue;
    }
    int32_t begin = i;
    while (i < u.length() && (u_isalpha(u.char32At(i)) || (U_GET_GC_MASK(u.char32At(i)) & U_GC_M_MASK))) {
      i = u.moveIndex32(i, 1);
    }
    std::string run;
    u.tempSubStringBetween(begin, i).toUTF8String(run);
    runs.push_back(run);
  }
  ASSERT_GT(runs.size(), 2000u);

  std::vector<Token> words;
  for (const Token& t : Tokenize(text)) {
    if (t.kind == TokenKind::kWord) words.push_back(t);
  }
  ASSERT_EQ(words.size(), runs.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    EXPECT_EQ(text.substr(words[i].begin, words[i].end - words[i].begin), runs[i]) << i;
    EXPECT_EQ(words[i].exact, ExactForm(runs[i])) << runs[i];
  }
}

}  // namespace
}  // namespace luutru::tokenizers
