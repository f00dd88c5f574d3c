// RunIndex (the IndexRun and its steps) and RunJsonl.
#include "indexer/run/index_run.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unordered_map>

#include <xapian.h>
#include <xxhash.h>

#include "catalog/bounded_line.h"
#include "catalog/catalog_csv.h"
#include "catalog/schema.h"
#include "indexer/documents/assemble.h"
#include "indexer/documents/jsonl_input.h"
#include "indexer/extract/extract.h"
#include "indexer/run/folder_walk.h"
#include "indexer/run/index_writer.h"
#include "indexer/state/file_name.h"
#include "indexer/state/file_state.h"
#include "indexer/workers/worker_pool.h"

namespace luutru::indexer {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr int kBatchSeconds = 10;  // PDF mode: a kill loses at most this much time of work
// Bulk mode: Xapian's in-memory change buffers slow every insert as they grow; commits of 10,000
// documents wrote much slower than commits of 250 to 1,000 (bench/scale/README.md).
constexpr int kJsonlBatchDocuments = 1000;

bool StatFile(const fs::path& p, uint64_t& size, int64_t& mtime_ns) {
  struct stat st;
  if (stat(p.c_str(), &st) != 0) return false;
  size = static_cast<uint64_t>(st.st_size);
  mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

// Rebuilds a file's pages from the documents stored for it, or nullopt when they do not cover
// every page (then the file is extracted again).
std::optional<std::vector<catalog::Page>> StoredPages(const Xapian::Database& db, const std::string& file,
                                                      int page_count) {
  if (page_count <= 0) return std::nullopt;
  std::vector<std::optional<catalog::Page>> pages(static_cast<size_t>(page_count));
  const std::string term = catalog::schema::FileTerm(file);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    const catalog::schema::StoredDocument stored = catalog::schema::ReadStoredDocument(db.get_document(*it));
    const catalog::ArchiveDocument& d = stored.doc;
    for (size_t i = 0; i < d.pages.size(); ++i) {
      const int p = d.first_page + static_cast<int>(i);
      if (p >= 1 && p <= page_count) pages[static_cast<size_t>(p - 1)] = d.pages[i];
    }
  }
  std::vector<catalog::Page> out;
  for (auto& p : pages) {
    if (!p) return std::nullopt;
    out.push_back(std::move(*p));
  }
  return out;
}

// The --report file: one JSON object a line per file.
class Report {
 public:
  // False when the file cannot be written (nothing is written then).
  bool Open(const std::optional<fs::path>& path) {
    if (!path) return true;
    out_.open(*path, std::ios::trunc);
    return static_cast<bool>(out_);
  }
  void Write(const json& line) {
    if (out_.is_open()) out_ << line.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
  void Flush() {
    if (out_.is_open()) out_.flush();
  }

 private:
  std::ofstream out_;
};

json PagesJson(const std::vector<ExtractedPage>& pages) {
  json out = json::array();
  for (size_t i = 0; i < pages.size(); ++i) {
    json p{{"page", i + 1},
           {"source", std::string(catalog::TextSourceName(pages[i].page.source))},
           {"ocr_cached", pages[i].ocr_from_cache}};
    if (pages[i].page.source == catalog::TextSource::kOcr) p["ocr_confidence"] = pages[i].page.ocr_confidence;
    out.push_back(std::move(p));
  }
  return out;
}

// Why a PATH or input file cannot be used, in the run's language.
enum PathProblem { kDoesNotExist, kCannotBeRead, kFolderNotJsonl, kDeviceNotJsonl };
const char* Reason(const IndexOptions& options, PathProblem problem) {
  const bool en = options.language == Lang::kEn;
  switch (problem) {
    case kDoesNotExist: return en ? "does not exist" : "không tồn tại";
    case kCannotBeRead: return en ? "cannot be read" : "không đọc được";
    case kFolderNotJsonl: return en ? "is a folder, not a JSONL file" : "là thư mục, không phải tệp JSONL";
    case kDeviceNotJsonl:
      return en ? "is a device or socket, not a JSONL file" : "là thiết bị hoặc socket, không phải tệp JSONL";
  }
  return "";
}

// A JSONL line longer than this is refused: a 1,000-page document of dense text is about 12 MB.
constexpr size_t kMaxJsonlLineBytes = 16 << 20;
// Lines analysed at once: at most this many, and at most this many bytes of them.
constexpr size_t kJsonlChunkLines = 2000;
constexpr size_t kJsonlChunkBytes = 64 << 20;

using catalog::LineRead;
using catalog::ReadLine;

// Opens or creates the database; nullptr with `error` set when it cannot be.
std::unique_ptr<Xapian::WritableDatabase> OpenDatabase(const IndexOptions& options, const Messages& msg,
                                                       std::optional<RunError>& error) {
  try {
    return std::make_unique<Xapian::WritableDatabase>(options.db.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& e) {
    error =
        RunError{RunError::Kind::kDatabase, msg.DatabaseError(options.db.string() + ": " + e.get_description(), false)};
    return nullptr;
  }
}

// Says which pages had more text than is kept (page_text.h), to the listener and in the file's
// report `line`.
void NoteCutText(const std::vector<ExtractedPage>& pages, const std::string& shown, const Messages& msg,
                 RunListener& listener, json& line) {
  json cut = json::array();
  std::string list;
  uint64_t largest = 0;
  int budget_from = 0;  // the first page cut by the file's budget
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].text_bytes == 0) continue;
    const int number = static_cast<int>(i) + 1;
    cut.push_back(number);
    if (pages[i].file_budget) {
      if (budget_from == 0) budget_from = number;
      continue;
    }
    largest = std::max(largest, pages[i].text_bytes);
    if (cut.size() <= 10) list += (list.empty() ? "" : ", ") + std::to_string(number);
  }
  if (cut.empty()) return;
  if (!list.empty()) {
    if (cut.size() > 10) list += ", …";
    listener.Notice(msg.TextCut(shown, list, kMaxPageTextBytes, largest));
  }
  if (budget_from > 0) listener.Notice(msg.FileTextCut(shown, budget_from, kMaxFileTextBytes));
  line["text_cut"] =
      json{{"pages", std::move(cut)}, {"limit_bytes", kMaxPageTextBytes}, {"file_limit_bytes", kMaxFileTextBytes}};
}

