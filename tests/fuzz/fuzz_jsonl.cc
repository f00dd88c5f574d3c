// A line of luutru-index --jsonl input (indexer/documents/jsonl_input.h): any bytes give a document or
// throw std::runtime_error naming the problem, and a document can be indexed.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "catalog/schema.h"
#include "indexer/documents/jsonl_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;  // a page of text analysed costs time, not coverage
  try {
    const auto doc = luutru::indexer::ParseJsonlDocument(std::string_view(reinterpret_cast<const char*>(data), size));
    luutru::catalog::schema::BuildIndexDocument(doc);
  } catch (const std::runtime_error&) {
  }
  return 0;
}
