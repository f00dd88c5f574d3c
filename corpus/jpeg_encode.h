// Pixels encoded as a JPEG with libjpeg: the generated scans embed their page image this way
// (as a real scanner's PDF does, /DCTDecode), and the OCR tests build such PDFs with it.
#ifndef LUUTRU_CORPUS_JPEG_ENCODE_H_
#define LUUTRU_CORPUS_JPEG_ENCODE_H_

#include <cstdint>
#include <string>

namespace luutru::corpus {

// `pixels` holds width * height * components bytes, row after row; `components` is 1 (grey),
// 3 (RGB, stored as YCbCr) or 4 (CMYK, stored as an Adobe JPEG). The input must be valid: libjpeg
// ends the process on an encoding error, which only a wrong size or component count can cause.
std::string EncodeJpeg(int width, int height, int components, const std::uint8_t* pixels, int quality = 90);

}  // namespace luutru::corpus

#endif  // LUUTRU_CORPUS_JPEG_ENCODE_H_
