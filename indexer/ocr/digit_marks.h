// The handwritten marks in the crop of a header's room for digits (header_digits.h), left to
// right, each the ink of what is written as one digit.
//
// The crop is binarized by Otsu's threshold; ink cut by the crop's left or right edge is the
// printed neighbours' ("Số:", "/BC-UBND") and is dropped, as are specks (dots of the printed
// leader, dust) and rules (the line under the issuer's name). Pieces that stand over one another
// are one digit (the bar of a 5, the cross of a 7). Part of luutru_ocr.
#ifndef LUUTRU_INDEXER_DIGIT_MARKS_H_
#define LUUTRU_INDEXER_DIGIT_MARKS_H_

#include <vector>

#include <opencv2/core.hpp>

namespace luutru::indexer {

struct DigitMark {
  cv::Rect box;  // in the crop
  cv::Mat ink;   // 8-bit, 255 where the mark's ink is, the size of `box`
};

// The marks of `grey` (8-bit, dark ink on light paper), in which the printed line is
// `line_height` pixels high. Empty when the crop holds no ink that could be a digit.
std::vector<DigitMark> HandwrittenMarks(const cv::Mat& grey, int line_height);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_DIGIT_MARKS_H_
