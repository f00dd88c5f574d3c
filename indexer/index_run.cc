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

#include <xapian.h>

#include "catalog/catalog_csv.h"
#include "catalog/schema.h"
#include "indexer/assemble.h"
#include "indexer/extract.h"
#include "indexer/file_state.h"
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

// A PDF found under a PATH.
struct Candidate {
  fs::path path;     // absolute
  std::string file;  // relative to root, '/'-separated
  std::string root;  // absolute PATH (a folder)
  std::string root_name;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

bool IsPdf(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf";
}

bool StatFile(const fs::path& p, uint64_t& size, int64_t& mtime_ns) {
  struct stat st;
  if (stat(p.c_str(), &st) != 0) return false;
  size = static_cast<uint64_t>(st.st_size);
  mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

// Recursive walk in name order. Folders that cannot be read are collected: their files must not
// be taken for deleted.
void Walk(const fs::path& dir, const fs::path& root, const std::string& root_name,
          std::vector<Candidate>& out, std::vector<fs::path>& unreadable) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    unreadable.push_back(dir);
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      unreadable.push_back(dir);
      return;
    }
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const fs::directory_entry& e : entries) {
    std::error_code ec2;
    if (e.is_directory(ec2)) {
      Walk(e.path(), root, root_name, out, unreadable);
    } else if (e.is_regular_file(ec2) && IsPdf(e.path())) {
      Candidate c;
      c.path = e.path();
      c.file = e.path().lexically_relative(root).generic_string();
      c.root = root.string();
      c.root_name = root_name;
      if (!StatFile(c.path, c.size, c.mtime_ns)) continue;
      out.push_back(std::move(c));
    }
  }
}

bool Under(const std::string& path, const fs::path& dir) {
  const std::string d = dir.string();
  return path.size() > d.size() && path.compare(0, d.size(), d) == 0 && path[d.size()] == '/';
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
    if (pending_ >= batch_docs_ || Clock::now() - last_commit_ >= std::chrono::seconds(batch_seconds_)) {
      Commit();
    }
  }
  void Commit() {
    db_.commit();
    committed_any_ = committed_any_ || pending_ > 0;
    pending_ = 0;
    last_commit_ = Clock::now();
  }
  bool committed_any() const { return committed_any_; }

 private:
  Xapian::WritableDatabase& db_;
  int batch_docs_, batch_seconds_;
  int pending_ = 0;
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
enum PathProblem { kDoesNotExist, kCannotBeRead };
const char* Reason(const IndexOptions& options, PathProblem problem) {
  const bool en = options.language == Language::kEnglish;
  if (problem == kDoesNotExist) return en ? "does not exist" : "không tồn tại";
  return en ? "cannot be read" : "không đọc được";
}

