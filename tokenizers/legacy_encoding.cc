#include "tokenizers/legacy_encoding.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <unicode/utf8.h>

#include "tokenizers/text_internal.h"

namespace luutru::tokenizers {
namespace {

using internal::ComposeVowel;
using internal::IsLetter;
using internal::VowelInfo;
using internal::VowelOf;

// TCVN 5712:1993, bytes 0x80..0xFF, from the published code table. The .VnTime (VN3) fonts use
// 0xA1..0xFF; the toned capitals at 0x80..0x9F (and in the C0 range below) are the full VN1
// table's. An extractor returns each byte as the Latin-1 character with the same number.
// Bytes 0xB0..0xB4 are the five combining tone marks.
constexpr std::u32string_view kTcvn3High =
    U"ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"                           // 0x80
    U"ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"                           // 0x90
    U"\u00A0ĂÂÊÔƠƯĐăâêôơưđẰ"                      // 0xA0
    U"\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  // 0xB0
    U"ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"                           // 0xC0
    U"éẹềểễếệìỉỄẾỒĩíịò"                           // 0xD0
    U"Ổỏõóọồổỗốộờởỡớợù"                           // 0xE0
    U"ỖủũúụừửữứựỳỷỹýỵỐ";                          // 0xF0

// The few capitals TCVN 5712 puts among the C0 controls.
char32_t Tcvn3Low(char32_t c) {
  switch (c) {
    case 0x01: return U'Ú';
    case 0x02: return U'Ụ';
    case 0x04: return U'Ừ';
    case 0x05: return U'Ử';
    case 0x06: return U'Ữ';
    case 0x11: return U'Ứ';
    case 0x12: return U'Ự';
    case 0x13: return U'Ỳ';
    case 0x14: return U'Ỷ';
    case 0x15: return U'Ỹ';
    case 0x16: return U'Ý';
    case 0x17: return U'Ỵ';
    default: return 0;
  }
}

constexpr char32_t kMinusSign = 0x2212;
constexpr char32_t kSoftHyphen = 0x00AD;

bool IsTcvn3Trap(char32_t c) { return c == kMinusSign || c == kSoftHyphen || c == U'-'; }

std::u32string Lower(std::u32string word) {
  internal::ExactInPlace(&word);
  return word;
}

// TCVN3 has no accented capitals: "À" is typed as the capital base letter and the lower-case
// accented code ("Aµ"). Merges such a pair into one capital.
void MergeTcvn3Capitals(std::u32string* text) {
  std::u32string& s = *text;
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 1 < s.size()) {
      VowelInfo base = VowelOf(s[i]);
      VowelInfo next = VowelOf(s[i + 1]);
      if (base.base >= 0 && base.upper && base.tone == internal::kLevel && next.base == base.base && !next.upper &&
          next.tone != internal::kLevel) {
        out.push_back(ComposeVowel(next.base, next.tone, true));
        ++i;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  s.swap(out);
}

// A heading typed in the base .VnTime font has no toned capitals at all, so its toned vowels come
// out in lower case ("THÔNG BáO", "ĐảNG Bộ TỉNH", "HUYệN ủY"). A word whose only lower-case
// letters are toned vowels is such a heading word when it has a capital past its first letter,
// or, a capital only at its start ("Bộ"), when the words on both sides are headings too: "Bé",
// "Lá" and the "Hà" of "UBND Hà Nội" stay as they are.
void RaiseTcvn3HeadingWords(std::u32string* text) {
  std::u32string& s = *text;
  struct Word {
    size_t begin, end;
    bool toned_lower_only;  // every lower-case letter is a toned vowel, and there is one
    bool capital_inside;    // a capital past the first letter
    bool capital_first;
    bool heading = false;
  };
  auto is_upper = [](char32_t c) {
    const VowelInfo v = VowelOf(c);
    return v.base >= 0 ? v.upper : (c >= U'A' && c <= U'Z') || c == U'Đ';
  };
  std::vector<Word> words;
  for (size_t i = 0; i < s.size();) {
    if (!IsLetter(s[i])) {
      ++i;
      continue;
    }
    Word w{i, i, true, false, is_upper(s[i])};
    bool any_lower = false;
    for (; w.end < s.size() && IsLetter(s[w.end]); ++w.end) {
      if (is_upper(s[w.end])) {
        w.capital_inside = w.capital_inside || w.end > i;
        continue;
      }
      any_lower = true;
      const VowelInfo v = VowelOf(s[w.end]);
      if (v.base < 0 || v.tone == internal::kLevel) w.toned_lower_only = false;
    }
    w.toned_lower_only = w.toned_lower_only && any_lower;
    w.heading = !any_lower ? w.end - w.begin >= 2 : w.toned_lower_only && w.capital_inside;
    words.push_back(w);
    i = w.end;
  }
  for (size_t k = 1; k + 1 < words.size(); ++k) {
    Word& w = words[k];
    if (!w.heading && w.toned_lower_only && w.capital_first && words[k - 1].heading && words[k + 1].heading) {
      w.heading = true;
    }
  }
  for (const Word& w : words) {
    if (!w.heading || !w.toned_lower_only) continue;
    for (size_t k = w.begin; k < w.end; ++k) {
      const VowelInfo v = VowelOf(s[k]);
      if (v.base >= 0 && !v.upper) s[k] = ComposeVowel(v.base, v.tone, true);
    }
  }
}

// U+00AD, U+2212 or "-" where TCVN3 had ư (byte 0xAD), only inside words: the soft hyphen and
// the minus sign wherever they touch a letter, the hyphen only where the word around it becomes
// a Vietnamese syllable, so "Q§-UBND" and "kinh-tÕ" keep their hyphen while "tr-êng" is
// "trường".
void RepairTcvn3Traps(std::u32string* text) {
  std::u32string& s = *text;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsTcvn3Trap(s[i])) continue;
    size_t left = i;
    while (left > 0 && IsLetter(s[left - 1])) --left;
    size_t right = i + 1;
    while (right < s.size() && IsLetter(s[right])) ++right;
    if (left == i && right == i + 1) continue;
    if (s[i] != U'-') {
      s[i] = U'ư';
      continue;
    }
    std::u32string word = s.substr(left, right - left);
    word[i - left] = U'ư';
    if (internal::IsVietnameseSyllable(Lower(word))) s[i] = U'ư';
  }
}

std::u32string ConvertTcvn3(std::u32string_view in) {
  std::u32string s;
  s.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if (c >= 0x80 && c <= 0xFF && c != kSoftHyphen) {
      char32_t mapped = kTcvn3High[c - 0x80];
      // A stand-alone combining code (° ± ² ³ ´) is more likely the sign it looks like.
      bool combining = c >= 0xB0 && c <= 0xB4;
      if (!combining || (!s.empty() && IsLetter(s.back()))) c = mapped;
    } else if (char32_t low = Tcvn3Low(c)) {
      c = low;
    }
    s.push_back(c);
  }
  RepairTcvn3Traps(&s);
  MergeTcvn3Capitals(&s);
  RaiseTcvn3HeadingWords(&s);
  return s;
}

