// Which generated documents hold a phrase, decided from what their pages say: the ground truth
// of the phrase query classes (a phrase's exact holders, phrases no document holds, requests
// naming two things).
//
// Words are compared as a reader compares them without marks: lower case, marks removed, đ→d;
// a word is a run of letters or a run of digits ("QH15" is two). A phrase is held where its
// words follow one another, whatever punctuation, line or page break stands between them (the
// caller leaves out the page number printed on top of a page, as a reader reads past it).
#ifndef LUUTRU_CORPUS_PHRASE_TRUTH_H_
#define LUUTRU_CORPUS_PHRASE_TRUTH_H_

#include <string>
#include <string_view>
#include <vector>

namespace luutru::corpus {

// The folded words of `text`, in order.
std::vector<std::string> FoldedWords(std::string_view text);

// Whether `phrase` (folded words, not empty) occurs in `words` as consecutive words.
bool HoldsPhrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase);

}  // namespace luutru::corpus

#endif  // LUUTRU_CORPUS_PHRASE_TRUTH_H_
