// NormalizeText, ExactForm, FoldedForm on the cases Vietnamese archives are full of.
#include "tokenizers/normalize.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

namespace luutru::tokenizers {
namespace {

std::string Nfd(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString out = nfd->normalize(icu::UnicodeString::fromUTF8(s), status);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::string Upper(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toUpper().toUTF8String(out);
  return out;
}

struct TonePair {
  const char* old_style;  // kiểu cũ: tone on the first vowel, the canonical form
  const char* new_style;  // kiểu mới: tone on the second vowel
};

// Every tone (huyền, sắc, hỏi, ngã, nặng) on each of the three clusters where the styles differ.
const TonePair kTonePairs[] = {
    {"hòa", "hoà"},   {"hóa", "hoá"},   {"hỏa", "hoả"},   {"hõa", "hoã"},   {"họa", "hoạ"},
    {"khòe", "khoè"}, {"khóe", "khoé"}, {"khỏe", "khoẻ"}, {"khõe", "khoẽ"}, {"khọe", "khoẹ"},
    {"thùy", "thuỳ"}, {"thúy", "thuý"}, {"thủy", "thuỷ"}, {"thũy", "thuỹ"}, {"thụy", "thuỵ"},
    {"tòa", "toà"},   {"lòe", "loè"},   {"tùy", "tuỳ"},   {"lũy", "luỹ"},   {"Thụy", "Thuỵ"},
};

TEST(ToneStyle, NewStyleBecomesOldStyle) {
  for (const TonePair& p : kTonePairs) {
    EXPECT_EQ(NormalizeText(p.new_style), p.old_style) << p.new_style;
  }
}

TEST(ToneStyle, OldStyleIsKept) {
  for (const TonePair& p : kTonePairs) {
    EXPECT_EQ(NormalizeText(p.old_style), p.old_style) << p.old_style;
  }
}

TEST(ToneStyle, CapitalsInBothStyles) {
  for (const TonePair& p : kTonePairs) {
    std::string old_upper = Upper(p.old_style);
    std::string new_upper = Upper(p.new_style);
    EXPECT_EQ(NormalizeText(new_upper), old_upper) << new_upper;
    EXPECT_EQ(NormalizeText(old_upper), old_upper) << old_upper;
    EXPECT_EQ(ExactForm(new_upper), ExactForm(p.old_style)) << new_upper;
    EXPECT_EQ(ExactForm(old_upper), ExactForm(p.new_style)) << old_upper;
  }
}

TEST(ToneStyle, DecomposedInputInBothStyles) {
  for (const TonePair& p : kTonePairs) {
    EXPECT_EQ(NormalizeText(Nfd(p.new_style)), p.old_style) << p.new_style;
    EXPECT_EQ(NormalizeText(Nfd(p.old_style)), p.old_style) << p.old_style;
  }
}

TEST(ToneStyle, InsideRunningText) {
  EXPECT_EQ(NormalizeText("Hoà Bình, THUỶ LỢI, sức khoẻ; Quỹ hoà nhập."),
            "Hòa Bình, THỦY LỢI, sức khỏe; Quỹ hòa nhập.");
}

TEST(ToneStyle, SyllablesWhereTheStylesAgreeAreUntouched) {
  // Final consonant, qu/gi, ia/ua, shape marks, triphthongs: one spelling only.
  for (const char* word : {"hoàn",   "toán", "huýt",   "hoạch", "quý",   "Quý",   "quà",   "già",   "mía",
                           "múa",    "thuở", "trường", "việt",  "ngoài", "khuỷu", "xoáy",  "khuya", "huyền",
                           "khuyết", "hoặc", "ngoẹo",  "QUÝ",   "HOÀN",  "NGOÀI", "Thuận", "tuyển", "chuyện"}) {
    EXPECT_EQ(NormalizeText(word), word) << word;
  }
}

TEST(Normalize, DecomposedEqualsComposed) {
  for (const char* text : {"Đảng ủy tỉnh Quảng Ninh", "ĐỖ THỊ LẬP", "Nghị quyết số 15-NQ/TU", "Hội đồng nhân dân",
                           "Thông báo kết luận của Ban Thường vụ"}) {
    EXPECT_EQ(NormalizeText(Nfd(text)), text) << text;
    EXPECT_EQ(ExactForm(Nfd(text)), ExactForm(text)) << text;
    EXPECT_EQ(FoldedForm(Nfd(text)), FoldedForm(text)) << text;
  }
}

TEST(Normalize, EthBecomesDWithStroke) {
  EXPECT_EQ(NormalizeText("ÐẢNG CỘNG SẢN"), "ĐẢNG CỘNG SẢN");
  EXPECT_EQ(NormalizeText("15/QÐ-UBND"), "15/QĐ-UBND");
  EXPECT_EQ(NormalizeText("ðảng viên"), "đảng viên");
  EXPECT_EQ(ExactForm("ÐẢNG"), "đảng");
  // Lower-case eth is a letter of Icelandic, where it never starts a word.
  EXPECT_EQ(NormalizeText("það er við"), "það er við");
}

// The same mapping alone, for text read as it stands (a notation): the look-alikes repaired, and
// nothing else of NormalizeText (tone style, NFC).
TEST(Normalize, LookAlikeRepairAloneChangesNothingElse) {
  EXPECT_EQ(RepairLookAlikes("15/QÐ-UBND"), "15/QĐ-UBND");
  EXPECT_EQ(RepairLookAlikes("ðảng viên"), "đảng viên");
  EXPECT_EQ(RepairLookAlikes("það er við"), "það er við");
  EXPECT_EQ(RepairLookAlikes("thuỷ lợi, ÐOÀN"), "thuỷ lợi, ĐOÀN");
  EXPECT_EQ(NormalizeText("thuỷ lợi, ÐOÀN"), "thủy lợi, ĐOÀN");
  EXPECT_EQ(RepairLookAlikes(Nfd("Hội đồng")), Nfd("Hội đồng"));
}

TEST(Normalize, CaseIsKept) { EXPECT_EQ(NormalizeText("ỦY BAN NHÂN DÂN Tỉnh"), "ỦY BAN NHÂN DÂN Tỉnh"); }

TEST(Normalize, OtherLanguagesUntouched) {
  for (const char* text : {"Le café de la gare, élève très naïve à Noël", "Müller aus der Straße für Köln",
                           "El niño y el año", "Søren Ærø", "Hello, world! 1/2 + 3 = 4"}) {
    EXPECT_EQ(NormalizeText(text), text) << text;
  }
}

TEST(Normalize, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(NormalizeText("a\xff"
                          "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(NormalizeText("\xE1\xBA"), "\xEF\xBF\xBD");                              // truncated ạ
  EXPECT_EQ(NormalizeText("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong "/"
  EXPECT_EQ(NormalizeText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST(ExactForm, FullCaseFolding) {
  EXPECT_EQ(ExactForm("HOÀ"), "hòa");
  EXPECT_EQ(ExactForm("ĐẢNG ỦY"), "đảng ủy");
  EXPECT_EQ(ExactForm("Straße"), "strasse");
  EXPECT_EQ(ExactForm("ﬁnal"), "final");
}

TEST(FoldedForm, EveryMarkRemovedAndDStroke) {
  EXPECT_EQ(FoldedForm("Đảng ủy"), "dang uy");
  EXPECT_EQ(FoldedForm("ĐẢNG CỘNG SẢN VIỆT NAM"), "dang cong san viet nam");
  EXPECT_EQ(FoldedForm("đơn vị bảo quản"), "don vi bao quan");
  EXPECT_EQ(FoldedForm("Trường"), "truong");
  EXPECT_EQ(FoldedForm("ĐƯỜNG"), "duong");
  EXPECT_EQ(FoldedForm("hoà"), FoldedForm("hòa"));
  EXPECT_EQ(FoldedForm("ÐẢNG"), "dang");
  EXPECT_EQ(FoldedForm("Ăn ở"), "an o");
  EXPECT_EQ(FoldedForm("café"), "cafe");
}

TEST(FoldedForm, AllVietnameseLettersFoldToAscii) {
  const std::string all = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
  std::string folded = FoldedForm(all + Upper(all));
  for (char c : folded) {
    EXPECT_TRUE(c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'd') << folded;
  }
  EXPECT_EQ(static_cast<int32_t>(folded.size()), 2 * icu::UnicodeString::fromUTF8(all).countChar32());
}

}  // namespace
}  // namespace luutru::tokenizers