// VNI-Windows writes a vowel as its base letter followed by one mark character.
int VniTone(char32_t c) {
  switch (c) {
    case U'ø':
    case U'Ø': return internal::kGrave;
    case U'ù':
    case U'Ù': return internal::kAcute;
    case U'û':
    case U'Û': return internal::kHook;
    case U'õ':
    case U'Õ': return internal::kTilde;
    case U'ï':
    case U'Ï': return internal::kDot;
    default: return -1;
  }
}

// Circumflex (â ê ô) with its tone: â à á å ã ä.
int VniCircumflexTone(char32_t c) {
  switch (c) {
    case U'â':
    case U'Â': return internal::kLevel;
    case U'à':
    case U'À': return internal::kGrave;
    case U'á':
    case U'Á': return internal::kAcute;
    case U'å':
    case U'Å': return internal::kHook;
    case U'ã':
    case U'Ã': return internal::kTilde;
    case U'ä':
    case U'Ä': return internal::kDot;
    default: return -1;
  }
}

// Breve (ă) with its tone: ê è é ú ü ë.
int VniBreveTone(char32_t c) {
  switch (c) {
    case U'ê':
    case U'Ê': return internal::kLevel;
    case U'è':
    case U'È': return internal::kGrave;
    case U'é':
    case U'É': return internal::kAcute;
    case U'ú':
    case U'Ú': return internal::kHook;
    case U'ü':
    case U'Ü': return internal::kTilde;
    case U'ë':
    case U'Ë': return internal::kDot;
    default: return -1;
  }
}

