// The handwritten digit model trained at build time (indexer/ocr/digit_model.h) and the marks of
// a room for digits (digit_marks.h): the model reads samples it was not trained on, and a line
// of handwriting between cut print, specks and a rule is cut into its digits.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/ml.hpp>

#include "indexer/ocr/digit_marks.h"
#include "indexer/ocr/digit_model.h"

namespace luutru::indexer {
namespace {

const std::filesystem::path kModel = std::filesystem::path(LUUTRU_BINARY_DIR) / "indexer" / "handwritten-digits.yml";
const std::filesystem::path kHeldOut =
    std::filesystem::path(LUUTRU_BINARY_DIR) / "indexer" / "handwritten-digits-held-out.yml";

struct HeldOut {
  std::vector<cv::Mat> pictures;
  std::vector<int> labels;
};

HeldOut ReadHeldOut() {
  HeldOut out;
  cv::FileStorage held(kHeldOut.string(), cv::FileStorage::READ);
  cv::Mat pictures, labels;
  held["pictures"] >> pictures;
  held["labels"] >> labels;
  for (int i = 0; i < pictures.rows; ++i) {
    out.pictures.push_back(pictures.row(i).reshape(1, kDigitSide).clone());
    out.labels.push_back(labels.at<int>(i));
  }
  return out;
}

// The model this build trained and the samples it held out; skipped in a build without them.
class TrainedModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kModel))
      GTEST_SKIP() << "no digit model in this build (opencv-doc's digits.png was not found at build)";
    model_ = DigitModel::Load(kModel);
    ASSERT_TRUE(model_);
    held_ = ReadHeldOut();
  }
  std::unique_ptr<DigitModel> model_;
  HeldOut held_;
};

TEST_F(TrainedModelTest, ReadsSamplesHeldOutOfItsTraining) {
  ASSERT_EQ(held_.pictures.size(), 500u);  // a tenth of each digit's 500
  int right = 0, right_sure = 0, sure = 0;
  for (size_t i = 0; i < held_.pictures.size(); ++i) {
    const DigitGuess guess = model_->ReadPicture(held_.pictures[i]);
    right += guess.digit == held_.labels[i];
    if (guess.margin >= kClearMargin) {
      ++sure;
      right_sure += guess.digit == held_.labels[i];
    }
  }
  // OpenCV's own sample reaches about 96 % with the same features; a clear margin is righter.
  EXPECT_GE(right, 475) << "of 500";
  EXPECT_GE(sure, 450);
  EXPECT_GE(right_sure * 100, sure * 97);
}

TEST(DigitModel, MissingOrBrokenFileIsNoModel) {
  EXPECT_FALSE(DigitModel::Load("/nonexistent/handwritten-digits.yml"));
  const std::filesystem::path broken = std::filesystem::temp_directory_path() / "luutru-broken-digits.yml";
  std::ofstream(broken) << "%YAML:1.0\nnot: a model\n";
  EXPECT_FALSE(DigitModel::Load(broken));
  // Models of another making: a linear kernel, three digits only.
  cv::Mat features(30, 64, CV_32F), labels(30, 1, CV_32S);
  cv::randu(features, 0, 1);
  for (int i = 0; i < 30; ++i) labels.at<int>(i) = i % 3;
  for (const int kernel : {cv::ml::SVM::LINEAR, cv::ml::SVM::RBF}) {
    cv::Ptr<cv::ml::SVM> svm = cv::ml::SVM::create();
    svm->setKernel(kernel);
    svm->train(features, cv::ml::ROW_SAMPLE, labels);
    svm->save(broken.string());
    EXPECT_FALSE(DigitModel::Load(broken)) << "kernel " << kernel;
  }
  std::filesystem::remove(broken);
}

