#include "catalog/bounded_line.h"

namespace luutru::catalog {

LineRead ReadLine(std::istream& in, std::string& line, size_t limit, bool* newline) {
  line.clear();
  bool any = false, too_long = false;
  char chunk[1 << 16];
  for (;;) {
    in.getline(chunk, sizeof chunk);
    const auto got = static_cast<size_t>(in.gcount());
    const bool ended = !in.fail() && !in.eof();  // the '\n' was read (and counted in `got`)
    const bool full = in.fail() && !in.eof();    // the chunk filled before a '\n'
    if (got > 0) any = true;
    const size_t data = ended ? got - 1 : got;
    if (!too_long && line.size() + data > limit) {
      too_long = true;
      line.clear();
      line.shrink_to_fit();
    }
    if (!too_long) line.append(chunk, data);
    if (full) {
      in.clear();
      continue;
    }
    if (newline) *newline = ended;
    if (!ended && !any) return LineRead::kEnd;
    return too_long ? LineRead::kTooLong : LineRead::kLine;
  }
}

}  // namespace luutru::catalog