// The i with a tone is one character of its own: ì í æ ó ò.
int VniIToneOf(char32_t c) {
  switch (c) {
    case U'ì':
    case U'Ì': return internal::kGrave;
    case U'í':
    case U'Í': return internal::kAcute;
    case U'æ':
    case U'Æ': return internal::kHook;
    case U'ó':
    case U'Ó': return internal::kTilde;
    case U'ò':
    case U'Ò': return internal::kDot;
    default: return -1;
  }
}

std::u32string ConvertVni(std::u32string_view in) {
  std::u32string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    bool upper = c < 0x80 ? std::isupper(static_cast<int>(c)) != 0 : (c == U'Ô' || c == U'Ö' || c == U'Ñ');
    char32_t lower = c < 0x80 ? static_cast<char32_t>(std::tolower(static_cast<int>(c))) : c;
    char32_t next = i + 1 < in.size() ? in[i + 1] : 0;
    int base = -1;
    switch (lower) {
      case U'a': base = internal::kA; break;
      case U'e': base = internal::kE; break;
      case U'o': base = internal::kO; break;
      case U'u': base = internal::kU; break;
      case U'y': base = internal::kY; break;
      case U'i': base = internal::kI; break;
      case U'ô':
      case U'Ô': base = internal::kOw; break;  // ơ
      case U'ö':
      case U'Ö': base = internal::kUw; break;  // ư
      case U'ñ': out.push_back(U'đ'); continue;
      case U'Ñ': out.push_back(U'Đ'); continue;
      default: break;
    }
    // ỵ is one character of its own too: î.
    if (c == U'î' || c == U'Î') {
      out.push_back(ComposeVowel(internal::kY, internal::kDot, c == U'Î'));
      continue;
    }
    if (int t = VniIToneOf(c); t >= 0) {
      out.push_back(ComposeVowel(internal::kI, t, c >= 0xC0 && c <= 0xDE));
      continue;
    }
    if (base < 0) {
      out.push_back(c);
      continue;
    }
    int tone = internal::kLevel;
    int shaped = base;
    bool consumed = false;
    if (base == internal::kA || base == internal::kE || base == internal::kO) {
      if (int t = VniCircumflexTone(next); t >= 0) {
        shaped = base == internal::kA ? internal::kAa : base == internal::kE ? internal::kEe : internal::kOo;
        tone = t;
        consumed = true;
      } else if (int b = VniBreveTone(next); base == internal::kA && b >= 0) {
        shaped = internal::kAw;
        tone = b;
        consumed = true;
      }
    }
    if (!consumed) {
      if (int t = VniTone(next); t >= 0) {
        tone = t;
        consumed = true;
      }
    }
    out.push_back(ComposeVowel(shaped, tone, upper));
    if (consumed) ++i;
  }
  return out;
}

std::u32string Convert(std::u32string_view text, LegacyEncoding encoding) {
  switch (encoding) {
    case LegacyEncoding::kTcvn3: return ConvertTcvn3(text);
    case LegacyEncoding::kVni: return ConvertVni(text);
    case LegacyEncoding::kNone: break;
  }
  return std::u32string(text);
}

// Letters that only genuine Unicode Vietnamese has: ă đ ĩ ũ ơ ư, the U+1EA0 block, and the
// combining tone marks of decomposed text.
bool IsGenuineVietnamese(char32_t c) {
  switch (c) {
    case U'ă':
    case U'Ă':
    case U'đ':
    case U'Đ':
    case U'ĩ':
    case U'Ĩ':
    case U'ũ':
    case U'Ũ':
    case U'ơ':
    case U'Ơ':
    case U'ư':
    case U'Ư': return true;
    default:
      return (c >= 0x1EA0 && c <= 0x1EF9) || c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
  }
}

// What a legacy-encoded word may be made of: ASCII letters and the Latin-1 look-alikes.
bool IsLegacyWordChar(char32_t c) {
  return IsLetter(c) || (c >= 0x80 && c <= 0xFF && c != 0xA0) || c == kMinusSign || Tcvn3Low(c) != 0;
}

}  // namespace

