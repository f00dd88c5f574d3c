// Test helper: pixels encoded as a JPEG with libjpeg, to build PDFs with /DCTDecode images.
// `components` is 1 (grey), 3 (RGB, stored as YCbCr) or 4 (CMYK, stored as an Adobe JPEG).
#ifndef LUUTRU_TESTS_OCR_JPEG_WRITE_H_
#define LUUTRU_TESTS_OCR_JPEG_WRITE_H_

#include <cstdio>
#include <jpeglib.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace luutru::indexer {

// `pixels` holds width * height * components bytes, row after row.
inline std::string EncodeJpeg(int width, int height, int components,
                              const std::vector<std::uint8_t>& pixels, int quality = 90) {
  jpeg_compress_struct cinfo;
  jpeg_error_mgr errors;
  cinfo.err = jpeg_std_error(&errors);  // exits on error: only ever given valid input here
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = static_cast<JDIMENSION>(width);
  cinfo.image_height = static_cast<JDIMENSION>(height);
  cinfo.input_components = components;
  cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : components == 3 ? JCS_RGB : JCS_CMYK;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    auto* row = const_cast<JSAMPROW>(pixels.data() +
                                     static_cast<size_t>(cinfo.next_scanline) * width * components);
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string out(reinterpret_cast<const char*>(buffer), size);
  std::free(buffer);
  return out;
}

}  // namespace luutru::indexer

#endif  // LUUTRU_TESTS_OCR_JPEG_WRITE_H_