// Catalog rows whose file is not among the PDFs found: a typo or a file moved away leaves its row
// unused, which the archivist must hear of. Only rows under the folders walked are judged (a run
// over one folder does not list the rest of the catalog), and not under a folder that could not
// be read.
void ListCatalogRowsWithoutFile(const catalog::Catalog& catalog, const std::vector<Candidate>& found,
                                const std::vector<fs::path>& walked, const std::vector<fs::path>& unreadable,
                                const Messages& msg, RunListener& listener) {
  std::set<std::string> present;
  for (const Candidate& c : found) present.insert(c.path.lexically_relative(catalog.folder()).generic_string());
  catalog.ForEachFile([&](const std::string& file, int64_t line) {
    if (present.count(file)) return;
    const std::string abs = (catalog.folder() / file).lexically_normal().string();
    bool judged = false;
    for (const fs::path& w : walked) judged = judged || Under(abs, w);
    for (const fs::path& u : unreadable) judged = judged && !Under(abs, u);
    if (!judged) return;
    listener.Notice(msg.CatalogRowMissing(ShowName(catalog.path().string()), line, ShowName(file)));
  });
}

// A run over PATHs: its steps share what they found through these members, in the order the steps
// fill them.
class IndexRun {
 public:
  IndexRun(const IndexOptions& options, RunListener& listener)
      : options_(options), msg_(options.language), listener_(listener) {}

