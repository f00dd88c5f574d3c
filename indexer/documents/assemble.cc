// AssembleDocuments: page ranges, header metadata, catalog overrides.
#include "indexer/documents/assemble.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "indexer/metadata/header_metadata.h"

namespace luutru::indexer {
namespace {

// Moves pages first..last out of `pages`: every page goes to one document only.
catalog::ArchiveDocument MakeDocument(const FileIdentity& id, std::vector<catalog::Page>& pages, int first, int last) {
  catalog::ArchiveDocument doc;
  doc.file = id.file;
  doc.path = id.path;
  doc.first_page = first;
  doc.last_page = last;
  doc.unit = id.default_unit;
  doc.pages.assign(std::make_move_iterator(pages.begin() + (first - 1)), std::make_move_iterator(pages.begin() + last));
  doc.extracted = ExtractHeaderMetadata(doc.pages.front());
  doc.meta = doc.extracted;
  return doc;
}

void AppendField(std::string& out, const std::string& s) {
  out += s;
  out += '\x1f';
}

}  // namespace

catalog::StorageUnit DefaultUnit(const std::string& relative_file, const std::string& root_name) {
  catalog::StorageUnit unit;
  const std::string folder = std::filesystem::path(relative_file).parent_path().generic_string();
  unit.code = folder.empty() ? root_name : folder;
  return unit;
}

std::vector<catalog::ArchiveDocument> AssembleDocuments(const FileIdentity& id, std::vector<catalog::Page> pages,
                                                        const std::vector<catalog::CatalogEntry>& rows) {
  std::vector<catalog::ArchiveDocument> docs;
  const int n = static_cast<int>(pages.size());
  if (n == 0) return docs;
  std::vector<const catalog::CatalogEntry*> whole, ranged;
  for (const catalog::CatalogEntry& row : rows) (row.pages ? ranged : whole).push_back(&row);

  auto apply_whole = [&](catalog::ArchiveDocument& doc) {
    for (const catalog::CatalogEntry* row : whole) catalog::ApplyCatalogEntry(*row, doc);
  };
  std::vector<bool> covered(n + 1, false);
  for (const catalog::CatalogEntry* row : ranged) {
    const int first = std::max(1, row->pages->first);
    const int last = std::min(n, row->pages->second);
    if (first > last) continue;
    catalog::ArchiveDocument doc = MakeDocument(id, pages, first, last);
    apply_whole(doc);
    catalog::ApplyCatalogEntry(*row, doc);
    for (int p = first; p <= last; ++p) covered[p] = true;
    docs.push_back(std::move(doc));
  }
  for (int p = 1; p <= n;) {
    if (covered[p]) {
      ++p;
      continue;
    }
    int q = p;
    while (q < n && !covered[q + 1]) ++q;
    catalog::ArchiveDocument doc = MakeDocument(id, pages, p, q);
    apply_whole(doc);
    docs.push_back(std::move(doc));
    p = q + 1;
  }
  std::stable_sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) {
    return a.first_page != b.first_page ? a.first_page < b.first_page : a.last_page < b.last_page;
  });
  return docs;
}

std::string RowsDigest(const std::vector<catalog::CatalogEntry>& rows) {
  std::string material;
  for (const catalog::CatalogEntry& r : rows) {
    AppendField(material, r.file);
    AppendField(material, r.pages ? std::to_string(r.pages->first) + "-" + std::to_string(r.pages->second) : "");
    AppendField(material, r.unit.code);
    AppendField(material, r.unit.title);
    AppendField(material, r.unit.fonds);
    AppendField(material, r.unit.inventory);
    AppendField(material, r.unit.box);
    const catalog::DocumentMetadata& m = r.meta;
    AppendField(material, m.number.value_or("\x1e"));
    AppendField(material, m.date ? m.date->ToString() : "\x1e");
    AppendField(material, m.type.value_or("\x1e"));
    AppendField(material, m.issuer.value_or("\x1e"));
    AppendField(material, m.title.value_or("\x1e"));
    AppendField(material, m.secrecy ? std::to_string(static_cast<int>(*m.secrecy)) : "\x1e");
    AppendField(material, m.urgency ? std::to_string(static_cast<int>(*m.urgency)) : "\x1e");
    AppendField(material, std::to_string(r.order));
    material += '\x1d';
  }
  if (material.empty()) return "";
  const XXH128_hash_t h = XXH3_128bits(material.data(), material.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

}  // namespace luutru::indexer
