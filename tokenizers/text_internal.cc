#include "tokenizers/text_internal.h"

#include <unicode/uchar.h>

#include <array>
#include <string_view>

#include "tokenizers/code_point_tables.h"

namespace luutru::tokenizers::internal {

char32_t DecodeMultiByte(std::string_view utf8, size_t at, size_t* length) {
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  unsigned char b = s[at];
  if (b < 0x80) {
    *length = 1;
    return b;
  }
  int len = 0;
  char32_t c = 0;
  char32_t min = 0;
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2, c = b & 0x1F, min = 0x80;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3, c = b & 0x0F, min = 0x800;
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4, c = b & 0x07, min = 0x10000;
  }
  *length = 1;
  if (len == 0) return kReplacement;
  // Consume the continuation bytes that are there, so a truncated sequence is one U+FFFD.
  for (int k = 1; k < len; ++k) {
    if (at + k >= n || (s[at + k] & 0xC0) != 0x80) {
      *length = static_cast<size_t>(k);
      return kReplacement;
    }
    c = (c << 6) | (s[at + k] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return kReplacement;
  *length = static_cast<size_t>(len);
  return c;
}

std::u32string DecodeUtf8(std::string_view utf8, std::vector<size_t>* offsets) {
  std::u32string out;
  out.reserve(utf8.size());
  if (offsets) {
    offsets->clear();
    offsets->reserve(utf8.size() + 1);
  }
  size_t i = 0;
  while (i < utf8.size()) {
    if (offsets) offsets->push_back(i);
    size_t length = 1;
    out.push_back(DecodeOne(utf8, i, &length));
    i += length;
  }
  if (offsets) offsets->push_back(utf8.size());
  return out;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (char32_t c : text) AppendUtf8(c, &out);
  return out;
}

bool IsLetterSlow(char32_t c) { return CodePointClass(c) & kLetterBit; }
bool IsMarkSlow(char32_t c) { return CodePointClass(c) & kMarkBit; }
bool IsDecimalDigitSlow(char32_t c) { return CodePointClass(c) & kDigitBit; }

int DigitValue(char32_t c) {
  if (c < 0x80) return static_cast<int>(c) - '0';
  return u_charDigitValue(static_cast<UChar32>(c));
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isUUppercase(static_cast<UChar32>(c));
}

bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_isULowercase(static_cast<UChar32>(c));
}

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

namespace {

// Rows: the twelve vowels (VowelBase order), columns: the six tones (Tone order); lower case,
// then upper case.
constexpr std::u32string_view kVowelRows[2][kVowelCount] = {
    {U"aàáảãạ", U"ăằắẳẵặ", U"âầấẩẫậ", U"eèéẻẽẹ", U"êềếểễệ", U"iìíỉĩị", U"oòóỏõọ", U"ôồốổỗộ", U"ơờớởỡợ", U"uùúủũụ",
     U"ưừứửữự", U"yỳýỷỹỵ"},
    {U"AÀÁẢÃẠ", U"ĂẰẮẲẴẶ", U"ÂẦẤẨẪẬ", U"EÈÉẺẼẸ", U"ÊỀẾỂỄỆ", U"IÌÍỈĨỊ", U"OÒÓỎÕỌ", U"ÔỒỐỔỖỘ", U"ƠỜỚỞỠỢ", U"UÙÚỦŨỤ",
     U"ƯỪỨỬỮỰ", U"YỲÝỶỸỴ"},
};

// All Vietnamese vowels lie below U+1F00; one table entry per code point.
constexpr char32_t kVowelTableSize = 0x1F00;

// Built by the compiler: a process that tokenizes one query reads two pages of it, where a table
// built at run time was six fresh pages written and ICU's case data read (page faults).
struct VowelTables {
  std::array<VowelInfo, kVowelTableSize> info{};
  char32_t compose[kVowelCount][kToneCount][2] = {};
  constexpr VowelTables() {
    for (int upper = 0; upper < 2; ++upper) {
      for (int base = 0; base < kVowelCount; ++base) {
        for (int tone = 0; tone < kToneCount; ++tone) {
          const char32_t c = kVowelRows[upper][base][tone];
          compose[base][tone][upper] = c;
          info[c] = VowelInfo{static_cast<int8_t>(base), static_cast<int8_t>(tone), upper == 1};
        }
      }
    }
  }
};

constexpr VowelTables kVowels;

}  // namespace

VowelInfo VowelOf(char32_t c) {
  if (c >= kVowelTableSize) return VowelInfo{};
  return kVowels.info[c];
}

char32_t ComposeVowel(int base, int tone, bool upper) { return kVowels.compose[base][tone][upper ? 1 : 0]; }

namespace {

// Onsets (phụ âm đầu) and codas (âm cuối) of Vietnamese syllables.
constexpr std::u32string_view kOnsets[] = {
    U"ngh", U"ng", U"nh", U"ch", U"gh", U"kh", U"ph", U"th", U"tr", U"gi", U"qu", U"b", U"c", U"d",
    U"đ",   U"g",  U"h",  U"k",  U"l",  U"m",  U"n",  U"p",  U"r",  U"s",  U"t",  U"v", U"x", U"",
};
constexpr std::u32string_view kCodas[] = {U"",  U"c", U"ch", U"m", U"n", U"ng", U"nh",
                                          U"p", U"t", U"i",  U"y", U"o", U"u"};

// Vowel nuclei written with their shape marks (tone removed); a final i/y/o/u glide is a coda.
constexpr std::u32string_view kNuclei[] = {U"a",  U"ă",  U"â",  U"e",  U"ê",  U"i",  U"o",  U"ô",   U"ơ",   U"u",
                                           U"ư",  U"y",  U"ia", U"iê", U"ya", U"yê", U"ua", U"uô",  U"ưa",  U"ươ",
                                           U"oa", U"oă", U"oe", U"uâ", U"uê", U"uy", U"uơ", U"uya", U"uyê", U"oo"};

bool StartsWith(std::u32string_view s, std::u32string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

bool IsVietnameseSyllable(std::u32string_view syllable) {
  if (syllable.empty() || syllable.size() > 8) return false;
  // Strip the tone, keeping shape marks; at most one toned vowel.
  std::u32string bare;
  bare.reserve(syllable.size());
  int tones = 0;
  for (char32_t c : syllable) {
    VowelInfo v = VowelOf(c);
    if (v.base >= 0) {
      if (v.upper) return false;
      if (v.tone != kLevel) ++tones;
      bare.push_back(ComposeVowel(v.base, kLevel, false));
    } else if ((c >= 'a' && c <= 'z') || c == U'đ') {
      bare.push_back(c);
    } else {
      return false;
    }
  }
  if (tones > 1) return false;
  for (std::u32string_view onset : kOnsets) {
    if (!StartsWith(bare, onset)) continue;
    std::u32string_view rest = std::u32string_view(bare).substr(onset.size());
    // "gì", "gìn" are read by the onset "g" with the vowel i, so "gi" needs no special case.
    for (std::u32string_view coda : kCodas) {
      if (rest.size() < coda.size() || rest.substr(rest.size() - coda.size()) != coda) continue;
      std::u32string_view nucleus = rest.substr(0, rest.size() - coda.size());
      for (std::u32string_view n : kNuclei) {
        if (nucleus == n) return true;
      }
    }
  }
  return false;
}

}  // namespace luutru::tokenizers::internal