  RunOutcome Run() {
    const auto started = Clock::now();
    if (!LoadCatalog() || !CheckPaths()) return Stop();
    std::unique_ptr<Xapian::WritableDatabase> db = OpenDatabase(options_, msg_, error_);
    if (!db) return Stop();
    if (!report_.Open(options_.report)) {
      error_ = RunError{RunError::Kind::kReport, msg_.ReportError(ShowName(options_.report->string()))};
      return Stop();
    }
    IndexWriter writer(*db, options_.batch_documents, kBatchSeconds);
    try {
      states_ = LoadFileStates(*db);
      failures_ = LoadFileFailures(*db);
      Collect();
      Decide(*db, writer);
      Extract(writer);
      DeleteGone(writer);
      writer.Commit();
    } catch (const Xapian::Error& e) {
      error_ = RunError{RunError::Kind::kDatabase, msg_.DatabaseError(e.get_description(), writer.committed_any())};
    } catch (const std::exception& e) {
      error_ = RunError{RunError::Kind::kStopped, msg_.RunStopped(e.what(), writer.committed_any())};
    }
    if (error_) {
      report_.Flush();
      return Stop();
    }
    summary_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return RunOutcome{summary_, 0, std::nullopt};
  }

 private:
  // A PATH as given: a folder walked in full, or one file in its folder.
  struct Root {
    fs::path dir;
    std::optional<fs::path> single_file;
  };

  RunOutcome Stop() { return RunOutcome{summary_, 0, error_}; }

  bool LoadCatalog() {
    if (!options_.catalog) return true;
    try {
      catalog_ = catalog::Catalog::Load(fs::weakly_canonical(fs::absolute(*options_.catalog)));
    } catch (const std::exception& e) {
      error_ = RunError{RunError::Kind::kCatalog, msg_.CatalogError(e.what())};
      return false;
    }
    for (const std::string& w : catalog_->warnings()) listener_.Notice(msg_.CatalogWarning(w));
    return true;
  }

  // Every PATH must exist and be readable before anything is touched: an unmounted disk must
  // never empty the index.
  bool CheckPaths() {
    for (const std::string& p : options_.paths) {
      std::error_code ec;
      const fs::path abs = fs::weakly_canonical(fs::absolute(p), ec);
      const fs::file_status st = fs::status(abs, ec);
      if (ec || !fs::exists(st)) {
        error_ = RunError{RunError::Kind::kPath, msg_.MissingPath(p, Reason(options_, kDoesNotExist))};
        return false;
      }
      const bool dir = fs::is_directory(st);
      if (access(abs.c_str(), dir ? (R_OK | X_OK) : R_OK) != 0) {
        error_ = RunError{RunError::Kind::kPath, msg_.MissingPath(p, Reason(options_, kCannotBeRead))};
        return false;
      }
      roots_.push_back(dir ? Root{abs, std::nullopt} : Root{abs.parent_path(), abs});
    }
    return true;
  }

  // Collect: walks the folders, takes the single files, and says what could not be read or was
  // left aside, and which catalog rows name no file found.
  void Collect() {
    for (const Root& r : roots_) {
      if (!r.single_file) walked_.push_back(r.dir);
    }
    Walker walker(walked_, options_.follow_links);
    std::vector<Candidate> single_files;
    for (const Root& r : roots_) {
      const std::string name = r.dir.filename().string();
      if (r.single_file) {
        Candidate c;
        c.path = *r.single_file;
        c.file = r.single_file->filename().string();
        c.root = r.dir.string();
        c.root_name = name;
        if (StatFile(c.path, c.size, c.mtime_ns)) single_files.push_back(std::move(c));
      } else {
        walker.WalkRoot(r.dir, name);
        walked_roots_.insert(r.dir.string());
      }
    }
    walker.FollowLinks();
    candidates_ = std::move(single_files);
    candidates_.insert(candidates_.end(), std::make_move_iterator(walker.candidates.begin()),
                       std::make_move_iterator(walker.candidates.end()));
    unreadable_ = std::move(walker.unreadable);
    for (const fs::path& u : unreadable_) {
      // Its PDFs were not indexed: the run is not complete (exit 1), and none of them is deleted.
      listener_.Notice(msg_.UnreadableFolder(ShowName(u.string())));
      report_.Write(json{{"file", ShowName(u.string())},
                         {"path", ShowName(u.string())},
                         {"status", "failed"},
                         {"reason", "cannot read folder"}});
      ++summary_.failed;
    }
    for (const SkippedEntry& k : walker.skipped) {
      // Not a PDF that failed: a device, or a link the walk does not take (said, never silent).
      listener_.Notice(msg_.Skipped(ShowName(k.path.string()), k.kind, ShowName(k.detail)));
      report_.Write(json{{"file", ShowName(k.path.string())},
                         {"path", ShowName(k.path.string())},
                         {"status", "skipped"},
                         {"reason", Messages::SkipReasonEnglish(k.kind, ShowName(k.detail))}});
      ++summary_.skipped;
    }
    if (catalog_) ListCatalogRowsWithoutFile(*catalog_, candidates_, walked_, unreadable_, msg_, listener_);
    total_ = static_cast<long>(candidates_.size());
  }

