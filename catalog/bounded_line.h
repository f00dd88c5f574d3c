// Reading text files line by line without holding a line longer than a limit: a catalog CSV or a
// JSONL file given by mistake as /dev/zero, or holding one 100 MB line, must not take the memory.
#ifndef LUUTRU_CATALOG_BOUNDED_LINE_H_
#define LUUTRU_CATALOG_BOUNDED_LINE_H_

#include <cstddef>
#include <istream>
#include <string>

namespace luutru::catalog {

enum class LineRead { kLine, kTooLong, kEnd };

// Reads one line of at most `limit` bytes into `line` (without its '\n'); a longer one is read to
// its end without being held (kTooLong, `line` empty). `newline` (if given) says whether the line
// ended with a '\n' rather than with the end of the input.
LineRead ReadLine(std::istream& in, std::string& line, size_t limit, bool* newline = nullptr);

}  // namespace luutru::catalog

#endif  // LUUTRU_CATALOG_BOUNDED_LINE_H_
