#include <gtest/gtest.h>

#include "indexer/ocr/ocr.h"

namespace luutru::indexer {
namespace {

TEST(CleanOcrText, ComposesDecomposedVietnamese) {
  // "Quảng Ngãi" with combining marks, as LSTM output sometimes is.
  EXPECT_EQ(CleanOcrText("Qua\xCC\x89ng Nga\xCC\x83i"), "Quảng Ngãi");
}

TEST(CleanOcrText, KeepsVietnameseLettersDigitsAndPunctuation) {
  const std::string line = "Số: 05/CT-UBND, ngày 15 tháng 4 năm 2020 (“Chỉ thị”) – 17,45%; §2.";
  EXPECT_EQ(CleanOcrText(line), line);
  EXPECT_EQ(CleanOcrText("ĐƯỜNG ỨNG ỬNG ỰC Ỹ ỵ"), "ĐƯỜNG ỨNG ỬNG ỰC Ỹ ỵ");
}

TEST(CleanOcrText, ReadsEthAsDStroke) { EXPECT_EQ(CleanOcrText("ÐẢNG Ðoàn ðã"), "ĐẢNG Đoàn đã"); }

TEST(CleanOcrText, DropsStraySymbolsAndForeignLetters) {
  EXPECT_EQ(CleanOcrText("| Kính gửi: ©® ~ Sở Tài chính ¢ ß€"), "Kính gửi: Sở Tài chính");
  EXPECT_EQ(CleanOcrText("Hà Nội ñ ç"), "Hà Nội");
}

TEST(CleanOcrText, TidiesWhiteSpaceButKeepsLines) {
  EXPECT_EQ(CleanOcrText("\n\nDòng một  \t tiếp \n\n\n\nDòng hai\n\n"), "Dòng một tiếp\n\nDòng hai");
}

TEST(CleanOcrText, EmptyAndSymbolOnlyInputGiveEmptyText) {
  EXPECT_EQ(CleanOcrText(""), "");
  EXPECT_EQ(CleanOcrText(" | ~ © \n"), "");
}

}  // namespace
}  // namespace luutru::indexer
