// The raster images each page of a PDF draws, counted from the file's structure with qpdf.
//
// Nothing is drawn or decoded: the image XObjects of a page's resources (and of the form
// XObjects it uses) are read for their width and height. A page whose images add up to fewer
// pixels than a coarse page scan cannot be a scan, which settles whether a short text layer is
// the whole page without rendering it. poppler-cpp has no call that lists a page's images.
#ifndef LUUTRU_INDEXER_PDF_IMAGES_H_
#define LUUTRU_INDEXER_PDF_IMAGES_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

namespace luutru::indexer {

class PdfImageCensus {
 public:
  // Reads the page tree of `path`, quietly (qpdf's warnings about repaired files are not shown).
  // Throws std::runtime_error with qpdf's reason when the file cannot be read.
  explicit PdfImageCensus(const std::filesystem::path& path);

  int pages() const { return static_cast<int>(pixels_.size()); }
  // Width x height summed over the images page `index` (0-based) draws; 0 outside the document.
  std::uint64_t ImagePixels(int index) const;
  // True when page `index` paints nothing: no path is stroked or filled, no text shown, no image,
  // form or shading drawn, and it has no annotations. Such a page is blank without rendering it.
  // False when its content cannot be read (it is then rendered and judged as any page).
  bool DrawsNothing(int index) const;

 private:
  struct Document;
  std::shared_ptr<Document> pdf_;      // kept open for DrawsNothing
  std::vector<std::uint64_t> pixels_;  // per page
};

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_PDF_IMAGES_H_