// Opens or creates the database; nullptr once the reason is on stderr (exit 2).
std::unique_ptr<Xapian::WritableDatabase> OpenDatabase(const IndexOptions& options, const Messages& msg) {
  try {
    return std::make_unique<Xapian::WritableDatabase>(options.db.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%s\n", msg.DatabaseError(options.db.string() + ": " + e.get_description(), false).c_str());
    return nullptr;
  }
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

    std::vector<Candidate> candidates;
    std::vector<fs::path> unreadable;
    std::set<std::string> walked_roots;
    for (const Root& r : roots) {
      const std::string name = r.dir.filename().string();
      if (r.single_file) {
        Candidate c;
        c.path = *r.single_file;
        c.file = r.single_file->filename().string();
        c.root = r.dir.string();
        c.root_name = name;
        if (StatFile(c.path, c.size, c.mtime_ns)) candidates.push_back(std::move(c));
      } else {
        Walk(r.dir, r.dir, name, candidates, unreadable);
        walked_roots.insert(r.dir.string());
      }
    }
    for (const fs::path& u : unreadable) {
      // Its PDFs were not indexed: the run is not complete (exit 1), and none of them is deleted.
      progress.Clear();
      std::fprintf(stderr, "%s\n", msg.UnreadableFolder(u.string()).c_str());
      report.Write(json{{"file", u.string()}, {"path", u.string()}, {"status", "failed"},
                        {"reason", "cannot read folder"}});
      ++summary.failed;
    }

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
      std::fprintf(stderr, "%s\n", msg.FileFailed(c.path.string(), reason, kept, remembered).c_str());
      report.Write(json{{"file", c.file}, {"path", c.path.string()}, {"status", "failed"},
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
        const auto docs = AssembleDocuments(identity(c), *pages, rows);
        state.path = c.path.string();
        state.root = c.root;
        state.rows_digest = digest;
        writer.ReplaceFile(c.file, docs, state);
        summary.documents += static_cast<long>(docs.size());
        report.Write(json{{"file", c.file}, {"path", c.path.string()}, {"status", "unchanged"},
                          {"reapplied", true}, {"documents", docs.size()}, {"pages", json::array()}});
      } else {
        if (state.size != st->second.size || state.mtime_ns != st->second.mtime_ns) writer.UpdateState(state);
        report.Write(json{{"file", c.file}, {"path", c.path.string()}, {"status", "unchanged"},
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
            std::vector<catalog::Page> pages;
            for (const ExtractedPage& p : r.file->pages) pages.push_back(p.page);
            const std::vector<catalog::CatalogEntry> rows = rows_for(c);
            const auto docs = AssembleDocuments(identity(c), pages, rows);
            FileState state{c.file, c.path.string(), c.root, c.size, c.mtime_ns,
                            r.file->content_hash, RowsDigest(rows), static_cast<int>(pages.size())};
            writer.ReplaceFile(c.file, docs, state);
            summary.documents += static_cast<long>(docs.size());
            summary.pages += static_cast<long>(pages.size());
            json line{{"file", c.file}, {"path", c.path.string()}, {"status", "indexed"},
                      {"documents", docs.size()}, {"pages", PagesJson(r.file->pages)}};
            report.Write(line);
          }
          progress.Update(done, total, msg.Progress(done, total));
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
      report.Write(json{{"file", file}, {"path", state.path}, {"status", "deleted"}});
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
  const auto started = Clock::now();
  Progress progress;
  for (const std::string& f : options.jsonl) {
    if (access(f.c_str(), R_OK) != 0) {
      std::fprintf(stderr, "%s\n", msg.MissingPath(f, Reason(options, kCannotBeRead)).c_str());
      return 2;
    }
  }
  std::unique_ptr<Xapian::WritableDatabase> db = OpenDatabase(options, msg);
  if (!db) return 2;
  Writer writer(*db, kJsonlBatchDocuments, 3600);
  Summary summary;
  const int threads = std::max(1, options.jobs);

  // Lines are analysed in parallel (text analysis dominates), then written in order by the one
  // writer. A chunk of lines bounds the memory held at once.
  struct Item {
    long line_no = 0;
    std::string line;
    std::optional<catalog::ArchiveDocument> doc;
    Xapian::Document xdoc;
    std::string error;
  };
  constexpr size_t kChunk = 2000;
  try {
    for (const std::string& f : options.jsonl) {
      std::ifstream in(f);
      long line_no = 0;
      std::vector<Item> items;
      auto flush = [&]() {
        std::vector<std::thread> pool;
        const size_t per = (items.size() + threads - 1) / threads;
        for (int t = 0; t < threads; ++t) {
          const size_t b = t * per, e = std::min(items.size(), b + per);
          if (b >= e) break;
          pool.emplace_back([&items, b, e]() {
            for (size_t i = b; i < e; ++i) {
              try {
                items[i].doc = ParseJsonlDocument(items[i].line);
                items[i].xdoc = catalog::schema::BuildIndexDocument(*items[i].doc);
              } catch (const std::exception& ex) {
                items[i].error = ex.what();
              }
              items[i].line.clear();
            }
          });
        }
        for (auto& t : pool) t.join();
        for (Item& it : items) {
          if (!it.doc) {
            progress.Clear();
            std::fprintf(stderr, "%s\n", msg.JsonlError(f, it.line_no, it.error).c_str());
            ++summary.failed;
            continue;
          }
          writer.AddDocument(*it.doc, std::move(it.xdoc));
          ++summary.documents;
          summary.pages += static_cast<long>(it.doc->pages.size());
        }
        items.clear();
        progress.Update(summary.documents, 0, std::to_string(summary.documents) +
                                                  (options.language == Language::kEnglish ? " documents" : " văn bản"));
      };
      std::string line;
      while (std::getline(in, line)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        items.push_back(Item{line_no, std::move(line), std::nullopt, {}, ""});
        if (items.size() >= kChunk) flush();
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
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::fprintf(stderr, "%s\n", msg.SummaryLine(summary).c_str());
  return summary.failed > 0 ? 1 : 0;
}

}  // namespace luutru::indexer
