// RunIndex and RunJsonl.
#include "indexer/index_run.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <deque>
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
#include "indexer/assemble.h"
#include "indexer/extract.h"
#include "indexer/file_name.h"
#include "indexer/file_state.h"
#include "indexer/folder_walk.h"
#include "indexer/jsonl_input.h"
#include "indexer/progress.h"
#include "indexer/worker_pool.h"

namespace luutru::indexer {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr int kBatchDocuments = 200;  // PDF mode: a kill loses at most this much work
constexpr int kBatchSeconds = 10;
// Bulk mode: Xapian's in-memory change buffers slow every insert as they grow; measured on
// luutru-corpus --text-only documents, commits of 10,000 documents wrote ~2.5x slower than
// commits of 250 to 1,000 (bench/scale/README.md).
constexpr int kJsonlBatchDocuments = 1000;
// Xapian holds a batch's postings in memory until it commits: a batch also ends after this much
// text, so the memory of a run follows the batch, not the size of the files in it.
constexpr size_t kBatchTextBytes = 16 << 20;

bool StatFile(const fs::path& p, uint64_t& size, int64_t& mtime_ns) {
  struct stat st;
  if (stat(p.c_str(), &st) != 0) return false;
  size = static_cast<uint64_t>(st.st_size);
  mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

// The writer: one WritableDatabase, batched commits, per-file state beside the documents.
class Writer {
 public:
  Writer(Xapian::WritableDatabase& db, int batch_docs, int batch_seconds)
      : db_(db), batch_docs_(batch_docs), batch_seconds_(batch_seconds), last_commit_(Clock::now()) {}

  void ReplaceFile(const std::string& file, const std::vector<catalog::ArchiveDocument>& docs,
                   const FileState& state) {
    db_.delete_document(catalog::schema::FileTerm(file));
    for (const catalog::ArchiveDocument& d : docs) {
      db_.replace_document(catalog::schema::IdTerm(d), catalog::schema::BuildIndexDocument(d));
    }
    db_.set_metadata(FileStateKey(file), EncodeFileState(state));
    pending_ += static_cast<int>(docs.size()) + 1;
    for (const catalog::ArchiveDocument& d : docs) {
      for (const catalog::Page& p : d.pages) pending_text_ += p.text.size();
    }
    MaybeCommit();
  }
  // A file that cannot be indexed, or no longer is remembered as failing (`reason` empty).
  void SetFailure(const FileState& file, const std::string& reason) {
    db_.set_metadata(FileFailureKey(file.file), reason.empty() ? "" : EncodeFileFailure({file, reason}));
  }

  void UpdateState(const FileState& state) {
    db_.set_metadata(FileStateKey(state.file), EncodeFileState(state));
    ++pending_;
  }
  void DeleteFile(const std::string& file) {
    db_.delete_document(catalog::schema::FileTerm(file));
    db_.set_metadata(FileStateKey(file), "");
    ++pending_;
    MaybeCommit();
  }
  void AddDocument(const catalog::ArchiveDocument& d, Xapian::Document xdoc) {
    db_.replace_document(catalog::schema::IdTerm(d), xdoc);
    ++pending_;
    MaybeCommit();
  }
  void MaybeCommit() {
    if (pending_ >= batch_docs_ || pending_text_ >= kBatchTextBytes ||
        Clock::now() - last_commit_ >= std::chrono::seconds(batch_seconds_)) {
      Commit();
    }
  }
  void Commit() {
    db_.commit();
    committed_any_ = committed_any_ || pending_ > 0;
    pending_ = 0;
    pending_text_ = 0;
    last_commit_ = Clock::now();
  }
  bool committed_any() const { return committed_any_; }

 private:
  Xapian::WritableDatabase& db_;
  int batch_docs_, batch_seconds_;
  int pending_ = 0;
  size_t pending_text_ = 0;  // text bytes of the documents not yet committed
  bool committed_any_ = false;
  Clock::time_point last_commit_;
};

// Rebuilds a file's pages from the documents stored for it, or nullopt when they do not cover
// every page (then the file is extracted again).
std::optional<std::vector<catalog::Page>> StoredPages(const Xapian::Database& db,
                                                      const std::string& file, int page_count) {
  if (page_count <= 0) return std::nullopt;
  std::vector<std::optional<catalog::Page>> pages(static_cast<size_t>(page_count));
  const std::string term = catalog::schema::FileTerm(file);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    const catalog::schema::StoredDocument stored =
        catalog::schema::ReadStoredDocument(db.get_document(*it));
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

class Report {
 public:
  explicit Report(const std::optional<fs::path>& path) {
    if (path) {
      out_.open(*path, std::ios::trunc);
      if (!out_) throw std::runtime_error("cannot write the report " + path->string());
    }
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
    json p{{"page", i + 1}, {"source", std::string(catalog::TextSourceName(pages[i].page.source))},
           {"ocr_cached", pages[i].ocr_from_cache}};
    if (pages[i].page.source == catalog::TextSource::kOcr) p["ocr_confidence"] = pages[i].page.ocr_confidence;
    out.push_back(std::move(p));
  }
  return out;
}

// Why a PATH or input file cannot be used, in the run's language.
enum PathProblem { kDoesNotExist, kCannotBeRead, kFolderNotJsonl, kDeviceNotJsonl };
const char* Reason(const IndexOptions& options, PathProblem problem) {
  const bool en = options.language == Language::kEnglish;
  switch (problem) {
    case kDoesNotExist:
      return en ? "does not exist" : "không tồn tại";
    case kCannotBeRead:
      return en ? "cannot be read" : "không đọc được";
    case kFolderNotJsonl:
      return en ? "is a folder, not a JSONL file" : "là thư mục, không phải tệp JSONL";
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

// Opens or creates the database; nullptr once the reason is on stderr (exit 2).
std::unique_ptr<Xapian::WritableDatabase> OpenDatabase(const IndexOptions& options, const Messages& msg) {
  try {
    return std::make_unique<Xapian::WritableDatabase>(options.db.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%s\n", msg.DatabaseError(options.db.string() + ": " + e.get_description(), false).c_str());
    return nullptr;
  }
}

// Says which pages had more text than is kept (page_text.h), on stderr and in the file's report
// `line`.
void NoteCutText(const std::vector<ExtractedPage>& pages, const std::string& shown, const Messages& msg,
                 Progress& progress, json& line) {
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
  progress.Clear();
  if (!list.empty()) {
    if (cut.size() > 10) list += ", …";
    std::fprintf(stderr, "%s\n", msg.TextCut(shown, list, kMaxPageTextBytes, largest).c_str());
  }
  if (budget_from > 0) std::fprintf(stderr, "%s\n", msg.FileTextCut(shown, budget_from, kMaxFileTextBytes).c_str());
  line["text_cut"] = json{{"pages", std::move(cut)}, {"limit_bytes", kMaxPageTextBytes},
                          {"file_limit_bytes", kMaxFileTextBytes}};
}

// Catalog rows whose file is not among the PDFs found: a typo or a file moved away leaves its row
// unused, which the archivist must hear of. Only rows under the folders walked are judged (a run
// over one folder does not list the rest of the catalog), and not under a folder that could not
// be read.
void ListCatalogRowsWithoutFile(const catalog::Catalog& catalog, const std::vector<Candidate>& found,
                                const std::vector<fs::path>& walked, const std::vector<fs::path>& unreadable,
                                const Messages& msg) {
  std::set<std::string> present;
  for (const Candidate& c : found) present.insert(c.path.lexically_relative(catalog.folder()).generic_string());
  catalog.ForEachFile([&](const std::string& file, int64_t line) {
    if (present.count(file)) return;
    const std::string abs = (catalog.folder() / file).lexically_normal().string();
    bool judged = false;
    for (const fs::path& w : walked) judged = judged || Under(abs, w);
    for (const fs::path& u : unreadable) judged = judged && !Under(abs, u);
    if (!judged) return;
    std::fprintf(stderr, "%s\n", msg.CatalogRowMissing(ShowName(catalog.path().string()), line, ShowName(file)).c_str());
  });
}

}  // namespace

int RunIndex(const IndexOptions& options) {
  const Messages msg(options.language);
  const auto started = Clock::now();
  Progress progress;

  std::optional<catalog::Catalog> catalog;
  if (options.catalog) {
    try {
      catalog = catalog::Catalog::Load(fs::weakly_canonical(fs::absolute(*options.catalog)));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s\n", msg.CatalogError(e.what()).c_str());
      return 2;
    }
    for (const std::string& w : catalog->warnings()) std::fprintf(stderr, "%s\n", msg.CatalogWarning(w).c_str());
  }

  // Every PATH must exist and be readable before anything is touched: an unmounted disk must
  // never empty the index.
  struct Root {
    fs::path dir;
    std::optional<fs::path> single_file;
  };
  std::vector<Root> roots;
  for (const std::string& p : options.paths) {
    std::error_code ec;
    const fs::path abs = fs::weakly_canonical(fs::absolute(p), ec);
    const fs::file_status st = fs::status(abs, ec);
    if (ec || !fs::exists(st)) {
      std::fprintf(stderr, "%s\n", msg.MissingPath(p, Reason(options, kDoesNotExist)).c_str());
      return 2;
    }
    const bool dir = fs::is_directory(st);
    if (access(abs.c_str(), dir ? (R_OK | X_OK) : R_OK) != 0) {
      std::fprintf(stderr, "%s\n", msg.MissingPath(p, Reason(options, kCannotBeRead)).c_str());
      return 2;
    }
    roots.push_back(dir ? Root{abs, std::nullopt} : Root{abs.parent_path(), abs});
  }

  std::unique_ptr<Xapian::WritableDatabase> db = OpenDatabase(options, msg);
  if (!db) return 2;

  Report report(options.report);
  int batch = kBatchDocuments;
  // Test-only: small batches let a test kill a run between commits.
  if (const char* v = std::getenv("LUUTRU_TEST_BATCH_DOCUMENTS"); v && std::atoi(v) > 0) batch = std::atoi(v);
  Writer writer(*db, batch, kBatchSeconds);
  Summary summary;
  int exit_status = 0;

  try {
    std::map<std::string, FileState> states = LoadFileStates(*db);
    const std::map<std::string, FileFailure> failures = LoadFileFailures(*db);

    std::set<std::string> walked_roots;
    std::vector<fs::path> walked;
    for (const Root& r : roots) {
      if (!r.single_file) walked.push_back(r.dir);
    }
    Walker walker(walked, options.follow_links);
    std::vector<Candidate> single_files;
    for (const Root& r : roots) {
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
        walked_roots.insert(r.dir.string());
      }
    }
    walker.FollowLinks();
    std::vector<Candidate> candidates = std::move(single_files);
    candidates.insert(candidates.end(), std::make_move_iterator(walker.candidates.begin()),
                      std::make_move_iterator(walker.candidates.end()));
    const std::vector<fs::path>& unreadable = walker.unreadable;
    for (const fs::path& u : unreadable) {
      // Its PDFs were not indexed: the run is not complete (exit 1), and none of them is deleted.
      progress.Clear();
      std::fprintf(stderr, "%s\n", msg.UnreadableFolder(ShowName(u.string())).c_str());
      report.Write(json{{"file", ShowName(u.string())}, {"path", ShowName(u.string())}, {"status", "failed"},
                        {"reason", "cannot read folder"}});
      ++summary.failed;
    }
    for (const SkippedEntry& k : walker.skipped) {
      // Not a PDF that failed: a device, or a link the walk does not take (said, never silent).
      std::fprintf(stderr, "%s\n", msg.Skipped(ShowName(k.path.string()), k.kind, ShowName(k.detail)).c_str());
      report.Write(json{{"file", ShowName(k.path.string())}, {"path", ShowName(k.path.string())},
                        {"status", "skipped"},
                        {"reason", Messages::SkipReasonEnglish(k.kind, ShowName(k.detail))}});
      ++summary.skipped;
    }
    if (catalog) ListCatalogRowsWithoutFile(*catalog, candidates, walked, unreadable, msg);

    // Decide what each file needs.
    std::set<std::string> seen;
    std::vector<Candidate> to_extract;
    std::map<uint64_t, Candidate> in_flight;
    long done = 0;
    const long total = static_cast<long>(candidates.size());

    auto rows_for = [&](const Candidate& c) -> std::vector<catalog::CatalogEntry> {
      if (!catalog) return {};
      const std::string rel = c.path.lexically_relative(catalog->folder()).generic_string();
      if (rel.empty() || rel.rfind("..", 0) == 0) return {};
      return catalog->EntriesFor(rel);
    };
    auto identity = [](const Candidate& c) {
      return FileIdentity{c.file, c.path.string(), DefaultUnit(c.file, c.root_name)};
    };
    auto fail = [&](const Candidate& c, const std::string& reason, bool remembered = false) {
      const bool kept = states.count(c.file) > 0;
      progress.Clear();
      std::fprintf(stderr, "%s\n", msg.FileFailed(ShowName(c.path.string()), reason, kept, remembered).c_str());
      report.Write(json{{"file", ShowName(c.file)}, {"path", ShowName(c.path.string())}, {"status", "failed"},
                        {"reason", reason}, {"kept_previous", kept}, {"remembered", remembered}});
      ++summary.failed;
    };

    for (const Candidate& c : candidates) {
      if (!seen.insert(c.file).second) continue;  // the same relative file under two PATHs
      ++summary.files;
      auto st = states.find(c.file);
      if (!options.full && st == states.end()) {
        // Failed before and not changed since: the same bytes would fail the same way.
        auto f = failures.find(c.file);
        if (f != failures.end() && f->second.file.path == c.path.string() &&
            f->second.file.size == c.size && f->second.file.mtime_ns == c.mtime_ns) {
          fail(c, f->second.reason, /*remembered=*/true);
          ++done;
          continue;
        }
      }
      if (options.full || st == states.end()) {
        to_extract.push_back(c);
        continue;
      }
      FileState state = st->second;
      bool same_content = state.size == c.size && state.mtime_ns == c.mtime_ns && state.path == c.path.string();
      if (!same_content) {
        try {
          same_content = FileContentHash(c.path) == state.hash;
        } catch (const std::exception& e) {
          fail(c, e.what());
          ++done;
          continue;
        }
      }
      if (!same_content) {
        to_extract.push_back(c);
        continue;
      }
      const std::vector<catalog::CatalogEntry> rows = rows_for(c);
      const std::string digest = RowsDigest(rows);
      const bool moved = state.path != c.path.string() || state.root != c.root;
      state.size = c.size;
      state.mtime_ns = c.mtime_ns;
      if (digest != state.rows_digest || moved) {
        // Catalog edited or file moved: rebuild from the stored pages, no extraction.
        auto pages = StoredPages(*db, c.file, state.pages);
        if (!pages) {
          to_extract.push_back(c);
          continue;
        }
        const auto docs = AssembleDocuments(identity(c), std::move(*pages), rows);
        state.path = c.path.string();
        state.root = c.root;
        state.rows_digest = digest;
        writer.ReplaceFile(c.file, docs, state);
        summary.documents += static_cast<long>(docs.size());
        report.Write(json{{"file", ShowName(c.file)}, {"path", ShowName(c.path.string())}, {"status", "unchanged"},
                          {"reapplied", true}, {"documents", docs.size()}, {"pages", json::array()}});
      } else {
        if (state.size != st->second.size || state.mtime_ns != st->second.mtime_ns) writer.UpdateState(state);
        report.Write(json{{"file", ShowName(c.file)}, {"path", ShowName(c.path.string())}, {"status", "unchanged"},
                          {"pages", json::array()}});
      }
      ++summary.unchanged;
      ++done;
      progress.Update(done, total, msg.Progress(done, total));
    }

    if (!to_extract.empty()) {
      ExtractOptions eo;
      eo.ocr = options.ocr;
      eo.ocr_languages = options.ocr_languages;
      eo.ocr_cache_dir = options.db / "ocr-cache";
      eo.max_pages = options.max_pages;
      eo.max_file_seconds = options.max_file_seconds;
      const int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(to_extract.size())));
      WorkerPool pool(jobs, eo, options.program);
      size_t next = 0;
      uint64_t tag = 0;
      while (next < to_extract.size() || pool.busy() > 0) {
        while (next < to_extract.size() && pool.HasIdle()) {
          in_flight[++tag] = to_extract[next];
          pool.Submit(WorkerJob{tag, to_extract[next].path});
          ++next;
        }
        for (WorkerResult& r : pool.Wait(1000)) {
          const Candidate c = in_flight.at(r.tag);
          in_flight.erase(r.tag);
          ++done;
          if (!r.file) {
            fail(c, r.error);
            // Remember what the bytes themselves caused, for a file with nothing in the index;
            // a crash, a timeout or an unreadable file may go another way next time.
            if (r.reported && !states.count(c.file) && FailsForGood(r.error)) {
              writer.SetFailure(FileState{c.file, c.path.string(), c.root, c.size, c.mtime_ns, {}, {}, 0},
                                r.error);
            }
          } else {
            if (failures.count(c.file)) writer.SetFailure(FileState{c.file, {}, {}, 0, 0, {}, {}, 0}, "");
            json line{{"file", ShowName(c.file)}, {"path", ShowName(c.path.string())}, {"status", "indexed"},
                      {"pages", PagesJson(r.file->pages)}};
            NoteCutText(r.file->pages, ShowName(c.path.string()), msg, progress, line);
            // Moved, not copied: a file's text is held once, then its documents' once.
            std::vector<catalog::Page> pages;
            pages.reserve(r.file->pages.size());
            for (ExtractedPage& p : r.file->pages) pages.push_back(std::move(p.page));
            const std::string hash = r.file->content_hash;
            r.file.reset();
            const std::vector<catalog::CatalogEntry> rows = rows_for(c);
            const int page_count = static_cast<int>(pages.size());
            const auto docs = AssembleDocuments(identity(c), std::move(pages), rows);
            FileState state{c.file, c.path.string(), c.root, c.size, c.mtime_ns,
                            hash, RowsDigest(rows), page_count};
            writer.ReplaceFile(c.file, docs, state);
            summary.documents += static_cast<long>(docs.size());
            summary.pages += page_count;
            line["documents"] = docs.size();
            report.Write(line);
          }
          progress.Update(done, total, msg.Progress(done, total));
        }
        // The files being worked on, with their page.
        for (const WorkerPool::Activity& a : pool.Working()) {
          progress.Update(done, total,
                          msg.ProgressAt(done, total, ShowName(in_flight.at(a.tag).file), a.page, a.pages));
          break;  // one line: the first busy worker
        }
        writer.MaybeCommit();
      }
    }

    // Files gone from a folder that was walked in full.
    for (const auto& [file, state] : states) {
      if (seen.count(file) || !walked_roots.count(state.root)) continue;
      bool under_unreadable = false;
      for (const fs::path& u : unreadable) under_unreadable = under_unreadable || Under(state.path, u);
      std::error_code ec;
      if (under_unreadable || fs::exists(state.path, ec) || ec) continue;
      writer.DeleteFile(file);
      ++summary.deleted;
      report.Write(json{{"file", ShowName(file)}, {"path", ShowName(state.path)}, {"status", "deleted"}});
    }
    writer.Commit();
  } catch (const Xapian::Error& e) {
    progress.Clear();
    std::fprintf(stderr, "%s\n", msg.DatabaseError(e.get_description(), writer.committed_any()).c_str());
    report.Flush();
    return 2;
  } catch (const std::exception& e) {
    progress.Clear();
    std::fprintf(stderr, "%s\n", msg.DatabaseError(e.what(), writer.committed_any()).c_str());
    report.Flush();
    return 2;
  }
  progress.Clear();
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::fprintf(stderr, "%s\n", msg.SummaryLine(summary).c_str());
  if (summary.failed > 0) exit_status = 1;
  return exit_status;
}

int RunJsonl(const IndexOptions& options) {
  const Messages msg(options.language);
  const bool en = options.language == Language::kEnglish;
  const auto started = Clock::now();
  Progress progress;
  for (const std::string& f : options.jsonl) {
    struct stat st;
    if (stat(f.c_str(), &st) != 0) {
      std::fprintf(stderr, "%s\n", msg.MissingPath(ShowName(f), Reason(options, kDoesNotExist)).c_str());
      return 2;
    }
    // A pipe is a fine input (a program writing documents); a folder or a device is a mistake.
    if (S_ISDIR(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode)) {
      std::fprintf(stderr, "%s\n",
                   msg.MissingPath(ShowName(f), Reason(options, S_ISDIR(st.st_mode) ? kFolderNotJsonl : kDeviceNotJsonl))
                       .c_str());
      return 2;
    }
    if (access(f.c_str(), R_OK) != 0) {
      std::fprintf(stderr, "%s\n", msg.MissingPath(ShowName(f), Reason(options, kCannotBeRead)).c_str());
      return 2;
    }
  }
  std::unique_ptr<Xapian::WritableDatabase> db = OpenDatabase(options, msg);
  if (!db) return 2;
  Writer writer(*db, kJsonlBatchDocuments, 3600);
  Summary summary;
  const int threads = std::max(1, options.jobs);
  // The documents this run stored, by a hash of their id, with their page counts: a line that
  // gives a document again replaces it, and the summary counts it once.
  std::unordered_map<uint64_t, int> stored;
  long repeated = 0;

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
            progress.Clear();
            std::fprintf(stderr, "%s\n", msg.JsonlError(shown, it.line_no, it.error).c_str());
            ++summary.failed;
            continue;
          }
          if (!it.cut.empty()) {
            std::string pages;
            for (int p : it.cut) pages += (pages.empty() ? "" : ", ") + std::to_string(p);
            progress.Clear();
            std::fprintf(stderr, "%s\n",
                         msg.TextCut(shown + ":" + std::to_string(it.line_no), pages, kMaxPageTextBytes, 0).c_str());
          }
          const std::string id = it.doc->Id();
          const int pages = static_cast<int>(it.doc->pages.size());
          writer.AddDocument(*it.doc, std::move(it.xdoc));
          auto [at, added] = stored.emplace(XXH3_64bits(id.data(), id.size()), pages);
          if (added) {
            ++summary.documents;
            summary.pages += pages;
          } else {
            ++repeated;
            summary.pages += pages - at->second;
            at->second = pages;
          }
        }
        items.clear();
        chunk_bytes = 0;
        progress.Update(summary.documents, 0, std::to_string(summary.documents) + (en ? " documents" : " văn bản"));
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
    progress.Clear();
    std::fprintf(stderr, "%s\n", msg.DatabaseError(e.get_description(), writer.committed_any()).c_str());
    return 2;
  }
  progress.Clear();
  if (repeated > 0) std::fprintf(stderr, "%s\n", msg.JsonlRepeated(repeated).c_str());
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::fprintf(stderr, "%s\n", msg.SummaryLine(summary).c_str());
  return summary.failed > 0 ? 1 : 0;
}

}  // namespace luutru::indexer
