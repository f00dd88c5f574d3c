// Internals of snippet.cc, declared for its tests.
#ifndef LUUTRU_SEARCH_SNIPPET_INTERNAL_H_
#define LUUTRU_SEARCH_SNIPPET_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace luutru::search::internal {

// The byte offsets of a page's first words; a word past them is at the end of the text.
struct WordStartList {
  std::unique_ptr<size_t[]> at;  // left uninitialized beyond `count`: a page can have thousands
  size_t count = 0;
  size_t ByteOf(uint32_t word, size_t text_size) const { return word < count ? at[word] : text_size; }
};

// Byte offset of the start of every word of `text`, counted as the tokenizer counts positions
// but without running it: a word is a run of letters or a run of digits ("QH15" is two). Bytes of
// other characters count as letters (Vietnamese letters are such characters), except Latin-1
// symbols and the punctuation block (U+2000-U+2FFF: dashes, quotes, ellipses). A word the count
// misses only sends a snippet to the slow path. Stops after word `last`.
WordStartList WordStarts(std::string_view text, uint32_t last);

// Byte offset `chars` characters after (or, negative, before) `from`, clamped to the text.
// Forward, each character is a byte that is not a continuation byte (10xxxxxx); backward too,
// and byte 0 always stops.
size_t MoveChars(std::string_view text, size_t from, long chars);

}  // namespace luutru::search::internal

#endif  // LUUTRU_SEARCH_SNIPPET_INTERNAL_H_
