// ocr-accuracy: character accuracy of an OCR text against a reference transcription of part of
// the page: 1 - (edit distance / reference length), counted in Unicode code points after NFC,
// with every run of white space taken as one space. The reference is aligned with the best
// matching stretch of the OCR text (what the page holds beyond the transcribed part is free).
//
//   ocr-accuracy REFERENCE.txt OCR.txt   ->   "chars=1519 errors=57 accuracy=96.25%"
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<UChar32> CodePoints(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text =
      icu::Normalizer2::getNFCInstance(status)->normalize(icu::UnicodeString::fromUTF8(ss.str()), status);
  std::vector<UChar32> out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (u_isUWhiteSpace(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: ocr-accuracy REFERENCE.txt OCR.txt\n");
    return 2;
  }
  const std::vector<UChar32> ref = CodePoints(argv[1]);
  const std::vector<UChar32> hyp = CodePoints(argv[2]);
  // Semi-global alignment: free start and end in the OCR text.
  std::vector<int> prev(hyp.size() + 1, 0), cur(hyp.size() + 1);
  for (size_t i = 1; i <= ref.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= hyp.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ref[i - 1] != hyp[j - 1])});
    }
    std::swap(prev, cur);
  }
  const int errors = ref.empty() ? 0 : *std::min_element(prev.begin(), prev.end());
  const double accuracy = ref.empty() ? 100.0 : 100.0 * (1.0 - double(errors) / ref.size());
  std::printf("chars=%zu errors=%d accuracy=%.2f%%\n", ref.size(), errors, accuracy);
  return 0;
}
