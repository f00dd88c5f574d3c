// File names are bytes. A name on a share written by an old Windows tool may not be UTF-8; it is
// kept exactly (state, documents, deletions find it by its bytes) and shown with each byte of an
// ill-formed sequence written as \xNN. JSON, which must be UTF-8, carries such a name reversibly.
#ifndef LUUTRU_INDEXER_FILE_NAME_H_
#define LUUTRU_INDEXER_FILE_NAME_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace luutru::indexer {

// True when `bytes` is well-formed UTF-8.
bool IsUtf8(std::string_view bytes);

// `name` for people: unchanged when it is UTF-8; otherwise each byte of an ill-formed sequence
// is \xNN and a backslash is \\ , so that two different names never show alike.
std::string ShowName(std::string_view name);

// A string when `bytes` is UTF-8, otherwise {"hex": "..."}; BytesFromJson gives the bytes back
// and throws nlohmann::json::exception on anything else.
nlohmann::json BytesToJson(std::string_view bytes);
std::string BytesFromJson(const nlohmann::json& j);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_FILE_NAME_H_
