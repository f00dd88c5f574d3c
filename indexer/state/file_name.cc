// File names as bytes.
#include "indexer/state/file_name.h"

#include <unicode/utf8.h>

namespace luutru::indexer {
namespace {

// The length of the well-formed sequence at `i`, or 0 when it is ill-formed.
size_t SequenceAt(std::string_view s, size_t i) {
  if (static_cast<unsigned char>(s[i]) < 0x80) return 1;
  int32_t at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), at, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0 : static_cast<size_t>(at) - i;
}

constexpr char kHex[] = "0123456789abcdef";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool IsUtf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    const size_t n = SequenceAt(bytes, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string ShowName(std::string_view name) {
  if (IsUtf8(name)) return std::string(name);
  std::string out;
  for (size_t i = 0; i < name.size();) {
    const size_t n = SequenceAt(name, i);
    if (n == 0) {
      const auto b = static_cast<unsigned char>(name[i]);
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 15];
      ++i;
    } else if (name[i] == '\\') {
      out += "\\\\";
      ++i;
    } else {
      out.append(name, i, n);
      i += n;
    }
  }
  return out;
}

nlohmann::json BytesToJson(std::string_view bytes) {
  if (IsUtf8(bytes)) return std::string(bytes);
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    hex += kHex[b >> 4];
    hex += kHex[b & 15];
  }
  return nlohmann::json{{"hex", hex}};
}

std::string BytesFromJson(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  const std::string hex = j.at("hex").get<std::string>();
  if (hex.size() % 2 != 0) throw nlohmann::json::other_error::create(501, "odd hex length", &j);
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int hi = HexValue(hex[i]), lo = HexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) throw nlohmann::json::other_error::create(501, "not hex", &j);
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

}  // namespace luutru::indexer
