// train_digits: trains the handwritten digit model (digit_model.h) when the project is built.
//
//   train_digits DIGITS_PNG MODEL_OUT HELD_OUT_OUT
//
// DIGITS_PNG is OpenCV's sample of 5,000 handwritten digits (opencv-doc: 20x20 each, 500 of each
// digit in turn, 100 to a row). Every tenth sample of each digit is held out of the training and
// written to HELD_OUT_OUT (pictures and labels, OpenCV's FileStorage), so a test can read digits
// the model never saw. The others are trained on, each also in forms the sample lacks but
// European handwriting shows (the 1 with its lead-in stroke, the crossed 7) and slanted, thinner
// and thicker: every form is made from the package's own samples.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/ml.hpp>

#include "indexer/ocr/digit_model.h"

namespace {

using luutru::indexer::DigitFeatures;
using luutru::indexer::DigitPicture;
using luutru::indexer::kDigitSide;

// A sample pictured as a mark read from a page is: cut to its ink, then DigitPicture.
cv::Mat AsMark(const cv::Mat& sample) {
  cv::Mat mask;
  cv::threshold(sample, mask, 64, 255, cv::THRESH_BINARY);
  const cv::Rect box = cv::boundingRect(mask);
  if (box.area() == 0) return cv::Mat();
  return DigitPicture(sample(box));
}

// The sample on a canvas twice its size, so that strokes added to it are not cut.
cv::Mat Padded(const cv::Mat& sample) {
  cv::Mat out;
  cv::copyMakeBorder(sample, out, kDigitSide / 2, kDigitSide / 2, kDigitSide / 2, kDigitSide / 2, cv::BORDER_CONSTANT,
                     0);
  return out;
}

// The ink's box and its stroke width (ink over height for a stroke, at least 1).
struct Ink {
  cv::Rect box;
  int stroke = 1;
};
Ink InkOf(const cv::Mat& padded) {
  cv::Mat mask;
  cv::threshold(padded, mask, 64, 255, cv::THRESH_BINARY);
  Ink ink;
  ink.box = cv::boundingRect(mask);
  if (ink.box.height > 0) ink.stroke = std::max(1, cv::countNonZero(mask) / ink.box.height);
  return ink;
}

// The middle of the ink on row `y`.
int InkMiddle(const cv::Mat& padded, int y) {
  int sum = 0, n = 0;
  for (int x = 0; x < padded.cols; ++x) {
    if (padded.at<uchar>(y, x) > 64) sum += x, ++n;
  }
  return n ? sum / n : padded.cols / 2;
}

// A 1 as European hands write it: a lead-in stroke from its top down to the left, `length` of
// its height long.
cv::Mat WithLeadIn(const cv::Mat& sample, double length) {
  cv::Mat out = Padded(sample);
  const Ink ink = InkOf(out);
  if (ink.box.height < 4) return cv::Mat();
  const cv::Point top(InkMiddle(out, ink.box.y), ink.box.y);
  const double l = length * ink.box.height;
  cv::line(out, top, top + cv::Point(static_cast<int>(-0.75 * l), static_cast<int>(0.65 * l)), 255, ink.stroke,
           cv::LINE_AA);
  return out;
}

// A 7 as European hands write it: crossed at the middle of its stem.
cv::Mat Crossed(const cv::Mat& sample) {
  cv::Mat out = Padded(sample);
  const Ink ink = InkOf(out);
  if (ink.box.height < 4) return cv::Mat();
  const int y = ink.box.y + ink.box.height * 11 / 20;
  const int x = InkMiddle(out, y);
  const int half = ink.box.height / 4;
  cv::line(out, cv::Point(x - half, y), cv::Point(x + half, y), 255, ink.stroke, cv::LINE_AA);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: train_digits DIGITS_PNG MODEL_OUT HELD_OUT_OUT\n");
    return 2;
  }
  try {
    const cv::Mat sheet = cv::imread(argv[1], cv::IMREAD_GRAYSCALE);
    if (sheet.empty() || sheet.cols % kDigitSide != 0 || sheet.rows % (10 * kDigitSide) != 0) {
      std::fprintf(stderr, "train_digits: %s: not a sheet of 20x20 digits\n", argv[1]);
      return 1;
    }
    const int per_row = sheet.cols / kDigitSide;
    const int per_digit = sheet.rows / kDigitSide / 10 * per_row;
    cv::Mat features, labels, held_pictures, held_labels;
    for (int i = 0; i < 10 * per_digit; ++i) {
      const int digit = i / per_digit;
      const cv::Mat sample =
          sheet(cv::Rect(i % per_row * kDigitSide, i / per_row * kDigitSide, kDigitSide, kDigitSide));
      const cv::Mat picture = AsMark(sample);
      if (picture.empty()) continue;
      if (i % per_digit % 10 == 9) {
        held_pictures.push_back(picture.reshape(1, 1));
        held_labels.push_back(digit);
        continue;
      }
      features.push_back(DigitFeatures(picture));
      labels.push_back(digit);
      std::vector<cv::Mat> forms;
      if (digit == 1) forms = {WithLeadIn(sample, 0.35 + 0.05 * (i % 5)), WithLeadIn(sample, 0.6)};
      if (digit == 7) forms = {Crossed(sample)};
      for (const cv::Mat& form : forms) {
        const cv::Mat p = form.empty() ? cv::Mat() : AsMark(form);
        if (p.empty()) continue;
        features.push_back(DigitFeatures(p));
        labels.push_back(digit);
      }
    }
    cv::Ptr<cv::ml::SVM> svm = cv::ml::SVM::create();
    svm->setType(cv::ml::SVM::C_SVC);
    svm->setKernel(cv::ml::SVM::RBF);
    svm->setGamma(5.383);
    svm->setC(2.67);
    svm->train(features, cv::ml::ROW_SAMPLE, labels);
    svm->save(argv[2]);
    cv::FileStorage held(argv[3], cv::FileStorage::WRITE);
    held << "pictures" << held_pictures << "labels" << held_labels;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "train_digits: %s\n", e.what());
    return 1;
  }
  return 0;
}
