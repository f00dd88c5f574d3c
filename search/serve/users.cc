#include "search/serve/users.h"

#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <fstream>
#include <memory>
#include <sstream>

namespace luutru::serve {
namespace {

constexpr std::string_view kTokenPrefix = "token:";

bool EqualConstantTime(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<std::string> DecodeBase64(std::string_view in) {
  std::string out((in.size() / 4 + 1) * 3, '\0');
  if (in.size() % 4 != 0) return std::nullopt;
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size()));
  if (n < 0) return std::nullopt;
  size_t len = static_cast<size_t>(n);
  // EVP_DecodeBlock counts the padding as zero bytes.
  for (size_t i = in.size(); i > 0 && in[i - 1] == '=' && len > 0; --i) --len;
  out.resize(len);
  return out;
}

bool VerifyPassword(const std::string& password, const std::string& hash) {
  auto data = std::make_unique<crypt_data>();  // large: keep it off the stack
  const char* result = crypt_r(password.c_str(), hash.c_str(), data.get());
  // Failure is "*0"/"*1" or null, which never equals a hash from the file.
  return result && result[0] != '*' && EqualConstantTime(result, hash);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

Users Users::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsersFileError(path + ": cannot be read");
  std::ostringstream contents;
  contents << in.rdbuf();
  try {
    return Parse(contents.str());
  } catch (const UsersFileError& e) {
    throw UsersFileError(path + ":" + e.what());
  }
}

Users Users::Parse(std::string_view contents) {
  Users users;
  size_t line_no = 0;
  while (!contents.empty()) {
    const size_t nl = contents.find('\n');
    std::string_view line = contents.substr(0, nl);
    contents = nl == std::string_view::npos ? std::string_view() : contents.substr(nl + 1);
    ++line_no;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
      // A crypt hash never contains '#', so a comment can follow the fields.
      line = line.substr(0, hash);
    }
    line = Trim(line);
    if (line.empty()) continue;
    std::istringstream fields{std::string(line)};
    std::string name, clearance, credential, rights, extra;
    fields >> name >> clearance >> credential >> rights;
    const std::string where = std::to_string(line_no) + ": ";
    if (credential.empty() || (fields >> extra)) {
      throw UsersFileError(where + "expected 'name clearance credential [rights]'");
    }
    if (name == kSignedOutUser) {
      throw UsersFileError(where + "the user name '" + name + "' is reserved for signed-out readers");
    }
    auto level = catalog::ParseSecrecy(clearance);
    if (!level) throw UsersFileError(where + "unknown clearance '" + clearance + "'");
    Entry entry{name, *level, false, {}, {}};
    std::istringstream right_list(rights);
    for (std::string right; std::getline(right_list, right, ',');) {
      if (right == "khai-thac")
        entry.keeps_requests = true;
      else
        throw UsersFileError(where + "unknown right '" + right + "' (the one right is khai-thac)");
    }
    if (credential.starts_with(kTokenPrefix)) {
      entry.token_sha256 = credential.substr(kTokenPrefix.size());
      for (char& c : entry.token_sha256) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (entry.token_sha256.size() != 64 ||
          entry.token_sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
        throw UsersFileError(where + "a token must be 'token:' and 64 hex digits of its SHA-256");
      }
    } else if (credential.starts_with('$')) {
      entry.password_hash = credential;
    } else {
      throw UsersFileError(where + "the credential must be a crypt(3) hash ($y$..., $6$...) or token:<sha256>");
    }
    for (const Entry& e : users.entries_) {
      if (e.name == name) throw UsersFileError(where + "user '" + name + "' appears twice");
    }
    if (users.dummy_hash_.empty()) users.dummy_hash_ = entry.password_hash;
    users.entries_.push_back(std::move(entry));
  }
  return users;
}

std::optional<Reader> Users::Authenticate(std::string_view authorization) const {
  authorization = Trim(authorization);
  if (authorization.empty() || IsSignedOut(authorization)) return Reader{};
  const std::string key = Sha256Hex(authorization);
  {
    std::lock_guard<std::mutex> lock(verified_->mutex);
    if (auto it = verified_->readers.find(key); it != verified_->readers.end()) return it->second;
  }
  auto reader = Verify(authorization);
  if (reader) {
    // Only successes are kept: a wrong password costs a full hash every time.
    constexpr size_t kMaxRemembered = 4096;
    std::lock_guard<std::mutex> lock(verified_->mutex);
    if (verified_->readers.size() >= kMaxRemembered) verified_->readers.clear();
    verified_->readers.emplace(key, *reader);
  }
  return reader;
}

bool Users::IsSignedOut(std::string_view authorization) { return ClaimedName(authorization) == kSignedOutUser; }

std::string Users::ClaimedName(std::string_view authorization) {
  authorization = Trim(authorization);
  const size_t space = authorization.find(' ');
  if (space == std::string_view::npos) return {};
  std::string scheme(authorization.substr(0, space));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "basic") return {};
  auto decoded = DecodeBase64(Trim(authorization.substr(space + 1)));
  if (!decoded) return {};
  return decoded->substr(0, decoded->find(':'));
}

std::optional<Reader> Users::Verify(std::string_view authorization) const {
  const size_t space = authorization.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string scheme(authorization.substr(0, space));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view value = Trim(authorization.substr(space + 1));
  if (scheme == "basic") {
    auto decoded = DecodeBase64(value);
    if (!decoded) return std::nullopt;
    const size_t colon = decoded->find(':');
    if (colon == std::string::npos) return std::nullopt;
    const std::string name = decoded->substr(0, colon);
    const std::string password = decoded->substr(colon + 1);
    const Entry* match = nullptr;
    for (const Entry& e : entries_) {
      if (e.name == name && !e.password_hash.empty()) match = &e;
    }
    // An unknown name costs one hash, as a known one does: the time of a refusal does not tell
    // whether the name exists.
    const std::string& hash = match ? match->password_hash : dummy_hash_;
    if (hash.empty()) return std::nullopt;  // nobody has a password
    const bool verified = VerifyPassword(password, hash);
    if (match && verified) return Reader{match->name, match->clearance, match->keeps_requests};
    return std::nullopt;
  }
  if (scheme == "bearer") {
    const std::string digest = Sha256Hex(value);
    for (const Entry& e : entries_) {
      if (!e.token_sha256.empty() && EqualConstantTime(digest, e.token_sha256))
        return Reader{e.name, e.clearance, e.keeps_requests};
    }
  }
  return std::nullopt;
}

}  // namespace luutru::serve
