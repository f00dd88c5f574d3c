// DigitModel: the picture, the features and the model of one handwritten digit.
#include "indexer/ocr/digit_model.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include <opencv2/imgproc.hpp>
#include <opencv2/ml.hpp>

namespace luutru::indexer {

cv::Mat DigitPicture(const cv::Mat& ink) {
  cv::Mat out = cv::Mat::zeros(kDigitSide, kDigitSide, CV_8U);
  if (ink.empty()) return out;
  cv::Mat mask;
  cv::threshold(ink, mask, 0, 255, cv::THRESH_BINARY);
  // The height to two thirds of the side; a mark wider than it is high (a dash, a "7" bar) no
  // wider than the side.
  const double scale = std::min((2.0 * kDigitSide / 3) / mask.rows, (kDigitSide - 2.0) / mask.cols);
  const int w = std::max(1, static_cast<int>(std::lround(mask.cols * scale)));
  const int h = std::max(1, static_cast<int>(std::lround(mask.rows * scale)));
  cv::Mat small;
  cv::resize(mask, small, cv::Size(w, h), 0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  const cv::Moments m = cv::moments(small);
  if (m.m00 <= 0) return out;
  // The centre of mass in the middle of the picture.
  const cv::Matx23d to_middle(1, 0, kDigitSide / 2.0 - m.m10 / m.m00, 0, 1, kDigitSide / 2.0 - m.m01 / m.m00);
  cv::warpAffine(small, out, cv::Mat(to_middle), out.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, 0);
  return out;
}

namespace {

// The picture set upright: the slant its second moments show is sheared away.
cv::Mat Deskewed(const cv::Mat& picture) {
  const cv::Moments m = cv::moments(picture);
  if (std::abs(m.mu02) < 1e-2) return picture.clone();
  const double skew = m.mu11 / m.mu02;
  const cv::Matx23d shear(1, skew, -0.5 * kDigitSide * skew, 0, 1, 0);
  cv::Mat out;
  cv::warpAffine(picture, out, cv::Mat(shear), picture.size(), cv::WARP_INVERSE_MAP | cv::INTER_LINEAR);
  return out;
}

constexpr int kDirections = 16;

}  // namespace

cv::Mat DigitFeatures(const cv::Mat& picture) {
  const cv::Mat upright = Deskewed(picture);
  cv::Mat gx, gy, magnitude, angle;
  cv::Sobel(upright, gx, CV_32F, 1, 0);
  cv::Sobel(upright, gy, CV_32F, 0, 1);
  cv::cartToPolar(gx, gy, magnitude, angle);
  std::vector<double> histogram(4 * kDirections, 0.0);
  const int half = kDigitSide / 2;
  for (int y = 0; y < kDigitSide; ++y) {
    for (int x = 0; x < kDigitSide; ++x) {
      const int quarter = (y >= half) * 2 + (x >= half);
      const int bin = std::min(kDirections - 1, static_cast<int>(kDirections * angle.at<float>(y, x) / (2 * CV_PI)));
      histogram[quarter * kDirections + bin] += magnitude.at<float>(y, x);
    }
  }
  // Hellinger's kernel: square roots of the normalized histogram, then unit length.
  double sum = 0;
  for (const double v : histogram) sum += v;
  double norm = 0;
  for (double& v : histogram) {
    v = std::sqrt(v / (sum + 1e-7));
    norm += v * v;
  }
  norm = std::sqrt(norm);
  cv::Mat out(1, 4 * kDirections, CV_32F);
  for (int i = 0; i < 4 * kDirections; ++i) out.at<float>(0, i) = static_cast<float>(histogram[i] / (norm + 1e-7));
  return out;
}

struct DigitModel::Impl {
  cv::Ptr<cv::ml::SVM> svm;
  cv::Mat support;  // the support vectors, one a row
  double gamma = 0;
  // One decision function for each pair of digits i < j, in OpenCV's order.
  struct Pair {
    int first = 0, second = 0;
    double rho = 0;
    cv::Mat alpha, index;
  };
  std::vector<Pair> pairs;
};

DigitModel::DigitModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DigitModel::~DigitModel() = default;

std::unique_ptr<DigitModel> DigitModel::Load(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return nullptr;
  auto impl = std::make_unique<Impl>();
  try {
    impl->svm = cv::ml::SVM::load(path.string());
    // Only a model of this file's making: ten digits, an RBF kernel over these features.
    if (!impl->svm || !impl->svm->isTrained() || impl->svm->getKernelType() != cv::ml::SVM::RBF) return nullptr;
    impl->support = impl->svm->getSupportVectors();
    if (impl->support.cols != 4 * kDirections || impl->support.type() != CV_32F) return nullptr;
    impl->gamma = impl->svm->getGamma();
    int f = 0;
    for (int i = 0; i < 10; ++i) {
      for (int j = i + 1; j < 10; ++j, ++f) {
        Impl::Pair pair{i, j, 0, {}, {}};
        pair.rho = impl->svm->getDecisionFunction(f, pair.alpha, pair.index);
        if (pair.alpha.type() != CV_64F || pair.index.type() != CV_32S || pair.alpha.total() != pair.index.total())
          return nullptr;
        pair.alpha = pair.alpha.reshape(1, 1);
        pair.index = pair.index.reshape(1, 1);
        for (int k = 0; k < pair.index.cols; ++k) {
          const int sv = pair.index.at<int>(0, k);
          if (sv < 0 || sv >= impl->support.rows) return nullptr;
        }
        impl->pairs.push_back(std::move(pair));
      }
    }
  } catch (const cv::Exception&) {
    return nullptr;  // not a model, or one of fewer digits
  }
  return std::make_unique<DigitModel>(std::move(impl));
}

DigitGuess DigitModel::Read(const cv::Mat& ink) const { return ReadPicture(DigitPicture(ink)); }

DigitGuess DigitModel::ReadPicture(const cv::Mat& picture) const {
  // The one-against-one vote of the SVM (as its predict() casts it), counted here to know by
  // how much the digit won.
  const cv::Mat features = DigitFeatures(picture);
  std::vector<double> kernel(impl_->support.rows);
  for (int k = 0; k < impl_->support.rows; ++k) {
    kernel[k] = std::exp(-impl_->gamma * cv::norm(features, impl_->support.row(k), cv::NORM_L2SQR));
  }
  int votes[10] = {};
  std::vector<double> sums;
  for (const Impl::Pair& p : impl_->pairs) {
    double sum = -p.rho;
    for (int k = 0; k < p.alpha.cols; ++k) sum += p.alpha.at<double>(0, k) * kernel[p.index.at<int>(0, k)];
    ++votes[sum > 0 ? p.first : p.second];
    sums.push_back(sum);
  }
  DigitGuess guess;
  guess.digit = static_cast<int>(std::max_element(votes, votes + 10) - votes);
  // The margin: the closest of the winner's nine contests, from the side it won on.
  guess.margin = 1e9;
  for (size_t f = 0; f < impl_->pairs.size(); ++f) {
    const Impl::Pair& p = impl_->pairs[f];
    if (p.first == guess.digit) guess.margin = std::min(guess.margin, sums[f]);
    if (p.second == guess.digit) guess.margin = std::min(guess.margin, -sums[f]);
  }
  return guess;
}

}  // namespace luutru::indexer
