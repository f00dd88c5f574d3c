#include "indexer/metadata/header_issuer.h"

#include <algorithm>

#include "indexer/metadata/header_text.h"

namespace luutru::indexer {

using namespace header_text;  // NOLINT: the small text helpers shared by the header parts

namespace {

// Words that open the name of a body (a new line starting with one is a new body, not the
// continuation of the line above).
bool OpensBodyName(const std::vector<std::string>& folded) {
  if (folded.empty()) return false;
  static const char* const kTwo[] = {"uy ban",  "hoi dong", "chi cuc",  "tong cuc", "trung tam", "van phong",
                                     "cong ty", "tinh uy",  "thanh uy", "huyen uy", "quan uy",   "dang uy",
                                     "dang bo", "chi bo",   "cong an",  "hoc vien", "ban chi",   "thi uy"};
  if (folded.size() >= 2) {
    const std::string two = folded[0] + " " + folded[1];
    for (const char* t : kTwo) {
      if (two == t) return true;
    }
  }
  static const char* const kOne[] = {"ubnd", "hdnd",  "bo",     "so",   "ban", "cuc",
                                     "vu",   "phong", "truong", "vien", "hoi", "doan"};
  for (const char* o : kOne) {
    if (folded[0] == o) return true;
  }
  return false;
}

bool IsLocalityAt(const std::vector<std::string>& f, size_t i, size_t* len) {
  auto at = [&](size_t k) -> std::string { return k < f.size() ? f[k] : std::string(); };
  if (at(i + 1) == "uy") return false;  // "TỈNH ỦY" is a body, not a place
  if ((at(i) == "thanh" && at(i + 1) == "pho") || (at(i) == "thi" && (at(i + 1) == "xa" || at(i + 1) == "tran"))) {
    *len = 2;
    return true;
  }
  if (at(i) == "tinh" || at(i) == "huyen" || at(i) == "quan" || at(i) == "xa" || at(i) == "phuong" || at(i) == "tp" ||
      at(i) == "tp.") {
    *len = 1;
    return true;
  }
  return false;
}

}  // namespace

// Place names after a locality word (tỉnh, huyện, …) or a Party committee are proper nouns; a
// head noun (Bộ, Sở, Trường …) and the first word of its field take a capital, as does a field
// after "và" ("Bộ Nông nghiệp và Môi trường").

std::string NormalCaseBodyName(const std::vector<std::string>& upper_words) {
  std::vector<std::string> words;
  for (const auto& w : upper_words) {
    const std::string f = Fold(w);
    if (f == "ubnd") {
      for (const char* x : {"Ủy", "ban", "nhân", "dân"}) words.push_back(x);
    } else if (f == "hdnd") {
      for (const char* x : {"Hội", "đồng", "nhân", "dân"}) words.push_back(x);
    } else if (f == "tp." || f == "tp") {
      for (const char* x : {"thành", "phố"}) words.push_back(x);
    } else {
      words.push_back(w);
    }
  }
  std::vector<std::string> folded;
  for (const auto& w : words) folded.push_back(Fold(w));
  struct Phrase {
    const char* folded;
    const char* written;
    bool names_follow;  // the words after it are a proper name
  };
  static const Phrase kPhrases[] = {
      {"uy ban nhan dan", "Ủy ban nhân dân", false},
      {"hoi dong nhan dan", "Hội đồng nhân dân", false},
      {"tinh uy", "Tỉnh ủy", true},
      {"thanh uy", "Thành ủy", true},
      {"huyen uy", "Huyện ủy", true},
      {"quan uy", "Quận ủy", true},
      {"thi uy", "Thị ủy", true},
      {"dang uy", "Đảng ủy", true},
      {"ban thuong vu", "Ban Thường vụ", false},
      {"ban chap hanh", "Ban Chấp hành", false},
      {"trung uong", "Trung ương", false},
      {"chinh phu", "Chính phủ", false},
      {"cong thuong", "Công Thương", false},
      {"dai hoc", "Đại học", false},
      {"cao dang", "Cao đẳng", false},
      {"van phong", "Văn phòng", false},
      {"quoc hoi", "Quốc hội", false},
      {"dang bo", "Đảng bộ", true},
  };
  static const char* const kHeads[] = {"bo",       "so",      "ban",      "cuc",    "vu",        "phong",
                                       "truong",   "vien",    "hoi",      "doan",   "trung tam", "chi cuc",
                                       "tong cuc", "cong ty", "hoc vien", "cong an"};
  std::vector<std::string> out;
  bool proper = false;    // inside a proper name
  bool cap_next = false;  // the first word of a field after a head noun or "và"
  for (size_t i = 0; i < words.size();) {
    if (proper) {
      out.push_back(ToTitle(words[i]));
      ++i;
      continue;
    }
    bool matched = false;
    for (const Phrase& p : kPhrases) {
      const std::vector<std::string> pw = Words(p.folded);
      if (i + pw.size() <= folded.size() && std::equal(pw.begin(), pw.end(), folded.begin() + i)) {
        out.push_back(p.written);
        i += pw.size();
        proper = p.names_follow;
        cap_next = false;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    size_t len = 0;
    if (IsLocalityAt(folded, i, &len)) {
      std::string loc = ToLower(Join(words, i, i + len));
      if (out.empty()) loc = ToTitle(loc);
      out.push_back(loc);
      i += len;
      proper = true;
      continue;
    }
    for (const char* h : kHeads) {
      if (!out.empty()) break;  // a head noun opens the name ("Bộ", "Trường"); later it is a word
      const std::vector<std::string> hw = Words(h);
      if (i + hw.size() <= folded.size() && std::equal(hw.begin(), hw.end(), folded.begin() + i)) {
        std::string head = ToLower(Join(words, i, i + hw.size()));
        out.push_back(ToTitle(head));
        i += hw.size();
        cap_next = true;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (folded[i] == "va") {
      out.push_back("và");
      cap_next = true;
    } else if (cap_next || out.empty()) {
      out.push_back(ToTitle(words[i]));
      cap_next = false;
    } else {
      out.push_back(ToLower(words[i]));
    }
    ++i;
  }
  return Join(out);
}

namespace {

// The locality part of a body's name: "tỉnh Quảng Ngãi" in "Ủy ban nhân dân tỉnh Quảng Ngãi".
std::string LocalityOf(const std::vector<std::string>& words) {
  std::vector<std::string> folded;
  for (const auto& w : words) folded.push_back(Fold(w));
  for (size_t i = 1; i < words.size(); ++i) {
    size_t len = 0;
    if (IsLocalityAt(folded, i, &len)) {
      std::vector<std::string> tail(words.begin() + i, words.end());
      const std::string s = NormalCaseBodyName(tail);
      // NormalCaseBodyName capitalizes a first word; a locality inside a name is lower case.
      const size_t space = s.find(' ');
      if (space == std::string::npos) return ToLower(s);
      return ToLower(s.substr(0, space)) + s.substr(space);
    }
  }
  return "";
}

bool IsPartyCommittee(const std::vector<std::string>& words) {
  if (words.size() < 2) return false;
  const std::string two = Fold(words[0]) + " " + Fold(words[1]);
  return two == "tinh uy" || two == "thanh uy" || two == "huyen uy" || two == "quan uy" || two == "thi uy" ||
         two == "dang uy" || two == "dang bo";
}

}  // namespace

std::string IssuerName(const std::vector<std::vector<std::string>>& block) {
  if (block.empty()) return "";
  // Group lines into bodies: a line continues the one above unless it opens a new name.
  std::vector<std::vector<std::string>> bodies;
  for (const auto& words : block) {
    std::vector<std::string> folded;
    for (const auto& w : words) folded.push_back(Fold(w));
    bool continues = false;
    if (!bodies.empty()) {
      const std::string last = Fold(bodies.back().back());
      continues = last == "va" || last == "cua" || last == "-" || last == "," || !OpensBodyName(folded);
    }
    if (continues) {
      bodies.back().insert(bodies.back().end(), words.begin(), words.end());
    } else {
      bodies.push_back(words);
    }
  }
  const std::vector<std::string>& body = bodies.back();
  if (bodies.size() == 1) return NormalCaseBodyName(body);
  const std::vector<std::string>& parent = bodies[bodies.size() - 2];
  const std::string body_folded = Fold(Join(body));
  if (StartsWith(body_folded, "ban thuong vu") || StartsWith(body_folded, "ban chap hanh") ||
      StartsWith(body_folded, "thuong truc")) {
    return NormalCaseBodyName(parent);
  }
  if (IsPartyCommittee(parent)) return NormalCaseBodyName(body) + " " + NormalCaseBodyName(parent);
  std::string name = NormalCaseBodyName(body);
  // A department named without a place ("SỞ TÀI CHÍNH") takes its superior's.
  std::vector<std::string> from_start = body;
  from_start.insert(from_start.begin(), "");  // LocalityOf looks past the first word
  if (LocalityOf(from_start).empty()) {
    const std::string loc = LocalityOf(parent);
    if (!loc.empty()) name += " " + loc;
  }
  return name;
}

}  // namespace luutru::indexer
