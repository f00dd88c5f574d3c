// Lays out generated documents on A4 pages with Pango (Liberation Serif, 11–14 pt, the two
// header blocks side by side) and writes them as one PDF: a born-digital text layer, or a scan
// (one image per page at 200–300 dpi, skewed, noisy, on grey or yellowed paper, a red seal over
// the signature, no text layer, or only a digital-signature stamp). Fills each document's page
// range, page texts and text-layer texts.
#ifndef LUUTRU_CORPUS_PDF_RENDER_H_
#define LUUTRU_CORPUS_PDF_RENDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/document.h"

namespace luutru::corpus {

// Renders `docs` (one document, or a storage unit's documents in order) into the PDF at `path`.
// Scanning follows the first document's variant. Returns false and sets `error` on failure.
bool RenderPdf(const std::vector<Document*>& docs, const std::string& path, uint64_t seed, std::string* error);

}  // namespace luutru::corpus

#endif  // LUUTRU_CORPUS_PDF_RENDER_H_
