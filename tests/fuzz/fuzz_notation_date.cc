// The parsers of numbers and dates a reader types (so:, --number, nam:, --from, --to) and the
// catalog holds: any bytes give a value or nothing, and a key parses back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "catalog/model.h"
#include "tokenizers/notation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto notation = luutru::tokenizers::ParseNotation(text)) {
    // A key is what two spellings of one number share: computing it twice agrees.
    if (luutru::tokenizers::NotationKey(text) != notation->key) std::abort();
  }
  if (auto date = luutru::catalog::ParsePartialDate(text)) {
    if (date->FirstDay() > date->LastDay()) std::abort();
  }
  luutru::catalog::ParseSecrecy(text);
  luutru::catalog::ParseUrgency(text);
  luutru::catalog::FindDocumentType(text);
  luutru::catalog::UnitKey(text);
  return 0;
}
