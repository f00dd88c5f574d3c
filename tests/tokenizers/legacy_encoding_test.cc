// Repair of TCVN3 (ABC) and VNI-Windows look-alike text, and no false repairs.
#include "tokenizers/legacy_encoding.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "tests/test_support.h"

namespace luutru::tokenizers {
namespace {

// ---- Test-side encoders, written from the published code tables ----------------------------

// TCVN 5712:1993 (VN3) code table: the letters the .VnTime fonts have. Capitals with a tone are
// not in it: they are typed as the capital base letter followed by the lower-case toned code.
const std::map<char32_t, unsigned char> kTcvn3Codes = {
    {U'Ă', 0xA1}, {U'Â', 0xA2}, {U'Ê', 0xA3}, {U'Ô', 0xA4}, {U'Ơ', 0xA5}, {U'Ư', 0xA6}, {U'Đ', 0xA7}, {U'ă', 0xA8},
    {U'â', 0xA9}, {U'ê', 0xAA}, {U'ô', 0xAB}, {U'ơ', 0xAC}, {U'ư', 0xAD}, {U'đ', 0xAE}, {U'à', 0xB5}, {U'ả', 0xB6},
    {U'ã', 0xB7}, {U'á', 0xB8}, {U'ạ', 0xB9}, {U'ằ', 0xBB}, {U'ẳ', 0xBC}, {U'ẵ', 0xBD}, {U'ắ', 0xBE}, {U'ặ', 0xC6},
    {U'ầ', 0xC7}, {U'ẩ', 0xC8}, {U'ẫ', 0xC9}, {U'ấ', 0xCA}, {U'ậ', 0xCB}, {U'è', 0xCC}, {U'ẻ', 0xCE}, {U'ẽ', 0xCF},
    {U'é', 0xD0}, {U'ẹ', 0xD1}, {U'ề', 0xD2}, {U'ể', 0xD3}, {U'ễ', 0xD4}, {U'ế', 0xD5}, {U'ệ', 0xD6}, {U'ì', 0xD7},
    {U'ỉ', 0xD8}, {U'ĩ', 0xDC}, {U'í', 0xDD}, {U'ị', 0xDE}, {U'ò', 0xDF}, {U'ỏ', 0xE1}, {U'õ', 0xE2}, {U'ó', 0xE3},
    {U'ọ', 0xE4}, {U'ồ', 0xE5}, {U'ổ', 0xE6}, {U'ỗ', 0xE7}, {U'ố', 0xE8}, {U'ộ', 0xE9}, {U'ờ', 0xEA}, {U'ở', 0xEB},
    {U'ỡ', 0xEC}, {U'ớ', 0xED}, {U'ợ', 0xEE}, {U'ù', 0xEF}, {U'ủ', 0xF1}, {U'ũ', 0xF2}, {U'ú', 0xF3}, {U'ụ', 0xF4},
    {U'ừ', 0xF5}, {U'ử', 0xF6}, {U'ữ', 0xF7}, {U'ứ', 0xF8}, {U'ự', 0xF9}, {U'ỳ', 0xFA}, {U'ỷ', 0xFB}, {U'ỹ', 0xFC},
    {U'ý', 0xFD}, {U'ỵ', 0xFE},
};

icu::UnicodeString Decompose(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFDInstance(status)->normalize(icu::UnicodeString(c), status);
}

bool IsToneMark(UChar32 m) { return m == 0x300 || m == 0x301 || m == 0x303 || m == 0x309 || m == 0x323; }

// The letter without its tone, keeping the shape marks (â ă ê ô ơ ư).
UChar32 WithoutTone(UChar32 c) {
  icu::UnicodeString d = Decompose(c), kept;
  for (int32_t i = 0; i < d.length(); ++i) {
    if (!IsToneMark(d.char32At(i))) kept.append(d.char32At(i));
  }
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFCInstance(status)->normalize(kept, status).char32At(0);
}

// Unicode -> the Latin-1 look-alike text an extractor gives for a .VnTime PDF.
std::string ToTcvn3LookAlike(const std::string& utf8) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(utf8), out;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (c < 0x80) {
      out.append(c);
    } else if (auto it = kTcvn3Codes.find(static_cast<char32_t>(c)); it != kTcvn3Codes.end()) {
      out.append(static_cast<UChar32>(it->second));
    } else if (!u_isalpha(c)) {
      out.append(c);  // punctuation the font does not change: “ ” – …
    } else {
      // A toned capital: capital base, then the lower-case toned code.
      UChar32 base = WithoutTone(c);
      auto b = kTcvn3Codes.find(static_cast<char32_t>(base));
      out.append(b != kTcvn3Codes.end() ? static_cast<UChar32>(b->second) : base);
      out.append(static_cast<UChar32>(kTcvn3Codes.at(static_cast<char32_t>(u_tolower(c)))));
    }
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

// VNI-Windows: base letter, then one mark character (published VNI code table).
std::string ToVniLookAlike(const std::string& utf8) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(utf8);
  std::u32string out;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    bool upper = u_isupper(c);
    if (c == U'đ' || c == U'Đ') {
      out.push_back(upper ? U'Ñ' : U'ñ');
      continue;
    }
    icu::UnicodeString d = Decompose(c);
    UChar32 base = d.char32At(0);
    if (d.length() == 1 || base >= 0x80) {
      out.push_back(static_cast<char32_t>(c));
      continue;
    }
    UChar32 shape = 0, tone = 0;
    for (int32_t k = 1; k < d.length(); ++k) {
      UChar32 m = d.char32At(k);
      (IsToneMark(m) ? tone : shape) = m;
    }
    auto pick = [&](std::u32string_view lower, std::u32string_view capital) {
      int index = tone == 0x300 ? 1 : tone == 0x301 ? 2 : tone == 0x309 ? 3 : tone == 0x303 ? 4 : tone == 0x323 ? 5 : 0;
      return upper ? capital[index] : lower[index];
    };
    char32_t b = static_cast<char32_t>(base);
    UChar32 lb = u_tolower(base);
    if (lb == 'i' && tone) {
      out.push_back(pick(U"iìíæóò", U"IÌÍÆÓÒ"));
    } else if (lb == 'y' && tone == 0x323) {
      out.push_back(upper ? U'Î' : U'î');
    } else if (shape == 0x302) {  // â ê ô
      out.push_back(b);
      out.push_back(pick(U"âàáåãä", U"ÂÀÁÅÃÄ"));
    } else if (shape == 0x306) {  // ă
      out.push_back(b);
      out.push_back(pick(U"êèéúüë", U"ÊÈÉÚÜË"));
    } else {
      if (shape == 0x31B) {  // ơ ư
        out.push_back(lb == 'o' ? (upper ? U'Ô' : U'ô') : (upper ? U'Ö' : U'ö'));
      } else {
        out.push_back(b);
      }
      if (tone) out.push_back(pick(U" øùûõï", U" ØÙÛÕÏ"));
    }
  }
  std::string result;
  icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(out.data()), static_cast<int32_t>(out.size()))
      .toUTF8String(result);
  return result;
}

