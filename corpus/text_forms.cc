#include "corpus/text_forms.h"

#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace luutru::corpus {
namespace {

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC unavailable");
  return *n;
}
const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD unavailable");
  return *n;
}

std::string Normalize(const icu::Normalizer2& n, std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out =
      n.normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size())), status);
  std::string s;
  out.toUTF8String(s);
  return s;
}

bool IsToneMark(UChar32 c) { return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323; }
bool IsLetter(UChar32 c) { return u_isalpha(c) || (u_getCombiningClass(c) != 0); }
UChar32 Base(UChar32 c) { return u_tolower(c); }

std::string Iconv(const char* to, const char* from, std::string_view in) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv_open failed");
  std::string out(in.size() * 4 + 16, '\0');
  char* inp = const_cast<char*>(in.data());
  size_t inleft = in.size();
  char* outp = out.data();
  size_t outleft = out.size();
  while (inleft > 0) {
    if (iconv(cd, &inp, &inleft, &outp, &outleft) == static_cast<size_t>(-1)) {
      ++inp;  // unmappable byte: skip it (the corpus never produces one)
      --inleft;
    }
  }
  iconv_close(cd);
  out.resize(out.size() - outleft);
  return out;
}

}  // namespace

std::string ToNfc(std::string_view utf8) { return Normalize(Nfc(), utf8); }
std::string ToNfd(std::string_view utf8) { return Normalize(Nfd(), utf8); }

std::string ToNewToneStyle(std::string_view utf8) {
  icu::UnicodeString d = icu::UnicodeString::fromUTF8(ToNfd(utf8));
  // Work syllable by syllable on NFD: find "o"+tone+"a|e" or "u"+tone+"y" at the syllable's end.
  icu::UnicodeString out;
  int32_t i = 0, n = d.length();
  while (i < n) {
    int32_t j = i;
    while (j < n && IsLetter(d.char32At(j))) j = d.moveIndex32(j, 1);
    if (j == i) {
      out.append(d.char32At(i));
      i = d.moveIndex32(i, 1);
      continue;
    }
    icu::UnicodeString syl(d, i, j - i);
    // Pattern at the end: V1 [tone] V2 with V1V2 in {oa, oe, uy}, no shape marks on V1, not after q.
    int32_t len = syl.length();
    if (len >= 3 && IsToneMark(syl.charAt(len - 2))) {
      UChar v1 = static_cast<UChar>(Base(syl.charAt(len - 3)));
      UChar v2 = static_cast<UChar>(Base(syl.charAt(len - 1)));
      bool cluster = (v1 == 'o' && (v2 == 'a' || v2 == 'e')) || (v1 == 'u' && v2 == 'y');
      bool after_q = len >= 4 && Base(syl.charAt(len - 4)) == 'q';
      if (cluster && !after_q) {
        UChar tone = syl.charAt(len - 2);
        UChar last = syl.charAt(len - 1);
        syl.replace(len - 2, 2, last);
        syl.append(tone);
      }
    }
    out.append(syl);
    i = j;
  }
  std::string s;
  out.toUTF8String(s);
  return ToNfc(s);
}

std::string RemoveMarks(std::string_view utf8) {
  icu::UnicodeString d = icu::UnicodeString::fromUTF8(ToNfd(utf8));
  icu::UnicodeString out;
  for (int32_t i = 0; i < d.length(); i = d.moveIndex32(i, 1)) {
    UChar32 c = d.char32At(i);
    if (u_getCombiningClass(c) != 0) continue;
    if (c == 0x0111) c = 'd';
    if (c == 0x0110) c = 'D';
    out.append(c);
  }
  std::string s;
  out.toUTF8String(s);
  return s;
}

std::string DropOneMark(std::string_view utf8) {
  icu::UnicodeString d = icu::UnicodeString::fromUTF8(ToNfd(utf8));
  // The last tone mark: OCR most often loses it on the final syllables of a phrase.
  for (int32_t i = d.length() - 1; i >= 0; --i) {
    if (IsToneMark(d.charAt(i))) {
      d.remove(i, 1);
      break;
    }
  }
  std::string s;
  d.toUTF8String(s);
  return ToNfc(s);
}

std::string ToTcvn3LookAlike(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(ToNfc(utf8));
  std::string out;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    UChar32 c = u.char32At(i);
    std::string one;
    icu::UnicodeString(c).toUTF8String(one);
    std::string bytes = Iconv("TCVN5712-1", "UTF-8", one);
    unsigned char b = bytes.empty() ? '?' : static_cast<unsigned char>(bytes[0]);
    if (bytes.size() != 1 || b < 0x20 || (b >= 0x80 && b < 0xA0)) {
      // An accented capital (TCVN5712-1 puts these on control codes): .VnTimeH style, lower case.
      std::string lower;
      icu::UnicodeString(u_tolower(c)).toUTF8String(lower);
      bytes = Iconv("TCVN5712-1", "UTF-8", lower);
      b = bytes.empty() ? '?' : static_cast<unsigned char>(bytes[0]);
    }
    if (b == 0xAD) {
      out += "\xE2\x88\x92";  // U+2212 MINUS SIGN
    } else if (b < 0x80) {
      out += static_cast<char>(b);
    } else {
      out += static_cast<char>(0xC0 | (b >> 6));
      out += static_cast<char>(0x80 | (b & 0x3F));
    }
  }
  return out;
}

std::string FromTcvn3LookAlike(std::string_view lookalike) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(lookalike.data(), lookalike.size()));
  std::string bytes;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    UChar32 c = u.char32At(i);
    if (c == 0x2212) c = 0xAD;
    bytes += static_cast<char>(c < 0x100 ? c : '?');
  }
  return ToNfc(Iconv("UTF-8", "TCVN5712-1", bytes));
}

}  // namespace luutru::corpus
