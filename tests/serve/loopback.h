// Raw loopback connections for tests and benchmarks of luutru-serve: a connection from a chosen
// loopback address (another address is another client to the server's per-client limits), and
// the percent-encoding of a URL part.
#ifndef LUUTRU_TESTS_SERVE_LOOPBACK_H_
#define LUUTRU_TESTS_SERVE_LOOPBACK_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

namespace luutru::serve::testing {

// A connected socket to 127.0.0.1:port from `source` (127.0.0.0/8), or -1.
inline int ConnectFrom(int port, const std::string& source = "127.0.0.1") {
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &from.sin_addr);
  bind(sock, reinterpret_cast<sockaddr*>(&from), sizeof from);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  if (connect(sock, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    close(sock);
    return -1;
  }
  return sock;
}

// Percent-encodes everything but unreserved characters ('/' → %2F, '#' → %23).
inline std::string Encode(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace luutru::serve::testing

#endif  // LUUTRU_TESTS_SERVE_LOOPBACK_H_
