// Progress on stderr: a bar redrawn in place on a terminal, a plain line every few seconds
// otherwise (logs and pipes stay readable).
#ifndef LUUTRU_INDEXER_PROGRESS_H_
#define LUUTRU_INDEXER_PROGRESS_H_

#include <chrono>
#include <string>

namespace luutru::indexer {

class Progress {
 public:
  Progress();
  // `label` is the already-translated "12/40 tệp".
  void Update(long done, long total, const std::string& label);
  // Clears the bar before another message is printed.
  void Clear();

 private:
  bool tty_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_PROGRESS_H_
