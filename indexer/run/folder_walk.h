// The walk of the folders luutru-index is given: which PDFs it indexes, and what it leaves aside
// and why.
//
// Folders are read in name order, real folders first, then the links found on the way. A folder
// or file reached by a link is taken once (by device and inode), under the link's name only when
// its own path is not walked; a link to a folder that holds it is a loop; a link out of the PATHs
// is followed only when asked. Devices, FIFOs and sockets are left aside. Folders that cannot be
// read are collected: their files must not be taken for deleted.
#ifndef LUUTRU_INDEXER_FOLDER_WALK_H_
#define LUUTRU_INDEXER_FOLDER_WALK_H_

#include <sys/stat.h>
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "indexer/run/messages.h"

namespace luutru::indexer {

// A PDF found under a PATH.
struct Candidate {
  std::filesystem::path path;  // absolute
  std::string file;            // relative to root, '/'-separated
  std::string root;            // absolute PATH (a folder)
  std::string root_name;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

// An entry the walk leaves aside, with why.
struct SkippedEntry {
  std::filesystem::path path;
  SkipKind kind;
  std::string detail;
};

// True when `path` lies below the folder `dir` (not `dir` itself).
bool Under(const std::string& path, const std::filesystem::path& dir);

class Walker {
 public:
  // `roots`: the folder PATHs of the run, absolute and canonical.
  Walker(std::vector<std::filesystem::path> roots, bool follow_links)
      : roots_(std::move(roots)), follow_links_(follow_links) {}

  // Every root first, then FollowLinks: a folder is taken under its own path where it has one.
  void WalkRoot(const std::filesystem::path& root, const std::string& root_name);
  void FollowLinks();

  std::vector<Candidate> candidates;
  std::vector<std::filesystem::path> unreadable;
  std::vector<SkippedEntry> skipped;

 private:
  struct Link {
    std::filesystem::path path, root;
    std::string root_name;
  };
  bool InsideRoots(const std::filesystem::path& target) const;
  void AddFile(const std::filesystem::path& path, const std::filesystem::path& root, const std::string& root_name,
               const struct stat& st);
  void WalkFolder(const std::filesystem::path& dir, const std::filesystem::path& root, const std::string& root_name);
  void FollowLink(const Link& link);

  std::vector<std::filesystem::path> roots_;
  bool follow_links_;
  std::set<std::pair<dev_t, ino_t>> folders_, files_;
  std::vector<Link> links_;
};

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_FOLDER_WALK_H_
