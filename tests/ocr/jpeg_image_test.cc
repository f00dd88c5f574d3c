// DecodeJpegGray: grey and colour JPEGs give their luminance; a corrupt or truncated stream, a
// CMYK one, or one of another size gives nothing, without exiting (this runs under the
// sanitizers too, which check the jump out of libjpeg).
#include "indexer/ocr/jpeg_image.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "corpus/jpeg_encode.h"

namespace luutru::indexer {
namespace {

constexpr int kWidth = 120, kHeight = 80;

// A smooth grey ramp with a dark bar, `components` bytes per pixel (equal channels but the
// blue one a little lighter in colour, to show the weights).
std::vector<std::uint8_t> Pattern(int components) {
  std::vector<std::uint8_t> pixels;
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      const int grey = (y >= 30 && y < 40) ? 20 : 60 + x;
      for (int c = 0; c < components; ++c) {
        pixels.push_back(static_cast<std::uint8_t>(components == 3 && c == 2 ? grey + 30 : grey));
      }
    }
  }
  return pixels;
}

std::optional<GrayImage> Decode(const std::string& jpeg, JpegExpectation expected) {
  return DecodeJpegGray(reinterpret_cast<const unsigned char*>(jpeg.data()), jpeg.size(), expected);
}

TEST(DecodeJpegGray, GreyJpegGivesItsPixels) {
  const std::string jpeg = corpus::EncodeJpeg(kWidth, kHeight, 1, Pattern(1).data(), 95);
  const std::optional<GrayImage> image = Decode(jpeg, {kWidth, kHeight, 1});
  ASSERT_TRUE(image.has_value());
  EXPECT_EQ(image->width, kWidth);
  EXPECT_EQ(image->height, kHeight);
  ASSERT_EQ(image->pixels.size(), static_cast<size_t>(kWidth * kHeight));
  EXPECT_NEAR(image->at(10, 35), 20, 4);
  EXPECT_NEAR(image->at(50, 10), 110, 4);
}

TEST(DecodeJpegGray, ColourJpegGivesPopplersGrey) {
  const std::string jpeg = corpus::EncodeJpeg(kWidth, kHeight, 3, Pattern(3).data(), 95);
  const std::optional<GrayImage> image = Decode(jpeg, {kWidth, kHeight, 3});
  ASSERT_TRUE(image.has_value());
  // Poppler's grey of (110, 110, 140): 0.3 r + 0.59 g + 0.11 b = 113.3.
  EXPECT_NEAR(image->at(50, 10), 113.3, 4);
  EXPECT_NEAR(image->at(10, 35), 23.3, 4);
}

TEST(DecodeJpegGray, WhatItCannotReadPlainlyGivesNothing) {
  const std::string grey = corpus::EncodeJpeg(kWidth, kHeight, 1, Pattern(1).data());
  EXPECT_FALSE(Decode(grey, {kWidth + 1, kHeight, 1}).has_value()) << "another width";
  EXPECT_FALSE(Decode(grey, {kWidth, kHeight, 3}).has_value()) << "another number of components";
  EXPECT_FALSE(Decode(grey.substr(0, grey.size() / 2), {kWidth, kHeight, 1}).has_value()) << "truncated";
  EXPECT_FALSE(Decode(grey.substr(0, 20), {kWidth, kHeight, 1}).has_value()) << "header only";
  std::string garbled = grey;
  for (size_t i = garbled.size() / 3; i < garbled.size() / 3 + 200; ++i) garbled[i] = '\xff';
  EXPECT_FALSE(Decode(garbled, {kWidth, kHeight, 1}).has_value()) << "corrupt entropy data";
  EXPECT_FALSE(Decode("not a jpeg at all", {kWidth, kHeight, 1}).has_value());
  EXPECT_FALSE(Decode("", {kWidth, kHeight, 1}).has_value());
  const std::string cmyk = corpus::EncodeJpeg(kWidth, kHeight, 4, Pattern(4).data());
  EXPECT_FALSE(Decode(cmyk, {kWidth, kHeight, 4}).has_value()) << "CMYK";
  // Still usable after all those failures.
  EXPECT_TRUE(Decode(grey, {kWidth, kHeight, 1}).has_value());
}

}  // namespace
}  // namespace luutru::indexer
