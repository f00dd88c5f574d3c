#include "search/display_width.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace luutru::search {
namespace {

int CharWidth(UChar32 c) {
  if (c < 0) return 1;  // an invalid byte shows as one replacement character
  if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF) return 0;
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  if (type == U_CONTROL_CHAR) return 0;
  const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

// Calls f(begin, end, width) for each code point.
template <typename F>
void ForEachChar(std::string_view s, F f) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (!f(static_cast<size_t>(start), static_cast<size_t>(i), CharWidth(c))) return;
  }
}

}  // namespace

size_t DisplayWidth(std::string_view utf8) {
  size_t width = 0;
  ForEachChar(utf8, [&](size_t, size_t, int w) {
    width += static_cast<size_t>(w);
    return true;
  });
  return width;
}

std::string TruncateToWidth(std::string_view utf8, size_t width) {
  if (DisplayWidth(utf8) <= width) return std::string(utf8);
  if (width == 0) return {};
  size_t used = 0, cut = 0;
  // A combining mark stays with the character before it, so a kept letter keeps its marks.
  ForEachChar(utf8, [&](size_t, size_t end, int w) {
    if (w > 0 && used + static_cast<size_t>(w) > width - 1) return false;
    used += static_cast<size_t>(w);
    cut = end;
    return true;
  });
  std::string out(utf8.substr(0, cut));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

std::string PadToWidth(std::string_view utf8, size_t width, bool right_align) {
  const size_t w = DisplayWidth(utf8);
  if (w >= width) return std::string(utf8);
  std::string pad(width - w, ' ');
  return right_align ? pad + std::string(utf8) : std::string(utf8) + pad;
}

std::vector<std::string> WrapToWidth(std::string_view utf8, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  size_t line_width = 0;
  size_t i = 0;
  while (i < utf8.size()) {
    while (i < utf8.size() && utf8[i] == ' ') ++i;
    size_t j = i;
    while (j < utf8.size() && utf8[j] != ' ') ++j;
    if (i == j) break;
    std::string_view word = utf8.substr(i, j - i);
    size_t word_width = DisplayWidth(word);
    i = j;
    if (!line.empty() && line_width + 1 + word_width <= width) {
      line += ' ';
      line += word;
      line_width += 1 + word_width;
      continue;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    line.clear();
    line_width = 0;
    // A word wider than a line is cut into pieces.
    while (word_width > width && width > 0) {
      size_t used = 0, cut = 0;
      ForEachChar(word, [&](size_t, size_t end, int w) {
        if (used + static_cast<size_t>(w) > width) return false;
        used += static_cast<size_t>(w);
        cut = end;
        return true;
      });
      if (cut == 0) break;
      lines.emplace_back(word.substr(0, cut));
      word.remove_prefix(cut);
      word_width = DisplayWidth(word);
    }
    line = std::string(word);
    line_width = word_width;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace luutru::search