  // Decide: what each file found needs. A file failed before and unchanged since fails again
  // without being read; an unchanged file whose catalog rows changed, or that moved, is rebuilt
  // from its stored pages; a new or changed one (every one with --full) is left for Extract.
  void Decide(const Xapian::Database& db, IndexWriter& writer) {
    for (const Candidate& c : candidates_) {
      if (!seen_.insert(c.file).second) continue;  // the same relative file under two PATHs
      ++summary_.files;
      auto st = states_.find(c.file);
      if (!options_.full && st == states_.end()) {
        // Failed before and not changed since: the same bytes would fail the same way.
        auto f = failures_.find(c.file);
        if (f != failures_.end() && f->second.file.path == c.path.string() && f->second.file.size == c.size &&
            f->second.file.mtime_ns == c.mtime_ns) {
          Fail(c, f->second.reason, /*remembered=*/true);
          ++done_;
          continue;
        }
      }
      if (options_.full || st == states_.end()) {
        to_extract_.push_back(c);
        continue;
      }
      FileState state = st->second;
      bool same_content = state.size == c.size && state.mtime_ns == c.mtime_ns && state.path == c.path.string();
      if (!same_content) {
        try {
          same_content = FileContentHash(c.path) == state.hash;
        } catch (const std::exception& e) {
          Fail(c, e.what());
          ++done_;
          continue;
        }
      }
      if (!same_content) {
        to_extract_.push_back(c);
        continue;
      }
      const std::vector<catalog::CatalogEntry> rows = RowsFor(c);
      const std::string digest = RowsDigest(rows);
      const bool moved = state.path != c.path.string() || state.root != c.root;
      state.size = c.size;
      state.mtime_ns = c.mtime_ns;
      if (digest != state.rows_digest || moved) {
        // Catalog edited or file moved: rebuild from the stored pages, no extraction.
        auto pages = StoredPages(db, c.file, state.pages);
        if (!pages) {
          to_extract_.push_back(c);
          continue;
        }
        const auto docs = AssembleDocuments(Identity(c), std::move(*pages), rows);
        state.path = c.path.string();
        state.root = c.root;
        state.rows_digest = digest;
        writer.ReplaceFile(c.file, docs, state);
        summary_.documents += static_cast<long>(docs.size());
        report_.Write(json{{"file", ShowName(c.file)},
                           {"path", ShowName(c.path.string())},
                           {"status", "unchanged"},
                           {"reapplied", true},
                           {"documents", docs.size()},
                           {"pages", json::array()}});
      } else {
        if (state.size != st->second.size || state.mtime_ns != st->second.mtime_ns) writer.UpdateState(state);
        report_.Write(json{{"file", ShowName(c.file)},
                           {"path", ShowName(c.path.string())},
                           {"status", "unchanged"},
                           {"pages", json::array()}});
      }
      ++summary_.unchanged;
      ++done_;
      listener_.Progress(done_, total_, msg_.Progress(done_, total_));
    }
  }