// A held-out sample of `digit` as a page shows it: dark ink on light paper, `height` pixels high.
cv::Mat OnPaper(const HeldOut& held, int digit, int nth, int height) {
  int seen = 0;
  for (size_t i = 0; i < held.pictures.size(); ++i) {
    if (held.labels[i] != digit || seen++ < nth) continue;
    cv::Mat big;
    cv::resize(held.pictures[i], big, cv::Size(), height / 14.0, height / 14.0, cv::INTER_LINEAR);
    return 255 - big;
  }
  return {};
}

// A room for digits as the header's crop has it: the end of "Số:" cut by its left edge, a speck
// of the printed leader, the rule under the issuer along its top, and `digits` written between;
// with `joined`, the pen ran on from each digit to the next (their ink touches).
cv::Mat Room(const HeldOut& held, const std::vector<int>& digits, bool joined, int line_height) {
  const int side = kDigitSide * line_height / 14;
  cv::Mat room(side + 20, 40 + static_cast<int>(digits.size()) * (side + 4), CV_8U, cv::Scalar(255));
  cv::rectangle(room, cv::Rect(0, 14, 6, line_height / 2), 0, cv::FILLED);        // cut print
  cv::rectangle(room, cv::Rect(room.cols - 12, side + 12, 3, 3), 0, cv::FILLED);  // a speck
  cv::line(room, cv::Point(0, 1), cv::Point(room.cols - 1, 1), 0, 2);             // the rule
  int x = 20;
  cv::Point last_end(-1, 0);
  for (size_t k = 0; k < digits.size(); ++k) {
    const cv::Mat digit = OnPaper(held, digits[k], static_cast<int>(k), line_height);
    cv::Mat place = room(cv::Rect(x, 10, digit.cols, digit.rows));
    cv::min(place, digit, place);
    const cv::Rect ink = cv::boundingRect(digit < 128) + cv::Point(x, 10);
    const int y = ink.y + ink.height * 4 / 5;
    if (joined && last_end.x >= 0) cv::line(room, last_end, cv::Point(ink.x + ink.width / 3, y), 0, 3);
    last_end = cv::Point(ink.br().x - ink.width / 3, y);
    x += side + 4;
  }
  return room;
}

std::string ReadRoom(const DigitModel& model, const cv::Mat& room, int line_height, size_t* marks) {
  std::string digits;
  const std::vector<DigitMark> found = HandwrittenMarks(room, line_height);
  *marks = found.size();
  for (const DigitMark& m : found) digits.push_back(static_cast<char>('0' + model.Read(m.ink).digit));
  return digits;
}

TEST_F(TrainedModelTest, CutsALineOfHandwritingIntoItsDigits) {
  const int line_height = 42;
  size_t marks = 0;
  // Apart: three marks, left to right, nothing from the print, the speck or the rule.
  EXPECT_EQ(ReadRoom(*model_, Room(held_, {5, 7, 4}, false, line_height), line_height, &marks), "574");
  EXPECT_EQ(marks, 3u);
  // Joined by the pen, one piece of ink: still cut into digits.
  const cv::Mat close = Room(held_, {2, 3}, true, line_height);
  cv::Mat ink, labels, stats, centroids;
  cv::threshold(close, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  int tall = 0;
  for (int i = 1; i < cv::connectedComponentsWithStats(ink, labels, stats, centroids); ++i) {
    tall += stats.at<int>(i, cv::CC_STAT_HEIGHT) > line_height / 2 && stats.at<int>(i, cv::CC_STAT_LEFT) > 0;
  }
  ASSERT_EQ(tall, 1) << "the two digits are one piece of ink";
  EXPECT_EQ(ReadRoom(*model_, close, line_height, &marks), "23");
  EXPECT_EQ(marks, 2u);
}

TEST(DigitMarks, AnEmptyRoomHasNoMarks) {
  cv::Mat room(60, 120, CV_8U, cv::Scalar(255));
  cv::line(room, cv::Point(0, 1), cv::Point(119, 1), 0, 2);
  EXPECT_TRUE(HandwrittenMarks(room, 40).empty());
  EXPECT_TRUE(HandwrittenMarks(cv::Mat(), 40).empty());
}

}  // namespace
}  // namespace luutru::indexer