// Real administrative sentences, in both tone styles and in capitals.
const char* const kVietnamese[] = {
    "Ủy ban nhân dân tỉnh Quảng Ninh",
    "Quyết định về việc ban hành quy chế làm việc của Ban Thường vụ Tỉnh ủy",
    "Trường Đại học Việt Nam, người nước ngoài",
    "Thông báo kết luận của Thường trực Tỉnh ủy về công tác lưu trữ",
    "HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Chỉ thị về tăng cường công tác bảo vệ bí mật nhà nước, tài liệu mật",
    "Đơn vị bảo quản số 345, hộp 12, phông Văn phòng Tỉnh ủy, năm 2023",
    "Những ưu tiên trước mắt: sửa chữa, xây dựng, đầu tư ở vùng sâu, vùng xa",
    "khuỷu tay, quyển sổ, thuở ấy, ngoằn ngoèo, giữ gìn, Ấn Độ, Ỷ lại, Ưng thuận",
};

// ---- TCVN3 ------------------------------------------------------------------------------------

TEST(Tcvn3, ExamplesFromRealPdfs) {
  EXPECT_EQ(RepairLegacyEncoding("Uû ban nh©n d©n tØnh"), "Uỷ ban nhân dân tỉnh");
  EXPECT_EQ(RepairLegacyEncoding("Khæ mÉu MARC 21 cho d÷ liÖu th− môc"), "Khổ mẫu MARC 21 cho dữ liệu thư mục");
  EXPECT_EQ(RepairLegacyEncoding("Biªn so¹n: Phßng Ph¸t triÓn"), "Biên soạn: Phòng Phát triển");
}

