// Walker.
#include "indexer/run/folder_walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>

namespace luutru::indexer {
namespace {

namespace fs = std::filesystem;

bool IsPdf(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf";
}

const char* SpecialKind(mode_t mode) {
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  if (S_ISFIFO(mode)) return "FIFO";
  if (S_ISSOCK(mode)) return "socket";
  return nullptr;
}

}  // namespace

bool Under(const std::string& path, const fs::path& dir) {
  const std::string d = dir.string();
  return path.size() > d.size() && path.compare(0, d.size(), d) == 0 && path[d.size()] == '/';
}

void Walker::WalkRoot(const fs::path& root, const std::string& root_name) {
  struct stat st;
  if (stat(root.c_str(), &st) == 0 && !folders_.insert({st.st_dev, st.st_ino}).second) return;
  WalkFolder(root, root, root_name);
}

void Walker::FollowLinks() {
  // In the order found; following one may find more.
  for (size_t i = 0; i < links_.size(); ++i) {
    const Link link = links_[i];
    FollowLink(link);
  }
  links_.clear();
}

bool Walker::InsideRoots(const fs::path& target) const {
  const std::string t = target.string();
  for (const fs::path& r : roots_) {
    if (t == r.string() || Under(t, r)) return true;
  }
  return false;
}

void Walker::AddFile(const fs::path& path, const fs::path& root, const std::string& root_name, const struct stat& st) {
  files_.insert({st.st_dev, st.st_ino});
  Candidate c;
  c.path = path;
  c.file = path.lexically_relative(root).generic_string();
  c.root = root.string();
  c.root_name = root_name;
  c.size = static_cast<uint64_t>(st.st_size);
  c.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  candidates.push_back(std::move(c));
}

void Walker::WalkFolder(const fs::path& dir, const fs::path& root, const std::string& root_name) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    unreadable.push_back(dir);
    return;
  }
  std::vector<fs::path> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      unreadable.push_back(dir);
      return;
    }
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  for (const fs::path& e : entries) {
    struct stat st;
    if (lstat(e.c_str(), &st) != 0) continue;  // gone since it was listed
    if (S_ISLNK(st.st_mode)) {
      links_.push_back(Link{e, root, root_name});
    } else if (S_ISDIR(st.st_mode)) {
      if (folders_.insert({st.st_dev, st.st_ino}).second) WalkFolder(e, root, root_name);
    } else if (S_ISREG(st.st_mode)) {
      if (IsPdf(e)) AddFile(e, root, root_name, st);
    } else if (const char* kind = SpecialKind(st.st_mode)) {
      skipped.push_back(SkippedEntry{e, SkipKind::kSpecial, kind});
    }
  }
}

void Walker::FollowLink(const Link& link) {
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(link.path, ec);
  struct stat st;
  if (ec || stat(link.path.c_str(), &st) != 0) {
    // A dangling link matters only where a PDF was meant.
    if (IsPdf(link.path)) {
      std::error_code ec2;
      skipped.push_back(SkippedEntry{link.path, SkipKind::kBrokenLink, fs::read_symlink(link.path, ec2).string()});
    }
    return;
  }
  if (const char* kind = SpecialKind(st.st_mode)) {
    skipped.push_back(SkippedEntry{link.path, SkipKind::kSpecial, kind});
    return;
  }
  const bool folder = S_ISDIR(st.st_mode);
  if (!folder && !(S_ISREG(st.st_mode) && IsPdf(link.path))) return;
  if (!InsideRoots(target) && !follow_links_) {
    skipped.push_back(SkippedEntry{link.path, SkipKind::kOutside, target.string()});
    return;
  }
  if (!folder) {
    if (files_.count({st.st_dev, st.st_ino})) {
      skipped.push_back(SkippedEntry{link.path, SkipKind::kSeen, target.string()});
    } else {
      AddFile(link.path, link.root, link.root_name, st);
    }
    return;
  }
  const fs::path from = fs::weakly_canonical(link.path.parent_path(), ec);
  if (!ec && (from == target || Under(from.string(), target))) {
    skipped.push_back(SkippedEntry{link.path, SkipKind::kLoop, target.string()});
    return;
  }
  if (!folders_.insert({st.st_dev, st.st_ino}).second) {
    skipped.push_back(SkippedEntry{link.path, SkipKind::kSeen, target.string()});
    return;
  }
  WalkFolder(link.path, link.root, link.root_name);
}

}  // namespace luutru::indexer
