// A scanned page's own image, at the scan's resolution, for OCR without resampling.
//
// When a page is one image (a scan) that covers it, perhaps under a few small images such as an
// e-signature seal, FullPageImage gives that image in grey, turned the way the page is displayed
// (its /Rotate and the image's own placement applied, mirrored or quarter-turned images
// included), and where it lies on the page in PDF points, origin top left. Any other page gives
// nothing, and the caller renders it. poppler-cpp cannot list a page's images, so this reads the
// PDF through poppler-glib. When that image is a plain JPEG (found with qpdf: the page's largest
// image, /DCTDecode alone, 8-bit grey or RGB, no mask or /Decode), its stream is decoded straight
// to grey with libjpeg, which costs far less than poppler-glib drawing it in colour; any doubt
// about it, or a stream libjpeg cannot read, and poppler-glib draws it as before.
#ifndef LUUTRU_INDEXER_EMBEDDED_IMAGE_H_
#define LUUTRU_INDEXER_EMBEDDED_IMAGE_H_

#include <filesystem>
#include <optional>

#include "indexer/ocr/gray_image.h"

typedef struct _PopplerDocument PopplerDocument;
namespace poppler {
class page;
}  // namespace poppler

namespace luutru::indexer {

struct EmbeddedPageImage {
  GrayImage image;           // upright; image.dpi is its resolution on the page (mean of x, y)
  double left = 0, top = 0;  // the page point under the image's top left corner
  double points_per_pixel_x = 0, points_per_pixel_y = 0;
  bool decoded_jpeg = false;  // decoded from the JPEG stream, not drawn by poppler-glib
};

struct EmbeddedImageOptions {
  // Decode a plain JPEG scan directly; false always has poppler-glib draw the image (the
  // reference the direct decoding is compared with).
  bool decode_jpeg = true;
};

class EmbeddedImages {
 public:
  // Throws std::runtime_error naming the file when poppler-glib cannot open it.
  explicit EmbeddedImages(const std::filesystem::path& pdf);
  ~EmbeddedImages();
  EmbeddedImages(const EmbeddedImages&) = delete;
  EmbeddedImages& operator=(const EmbeddedImages&) = delete;

  // The full-page image of page `index` (0-based), or nothing when the page is not one image,
  // when the image does not look like the page as drawn (something large is painted over it),
  // or when the page does not exist. `page_view` is the same page opened with poppler-cpp: a
  // coarse rendering of it tells how the image is displayed.
  std::optional<EmbeddedPageImage> FullPageImage(int index, const poppler::page& page_view,
                                                 EmbeddedImageOptions options = {}) const;

 private:
  std::filesystem::path path_;  // read again with qpdf for a JPEG stream
  PopplerDocument* doc_ = nullptr;
};

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_EMBEDDED_IMAGE_H_
