// The users file and the Authorization header (search/serve/users.h): any file loads or throws
// UsersFileError naming the line; any header is a reader or nothing, never a crash. Tokens only
// are checked against the file here (a crypt(3) hash costs tens of milliseconds a try).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "search/serve/users.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The first line is a header value, the rest a users file.
  const size_t nl = text.find('\n');
  const std::string_view header = text.substr(0, nl);
  const std::string_view file = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  luutru::serve::Users::ClaimedName(header);
  try {
    const auto users = luutru::serve::Users::Parse(file);
    static const auto tokens =
        luutru::serve::Users::Parse("robot mat token:" + luutru::serve::Sha256Hex("robot-token") + "\n");
    (void)users;
    tokens.Authenticate(header);
  } catch (const luutru::serve::UsersFileError&) {
  }
  return 0;
}
