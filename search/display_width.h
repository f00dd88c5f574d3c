// Terminal display width of UTF-8 text, so Vietnamese lines up in a table: a combining mark
// (NFD text) takes no column, a wide East Asian character takes two, every other character one.
#ifndef LUUTRU_SEARCH_DISPLAY_WIDTH_H_
#define LUUTRU_SEARCH_DISPLAY_WIDTH_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace luutru::search {

size_t DisplayWidth(std::string_view utf8);

// The longest prefix that fits in `width` columns; cut text ends with "…" (counted in the width).
std::string TruncateToWidth(std::string_view utf8, size_t width);

// `utf8` padded with spaces on the right (or left when `right_align`) to `width` columns.
std::string PadToWidth(std::string_view utf8, size_t width, bool right_align = false);

// Lines of at most `width` columns, broken at spaces (a word longer than a line is cut).
std::vector<std::string> WrapToWidth(std::string_view utf8, size_t width);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_DISPLAY_WIDTH_H_
