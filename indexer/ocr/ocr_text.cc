// Cleaning of Tesseract output: see CleanOcrText in ocr.h.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <string>
#include <string_view>

#include "indexer/ocr/ocr.h"

namespace luutru::indexer {
namespace {

// The letters of the Vietnamese alphabet that ASCII lacks, in lower case (NFC).
constexpr std::u16string_view kVietnameseLetters =
    u"àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

bool IsVietnameseLetter(UChar32 c) {
  const UChar32 lower = u_tolower(c);
  return lower <= 0xFFFF && kVietnameseLetters.find(static_cast<char16_t>(lower)) != std::u16string_view::npos;
}

// Punctuation beyond ASCII that Vietnamese office text uses.
bool IsTypographicPunctuation(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:  // quotes
    case 0x2013:
    case 0x2014:  // dashes
    case 0x2026:  // ellipsis
    case 0x00B0:
    case 0x00A7:
    case 0x2116:  // ° § №
      return true;
    default: return false;
  }
}

bool Keep(UChar32 c) {
  if (c == '\n' || c == ' ') return true;
  // '|', '~', '^' and '`' are how Tesseract reads rules, specks and stamp edges; office text
  // doesn't use them.
  if (c == '|' || c == '~' || c == '^' || c == '`') return false;
  if (c > 0x20 && c < 0x7F) return true;
  return IsVietnameseLetter(c) || IsTypographicPunctuation(c);
}

}  // namespace

std::string CleanOcrText(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalizer unavailable");
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  text = nfc->normalize(text, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalization failed");

  icu::UnicodeString kept;
  bool pending_space = false;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (c == 0x00D0) c = 0x0110;  // Ð -> Đ
    if (c == 0x00F0) c = 0x0111;  // ð -> đ
    if (c == '\t' || c == 0x00A0 || c == '\r' || c == '\f') c = ' ';
    if (!Keep(c)) continue;
    if (c == ' ') {
      pending_space = true;
      continue;
    }
    if (c == '\n') {
      pending_space = false;  // trailing spaces of a line go
      kept.append(c);
      continue;
    }
    if (pending_space && kept.length() > 0 && kept.charAt(kept.length() - 1) != '\n') {
      kept.append(static_cast<UChar32>(' '));
    }
    pending_space = false;
    kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  // At most one blank line in a row, none at either end.
  std::string squeezed;
  squeezed.reserve(out.size());
  int newlines = 0;
  for (char ch : out) {
    if (ch == '\n') {
      if (squeezed.empty()) continue;
      if (++newlines > 2) continue;
    } else {
      newlines = 0;
    }
    squeezed.push_back(ch);
  }
  while (!squeezed.empty() && squeezed.back() == '\n') squeezed.pop_back();
  return squeezed;
}

}  // namespace luutru::indexer