LegacyEncoding DetectLegacyEncoding(std::string_view utf8) {
  std::u32string text = internal::DecodeUtf8(utf8);
  // First pass, cheap: words with genuine Vietnamese letters, and words that may be legacy
  // look-alikes (a Latin-1 sign or letter next to ASCII letters: "nh©n").
  struct Range {
    size_t begin, end;
  };
  std::vector<Range> suspects;
  int genuine = 0, words = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsLegacyWordChar(text[i])) {
      ++i;
      continue;
    }
    size_t begin = i;
    ++words;
    bool high = false, real = false, ascii = false;
    while (i < text.size() && IsLegacyWordChar(text[i])) {
      high |= text[i] >= 0x80 && !IsGenuineVietnamese(text[i]);
      real |= IsGenuineVietnamese(text[i]);
      ascii |= text[i] < 0x80;
      ++i;
    }
    if (real) {
      ++genuine;
    } else if (high && ascii) {
      suspects.push_back({begin, i});
    }
  }
  // Genuine Vietnamese text: decided without converting anything.
  if (suspects.size() < 2 || static_cast<size_t>(genuine) * 4 > suspects.size()) {
    return LegacyEncoding::kNone;
  }
  int candidates = 0, tcvn3 = 0, vni = 0;
  for (const Range& r : suspects) {
    std::u32string_view word(text.data() + r.begin, r.end - r.begin);
    // A word that already reads as Vietnamese ("là", "sè") is no evidence either way.
    if (internal::IsVietnameseSyllable(Lower(std::u32string(word)))) continue;
    ++candidates;
    if (internal::IsVietnameseSyllable(Lower(ConvertTcvn3(word)))) ++tcvn3;
    if (internal::IsVietnameseSyllable(Lower(ConvertVni(word)))) ++vni;
  }
  int best = std::max(tcvn3, vni);
  // Two repaired words at least, most look-alike words repaired, a fair share of all words
  // repaired (legacy Vietnamese has a look-alike in every other word; French has "où" now and
  // then), and no genuine Vietnamese letters to speak of: a false repair is worse than a
  // missed one.
  if (best < 2 || best * 10 < candidates * 6 || best * 5 < words || genuine * 4 > best || tcvn3 == vni) {
    return LegacyEncoding::kNone;
  }
  return tcvn3 > vni ? LegacyEncoding::kTcvn3 : LegacyEncoding::kVni;
}

std::string ConvertLegacyEncoding(std::string_view utf8, LegacyEncoding encoding) {
  if (encoding == LegacyEncoding::kNone) return std::string(utf8);
  return internal::EncodeUtf8(Convert(internal::DecodeUtf8(utf8), encoding));
}

std::string RepairLegacyEncoding(std::string_view utf8) {
  return ConvertLegacyEncoding(utf8, DetectLegacyEncoding(utf8));
}

LegacyEncoding EncodingOfFontName(std::string_view font_name) {
  // Embedded subsets carry a six-letter tag: "ABCDEF+.VnTime".
  if (size_t plus = font_name.find('+'); plus != std::string_view::npos) {
    font_name.remove_prefix(plus + 1);
  }
  std::string name;
  for (char c : font_name) name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (name.rfind("vni", 0) == 0 && (name.size() == 3 || name[3] == '-' || name[3] == ' ' || name[3] == '_')) {
    return LegacyEncoding::kVni;
  }
  if (name.rfind(".vn", 0) == 0 || name.rfind("vn", 0) == 0 || name.find("vntime") != std::string::npos ||
      name.find(".vn") != std::string::npos) {
    return LegacyEncoding::kTcvn3;
  }
  return LegacyEncoding::kNone;
}

bool MayBeLegacyText(std::string_view utf8) {
  // The Latin-1 letters of Vietnamese: À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý and their small forms.
  static constexpr std::u32string_view kVietnamese = U"ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return true;  // not UTF-8 at all
    if (c < 0x20) {
      if (c != '\t' && c != '\n' && c != '\r') return true;
    } else if (c >= 0x80 && c <= 0xFF) {
      if (kVietnamese.find(static_cast<char32_t>(c)) == std::u32string_view::npos) return true;
    }
  }
  return false;
}

}  // namespace luutru::tokenizers
