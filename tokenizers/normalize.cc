#include "tokenizers/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "tokenizers/code_point_icu.h"
#include "tokenizers/code_point_tables.h"
#include "tokenizers/text_internal.h"

namespace luutru::tokenizers {
namespace internal {
namespace {

bool IsNfcFast(const std::u32string& text) {
  for (char32_t c : text) {
    if (!NfcInert(c)) return false;
  }
  return true;
}

void NfcInPlace(std::u32string* text) {
  if (IsNfcFast(*text)) return;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normalized = Nfc().normalize(ToIcu(*text), status);
  if (U_SUCCESS(status)) *text = FromIcu(normalized);
}

bool IsWordChar(char32_t c) { return IsLetter(c) || IsMark(c); }

// Ð (U+00D0, Icelandic eth) is what OCR and some fonts give for Đ; Vietnamese has no eth, and an
// Icelandic word never starts with ð, so a word-initial ð before a vowel is a đ. The one mapping
// of the look-alikes: tokenizers::RepairLookAlikes serves callers that must not normalize.
void RepairLookAlikes(std::u32string* text) {
  std::u32string& s = *text;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == U'Ð') {
      s[i] = U'Đ';
    } else if (s[i] == U'ð' && (i == 0 || !IsWordChar(s[i - 1])) && i + 1 < s.size() && VowelOf(s[i + 1]).base >= 0) {
      s[i] = U'đ';
    }
  }
}

// The two tone styles differ only for the open clusters oa, oe, uy at the end of a syllable:
// "hoà"/"hòa", "khoẻ"/"khỏe", "thuỷ"/"thủy". The older style (tone on the first vowel) is kept.
// "quý" (u belongs to qu), "hoàn" (final consonant) and "ngoài", "khuỷu" (triphthongs) are the
// same in both styles and are left alone.
void CanonicalizeToneInRun(std::u32string* text, size_t begin, size_t end) {
  if (end - begin < 2) return;
  std::u32string& s = *text;
  VowelInfo first = VowelOf(s[end - 2]);
  VowelInfo second = VowelOf(s[end - 1]);
  if (first.base < 0 || second.base < 0 || first.tone != kLevel || second.tone == kLevel) return;
  bool cluster =
      (first.base == kO && (second.base == kA || second.base == kE)) || (first.base == kU && second.base == kY);
  if (!cluster) return;
  if (end - begin >= 3) {
    char32_t before = s[end - 3];
    if (before == U'q' || before == U'Q' || VowelOf(before).base >= 0) return;
  }
  s[end - 2] = ComposeVowel(first.base, second.tone, first.upper);
  s[end - 1] = ComposeVowel(second.base, kLevel, second.upper);
}

void CanonicalizeTones(std::u32string* text) {
  const std::u32string& s = *text;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsLetter(s[i])) {
      ++i;
      continue;
    }
    // A run ends where the tokenizer's words end; a cluster followed by a stray mark is left
    // alone, so the result stays NFC.
    size_t begin = i;
    while (i < s.size() && IsWordChar(s[i])) ++i;
    CanonicalizeToneInRun(text, begin, i);
  }
}

void CaseFoldInPlace(std::u32string* text) {
  bool complex = false;
  for (char32_t& c : *text) {
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') c += 0x20;
    } else if (c < kCodePointTableSize && Fold(c) != kComplex) {
      c = Fold(c);
    } else if (c >= kCodePointTableSize &&
               !u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CHANGES_WHEN_CASEFOLDED)) {
      // unchanged
    } else {
      complex = true;
      break;
    }
  }
  if (!complex) return;
  // Full folding may change the length ("ß" -> "ss") or leave non-NFC text ("İ" -> "i̇").
  icu::UnicodeString s = ToIcu(*text);
  s.foldCase();
  *text = FromIcu(s);
  NfcInPlace(text);
  CanonicalizeTones(text);
}

}  // namespace

void NormalizeInPlace(std::u32string* text) {
  NfcInPlace(text);
  RepairLookAlikes(text);
  CanonicalizeTones(text);
}

void ExactInPlace(std::u32string* text) {
  NormalizeInPlace(text);
  CaseFoldInPlace(text);
}

void AppendFolded(std::u32string_view exact, std::string* out) {
  for (char32_t c : exact) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < kCodePointTableSize) {
      for (char32_t u : Unmarked(c)) AppendUtf8(u, out);
    } else if (IsMark(c)) {
      // a mark of another script: removed like the Latin ones
    } else if (Nfd().isInert(static_cast<UChar32>(c))) {
      AppendUtf8(c, out);
    } else {
      for (char32_t u : UnmarkByIcu(c)) AppendUtf8(u, out);
    }
  }
}

}  // namespace internal

std::string NormalizeText(std::string_view utf8) {
  std::u32string text = internal::DecodeUtf8(utf8);
  internal::NormalizeInPlace(&text);
  return internal::EncodeUtf8(text);
}

std::string RepairLookAlikes(std::string_view utf8) {
  std::u32string text = internal::DecodeUtf8(utf8);
  internal::RepairLookAlikes(&text);
  return internal::EncodeUtf8(text);
}

std::string ExactForm(std::string_view utf8) {
  std::u32string text = internal::DecodeUtf8(utf8);
  internal::ExactInPlace(&text);
  return internal::EncodeUtf8(text);
}

std::string FoldedForm(std::string_view utf8) {
  std::u32string text = internal::DecodeUtf8(utf8);
  internal::ExactInPlace(&text);
  std::string out;
  out.reserve(utf8.size());
  internal::AppendFolded(text, &out);
  return out;
}

}  // namespace luutru::tokenizers
