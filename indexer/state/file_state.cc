// FileState as a JSON object in the database metadata.
#include "indexer/state/file_state.h"

#include <xxhash.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

#include "indexer/state/file_name.h"

namespace luutru::indexer {

namespace {

std::string KeyOf(std::string_view prefix, std::string_view file) {
  const XXH128_hash_t h = XXH3_128bits(file.data(), file.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(prefix) + hex;
}

}  // namespace

std::string FileStateKey(std::string_view file) { return KeyOf(kFileStatePrefix, file); }
std::string FileFailureKey(std::string_view file) { return KeyOf(kFileFailurePrefix, file); }

std::string EncodeFileState(const FileState& s) {
  // Names are bytes: BytesToJson keeps one that is not UTF-8 exactly.
  return nlohmann::json{{"file", BytesToJson(s.file)}, {"path", BytesToJson(s.path)},
                        {"root", BytesToJson(s.root)}, {"size", s.size},
                        {"mtime_ns", s.mtime_ns},      {"hash", s.hash},
                        {"rows", s.rows_digest},       {"pages", s.pages}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<FileState> DecodeFileState(std::string_view data) {
  try {
    const nlohmann::json j = nlohmann::json::parse(data);
    FileState s;
    s.file = BytesFromJson(j.at("file"));
    s.path = BytesFromJson(j.at("path"));
    s.root = BytesFromJson(j.at("root"));
    s.size = j.at("size").get<uint64_t>();
    s.mtime_ns = j.at("mtime_ns").get<int64_t>();
    s.hash = j.at("hash").get<std::string>();
    s.rows_digest = j.at("rows").get<std::string>();
    s.pages = j.at("pages").get<int>();
    return s;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::map<std::string, FileState> LoadFileStates(const Xapian::Database& db) {
  std::map<std::string, FileState> states;
  const std::string prefix(kFileStatePrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    if (auto s = DecodeFileState(db.get_metadata(*it))) states[s->file] = std::move(*s);
  }
  return states;
}

std::string EncodeFileFailure(const FileFailure& f) {
  return nlohmann::json{{"file", BytesToJson(f.file.file)},
                        {"path", BytesToJson(f.file.path)},
                        {"size", f.file.size},
                        {"mtime_ns", f.file.mtime_ns},
                        {"reason", f.reason}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::map<std::string, FileFailure> LoadFileFailures(const Xapian::Database& db) {
  std::map<std::string, FileFailure> failures;
  const std::string prefix(kFileFailurePrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    try {
      const nlohmann::json j = nlohmann::json::parse(db.get_metadata(*it));
      FileFailure f;
      f.file.file = BytesFromJson(j.at("file"));
      f.file.path = BytesFromJson(j.at("path"));
      f.file.size = j.at("size").get<uint64_t>();
      f.file.mtime_ns = j.at("mtime_ns").get<int64_t>();
      f.reason = j.at("reason").get<std::string>();
      failures[f.file.file] = std::move(f);
    } catch (const std::exception&) {
      // Not ours, or from another version: the file is simply read again.
    }
  }
  return failures;
}

std::string FileContentHash(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the file");
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (in.gcount() > 0) XXH3_128bits_update(state, buf.data(), static_cast<size_t>(in.gcount()));
  }
  const XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

}  // namespace luutru::indexer
