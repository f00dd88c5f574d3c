// The catalog CSV (catalog/catalog_csv.h): any file loads or throws CatalogError naming the line.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "catalog/catalog_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // One scratch file, removed when the program ends.
  static const struct Scratch {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("luutru-fuzz-catalog-" + std::to_string(getpid()) + ".csv");
    ~Scratch() {
      std::error_code ec;
      std::filesystem::remove(path, ec);
    }
  } scratch;
  const std::filesystem::path& path = scratch.path;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
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
