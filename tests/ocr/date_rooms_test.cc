// FindDateRooms: the rooms of the handwritten day and month on the header's date line, from the
// printed words of the page's layout, also where page OCR lost or misread "ngày".
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "indexer/ocr/header_digits.h"

namespace luutru::indexer {
namespace {

// An A4 page at 300 dpi; the date line's printed words are 50 pixels high, at y 500-550, and the
// day is written at x 1670-1770, between the printed "ngày" (1550-1660) and "tháng".
GrayImage Page() {
  GrayImage image;
  image.width = 2480;
  image.height = 3508;
  image.dpi = 300;
  return image;
}
LayoutWord Word(std::string text, int x0, int x1, int y0 = 500) {
  return LayoutWord{std::move(text), x0, y0, x1, y0 + 50};
}
constexpr int kDayX0 = 1670, kDayX1 = 1770;

// The words of the line after "ngày": "tháng 02 năm 2025".
std::vector<LayoutWord> Line(std::vector<LayoutWord> before_thang) {
  std::vector<LayoutWord> words = {Word("Quảng", 1250, 1400)};
  words.insert(words.end(), before_thang.begin(), before_thang.end());
  for (LayoutWord w :
       {Word("tháng", 1780, 1915), Word("02", 1935, 1985), Word("năm", 2000, 2095), Word("2025", 2110, 2225)}) {
    words.push_back(w);
  }
  return words;
}

// The day's room holds the handwritten day and little of the printed words around it.
void ExpectDayRoom(const std::optional<DateRooms>& rooms) {
  ASSERT_TRUE(rooms);
  ASSERT_TRUE(rooms->day);
  EXPECT_LE(rooms->day->x0, kDayX0);
  EXPECT_GE(rooms->day->x1, kDayX1);
  EXPECT_GT(rooms->day->x0, 1620) << "the room starts past the printed \"ngày\"";
  EXPECT_LE(rooms->day->x1, 1780) << "the room ends before \"tháng\"";
  EXPECT_LT(rooms->day->y0, 500);
  EXPECT_GT(rooms->day->y1, 550);
  ASSERT_TRUE(rooms->month);
  EXPECT_GE(rooms->month->x0, 1915);
  EXPECT_LE(rooms->month->x1, 2000);
  EXPECT_EQ(rooms->line_height, 50);
}

TEST(DateRooms, TheDayStandsBetweenNgayAndThang) {
  ExpectDayRoom(FindDateRooms(Page(), Line({Word("Ngãi,", 1410, 1530), Word("ngày", 1550, 1660)})));
}

TEST(DateRooms, NgayHoldingTheDayEndsWhereItsWidthPutsIt) {
  ExpectDayRoom(FindDateRooms(Page(), Line({Word("Ngãi,", 1410, 1530), Word("ngày05", 1550, 1770)})));
}

TEST(DateRooms, ThangHoldingTheMonthEndsWhereItsWidthPutsIt) {
  // Page OCR read the month written at 1935-1985 into the box of "tháng".
  const std::optional<DateRooms> rooms =
      FindDateRooms(Page(), {Word("Quảng", 1250, 1400), Word("Ngãi,", 1410, 1530), Word("ngày", 1550, 1660),
                             Word("tháng", 1780, 1990), Word("năm", 2000, 2095), Word("2025", 2110, 2225)});
  ASSERT_TRUE(rooms);
  ASSERT_TRUE(rooms->month);
  EXPECT_LE(rooms->month->x0, 1935);
  EXPECT_GT(rooms->month->x0, 1880) << "the room starts past the printed \"tháng\"";
  EXPECT_GE(rooms->month->x1, 1985);
  EXPECT_LE(rooms->month->x1, 2000);
}

TEST(DateRooms, NgayLostTheDayFollowsThePlace) {
  // Page OCR read no "ngày" at all: the day stands a space and the printed word after the place.
  ExpectDayRoom(FindDateRooms(Page(), Line({Word("Ngãi,", 1410, 1530)})));
  // The same with the handwriting read as debris before "tháng": it is not the printed word.
  ExpectDayRoom(FindDateRooms(Page(), Line({Word("Ngãi,", 1410, 1530), Word("O_", 1680, 1760)})));
}

TEST(DateRooms, NgayMisreadOrRunIntoThePlace) {
  ExpectDayRoom(FindDateRooms(Page(), Line({Word("Ngãi,", 1410, 1530), Word("ngàv", 1550, 1660)})));
  ExpectDayRoom(FindDateRooms(Page(), Line({Word("nqàyÔ5", 1550, 1765)})));
  ExpectDayRoom(FindDateRooms(Page(), Line({Word("Ngãi,ngày", 1410, 1660)})));
}

TEST(DateRooms, TheHeadersLineIsTheTopmostInTheUpperPart) {
  // A recital citing a date below the header's line does not take its place.
  std::vector<LayoutWord> words = Line({Word("Ngãi,", 1410, 1530), Word("ngày", 1550, 1660)});
  for (LayoutWord w : {Word("ngày", 400, 510, 900), Word("12", 530, 580, 900), Word("tháng", 600, 735, 900),
                       Word("năm", 820, 915, 900)}) {
    words.push_back(w);
  }
  ExpectDayRoom(FindDateRooms(Page(), words));
  // Lower on the page than the header reaches, a date line is no header's.
  std::vector<LayoutWord> low;
  for (LayoutWord w : Line({Word("Ngãi,", 1410, 1530), Word("ngày", 1550, 1660)})) {
    w.y0 += 2500;
    w.y1 += 2500;
    low.push_back(w);
  }
  EXPECT_FALSE(FindDateRooms(Page(), low));
  EXPECT_FALSE(FindDateRooms(Page(), {Word("Quảng", 1250, 1400), Word("Ngãi,", 1410, 1530)}));
}

}  // namespace
}  // namespace luutru::indexer
