// DecodeJpegGray: libjpeg with an error manager that jumps back instead of calling exit().
#include "indexer/ocr/jpeg_image.h"

#include <csetjmp>
#include <cstdio>  // jpeglib.h needs size_t and FILE declared first

#include <jpeglib.h>

namespace luutru::indexer {
namespace {

struct ErrorManager {
  jpeg_error_mgr pub;  // first: libjpeg sees only this part
  std::jmp_buf jump;
};

// libjpeg cannot go on: back to the setjmp in Decode. Only C frames (libjpeg's) lie between.
[[noreturn]] void OnError(j_common_ptr cinfo) { std::longjmp(reinterpret_cast<ErrorManager*>(cinfo->err)->jump, 1); }

// Quiet; a warning about corrupt data (level -1) is counted, and Decode then gives up.
void OnMessage(j_common_ptr cinfo, int level) {
  if (level < 0) ++cinfo->err->num_warnings;
}

// Everything between setjmp and a longjmp back to it is libjpeg's C code or trivially
// destructible locals, so the jump skips no destructor. `out` lives in the caller.
bool Decode(jpeg_decompress_struct* cinfo, ErrorManager* errors, const unsigned char* data, std::size_t size,
            const JpegExpectation& expected, GrayImage* out) {
  if (setjmp(errors->jump)) return false;
  jpeg_create_decompress(cinfo);
  jpeg_mem_src(cinfo, data, static_cast<unsigned long>(size));
  if (jpeg_read_header(cinfo, TRUE) != JPEG_HEADER_OK) return false;
  const bool grey = cinfo->num_components == 1 && cinfo->jpeg_color_space == JCS_GRAYSCALE;
  const bool colour =
      cinfo->num_components == 3 && (cinfo->jpeg_color_space == JCS_YCbCr || cinfo->jpeg_color_space == JCS_RGB);
  if (!(grey || colour) || cinfo->num_components != expected.components ||
      static_cast<int>(cinfo->image_width) != expected.width ||
      static_cast<int>(cinfo->image_height) != expected.height) {
    return false;
  }
  // From YCbCr, libjpeg keeps Y and skips the colour components' transforms altogether.
  cinfo->out_color_space = JCS_GRAYSCALE;
  jpeg_start_decompress(cinfo);
  if (cinfo->output_components != 1 || static_cast<int>(cinfo->output_width) != expected.width ||
      static_cast<int>(cinfo->output_height) != expected.height) {
    return false;
  }
  out->width = expected.width;
  out->height = expected.height;
  out->pixels.resize(static_cast<std::size_t>(out->width) * out->height);
  while (cinfo->output_scanline < cinfo->output_height) {
    JSAMPROW row = out->pixels.data() + static_cast<std::size_t>(cinfo->output_scanline) * out->width;
    if (jpeg_read_scanlines(cinfo, &row, 1) != 1) return false;  // suspended: data ran out
  }
  jpeg_finish_decompress(cinfo);
  return cinfo->err->num_warnings == 0;
}

}  // namespace

std::optional<GrayImage> DecodeJpegGray(const unsigned char* data, std::size_t size, const JpegExpectation& expected) {
  if (!data || size == 0 || expected.width < 1 || expected.height < 1) return std::nullopt;
  jpeg_decompress_struct cinfo{};  // zeroed: destroying it is safe even if creation failed
  ErrorManager errors{};
  cinfo.err = jpeg_std_error(&errors.pub);
  errors.pub.error_exit = OnError;
  errors.pub.emit_message = OnMessage;
  GrayImage image;
  bool ok = false;
  try {
    ok = Decode(&cinfo, &errors, data, size, expected, &image);
  } catch (...) {  // std::bad_alloc from the pixel buffer
    jpeg_destroy_decompress(&cinfo);
    throw;
  }
  jpeg_destroy_decompress(&cinfo);
  if (!ok) return std::nullopt;
  return image;
}

}  // namespace luutru::indexer
