// Random bytes and random Vietnamese-like UTF-8 (seeded, so a failure can be replayed): no
// crash, valid UTF-8 out, offsets inside the input and in order, positions never going back.
#include <gtest/gtest.h>
#include <unicode/ustring.h>

#include <random>
#include <string>
#include <vector>

#include "tokenizers/legacy_encoding.h"
#include "tokenizers/normalize.h"
#include "tokenizers/notation.h"
#include "tokenizers/tokenizer.h"

namespace luutru::tokenizers {
namespace {

bool IsValidUtf8(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, s.data(), static_cast<int32_t>(s.size()), &status);
  return status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(status);
}

// Pieces that make the interesting paths run: legacy look-alikes, notations, dates, marks.
const char* const kAlphabet[] = {
    "a",
    "Đ",
    "ð",
    "Ð",
    "ả",
    "ư",
    "Ơ",
    "o",
    "à",
    "uy",
    "ỷ",
    "q",
    "QĐ",
    "TB",
    "TU",
    "UBND",
    " ",
    "  ",
    "\n",
    "-",
    "/",
    ".",
    ":",
    "0",
    "5",
    "12",
    "2023",
    "ngày",
    "tháng",
    "năm",
    "Số",
    "S6",
    "\xCC\x80",
    "\xCC\x81",
    "\xCC\x89",
    "\xCC\xA3",
    "\xC2\xAD",
    "\xE2\x88\x92",
    "©",
    "µ",
    "¸",
    "ø",
    "ù",
    "ï",
    "â",
    "ê",
    "ß",
    "İ",
    "ﬁ",
    "한",
    "😀",
    "\xff",
    "\xc3",
    "\xe1\xba",
    "\xed\xa0\x80",
    "\x00",
    "\xC0\xAF",
    "–",
    "\xEF\xBB\xBF",
};

std::string RandomText(std::mt19937& rng, bool bytes) {
  std::uniform_int_distribution<int> length(0, 60);
  std::string s;
  int n = length(rng);
  if (bytes) {
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>(byte(rng)));
  } else {
    std::uniform_int_distribution<size_t> pick(0, std::size(kAlphabet) - 1);
    for (int i = 0; i < n; ++i) {
      const char* piece = kAlphabet[pick(rng)];
      if (piece[0] == '\0') {
        s.push_back('\0');
      } else {
        s += piece;
      }
    }
  }
  return s;
}

void CheckInvariants(const std::string& input) {
  std::vector<Token> tokens = Tokenize(input);
  uint32_t last_position = 0;
  size_t last_begin = 0;
  for (const Token& t : tokens) {
    ASSERT_LE(t.begin, t.end);
    ASSERT_LE(t.end, input.size());
    ASSERT_LT(t.begin, t.end);
    ASSERT_GE(t.position, last_position);
    ASSERT_GE(t.position, 1u);
    ASSERT_GE(t.begin, last_begin);
    ASSERT_FALSE(t.exact.empty());
    ASSERT_FALSE(t.folded.empty());
    ASSERT_TRUE(IsValidUtf8(t.exact));
    ASSERT_TRUE(IsValidUtf8(t.folded));
    last_position = t.position;
    last_begin = t.begin;
  }
  // TokenizeWords is Tokenize without the notations and dates.
  std::vector<Token> words = TokenizeWords(input);
  size_t w = 0;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
    ASSERT_LT(w, words.size());
    const Token& o = words[w++];
    ASSERT_TRUE(o.kind == t.kind && o.exact == t.exact && o.folded == t.folded && o.position == t.position &&
                o.begin == t.begin && o.end == t.end);
  }
  ASSERT_EQ(w, words.size());
  ASSERT_TRUE(IsValidUtf8(NormalizeText(input)));
  ASSERT_TRUE(IsValidUtf8(ExactForm(input)));
  ASSERT_TRUE(IsValidUtf8(FoldedForm(input)));
  std::string repaired = RepairLegacyEncoding(input);
  ASSERT_TRUE(IsValidUtf8(ConvertLegacyEncoding(input, LegacyEncoding::kTcvn3)));
  ASSERT_TRUE(IsValidUtf8(ConvertLegacyEncoding(input, LegacyEncoding::kVni)));
  if (auto n = ParseNotation(input)) {
    ASSERT_TRUE(IsValidUtf8(n->text));
    ASSERT_FALSE(n->key.empty());
  }
  // Normalizing is idempotent.
  std::string once = NormalizeText(input);
  ASSERT_EQ(NormalizeText(once), once);
}

TEST(Fuzz, RandomBytes) {
  std::mt19937 rng(20231012);
  for (int i = 0; i < 2000; ++i) {
    std::string input = RandomText(rng, true);
    SCOPED_TRACE(testing::PrintToString(input));
    CheckInvariants(input);
    if (HasFatalFailure()) return;
  }
}

TEST(Fuzz, RandomVietnameseLikeText) {
  std::mt19937 rng(45);
  for (int i = 0; i < 3000; ++i) {
    std::string input = RandomText(rng, false);
    SCOPED_TRACE(testing::PrintToString(input));
    CheckInvariants(input);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace luutru::tokenizers
