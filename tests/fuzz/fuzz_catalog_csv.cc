// The catalog CSV (catalog/catalog_csv.h): any file loads or throws CatalogError naming the line.
// The file is a memfd, rewritten in place for each input: no file system work between runs.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "catalog/catalog_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const int fd = memfd_create("luutru-fuzz-catalog.csv", 0);
  static const std::string path = "/proc/self/fd/" + std::to_string(fd);
  if (fd < 0 || ftruncate(fd, 0) != 0) return 0;
  for (size_t written = 0; written < size;) {
    const ssize_t n = pwrite(fd, data + written, size - written, static_cast<off_t>(written));
    if (n <= 0) return 0;
    written += static_cast<size_t>(n);
  }
  try {
    const auto catalog = luutru::catalog::Catalog::Load(path);
    for (const std::string file : {"a.pdf", "x/y.pdf"}) {
      for (const auto& entry : catalog.EntriesFor(file)) {
        luutru::catalog::ArchiveDocument doc;
        luutru::catalog::ApplyCatalogEntry(entry, doc);
      }
    }
  } catch (const luutru::catalog::CatalogError&) {
  }
  return 0;
}
