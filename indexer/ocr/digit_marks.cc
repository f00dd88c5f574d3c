// HandwrittenMarks: the crop of a room for digits cut into the marks written there.
#include "indexer/ocr/digit_marks.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace luutru::indexer {
namespace {

struct Piece {
  cv::Rect box;
  std::vector<int> labels;  // connected components that make it
};

int Overlap(int a0, int a1, int b0, int b1) { return std::max(0, std::min(a1, b1) - std::max(a0, b0)); }

// `mark` cut to its ink; an empty mark when it holds none.
DigitMark CutToInk(const cv::Mat& ink, cv::Rect box) {
  const cv::Rect own = cv::boundingRect(ink(box));
  if (own.area() == 0) return {};
  const cv::Rect tight(box.x + own.x, box.y + own.y, own.width, own.height);
  return DigitMark{tight, ink(tight).clone()};
}

// `mark` cut into `parts` where the fewest ink pixels stand in a column, near where equal widths
// put each cut; empty when a part does not stand about as high as the mark, as touching digits
// do (a wide digit, a 5 with a long bar, is not a digit and a stroke).
std::vector<DigitMark> CutInto(const DigitMark& mark, const cv::Mat& columns, int parts) {
  std::vector<DigitMark> out;
  int from = 0;
  for (int k = 1; k <= parts; ++k) {
    int cut = mark.box.width;
    if (k < parts) {
      const int expected = mark.box.width * k / parts;
      const int reach = mark.box.width / (2 * parts);
      cut = expected;
      for (int x = std::max(from + 1, expected - reach); x <= std::min(mark.box.width - 2, expected + reach); ++x) {
        if (columns.at<int>(0, x) < columns.at<int>(0, cut)) cut = x;
      }
    }
    const DigitMark part = CutToInk(mark.ink, cv::Rect(from, 0, cut - from, mark.box.height));
    if (part.ink.empty() || part.box.height * 5 < mark.box.height * 3) return {};
    out.push_back(DigitMark{part.box + mark.box.tl(), part.ink});
    from = cut;
  }
  return out;
}

// Digits written so close that their ink touches make one mark wider than a digit: it is cut
// into as many digits as its width holds, or fewer when the pen ran on between them.
void SplitTouching(const DigitMark& mark, std::vector<DigitMark>& out) {
  if (mark.box.width > mark.box.height * 11 / 10) {
    cv::Mat columns;
    cv::reduce(mark.ink, columns, 0, cv::REDUCE_SUM, CV_32S);
    for (int parts = static_cast<int>(std::lround(mark.box.width / (0.65 * mark.box.height))); parts >= 2; --parts) {
      const std::vector<DigitMark> cut = CutInto(mark, columns, parts);
      if (cut.empty()) continue;
      out.insert(out.end(), cut.begin(), cut.end());
      return;
    }
  }
  out.push_back(mark);
}

}  // namespace

std::vector<DigitMark> HandwrittenMarks(const cv::Mat& grey, int line_height) {
  std::vector<DigitMark> marks;
  if (grey.empty() || grey.type() != CV_8U || line_height < 4) return marks;
  cv::Mat ink, labels, stats, centroids;
  cv::threshold(grey, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  const int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  std::vector<Piece> digits, small;
  for (int i = 1; i < count; ++i) {
    const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    // The printed neighbours run out of the crop's sides; a rule or a line of print above or
    // below runs out of its top or bottom and stays out of its middle.
    const double middle = centroids.at<double>(i, 0);
    if ((box.x == 0 && middle < line_height * 0.3) ||
        (box.br().x == grey.cols && middle > grey.cols - line_height * 0.3))
      continue;
    if (box.y == 0 && box.br().y < grey.rows * 2 / 5) continue;
    if (box.br().y == grey.rows && box.y > grey.rows * 3 / 5) continue;
    if (box.height < line_height / 8 + 1 && box.width > line_height) continue;  // a rule
    (box.height >= line_height * 7 / 20 ? digits : small).push_back(Piece{box, {i}});
  }
  // Pieces standing over one another are one digit: the larger ones when they share half the
  // narrower one's width, a small one (the bar of a 5) when it also touches the digit's height.
  std::sort(digits.begin(), digits.end(), [](const Piece& a, const Piece& b) { return a.box.x < b.box.x; });
  std::vector<Piece> merged;
  for (const Piece& p : digits) {
    if (!merged.empty()) {
      Piece& last = merged.back();
      const int shared = Overlap(last.box.x, last.box.br().x, p.box.x, p.box.br().x);
      if (2 * shared >= std::min(last.box.width, p.box.width)) {
        last.box |= p.box;
        last.labels.insert(last.labels.end(), p.labels.begin(), p.labels.end());
        continue;
      }
    }
    merged.push_back(p);
  }
  for (const Piece& s : small) {
    for (Piece& d : merged) {
      const int shared = Overlap(d.box.x, d.box.br().x, s.box.x, s.box.br().x);
      const int gap = std::max(d.box.y - s.box.br().y, s.box.y - d.box.br().y);
      if (2 * shared >= s.box.width && gap < d.box.height / 4) {
        d.box |= s.box;
        d.labels.insert(d.labels.end(), s.labels.begin(), s.labels.end());
        break;
      }
    }
  }
  for (const Piece& p : merged) {
    DigitMark mark;
    mark.box = p.box;
    mark.ink = cv::Mat::zeros(p.box.size(), CV_8U);
    const cv::Mat own = labels(p.box);
    for (const int label : p.labels) mark.ink.setTo(255, own == label);
    SplitTouching(mark, marks);
  }
  return marks;
}

}  // namespace luutru::indexer
