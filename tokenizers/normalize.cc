#include "tokenizers/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <mutex>

#include "tokenizers/text_internal.h"

namespace luutru::tokenizers {
namespace internal {
namespace {

// ICU owns and caches its Normalizer2 singletons; fetching them once keeps lookups off the hot
// path.
const icu::Normalizer2& Nfc() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) std::abort();
    return n;
  }();
  return *nfc;
}

const icu::Normalizer2& Nfd() {
  static const icu::Normalizer2* nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) std::abort();
    return n;
  }();
  return *nfd;
}

std::u32string FromIcu(const icu::UnicodeString& text);

// Per-code-point answers for the scripts Vietnamese text is made of (everything below U+2000),
// computed from ICU so that the common case needs no ICU call at all. Filled one block of
// kBlockSize code points at a time, when a text first needs it: a one-query search pays only
// for the few blocks its text uses, not for all of them at process start.
constexpr char32_t kTableSize = 0x2000;
constexpr char32_t kBlockSize = 0x80;
constexpr char32_t kComplex = 0xFFFFFFFF;  // the answer needs the general (ICU) path

class CodePointTables {
 public:
  bool NfcInert(char32_t c) const { return Ready(c).nfc_inert_[c]; }  // NFC_QC=Yes and ccc 0
  char32_t Fold(char32_t c) const { return Ready(c).fold_[c]; }  // full case folding, one code point
  const std::u32string& Unmarked(char32_t c) const { return Ready(c).unmarked_[c]; }  // NFD without marks, đ -> d

 private:
  const CodePointTables& Ready(char32_t c) const {
    const size_t block = c / kBlockSize;
    if (!filled_[block].load(std::memory_order_acquire)) Fill(block);
    return *this;
  }

  void Fill(size_t block) const {
    std::lock_guard<std::mutex> lock(fill_mutex_);
    if (filled_[block].load(std::memory_order_relaxed)) return;
    const icu::Normalizer2& nfd = Nfd();
    for (char32_t c = static_cast<char32_t>(block * kBlockSize); c < (block + 1) * kBlockSize; ++c) {
      auto u = static_cast<UChar32>(c);
      nfc_inert_[c] = u_getIntPropertyValue(u, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
                      u_getCombiningClass(u) == 0;
      // Most code points neither fold nor decompose: skip ICU's string paths for them.
      if (!u_hasBinaryProperty(u, UCHAR_CHANGES_WHEN_CASEFOLDED)) {
        fold_[c] = c;
      } else {
        icu::UnicodeString folded(u);
        folded.foldCase();
        fold_[c] = folded.countChar32() == 1 ? static_cast<char32_t>(folded.char32At(0)) : kComplex;
      }
      icu::UnicodeString decomposition;
      unmarked_[c] = nfd.getDecomposition(u, decomposition) || IsMark(c) || c == U'đ' || c == U'Đ'
                         ? Unmark(nfd, c)
                         : std::u32string(1, c);
    }
    filled_[block].store(true, std::memory_order_release);
  }


 public:
  // `c` without its marks, through ICU.
  static std::u32string Unmark(const icu::Normalizer2& nfd, char32_t c) {
    if (c == U'đ') return U"d";
    if (c == U'Đ') return U"D";
    if (c >= 0xD800 && c <= 0xDFFF) return std::u32string(1, c);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed = nfd.normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    if (U_FAILURE(status)) return std::u32string(1, c);
    icu::UnicodeString kept;
    bool removed = false;
    for (int32_t i = 0; i < decomposed.length();) {
      UChar32 d = decomposed.char32At(i);
      i += U16_LENGTH(d);
      if (IsMark(static_cast<char32_t>(d))) {
        removed = true;
      } else {
        kept.append(d);
      }
    }
    // Without a mark to remove the letter stays as it was (a Hangul syllable is not split).
    if (!removed) return std::u32string(1, c);
    icu::UnicodeString composed = Nfc().normalize(kept, status);
    return U_SUCCESS(status) ? FromIcu(composed) : std::u32string(1, c);
  }

 private:
  mutable std::array<std::atomic<bool>, kTableSize / kBlockSize> filled_{};
  mutable std::mutex fill_mutex_;
  mutable std::array<bool, kTableSize> nfc_inert_{};
  mutable std::array<char32_t, kTableSize> fold_{};
  mutable std::array<std::u32string, kTableSize> unmarked_{};
};

const CodePointTables& Tables() {
  static const CodePointTables tables;
  return tables;
}

icu::UnicodeString ToIcu(const std::u32string& text) {
  return icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()),
                                       static_cast<int32_t>(text.size()));
}

std::u32string FromIcu(const icu::UnicodeString& text) {
  std::u32string out;
  out.reserve(static_cast<size_t>(text.length()));
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

bool IsNfcFast(const std::u32string& text) {
  const CodePointTables& t = Tables();
  for (char32_t c : text) {
    if (c < kTableSize) {
      if (!t.NfcInert(c)) return false;
    } else if (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
               u_getCombiningClass(static_cast<UChar32>(c)) != 0) {
      return false;
    }
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
// Icelandic word never starts with ð, so a word-initial ð before a vowel is a đ.
void RepairLookAlikes(std::u32string* text) {
  std::u32string& s = *text;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == U'Ð') {
      s[i] = U'Đ';
    } else if (s[i] == U'ð' && (i == 0 || !IsWordChar(s[i - 1])) && i + 1 < s.size() &&
               VowelOf(s[i + 1]).base >= 0) {
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
  bool cluster = (first.base == kO && (second.base == kA || second.base == kE)) ||
                 (first.base == kU && second.base == kY);
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
  const CodePointTables& t = Tables();
  bool complex = false;
  for (char32_t& c : *text) {
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') c += 0x20;
    } else if (c < kTableSize && t.Fold(c) != kComplex) {
      c = t.Fold(c);
    } else if (c >= kTableSize &&
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
  const CodePointTables& t = Tables();
  for (char32_t c : exact) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < kTableSize) {
      for (char32_t u : t.Unmarked(c)) AppendUtf8(u, out);
    } else if (IsMark(c)) {
      // a mark of another script: removed like the Latin ones
    } else if (Nfd().isInert(static_cast<UChar32>(c))) {
      AppendUtf8(c, out);
    } else {
      std::u32string unmarked = CodePointTables::Unmark(Nfd(), c);
      for (char32_t u : unmarked) AppendUtf8(u, out);
    }
  }
}

}  // namespace internal

std::string NormalizeText(std::string_view utf8) {
  std::u32string text = internal::DecodeUtf8(utf8);
  internal::NormalizeInPlace(&text);
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
