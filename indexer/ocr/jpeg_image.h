// A baseline or progressive JPEG stream decoded to grey with libjpeg, for OCR.
//
// DecodeJpegGray gives the luminance (Y) of a grey or colour JPEG: libjpeg's grey output, whose
// weights (0.299, 0.587, 0.114) are within rounding of Poppler's grey. It gives nothing, never
// exiting or throwing from inside libjpeg, for a stream libjpeg cannot read or warns about
// (truncated, corrupt), for a CMYK or YCCK (Adobe) JPEG, and for one whose size or number of
// components is not the one expected: the caller then has the PDF drawn another way.
#ifndef LUUTRU_INDEXER_JPEG_IMAGE_H_
#define LUUTRU_INDEXER_JPEG_IMAGE_H_

#include <cstddef>
#include <optional>

#include "indexer/ocr/gray_image.h"

namespace luutru::indexer {

struct JpegExpectation {
  int width = 0, height = 0;
  int components = 0;  // 1 (grey) or 3 (colour)
};

std::optional<GrayImage> DecodeJpegGray(const unsigned char* data, std::size_t size, const JpegExpectation& expected);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_JPEG_IMAGE_H_
