// The query language (search/query_parser.h) from untrusted text: any bytes parse or throw
// QuerySyntaxError, and the words it finds are what the page image marks (WordsToHighlight).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "search/query_parser.h"
#include "search/serve/page_image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    luutru::search::ParseQuery(text);
  } catch (const luutru::search::QuerySyntaxError&) {
  }
  luutru::serve::WordsToHighlight(text);
  return 0;
}
