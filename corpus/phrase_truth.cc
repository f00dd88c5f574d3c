#include "corpus/phrase_truth.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "corpus/text_forms.h"

namespace luutru::corpus {

std::vector<std::string> FoldedWords(std::string_view text) {
  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(RemoveMarks(ToNfc(text)));
  folded.toLower();
  std::vector<std::string> words;
  icu::UnicodeString word;
  int kind = 0;  // 0 none, 1 letters, 2 digits
  auto finish = [&] {
    if (!word.isEmpty()) {
      std::string s;
      word.toUTF8String(s);
      words.push_back(std::move(s));
      word.remove();
    }
  };
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    const UChar32 c = folded.char32At(i);
    const int here = u_isdigit(c) ? 2 : u_isalpha(c) ? 1 : 0;
    if (here != kind) finish();
    kind = here;
    if (here) word.append(c);
  }
  finish();
  return words;
}

bool HoldsPhrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
  return !phrase.empty() && std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
}

}  // namespace luutru::corpus