  // Extract: the files Decide left, in worker processes; each file's documents are written as
  // its result comes back.
  void Extract(IndexWriter& writer) {
    if (to_extract_.empty()) return;
    ExtractOptions eo;
    eo.ocr = options_.ocr;
    eo.ocr_languages = options_.ocr_languages;
    eo.ocr_cache_dir = options_.db / "ocr-cache";
    eo.digit_model = options_.digit_model;
    if (eo.digit_model.empty() && options_.ocr != OcrMode::kNever) listener_.Notice(msg_.NoDigitModel());
    eo.max_pages = options_.max_pages;
    eo.max_file_seconds = options_.max_file_seconds;
    eo.faults = options_.test_faults;
    const int jobs = std::max(1, std::min<int>(options_.jobs, static_cast<int>(to_extract_.size())));
    WorkerPool pool(jobs, eo, options_.program);
    std::map<uint64_t, Candidate> in_flight;
    size_t next = 0;
    uint64_t tag = 0;
    while (next < to_extract_.size() || pool.busy() > 0) {
      while (next < to_extract_.size() && pool.HasIdle()) {
        in_flight[++tag] = to_extract_[next];
        pool.Submit(WorkerJob{tag, to_extract_[next].path});
        ++next;
      }
      for (WorkerResult& r : pool.Wait(1000)) {
        const Candidate c = in_flight.at(r.tag);
        in_flight.erase(r.tag);
        ++done_;
        if (!r.file) {
          Fail(c, r.error);
          // Remember what the bytes themselves caused, for a file with nothing in the index;
          // a crash, a timeout or an unreadable file may go another way next time.
          if (r.reported && !states_.count(c.file) && FailsForGood(r.error)) {
            writer.SetFailure(FileState{c.file, c.path.string(), c.root, c.size, c.mtime_ns, {}, {}, 0}, r.error);
          }
        } else {
          WriteExtracted(c, std::move(*r.file), writer);
        }
        listener_.Progress(done_, total_, msg_.Progress(done_, total_));
      }
      // The files being worked on, with their page.
      for (const WorkerPool::Activity& a : pool.Working()) {
        listener_.Progress(done_, total_,
                           msg_.ProgressAt(done_, total_, ShowName(in_flight.at(a.tag).file), a.page, a.pages));
        break;  // one line: the first busy worker
      }
      writer.MaybeCommit();
    }
  }

  // One extracted file → its documents and its state, through the writer.
  void WriteExtracted(const Candidate& c, ExtractedFile file, IndexWriter& writer) {
    if (failures_.count(c.file)) writer.SetFailure(FileState{c.file, {}, {}, 0, 0, {}, {}, 0}, "");
    json line{{"file", ShowName(c.file)},
              {"path", ShowName(c.path.string())},
              {"status", "indexed"},
              {"pages", PagesJson(file.pages)}};
    NoteCutText(file.pages, ShowName(c.path.string()), msg_, listener_, line);
    // Moved, not copied: a file's text is held once, then its documents' once.
    std::vector<catalog::Page> pages;
    pages.reserve(file.pages.size());
    for (ExtractedPage& p : file.pages) pages.push_back(std::move(p.page));
    const std::string hash = file.content_hash;
    file = ExtractedFile{};
    const std::vector<catalog::CatalogEntry> rows = RowsFor(c);
    const int page_count = static_cast<int>(pages.size());
    const auto docs = AssembleDocuments(Identity(c), std::move(pages), rows);
    FileState state{c.file, c.path.string(), c.root, c.size, c.mtime_ns, hash, RowsDigest(rows), page_count};
    writer.ReplaceFile(c.file, docs, state);
    summary_.documents += static_cast<long>(docs.size());
    summary_.pages += page_count;
    line["documents"] = docs.size();
    report_.Write(line);
  }

