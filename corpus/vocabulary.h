// Word pools and sentence templates for generated Vietnamese administrative documents.
// Every sentence here was written for this corpus; none is copied from a real document.
// Templates use slots in braces: {issuer} {province} {year} {pct} {count} {topic}.
#ifndef LUUTRU_CORPUS_VOCABULARY_H_
#define LUUTRU_CORPUS_VOCABULARY_H_

#include <string_view>
#include <vector>

namespace luutru::corpus {

// One subject area (lĩnh vực): the phrases a document on it is made of.
struct Topic {
  std::string_view name;                    // "công tác giảm nghèo"
  std::vector<std::string_view> summaries;  // trích yếu, completed with " năm {year}"
  std::vector<std::string_view> sentences;  // body sentences
};

const std::vector<Topic>& Topics();
const std::vector<std::string_view>& GenericSentences();
const std::vector<std::string_view>& FamilyNames();  // họ
const std::vector<std::string_view>& MiddleNames();  // tên đệm
const std::vector<std::string_view>& GivenNames();   // tên, for facts
const std::vector<std::string_view>& SignerNames();  // full names of signers, disjoint from facts
const std::vector<std::string_view>& Hamlets();      // thôn
const std::vector<std::string_view>& Communes();     // xã; many carry oa/oe/uy clusters
const std::vector<std::string_view>& Recipients();   // Nơi nhận lines

}  // namespace luutru::corpus

#endif  // LUUTRU_CORPUS_VOCABULARY_H_
