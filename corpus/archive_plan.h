// Plans a generated archive: fonds, inventories, boxes and storage units; which document gets
// which variant; each document's metadata, printed blocks and unique facts. Deterministic for a
// seed. Pages are not laid out here (see page_layout.h).
#ifndef LUUTRU_CORPUS_ARCHIVE_PLAN_H_
#define LUUTRU_CORPUS_ARCHIVE_PLAN_H_

#include <cstdint>
#include <vector>

#include "corpus/document.h"

namespace luutru::corpus {

struct PlanOptions {
  int docs = 200;
  uint64_t seed = 1;
  double scanned_fraction = 0.2;
  bool text_only = false;  // scale mode: every document born-digital, facts not checked unique
};

// Documents in archive order; bundle documents of one storage unit are consecutive and share
// `file`, which is set here for every document (layout fills page numbers).
std::vector<Document> PlanArchive(const PlanOptions& options);

// One document, composed on its own (scale mode calls this per document).
Document ComposeDocument(int index, uint64_t seed);

}  // namespace luutru::corpus

#endif  // LUUTRU_CORPUS_ARCHIVE_PLAN_H_