  // Delete: files gone from a folder that was walked in full (not from one that could not be
  // read, nor when the file only cannot be checked).
  void DeleteGone(IndexWriter& writer) {
    for (const auto& [file, state] : states_) {
      if (seen_.count(file) || !walked_roots_.count(state.root)) continue;
      bool under_unreadable = false;
      for (const fs::path& u : unreadable_) under_unreadable = under_unreadable || Under(state.path, u);
      std::error_code ec;
      if (under_unreadable || fs::exists(state.path, ec) || ec) continue;
      writer.DeleteFile(file);
      ++summary_.deleted;
      report_.Write(json{{"file", ShowName(file)}, {"path", ShowName(state.path)}, {"status", "deleted"}});
    }
  }

  std::vector<catalog::CatalogEntry> RowsFor(const Candidate& c) const {
    if (!catalog_) return {};
    const std::string rel = c.path.lexically_relative(catalog_->folder()).generic_string();
    if (rel.empty() || rel.rfind("..", 0) == 0) return {};
    return catalog_->EntriesFor(rel);
  }

  static FileIdentity Identity(const Candidate& c) {
    return FileIdentity{c.file, c.path.string(), DefaultUnit(c.file, c.root_name)};
  }

  void Fail(const Candidate& c, const std::string& reason, bool remembered = false) {
    const bool kept = states_.count(c.file) > 0;
    listener_.Notice(msg_.FileFailed(ShowName(c.path.string()), reason, kept, remembered));
    report_.Write(json{{"file", ShowName(c.file)},
                       {"path", ShowName(c.path.string())},
                       {"status", "failed"},
                       {"reason", reason},
                       {"kept_previous", kept},
                       {"remembered", remembered}});
    ++summary_.failed;
  }

  const IndexOptions& options_;
  const Messages msg_;
  RunListener& listener_;
  Report report_;
  Summary summary_;
  std::optional<RunError> error_;

  std::optional<catalog::Catalog> catalog_;  // LoadCatalog
  std::vector<Root> roots_;                  // CheckPaths
  std::map<std::string, FileState> states_;  // the database's, as the run began
  std::map<std::string, FileFailure> failures_;
  std::vector<fs::path> walked_;  // Collect: the folders walked in full
  std::set<std::string> walked_roots_;
  std::vector<fs::path> unreadable_;   // folders under them that could not be read
  std::vector<Candidate> candidates_;  // the PDFs found
  long total_ = 0;
  std::set<std::string> seen_;  // Decide: relative files taken
  std::vector<Candidate> to_extract_;
  long done_ = 0;  // files decided or extracted
};

}  // namespace

RunOutcome RunIndex(const IndexOptions& options, RunListener& listener) { return IndexRun(options, listener).Run(); }