TEST(Tcvn3, RoundTripThroughTheCodeTable) {
  for (const char* text : kVietnamese) {
    std::string legacy = ToTcvn3LookAlike(text);
    EXPECT_EQ(DetectLegacyEncoding(legacy), LegacyEncoding::kTcvn3) << legacy;
    EXPECT_EQ(RepairLegacyEncoding(legacy), text) << legacy;
  }
}

// The real OCR page without its Latin-1 signs (², °): a legacy-font text cannot contain them,
// since their codes are Vietnamese letters there.
std::string RealPageForLegacyFonts(const std::filesystem::path& shared) {
  std::ifstream in(shared / "000_69e6df0436166d8b.txt", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  icu::UnicodeString page = icu::UnicodeString::fromUTF8(buffer.str()), cleaned;
  for (int32_t i = 0; i < page.length(); i = page.moveIndex32(i, 1)) {
    UChar32 c = page.char32At(i);
    cleaned.append(c >= 0x80 && c <= 0xFF && !u_isalpha(c) ? UChar32{' '} : c);
  }
  std::string out;
  cleaned.toUTF8String(out);
  return out;
}

// The real OCR page, as a .VnTime PDF of it would come out of the extractor.
TEST(Tcvn3, RealPageRoundTrip) {
  LUUTRU_REQUIRE_SHARED(shared);
  const std::string original = RealPageForLegacyFonts(shared);
  ASSERT_GT(original.size(), 10000u);
  std::string legacy = ToTcvn3LookAlike(original);
  ASSERT_NE(legacy, original);
  EXPECT_EQ(DetectLegacyEncoding(legacy), LegacyEncoding::kTcvn3);
  EXPECT_EQ(RepairLegacyEncoding(legacy), original);
}

TEST(Tcvn3, CapitalBaseWithLowerCaseTonedCode) {
  EXPECT_EQ(ConvertLegacyEncoding("Aµ", LegacyEncoding::kTcvn3), "À");
  EXPECT_EQ(ConvertLegacyEncoding("I×", LegacyEncoding::kTcvn3), "Ì");
  EXPECT_EQ(ConvertLegacyEncoding("¢Ên", LegacyEncoding::kTcvn3), "Ấn");
}

TEST(Tcvn3, HeadingsTypedWithoutTonedCapitalsAreCapitals) {
  // .VnTime has no toned capitals: a heading comes out with its toned vowels in lower case.
  EXPECT_EQ(ConvertLegacyEncoding("TH\u00A4NG B\u00B8O", LegacyEncoding::kTcvn3), "THÔNG BÁO");
  EXPECT_EQ(ConvertLegacyEncoding("\u00A7\u00B6NG B\u00E9 T\u00D8NH", LegacyEncoding::kTcvn3), "ĐẢNG BỘ TỈNH");
  // One capital is a capitalized word, not a heading: "Bé", "Lá" stay.
  EXPECT_EQ(ConvertLegacyEncoding("B\u00D0 L\u00B8", LegacyEncoding::kTcvn3), "Bé Lá");
  EXPECT_EQ(ConvertLegacyEncoding("UBND t\u00D8nh", LegacyEncoding::kTcvn3), "UBND tỉnh");
  EXPECT_EQ(ConvertLegacyEncoding("HUY\u00D6N \u00F1Y", LegacyEncoding::kTcvn3), "HUYỆN ỦY");
  EXPECT_EQ(ConvertLegacyEncoding("UBND H\u00B5 N\u00E9i", LegacyEncoding::kTcvn3), "UBND Hà Nội");
}

TEST(Tcvn3, SoftHyphenAndMinusAreUInsideWords) {
  // ư is byte 0xAD: Latin-1 soft hyphen; some extractors give U+2212 or "-" instead.
  const std::string truong = "tr\u00AD\u00EAng";  // "tr­êng" = trường
  EXPECT_EQ(ConvertLegacyEncoding(truong, LegacyEncoding::kTcvn3), "trường");
  EXPECT_EQ(ConvertLegacyEncoding("tr\u2212êng n\u2212íc", LegacyEncoding::kTcvn3), "trường nước");
  EXPECT_EQ(ConvertLegacyEncoding("tr-êng", LegacyEncoding::kTcvn3), "trường");
  EXPECT_EQ(ConvertLegacyEncoding("th\u2212 môc", LegacyEncoding::kTcvn3), "thư mục");
  EXPECT_EQ(ConvertLegacyEncoding("\u2212u tiªn", LegacyEncoding::kTcvn3), "ưu tiên");
  // Between digits the minus sign is a minus sign.
  EXPECT_EQ(ConvertLegacyEncoding("5 \u2212 3 = 2, 7\u22124", LegacyEncoding::kTcvn3), "5 \u2212 3 = 2, 7\u22124");
}

TEST(Tcvn3, HyphenInNotationStaysHyphen) {
  EXPECT_EQ(RepairLegacyEncoding("QuyÕt ®Þnh sè 15/Q§-UBND cña Uû ban nh©n d©n tØnh"),
            "Quyết định số 15/QĐ-UBND của Uỷ ban nhân dân tỉnh");
  EXPECT_EQ(RepairLegacyEncoding("Th«ng b¸o sè 45-TB/TU vÒ viÖc kinh-tÕ"), "Thông báo số 45-TB/TU về việc kinh-tế");
}

TEST(Tcvn3, UnicodeVariantsOfTheTraps) {
  for (const char* text : kVietnamese) {
    std::string minus = ToTcvn3LookAlike(text);
    size_t at;
    while ((at = minus.find("\u00AD")) != std::string::npos) minus.replace(at, 2, "\u2212");
    EXPECT_EQ(RepairLegacyEncoding(minus), text) << minus;
  }
}

// ---- VNI ------------------------------------------------------------------------------------

TEST(Vni, ExampleFromTheConverterDocumentation) {
  EXPECT_EQ(RepairLegacyEncoding("Xin chaøo caùc baïn"), "Xin chào các bạn");
}

TEST(Vni, RoundTripThroughTheCodeTable) {
  for (const char* text : kVietnamese) {
    std::string legacy = ToVniLookAlike(text);
    EXPECT_EQ(DetectLegacyEncoding(legacy), LegacyEncoding::kVni) << legacy;
    EXPECT_EQ(RepairLegacyEncoding(legacy), text) << legacy;
  }
}

TEST(Vni, RealPageRoundTrip) {
  LUUTRU_REQUIRE_SHARED(shared);
  const std::string original = RealPageForLegacyFonts(shared);
  ASSERT_GT(original.size(), 10000u);
  std::string legacy = ToVniLookAlike(original);
  ASSERT_NE(legacy, original);
  EXPECT_EQ(DetectLegacyEncoding(legacy), LegacyEncoding::kVni);
  EXPECT_EQ(RepairLegacyEncoding(legacy), original);
}

TEST(Vni, SingleCharacterVowels) {
  EXPECT_EQ(ConvertLegacyEncoding("nghóa vuï, lòch söû, tæ leä, mì, kyõ, Vieät, Ò", LegacyEncoding::kVni),
            "nghĩa vụ, lịch sử, tỉ lệ, mì, kỹ, Việt, Ị");
  EXPECT_EQ(ConvertLegacyEncoding("ÑAÛNG COÄNG SAÛN VIEÄT NAM", LegacyEncoding::kVni), "ĐẢNG CỘNG SẢN VIỆT NAM");
  EXPECT_EQ(ConvertLegacyEncoding("ngöôøi, möôøi, caêng, quaû", LegacyEncoding::kVni), "người, mười, căng, quả");
}

// ---- No false repairs -------------------------------------------------------------------------

TEST(Detection, GenuineTextIsLeftAlone) {
  const char* const kGenuine[] = {
      "Ủy ban nhân dân tỉnh Quảng Ninh",
      "Hà Giang tháng tám, Hà Nội",
      "Le café de la gare, élève très naïve à Noël; où est la bibliothèque?",
      "Müller aus der Straße für Köln, Grüße aus München",
      "El niño y el año, señor, ¿qué tal?",
      "© 2023 Sở Nội vụ. Bản quyền thuộc về...",
      "Copyright © 2020 Example Inc. « Tous droits réservés »",
      "Temperature 30°C ± 2°",
      "Q§-UBND",
      "là",
      "Bảo tàng",
      "Où est la gare ? Où sont les élèves ? Je ne sais où aller, mais où donc ?",
      "Noël à Zürich: Ça coûte 30 € ; naïve Beyoncé, Ærø, Øresund, São Paulo, Málaga",
  };
  for (const char* text : kGenuine) {
    EXPECT_EQ(DetectLegacyEncoding(text), LegacyEncoding::kNone) << text;
    EXPECT_EQ(RepairLegacyEncoding(text), text) << text;
  }
  for (const char* text : kVietnamese) {
    EXPECT_EQ(DetectLegacyEncoding(text), LegacyEncoding::kNone) << text;
  }
}

TEST(Detection, ShortTextIsNotRepaired) {
  EXPECT_EQ(DetectLegacyEncoding("d©n"), LegacyEncoding::kNone);
  EXPECT_EQ(DetectLegacyEncoding(""), LegacyEncoding::kNone);
}

TEST(Detection, ConvertNoneReturnsInput) {
  EXPECT_EQ(ConvertLegacyEncoding("Uû ban", LegacyEncoding::kNone), "Uû ban");
}

TEST(FontName, LegacyFontsAreRecognised) {
  EXPECT_EQ(EncodingOfFontName("ABCDEF+.VnTime"), LegacyEncoding::kTcvn3);
  EXPECT_EQ(EncodingOfFontName(".VnTimeH"), LegacyEncoding::kTcvn3);
  EXPECT_EQ(EncodingOfFontName("XYZABC+.VnArial,Bold"), LegacyEncoding::kTcvn3);
  EXPECT_EQ(EncodingOfFontName("VnTime"), LegacyEncoding::kTcvn3);
  EXPECT_EQ(EncodingOfFontName("VNI-Times"), LegacyEncoding::kVni);
  EXPECT_EQ(EncodingOfFontName("ABCDEF+VNI-Helve-Condense"), LegacyEncoding::kVni);
  EXPECT_EQ(EncodingOfFontName("VNI Times"), LegacyEncoding::kVni);
  EXPECT_EQ(EncodingOfFontName("TimesNewRomanPSMT"), LegacyEncoding::kNone);
  EXPECT_EQ(EncodingOfFontName("ABCDEF+Arial-BoldMT"), LegacyEncoding::kNone);
  EXPECT_EQ(EncodingOfFontName(""), LegacyEncoding::kNone);
}

// The gate before asking a PDF for font names: it may let Unicode through to the slow path,
// never legacy text past it.
TEST(Gate, LegacyLookAlikesAlwaysPass) {
  for (const char* text : kVietnamese) {
    EXPECT_TRUE(MayBeLegacyText(ToTcvn3LookAlike(text))) << text;
    EXPECT_TRUE(MayBeLegacyText(ToVniLookAlike(text))) << text;
  }
  EXPECT_TRUE(MayBeLegacyText("Uû ban nh©n d©n tØnh"));
}

TEST(Gate, UnicodeVietnameseDoesNot) {
  for (const char* text : kVietnamese) EXPECT_FALSE(MayBeLegacyText(text)) << text;
  EXPECT_FALSE(MayBeLegacyText("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ àáâãèéêìíòóôõùúý\tĐƯƠ\n45-TB/TU, “trích” – 1.000 đồng"));
  EXPECT_FALSE(MayBeLegacyText(""));
}

TEST(Gate, ControlAndInvalidBytesPass) {
  EXPECT_TRUE(MayBeLegacyText("a\x01b"));
  EXPECT_TRUE(MayBeLegacyText("\xff\xfe"));
}

}  // namespace
}  // namespace luutru::tokenizers
