// Comparison of two OCR readings of one page, for the tests: how many words of `a` the reading
// `b` also has, with the same text and a box within `tolerance` points on every side.
#ifndef LUUTRU_TESTS_OCR_OCR_WORD_MATCH_H_
#define LUUTRU_TESTS_OCR_OCR_WORD_MATCH_H_

#include <cmath>
#include <cstddef>

#include "indexer/ocr/ocr.h"

namespace luutru::indexer {

inline size_t WordsAtTheSamePlace(const OcrPage& a, const OcrPage& b, double tolerance) {
  size_t matched = 0;
  for (const OcrWord& w : a.words) {
    for (const OcrWord& r : b.words) {
      if (w.text == r.text && std::abs(w.x0 - r.x0) < tolerance && std::abs(w.y0 - r.y0) < tolerance &&
          std::abs(w.x1 - r.x1) < tolerance && std::abs(w.y1 - r.y1) < tolerance) {
        ++matched;
        break;
      }
    }
  }
  return matched;
}

}  // namespace luutru::indexer

#endif  // LUUTRU_TESTS_OCR_OCR_WORD_MATCH_H_
