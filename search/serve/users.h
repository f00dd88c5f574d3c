// The readers of luutru-serve and their clearance (mức được phép xem độ mật).
//
// A users file has one reader a line, fields separated by spaces or tabs; '#' starts a comment:
//
//   # name      clearance   credential
//   thuthu      mat         $y$j9T$...             (a crypt(3) hash: HTTP Basic password)
//   canbo       toi-mat     $6$salt$...            (any crypt(3) method libcrypt verifies)
//   robot       thuong      token:9f86d081...      (SHA-256 hex of a Bearer API token)
//   luutru1     mat         $y$j9T$...   khai-thac (rights, after the credential)
//
// clearance is one of thuong, mat, toi-mat, tuyet-mat (ParseSecrecy). An optional fourth field
// lists rights, comma-separated; the one right is `khai-thac`: the reader may keep retrieval
// requests (yêu cầu khai thác, requests_store.h) and see their report. A request without
// credentials reads at `thuong`; a request with credentials that do not verify is refused (401),
// never downgraded, so a mistyped password is noticed. A wrong password and an unknown user name
// take the same time to refuse (one crypt(3) hash each), so names cannot be guessed by timing.
//
// Signing out: a browser keeps HTTP Basic credentials until it is closed and no script may
// forget them, but a script may replace them. The page's logout leaves the user name
// kSignedOutUser (any password) in the browser; such credentials are the anonymous reader, and
// no users file may hold that name.
#ifndef LUUTRU_SEARCH_SERVE_USERS_H_
#define LUUTRU_SEARCH_SERVE_USERS_H_

#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/model.h"

namespace luutru::serve {

// Who is asking, and what they may see.
struct Reader {
  std::string name;  // "" for an anonymous reader
  catalog::Secrecy clearance = catalog::Secrecy::kNormal;
  bool keeps_requests = false;  // the `khai-thac` right
};

// A line of the users file that cannot be used; what() names the line.
class UsersFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Users {
 public:
  Users() = default;                              // nobody: every request is anonymous
  static Users Load(const std::string& path);     // throws UsersFileError
  static Users Parse(std::string_view contents);  // throws UsersFileError

  // The reader an Authorization header value names ("Basic ...", "Bearer ..."); an empty header
  // is the anonymous reader. nullopt when the credentials do not verify or the scheme is unknown.
  // Thread-safe. Credentials that verified are remembered by their SHA-256, so a page showing
  // many page images costs one password hash (tens of milliseconds), not one per image.
  std::optional<Reader> Authenticate(std::string_view authorization) const;

  size_t size() const { return entries_.size(); }

  // Whether the header holds the credentials a logout leaves (HTTP Basic, user kSignedOutUser).
  static bool IsSignedOut(std::string_view authorization);

  // The user name an HTTP Basic header claims, verified or not ("" for any other header): what
  // the log of failed logins records.
  static std::string ClaimedName(std::string_view authorization);

 private:
  struct Entry {
    std::string name;
    catalog::Secrecy clearance;
    bool keeps_requests;
    std::string password_hash;  // crypt(3) hash, or empty
    std::string token_sha256;   // lower-case hex, or empty
  };
  struct Verified {
    std::mutex mutex;
    std::unordered_map<std::string, Reader> readers;  // by Sha256Hex of the header value
  };
  std::optional<Reader> Verify(std::string_view authorization) const;

  std::vector<Entry> entries_;
  // The hash an unknown user name is checked against (a real user's, so it costs the same).
  std::string dummy_hash_;
  std::shared_ptr<Verified> verified_ = std::make_shared<Verified>();
};

// The user name of the credentials the page's logout leaves in the browser.
inline constexpr std::string_view kSignedOutUser = "-";

// Lower-case hex SHA-256 of `data`: how an API token is written in the users file.
std::string Sha256Hex(std::string_view data);

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_USERS_H_
