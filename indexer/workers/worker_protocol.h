// The protocol between luutru-index (worker_pool.cc) and its worker luutru-index-worker
// (extract_worker.cc), over the socket pair the pool makes (fd 3 in the worker). Both sides
// speak it through this header only.
//
// Frames: a 4-byte little-endian length, then that many bytes of JSON; at most 1 GiB.
//
// The pool sends, once:             {"ocr": "auto"|"always"|"never", "lang": "vie",
//                                    "cache": BytesToJson(folder), "max_pages": N,
//                                    "digits"?: BytesToJson(the digit model's file),
//                                    "faults"?: {"crash_on", "hang_on", "memory_on"}}  (InitFrame)
//                                   ("faults" only in a test: WorkerFaults, extract.h)
// then one frame a file:            {"path": BytesToJson(path)}                    (FileFrame)
// The worker answers each file with, in this order ("t" is the message type):
//   {"t": "pages", "n": N}          the file opened with N pages (its time limit grows with N)
//   {"t": "at", "i": I}             working on page I, 0-based (a few times a second at most)
//   {"t": "page", ...}              one a page, in order: PageToJson (keys below)
//   {"t": "done", "hash": H}        the file's FileContentHash; its pages are complete
// or, instead of "done":
//   {"t": "error", "reason": R}     the worker read the file and says why it cannot be indexed
// and at any time:
//   {"t": "memory"}                 the address space ran out; the worker exits next
// A worker that dies, hangs or sends a frame that is not JSON costs the file it was on.
#ifndef LUUTRU_INDEXER_WORKER_PROTOCOL_H_
#define LUUTRU_INDEXER_WORKER_PROTOCOL_H_

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "indexer/extract/extract.h"

namespace luutru::indexer {

namespace worker_message {
inline constexpr char kType[] = "t";
inline constexpr char kPages[] = "pages";  // "n": the page count
inline constexpr char kAt[] = "at";        // "i": the page, 0-based
inline constexpr char kPage[] = "page";    // the page keys below
inline constexpr char kDone[] = "done";    // "hash"
inline constexpr char kError[] = "error";  // "reason"
inline constexpr char kMemory[] = "memory";
}  // namespace worker_message

// The keys of a "page" message, one letter each: a page's frame is mostly its text.
namespace page_key {
inline constexpr char kText[] = "x";          // catalog::Page::text
inline constexpr char kSource[] = "s";        // TextSourceName
inline constexpr char kConfidence[] = "c";    // ocr_confidence
inline constexpr char kFromCache[] = "k";     // ExtractedPage::ocr_from_cache
inline constexpr char kTextBytes[] = "n";     // ExtractedPage::text_bytes (optional)
inline constexpr char kFileBudget[] = "b";    // ExtractedPage::file_budget (optional)
inline constexpr char kWords[] = "w";         // word boxes: [text, x0, y0, x1, y1]
inline constexpr char kHeaderDigits[] = "h";  // HeaderDigitsToJson (optional)
}  // namespace page_key

// Frames. Both retry on EINTR and short transfers; WriteFrame refuses a payload over the limit.
bool WriteFrame(int fd, const std::string& payload);
// False on end of file, an error, or a length over the limit.
bool ReadFrame(int fd, std::string& payload);

// The first frame: what the worker needs of the run's options; and back (throws on a frame
// that is not one).
std::string InitFrame(const ExtractOptions& options);
ExtractOptions ParseInitFrame(const std::string& frame);
// One file to extract; and back (throws on a frame that is not one).
std::string FileFrame(const std::filesystem::path& path);
std::filesystem::path ParseFileFrame(const std::string& frame);

// One extracted page as a "page" message without its type, and back.
nlohmann::json PageToJson(const ExtractedPage& page);
ExtractedPage PageFromJson(const nlohmann::json& j);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_WORKER_PROTOCOL_H_
