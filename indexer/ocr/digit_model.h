// A small model of handwritten digits, one mark at a time: the third reader of a header's
// handwritten digits (header_digits.h), whose errors differ from Tesseract's.
//
// A mark is pictured as the model's samples are (OpenCV's digits.png: 20x20, ink white on
// black): scaled so that its height is two thirds of the side, its centre of mass in the middle,
// set upright by its second moments. The model (an SVM over histograms of oriented gradients) is
// trained when the project is built (train_digits.cc) and read from a file at run time: nothing
// is downloaded, and without the file the reader is simply absent. Part of luutru_ocr.
#ifndef LUUTRU_INDEXER_DIGIT_MODEL_H_
#define LUUTRU_INDEXER_DIGIT_MODEL_H_

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <opencv2/core.hpp>

namespace luutru::indexer {

// The side of a digit picture, in pixels.
inline constexpr int kDigitSide = 20;

// The picture of one mark as the model sees it. `ink` is 8-bit, ink > 0, cropped to the mark
// (any size); the result is kDigitSide x kDigitSide, 8-bit, ink bright.
cv::Mat DigitPicture(const cv::Mat& ink);

// The features the model reads from a picture: set upright by its moments, then a histogram of
// gradient directions per quarter (1 x 64, 32-bit float).
cv::Mat DigitFeatures(const cv::Mat& picture);

// What the model says of one mark: the digit that won the SVM's one-against-one vote, and by how
// much: the decision value of the closest of its nine contests, from the side it won on (0 or
// less: a close call; of the samples held out of the training, those read below 0.2 are wrong
// two times in five, those above it about one time in fifty).
struct DigitGuess {
  int digit = -1;
  double margin = 0;
};

// The smallest margin of a clear reading: of the samples held out of the training, the 5 % read
// below it hold half of the model's errors.
inline constexpr double kClearMargin = 0.2;

class DigitModel {
 public:
  // The model saved at `path` by train_digits; nullptr when the file is missing or not a model.
  static std::unique_ptr<DigitModel> Load(const std::filesystem::path& path);

  // The digit `ink` (as DigitPicture takes it) most likely shows.
  DigitGuess Read(const cv::Mat& ink) const;
  // The same for a picture already made.
  DigitGuess ReadPicture(const cv::Mat& picture) const;

  struct Impl;
  explicit DigitModel(std::unique_ptr<Impl> impl);
  ~DigitModel();

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_DIGIT_MODEL_H_
