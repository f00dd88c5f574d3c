// A luutru-serve process for the benches of bench/serve: started with its arguments, it is
// ready once it printed "listening on HOST:PORT".
#ifndef LUUTRU_BENCH_SERVE_BENCH_SERVER_H_
#define LUUTRU_BENCH_SERVE_BENCH_SERVER_H_

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

extern char** environ;

namespace luutru::serve::bench {

struct BenchServer {
  pid_t pid = 0;
  int port = 0;  // 0: it did not start
};

// `args` begins with the program; pass --listen 127.0.0.1:0 for a free port.
inline BenchServer StartBenchServer(std::vector<std::string> args) {
  BenchServer s;
  int out[2];
  if (pipe(out) != 0) return s;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  if (posix_spawn(&s.pid, args[0].c_str(), &actions, nullptr, argv.data(), environ) != 0) s.pid = 0;
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  std::string line;
  char buf[256];
  ssize_t n;
  while (line.find('\n') == std::string::npos && (n = read(out[0], buf, sizeof buf)) > 0) line.append(buf, n);
  close(out[0]);
  const size_t colon = line.rfind(':');
  s.port = colon == std::string::npos ? 0 : std::atoi(line.c_str() + colon + 1);
  return s;
}

inline void StopBenchServer(const BenchServer& s) {
  if (s.pid <= 0) return;
  kill(s.pid, SIGTERM);
  int status;
  waitpid(s.pid, &status, 0);
}

}  // namespace luutru::serve::bench

#endif  // LUUTRU_BENCH_SERVE_BENCH_SERVER_H_
