#include "indexer/metadata/header_text.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "tokenizers/normalize.h"

namespace luutru::indexer::header_text {

std::string Fold(std::string_view s) { return tokenizers::FoldedForm(s); }

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\f')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\f')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  to = std::min(to, words.size());
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

CaseCount CountCase(std::string_view s) {
  CaseCount c;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  for (int32_t i = 0; i < u.length();) {
    UChar32 ch = u.char32At(i);
    if (u_isupper(ch)) ++c.upper;
    if (u_islower(ch)) ++c.lower;
    i += U16_LENGTH(ch);
  }
  return c;
}
bool HasLetters(std::string_view s) {
  CaseCount c = CountCase(s);
  return c.upper + c.lower > 0;
}
bool IsUpperWord(std::string_view s) {
  CaseCount c = CountCase(s);
  return c.upper > 0 && c.lower == 0;
}
std::string ToLower(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size())).toLower(icu::Locale("vi")).toUTF8String(out);
  return out;
}
std::string ToTitle(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  u.toLower(icu::Locale("vi"));
  if (u.length() > 0) {
    UChar32 first = u.char32At(0);
    u.replace(0, U16_LENGTH(first), icu::UnicodeString(u_toupper(first)));
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace luutru::indexer::header_text