RunOutcome RunJsonl(const IndexOptions& options, RunListener& listener) {
  const Messages msg(options.language);
  const bool en = options.language == Lang::kEn;
  const auto started = Clock::now();
  RunOutcome outcome;
  Summary& summary = outcome.summary;
  auto stop = [&](RunError::Kind kind, std::string message) {
    outcome.error = RunError{kind, std::move(message)};
    return outcome;
  };
  for (const std::string& f : options.jsonl) {
    struct stat st;
    if (stat(f.c_str(), &st) != 0) {
      return stop(RunError::Kind::kPath, msg.MissingPath(ShowName(f), Reason(options, kDoesNotExist)));
    }
    // A pipe is a fine input (a program writing documents); a folder or a device is a mistake.
    if (S_ISDIR(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode)) {
      return stop(
          RunError::Kind::kPath,
          msg.MissingPath(ShowName(f), Reason(options, S_ISDIR(st.st_mode) ? kFolderNotJsonl : kDeviceNotJsonl)));
    }
    if (access(f.c_str(), R_OK) != 0) {
      return stop(RunError::Kind::kPath, msg.MissingPath(ShowName(f), Reason(options, kCannotBeRead)));
    }
  }
  std::unique_ptr<Xapian::WritableDatabase> db = OpenDatabase(options, msg, outcome.error);
  if (!db) return outcome;
  IndexWriter writer(*db, kJsonlBatchDocuments, 3600);
  const int threads = std::max(1, options.jobs);
  // The documents this run stored, by a hash of their id, with their page counts: a line that
  // gives a document again replaces it, and the summary counts it once.
  std::unordered_map<uint64_t, int> stored;

  // Lines are analysed in parallel (text analysis dominates), then written in order by the one
  // writer. A chunk of lines bounds the memory held at once.
  struct Item {
    long line_no = 0;
    std::string line;
    std::optional<catalog::ArchiveDocument> doc;
    Xapian::Document xdoc;
    std::string error;
    std::vector<int> cut;
  };
  try {
    for (const std::string& f : options.jsonl) {
      std::ifstream in(f, std::ios::binary);
      const std::string shown = ShowName(f);
      long line_no = 0;
      std::vector<Item> items;
      size_t chunk_bytes = 0;
      auto flush = [&]() {
        std::vector<std::thread> pool;
        const size_t per = (items.size() + threads - 1) / threads;
        for (int t = 0; t < threads; ++t) {
          const size_t b = t * per, e = std::min(items.size(), b + per);
          if (b >= e) break;
          pool.emplace_back([&items, b, e]() {
            for (size_t i = b; i < e; ++i) {
              if (!items[i].error.empty()) continue;
              try {
                items[i].doc = ParseJsonlDocument(items[i].line, &items[i].cut);
                items[i].xdoc = catalog::schema::BuildIndexDocument(*items[i].doc);
              } catch (const std::exception& ex) {
                items[i].doc.reset();
                items[i].error = ex.what();
              }
              items[i].line.clear();
              items[i].line.shrink_to_fit();
            }
          });
        }
        for (auto& t : pool) t.join();
        for (Item& it : items) {
          if (!it.doc) {
            listener.Notice(msg.JsonlError(shown, it.line_no, it.error));
            ++summary.failed;
            continue;
          }
          if (!it.cut.empty()) {
            std::string pages;
            for (int p : it.cut) pages += (pages.empty() ? "" : ", ") + std::to_string(p);
            listener.Notice(msg.TextCut(shown + ":" + std::to_string(it.line_no), pages, kMaxPageTextBytes, 0));
          }
          const std::string id = it.doc->Id();
          const int pages = static_cast<int>(it.doc->pages.size());
          writer.AddDocument(*it.doc, std::move(it.xdoc));
          auto [at, added] = stored.emplace(XXH3_64bits(id.data(), id.size()), pages);
          if (added) {
            ++summary.documents;
            summary.pages += pages;
          } else {
            ++outcome.repeated_lines;
            summary.pages += pages - at->second;
            at->second = pages;
          }
        }
        items.clear();
        chunk_bytes = 0;
        listener.Progress(summary.documents, 0, std::to_string(summary.documents) + (en ? " documents" : " văn bản"));
      };
      std::string line;
      for (;;) {
        const LineRead read = ReadLine(in, line, kMaxJsonlLineBytes);
        if (read == LineRead::kEnd) break;
        ++line_no;
        if (read == LineRead::kTooLong) {
          Item item{line_no, {}, std::nullopt, {}, "", {}};
          item.error = (en ? "line longer than the limit of " : "dòng dài hơn giới hạn ") +
                       std::to_string(kMaxJsonlLineBytes) + (en ? " bytes; not read" : " byte; không đọc");
          items.push_back(std::move(item));
        } else {
          if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
          chunk_bytes += line.size();
          items.push_back(Item{line_no, std::move(line), std::nullopt, {}, "", {}});
          line = std::string();
        }
        if (items.size() >= kJsonlChunkLines || chunk_bytes >= kJsonlChunkBytes) flush();
      }
      if (!items.empty()) flush();
      ++summary.files;
    }
    writer.Commit();
  } catch (const Xapian::Error& e) {
    return stop(RunError::Kind::kDatabase, msg.DatabaseError(e.get_description(), writer.committed_any()));
  } catch (const std::exception& e) {
    return stop(RunError::Kind::kStopped, msg.RunStopped(e.what(), writer.committed_any()));
  }
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return outcome;
}

}  // namespace luutru::indexer
