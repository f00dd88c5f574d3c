// Names the issuing body (cơ quan ban hành) from the capitals lines of a header's top-left block,
// and gives the key under which two spellings of one body's name compare equal.
//
// Two bodies in the block are a superior and the issuing body (Decree 30/2020 appendix I;
// 36-HD/VPTW). The issuer is the lower one, named with its superior's locality ("SỞ TÀI CHÍNH"
// under "UBND TỈNH QUẢNG NGÃI" -> "Sở Tài chính tỉnh Quảng Ngãi") or, in a Party block, with its
// committee ("BAN TUYÊN GIÁO" under "TỈNH ỦY QUẢNG NINH" -> "Ban Tuyên giáo Tỉnh ủy Quảng
// Ninh"). A committee's Ban Thường vụ, Ban Chấp hành or Thường trực acts in the committee's own
// name (its documents are numbered "…/TU"), so "TỈNH ỦY THÁI BÌNH / BAN THƯỜNG VỤ" is "Tỉnh ủy
// Thái Bình". Names are written in normal capitalization, place names as proper nouns.
#ifndef LUUTRU_INDEXER_HEADER_ISSUER_H_
#define LUUTRU_INDEXER_HEADER_ISSUER_H_

#include <string>
#include <vector>

namespace luutru::indexer {

// `block`: the block's lines top to bottom, each as its words in capitals (motto, rules and
// debris already removed). A line continues the one above ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG
// NGÃI") unless it opens a new body's name ("SỞ", "BAN", "TRƯỜNG" …). Empty for an empty block.
std::string IssuerName(const std::vector<std::vector<std::string>>& block);

// "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" -> "Ủy ban nhân dân tỉnh Quảng Ngãi"; "UBND" and "HĐND"
// are spelled out.
std::string NormalCaseBodyName(const std::vector<std::string>& capital_words);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_HEADER_ISSUER_H_
