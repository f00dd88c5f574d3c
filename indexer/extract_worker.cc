// luutru-index-worker: the extraction process luutru-index starts (fd 3 is its socket). Kept
// apart from luutru-index so that the indexer itself does not load Poppler and Tesseract with
// their hundred libraries, which a run over an unchanged archive would pay for nothing.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <poppler-global.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "cli/program_info.h"
#include "indexer/extract/extract.h"
#include "indexer/workers/worker_pool.h"
#include "indexer/workers/worker_protocol.h"

namespace luutru::indexer {
namespace {

using nlohmann::json;

constexpr rlim_t kAddressSpaceLimit = rlim_t{1} << 30;  // 1 GiB

int g_worker_fd = -1;
char g_memory_frame[64];
size_t g_memory_frame_size = 0;

// Poppler's allocator aborts when malloc fails under RLIMIT_AS. Before dying, tell the main
// process whether the abort came from an exhausted address space, so it reports the real reason.
[[maybe_unused]] void OnAbort(int) {
  int statm = open("/proc/self/statm", O_RDONLY);
  if (statm >= 0) {
    char buf[64];
    ssize_t n = read(statm, buf, sizeof buf - 1);
    close(statm);
    if (n > 0) {
      unsigned long long pages = 0;
      for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; ++i) pages = pages * 10 + (buf[i] - '0');
      const unsigned long long bytes = pages * static_cast<unsigned long long>(sysconf(_SC_PAGESIZE));
      if (bytes > kAddressSpaceLimit / 10 * 8 && g_worker_fd >= 0) {
        ssize_t w = write(g_worker_fd, g_memory_frame, g_memory_frame_size);
        (void)w;
      }
    }
  }
  signal(SIGABRT, SIG_DFL);
  raise(SIGABRT);
}

std::string FileName(const std::filesystem::path& p) { return p.filename().string(); }

// Whether a test's fault switch (WorkerFaults) names the file at `path`.
bool Names(const std::string& fault, const std::filesystem::path& path) {
  return !fault.empty() && FileName(path) == fault;
}

}  // namespace

int RunWorker(int fd) {
  g_worker_fd = fd;
  namespace message = worker_message;
  const std::string memory_msg = json{{message::kType, message::kMemory}}.dump();
  {
    const uint32_t n = static_cast<uint32_t>(memory_msg.size());
    g_memory_frame[0] = static_cast<char>(n);
    g_memory_frame[1] = g_memory_frame[2] = g_memory_frame[3] = 0;
    std::memcpy(g_memory_frame + 4, memory_msg.data(), n);
    g_memory_frame_size = 4 + n;
  }
#ifndef LUUTRU_SANITIZE
  // Sanitizer builds reserve terabytes of shadow address space: no limit, and no reason to
  // blame an abort on memory.
  rlimit limit{kAddressSpaceLimit, kAddressSpaceLimit};
  if (setrlimit(RLIMIT_AS, &limit) == 0) signal(SIGABRT, OnAbort);
#endif
  // Damaged PDFs make Poppler print pages of complaints; the file's failure is reported once.
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);

  std::string frame;
  if (!ReadFrame(fd, frame)) return 0;
  ExtractOptions options;
  try {
    options = ParseInitFrame(frame);
  } catch (const std::exception&) {
    return 2;
  }
  Extractor extractor(options);
  while (ReadFrame(fd, frame)) {
    std::filesystem::path path;
    try {
      path = ParseFileFrame(frame);
    } catch (const std::exception&) {
      return 2;
    }
    // Test-only fault switches: prove that a crash or a hang costs one file.
    if (Names(options.faults.crash_on, path)) std::abort();
    if (Names(options.faults.hang_on, path)) {
      for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
    }
    json reply;
    try {
      if (Names(options.faults.memory_on, path)) {
        // Address space, not touched memory: the limit is hit at once even on a loaded machine.
        std::vector<std::unique_ptr<char[]>> hog;
        for (;;) {
          hog.emplace_back(new char[64 << 20]);
          hog.back()[0] = 'x';
        }
      }
      // The page being worked on, for the progress line: a few times a second at most.
      auto last_said = std::chrono::steady_clock::now();
      ExtractedFile file = extractor.Extract(
          path,
          [fd](int pages) {
            WriteFrame(fd, json{{message::kType, message::kPages}, {"n", pages}}.dump());
          },
          [fd, &last_said](int index) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last_said < std::chrono::milliseconds(250)) return;
            last_said = now;
            WriteFrame(fd, json{{message::kType, message::kAt}, {"i", index}}.dump());
          });
      // A frame a page: the main process never holds a whole file's text in one message.
      bool sent = true;
      for (const ExtractedPage& p : file.pages) {
        json page = PageToJson(p);
        page[message::kType] = message::kPage;
        sent = sent && WriteFrame(fd, page.dump(-1, ' ', false, json::error_handler_t::replace));
      }
      if (!sent) return 0;
      reply = json{{message::kType, message::kDone}, {"hash", file.content_hash}};
    } catch (const std::bad_alloc&) {
      WriteFrame(fd, memory_msg);
      return 3;  // the heap may be in any state: start afresh
    } catch (const std::exception& e) {
      reply = json{{message::kType, message::kError}, {"reason", e.what()}};
    }
    if (!WriteFrame(fd, reply.dump(-1, ' ', false, json::error_handler_t::replace))) return 0;
  }
  return 0;
}

}  // namespace luutru::indexer

int main(int argc, char** argv) {
  if (argc == 2 && std::string_view(argv[1]) == "--version") {
    std::fputs(luutru::cli::VersionText("luutru-index-worker").c_str(), stdout);
    return 0;
  }
  if (argc != 1 || fcntl(3, F_GETFD) < 0) {
    std::fprintf(stderr, "luutru-index-worker is started by luutru-index, not by hand\n");
    return 2;
  }
  return luutru::indexer::RunWorker(3);
}
