// WorkerPool: fork+exec of luutru-index-worker over a socket pair (worker_protocol.h), limits.
#include "indexer/workers/worker_pool.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace luutru::indexer {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

}  // namespace

int FileTimeLimitSeconds(int pages, int max_seconds) {
  const int64_t grown = 60 + 30 * static_cast<int64_t>(std::max(1, pages));
  return static_cast<int>(std::min<int64_t>(grown, std::max(1, max_seconds)));
}

WorkerPool::WorkerPool(int jobs, ExtractOptions options, std::filesystem::path program)
    : options_(std::move(options)), program_(std::move(program)), workers_(std::max(1, jobs)) {
  for (Worker& w : workers_) Spawn(w);
}

WorkerPool::~WorkerPool() {
  for (Worker& w : workers_) Stop(w, w.busy);
}

void WorkerPool::Spawn(Worker& w) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    throw std::runtime_error(std::string("socketpair: ") + std::strerror(errno));
  }
  const std::string prog = program_.string();
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    close(sv[0]);
    close(sv[1]);
    throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    // A worker never outlives the indexer (it must not keep the database's lock alive).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(0);
    if (dup2(sv[1], 3) < 0) _exit(127);  // dup2 clears close-on-exec
    char arg0[] = "luutru-index-worker";
    char* argv[] = {arg0, nullptr};
    execv(prog.c_str(), argv);
    _exit(127);
  }
  close(sv[1]);
  w.pid = pid;
  w.fd = sv[0];
  w.busy = false;
  w.memory_exhausted = false;
  WriteFrame(w.fd, InitFrame(options_));
}

void WorkerPool::Stop(Worker& w, bool kill_it) {
  if (w.pid <= 0) return;
  if (kill_it) kill(w.pid, SIGKILL);
  close(w.fd);  // an idle worker sees end of file and exits
  int status = 0;
  waitpid(w.pid, &status, 0);
  w.pid = -1;
  w.fd = -1;
  w.busy = false;
}

std::string WorkerPool::Reap(Worker& w) {
  int status = 0;
  waitpid(w.pid, &status, 0);
  close(w.fd);
  w.pid = -1;
  w.fd = -1;
  w.busy = false;
  w.received = ExtractedFile{};
  if (w.memory_exhausted) return "over the memory limit";
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  if (WIFEXITED(status)) return "worker exited with status " + std::to_string(WEXITSTATUS(status));
  return "worker died";
}

bool WorkerPool::HasIdle() const {
  for (const Worker& w : workers_) {
    if (!w.busy) return true;
  }
  return false;
}

size_t WorkerPool::busy() const {
  size_t n = 0;
  for (const Worker& w : workers_) n += w.busy ? 1 : 0;
  return n;
}

void WorkerPool::Submit(WorkerJob job) {
  for (Worker& w : workers_) {
    if (w.busy) continue;
    if (w.pid <= 0) Spawn(w);
    w.job = std::move(job);
    w.busy = true;
    w.memory_exhausted = false;
    w.started = Clock::now();
    w.limit_seconds = FileTimeLimitSeconds(1, options_.max_file_seconds);
    w.deadline = w.started + std::chrono::seconds(w.limit_seconds);
    w.page = w.pages = 0;
    w.received = ExtractedFile{};
    // An idle worker that had died fails this write; the next read reports it for this file and
    // a new one starts.
    WriteFrame(w.fd, FileFrame(w.job.path));
    return;
  }
  throw std::logic_error("WorkerPool::Submit without an idle worker");
}

std::vector<WorkerPool::Activity> WorkerPool::Working() const {
  std::vector<Activity> out;
  for (const Worker& w : workers_) {
    if (w.busy) out.push_back(Activity{w.job.tag, w.page, w.pages});
  }
  return out;
}

std::vector<WorkerResult> WorkerPool::Wait(int timeout_ms) {
  std::vector<WorkerResult> results;
  std::vector<pollfd> fds;
  std::vector<Worker*> owners;
  auto now = Clock::now();
  int wait_ms = timeout_ms;
  for (Worker& w : workers_) {
    if (!w.busy) continue;
    fds.push_back(pollfd{w.fd, POLLIN, 0});
    owners.push_back(&w);
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(w.deadline - now).count();
    wait_ms = static_cast<int>(std::max<int64_t>(0, std::min<int64_t>(wait_ms, left)));
  }
  if (fds.empty()) return results;
  int rc = poll(fds.data(), fds.size(), wait_ms);
  if (rc < 0 && errno != EINTR) throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
  now = Clock::now();
  for (size_t i = 0; i < fds.size(); ++i) {
    Worker& w = *owners[i];
    if (rc > 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
      std::string frame;
      if (!ReadFrame(w.fd, frame)) {
        results.push_back(WorkerResult{w.job.tag, std::nullopt, Reap(w)});
        Spawn(w);
        continue;
      }
      json msg;
      try {
        msg = json::parse(frame);
      } catch (const std::exception&) {
        kill(w.pid, SIGKILL);
        results.push_back(WorkerResult{w.job.tag, std::nullopt, "garbled reply from the worker"});
        Reap(w);
        Spawn(w);
        continue;
      }
      namespace message = worker_message;
      const std::string type = msg.value(message::kType, "");
      if (type == message::kPages) {
        w.pages = msg.at("n").get<int>();
        w.limit_seconds = FileTimeLimitSeconds(w.pages, options_.max_file_seconds);
        w.deadline = w.started + std::chrono::seconds(w.limit_seconds);
      } else if (type == message::kAt) {
        w.page = msg.at("i").get<int>() + 1;
      } else if (type == message::kPage) {
        w.received.pages.push_back(PageFromJson(msg));
      } else if (type == message::kMemory) {
        w.memory_exhausted = true;  // the worker exits; its end of file comes next
      } else if (type == message::kError) {
        w.busy = false;
        w.received = ExtractedFile{};
        results.push_back(WorkerResult{w.job.tag, std::nullopt, msg.value("reason", "failed"), true});
      } else if (type == message::kDone) {
        ExtractedFile file = std::move(w.received);
        w.received = ExtractedFile{};
        file.content_hash = msg.at("hash").get<std::string>();
        w.busy = false;
        results.push_back(WorkerResult{w.job.tag, std::move(file), ""});
      }
      continue;
    }
    if (now >= w.deadline) {
      kill(w.pid, SIGKILL);
      Reap(w);
      results.push_back(
          WorkerResult{w.job.tag, std::nullopt, "timed out after " + std::to_string(w.limit_seconds) + " s"});
      Spawn(w);
    }
  }
  return results;
}

}  // namespace luutru::indexer
